// A contraceptive placed, removed or given at the visit is the visit's contraceptive management (Z30.-):
// "LNG-IUD inserted today" is Z30.430, "Nexplanon placed L arm" Z30.017 (its first prescription),
// "Depo-Provera 150 mg IM given" Z30.42, "start combined OCP" Z30.011. The Index reads these from "Encounter > insertion" and
// "Contraception > initial prescription", words a note does not write; the device and the act do.

const IUD = String.raw`(?:LNG-?IU[DS]|levonorgestrel (?:IUD|IUS|intrauterine \w+)|copper IUD|IU[DC]|intrauterine (?:device|contracepti\w+|system)|Mirena|Kyleena|Skyla|Liletta|Paragard)`;
const IMPLANT = String.raw`(?:Nexplanon|Implanon|etonogestrel implant|(?:contraceptive|subdermal) implant)`;
// Not "Depo" alone: Depo-Medrol is a steroid injected into a joint.
const INJECTION = String.raw`(?:Depo-?Provera|Depo-SubQ Provera|Depo (?:shot|injection)|DMPA(?:-SC)?|medroxyprogesterone(?: acetate)? (?:150|104))`;
const PILL = String.raw`(?:(?:combined |progestin-only )?OCPs?|COCs?|POPs?|(?:combined )?oral contraceptives?(?: pills?)?|birth control pills?|contraceptive pills?)`;

/** What a placement, removal or dose is written as, before or after the device. */
const PLACED = String.raw`(?:inserted|placed|insertion|placement)`;
const REMOVED = String.raw`(?:removed|removal|extracted)`;
const REPLACED = String.raw`(?:replaced|replacement|exchanged?|reinserted|reinsertion|removed and (?:re)?(?:placed|inserted)|removal and (?:re)?(?:placement|insertion))`;
const GIVEN = String.raw`(?:given|administered|injected|injection given)`;
/** A first prescription: "start combined OCP", "OCP initiated". Not a refill, which is the pills' surveillance. */
const STARTED = String.raw`(?:start(?:ed|ing)?|initiat(?:e|ed|ing)|begin|began)`;

/** A device and what was done with it, in one clause, either order ("IUD inserted", "insertion of Mirena"). */
const done = (device: string, act: string): RegExp => new RegExp(String.raw`\b${device}\b[^.;\n]{0,40}?\b${act}\b|\b${act}\b(?: of)?(?: an?| the)?[^.;\n]{0,20}?\b${device}\b`, 'i');

/** Only talked of, planned or refused: "discussed IUD placement", "will schedule Nexplanon insertion". */
const NOT_DONE = /\b(not|declined?s?|refused|deferred|considering|consider|interested|discussed|counsel(?:l?ed)?|options?|will|plan(?:s|ned)?|schedul\w*|next|desires?|wants?|wish(?:es|ed)?|would like|candidate|due|if)\b/i;

/** Placed on an earlier day: "Copper IUD placed ~2 yrs ago", "Mirena inserted 2023", "placed >3 wk ago". The device is
 *  then in place, which is no management at this visit. */
const EARLIER = /^[^.;\n]{0,20}?\b(ago|in (?:19|20)\d\d|(?:19|20)\d\d|\d{1,2}\/(?:19|20)?\d\d|previously|last (?:year|yr|month|mo|spring|summer|fall|winter)|at (?:delivery|her (?:last|postpartum)))\b/i;

const ACTS: ReadonlyArray<{ pattern: RegExp; code: string }> = [
  { pattern: done(IUD, REPLACED), code: 'Z30433' },
  { pattern: done(IUD, REMOVED), code: 'Z30432' },
  { pattern: done(IUD, PLACED), code: 'Z30430' },
  { pattern: done(IMPLANT, REPLACED), code: 'Z3046' },
  { pattern: done(IMPLANT, REMOVED), code: 'Z3046' },
  { pattern: done(IMPLANT, PLACED), code: 'Z30017' },
  { pattern: done(INJECTION, GIVEN), code: 'Z3042' },
  { pattern: done(PILL, STARTED), code: 'Z30011' },
];

/** Any contraceptive named: asked of every sentence first, so the rest run only where one is. */
const ANY_CONTRACEPTIVE = new RegExp(String.raw`\b(?:${IUD}|${IMPLANT}|${INJECTION}|${PILL})\b`, 'i');

/** The contraceptive management a sentence says was done at this visit, with where it is said. */
export function contraceptionDone(sentenceText: string): { code: string; start: number; end: number } | undefined {
  if (!ANY_CONTRACEPTIVE.test(sentenceText)) return undefined;
  for (const act of ACTS) {
    const m = act.pattern.exec(sentenceText);
    if (!m) continue;
    if (NOT_DONE.test(sentenceText.slice(Math.max(0, m.index - 30), m.index + m[0].length))) return undefined;
    if (EARLIER.test(sentenceText.slice(m.index + m[0].length))) return undefined;
    return { code: act.code, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
