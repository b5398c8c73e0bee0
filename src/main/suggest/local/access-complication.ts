// A dialysis access that clotted or narrowed: "Thrombosed L brachial-axillary AV graft", "AVF
// stenosis", "clotted AVG". The Index files these under "Complication > arteriovenous > fistula (or
// shunt), surgically created > thrombosis / stenosis" (T82.868-, T82.858-), words notes never use;
// read plainly, "thrombosis" alone is a vein's (I82.-) and "stenosis" no code at all. So is a peritoneal
// dialysis catheter's infection (T85.71-), which nephrologists call "PD peritonitis".

/** The access itself: a surgically created arteriovenous fistula or graft, or a dialysis catheter. */
const ACCESS = String.raw`(?:(?:AV|A-V|arteriovenous)\s+(?:graft|fistula|access)|AVG|AVF|(?:dialysis|HD|hemodialysis|tunneled|tunnelled|permcath)\s+(?:access|graft|fistula|catheter|line)|(?:PTFE|loop|forearm|upper arm|brachi\w+|radiocephalic|brachiocephalic|brachiobasilic)\s+(?:AV\s+)?(?:graft|fistula))`;

const KINDS: ReadonlyArray<readonly [string, string]> = [
  [String.raw`thrombos[ie]s|thrombosed|clotted|clot|occluded|occlusion`, 'T82868A'],
  [String.raw`stenos[ie]s|stenotic|narrowing|narrowed`, 'T82858A'],
];

/** Peritoneal dialysis' peritonitis or catheter infection: "PD peritonitis", "peritonitis assoc w/ PD
 * catheter", "PD catheter exit-site infection" (Complication > catheter > intraperitoneal dialysis >
 * infection, T85.71-; the peritonitis keeps its own code beside it). */
const PD = String.raw`(?:PD|CAPD|CCPD|APD|peritoneal dialysis)`;
const PD_INFECTION = new RegExp(
  String.raw`\b${PD}(?:[- ](?:associated|related))?\s+(?:catheter\s+)?peritonitis\b|\bperitonitis\b[^.;:\n]{0,30}?\b${PD}\s+catheter\b|\b${PD}\s+catheter\s+(?:exit[- ]site\s+|tunnel\s+)?infection\b`,
  'gi',
);

/** Within one clause, either order: "thrombosed ... AV graft", "AVF ... with stenosis at the anastomosis"; and the PD infection. */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  ...KINDS.map(([kind, code]): [RegExp, string] => [new RegExp(String.raw`\b(?:${kind})\b[^.;:\n]{0,40}?\b${ACCESS}\b|\b${ACCESS}\b[^.;:\n]{0,60}?\b(?:${kind})\b`, 'gi'), code]),
  [PD_INFECTION, 'T8571XA'],
];

/** A denial in the clause before the complication word: "no stenosis", "without thrombosis", "patent, not occluded". */
const DENIED = /\b(?:no|not|without|negative for|rule out|r\/o|free of|absence of)\b[^.;,]{0,25}$/i;
/** An access said to work, which names its complication only as one ruled out: "AVF patent, no stenosis". */
const KIND_WORD = new RegExp(KINDS.map(([k]) => k).join('|'), 'i');

export interface AccessComplication {
  code: string;
  /** Offsets within the sentence. */
  start: number;
  end: number;
}

/** The dialysis-access complications a sentence states, not those it denies. */
export function accessComplications(sentence: string): AccessComplication[] {
  const out: AccessComplication[] = [];
  for (const [re, code] of PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      // Denied before its complication word ("AVF patent, no stenosis"), or before the whole reading where it names none (the PD infection).
      const kindAt = m.index + Math.max(0, m[0].search(KIND_WORD));
      if (DENIED.test(sentence.slice(0, kindAt))) continue;
      if (!out.some((o) => o.code === code)) out.push({ code, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
