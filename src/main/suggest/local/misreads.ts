// Readings the words allow but the sentence does not mean: a list read across its items, a cause read
// as a kind ("secondary to"), a compound split ("blood pressure"), a size read as a stage, a heading's
// label joined to its findings. The matcher finds every entry whose words occur close together; these
// checks drop the ones a coder would never read there.
import type { Entry } from './dictionary';
import type { Mention, XToken } from './match';
import { STOP } from './index-words';

/** Whether one reading (an entry at these token positions) is a misreading of its sentence. */
export function misreads(text: string, xt: readonly XToken[], positions: readonly number[], e: Entry, where: ReadonlyMap<string, number[]>): boolean {
  // A number ("stage 3", "type 2") belongs to the words next to it, not to any number in the sentence.
  if (e.words.length > 1 && e.words.some((w) => /^\d/.test(w) && !nearOther(text, where.get(w)!, positions, xt))) return true;
  if (
    !usesAbbreviationCore(xt, positions) ||
    (e.viaExpansion === true && !positions.some((p) => xt[p]!.expanded)) ||
    misreadsCause(text, xt, positions, e) ||
    splitsCompound(xt, positions) ||
    benignWithoutGrowth(e, positions, where) ||
    necrosisOfGrowth(text, e, xt, positions) ||
    (!EXPOSURE_CODE.test(e.code) && namesService(text, xt, positions)) ||
    shotNotGunshot(e, xt, positions) ||
    fallNotAFall(text, xt, positions) ||
    bleedingNotABleed(text, xt, positions) ||
    exposureNotDisease(e, xt, positions) ||
    rheumaticByDefault(e, where) ||
    namedInTestName(text, xt, positions) ||
    karyotypeLetter(text, e, xt, positions) ||
    commonWordAsName(text, e, xt, positions) ||
    scarToCome(text, xt, positions) ||
    gaitFreezing(e, xt, positions) ||
    vesselCount(text, e, xt, positions) ||
    traumaOfTheMind(e, xt, positions) ||
    fearNotPhobia(e) ||
    underlyingAsBeneath(text, e, xt, positions) ||
    migransNotErysipeloid(e) ||
    tollOnPopulation(text, xt, positions) ||
    usedNotMalformed(e, xt, positions) ||
    virusNamed(e, xt, positions) ||
    longTermTherapy(e, xt, positions) ||
    transplantToCome(e, xt, positions) ||
    surgeryAhead(text, e, xt, positions) ||
    qualifierOfAnother(e, xt, positions) ||
    accessFistula(e, xt, positions) ||
    quitAhead(e, xt, positions) ||
    orderDeclined(e, xt, positions) ||
    useDisorderAsInduced(e, xt, positions) ||
    organDysfunctionOfSite(e, xt, positions) ||
    spreadMisread(text, e, xt, positions) ||
    acuityOfAnother(text, xt, positions) ||
    acuteKidneyAsHypertensive(e, xt, positions) ||
    tubularAcidosisOfChronicKidney(e, xt, positions) ||
    smokesNotTobacco(e, xt, positions) ||
    secondaryNotSpread(text, e, xt, positions) ||
    lesionOfNeoplasm(e, xt, positions) ||
    drugClassNotCondition(text, e, xt, positions) ||
    neoplasmAsCause(text, e, xt, positions) ||
    malignantFluid(text, e, xt, positions) ||
    injuryAcrossCause(e, xt, positions) ||
    givenOnAnotherDay(text, e, xt, positions) ||
    anesthesiaGiven(text, xt, positions) ||
    compressionWorn(xt, positions) ||
    nonadherentDressing(xt, positions) ||
    reactionOfAllergy(text, e, xt, positions) ||
    carriedAgent(text, e, xt, positions) ||
    lowTrauma(xt, positions) ||
    mucosalErythema(text, e, xt, positions) ||
    deprivationTherapy(xt, positions) ||
    weightLossAimed(text, e, xt, positions) ||
    immunizationStatus(text, e, xt, positions) ||
    stentOutsideVessels(e, xt, positions) ||
    cancerResponse(e, xt, positions) ||
    acrossExamFindings(text, xt, positions) ||
    acrossQuote(text, xt, positions) ||
    aorticValve(e, xt, positions) ||
    donorOfTransplant(e, xt, positions) ||
    diabetesDrugAsCause(text, e, xt, positions) ||
    traceRegurgitation(e, xt, positions) ||
    // "Avoiding the subway for fear of having an attack" is a reason, no phobia (F40.9).
    (e.words.length === 1 && positions.length === 1 && xt[positions[0]!]!.norm === 'fear' && xt[positions[0]! - 1]?.norm === 'for') ||
    // "Metastatic disease to mediastinal nodes" is the neoplasm's spread, no disease of the mediastinum (J98.59).
    (e.source !== 'neoplasm' && positions.some((p) => xt[p]!.norm === 'disease' && xt[p - 1]?.norm === 'secondary' && !positions.includes(p - 1))) ||
    deniedByNon(xt, positions, e) ||
    resistantDisease(e, where)
  ) {
    return true;
  }
  const from = xt[positions[0]!]!.end;
  const to = xt[positions[positions.length - 1]!]!.start;
  // "Blood > in > urine" is blood in the urine, not "blood and urine cultures".
  if (e.linkedByIn && !/\bin\b/i.test(text.slice(from, to))) return true;
  // What a condition required is its treatment: "respiratory failure requiring intubation" is no
  // failed intubation (T88.4), unless the entry says it ("CKD requiring chronic dialysis", N18.6).
  if (REQUIRING.test(text.slice(from, to)) && !e.words.some((w) => /^(requir|need)/.test(w))) return true;
  return crossesClause(text, from, to);
}

/** A disease's toll on a population names no condition of the patient's: "benefits (reduced lung cancer mortality)". */
const TOLL_AFTER = /^[ \t]+(?:mortality|incidence|death rates?)\b/i;
function tollOnPopulation(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  const end = xt[positions[positions.length - 1]!]!.end;
  return TOLL_AFTER.test(text.slice(end, end + 20));
}

/**
 * "Erythema migrans" is what clinicians now call Lyme disease's rash (A69.20, the Index's "chronicum
 * migrans"); the Index's bare "Erythema > migrans" sends it to erysipeloid (A26.0), a fish handler's
 * infection notes name as "erysipeloid".
 */
function migransNotErysipeloid(e: Entry): boolean {
  return e.code === 'A260' && e.words.includes('migran');
}

/** An infectious disease (A00–B99, influenza) named for its immunization: "Tetanus up to date", "tetanus status not current", "Tetanus - current", "Tetanus: UTD", "Flu/pneumococcal UTD" is no tetanus (A35) or influenza (J11); nor is a patient "non-immune to hepatitis B", "Hep B non-immune". */
const IMMUNIZATION_AFTER = /^(?:\s*(?:\/|,|&|\band\b)\s*[A-Za-z][\w-]*){0,3}\s*(?:[-:–—]\s*)?(?:vaccines?\s+|shots?\s+|vaccinations?\s+)?(?:status\b|up[- ]to[- ]date\b|utd\b|current\b|not current\b|immune\b|immunity\b|titer\b|titre\b|non-?immune\b|not immune\b)/i;
const NOT_IMMUNE_BEFORE = /\b(?:non-?immune|not immune|no immunity|susceptible) (?:to|for|against)\s+$/i;

/** The last dose of a vaccine, named by its disease: "Last tetanus >10 yrs ago", "last flu shot 2024". */
const LAST_DOSE_BEFORE = /\b(?:last|most recent)\s+$/i;

function immunizationStatus(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const first = xt[positions[0]!]!.start;
  if (!/^(?:[AB]|J09|J1[01]|K75)/.test(e.code)) return false;
  // Whatever a patient is not immune to ("hepatitis" as much as "hepatitis B") is no disease of theirs.
  if (NOT_IMMUNE_BEFORE.test(text.slice(Math.max(0, first - 24), first))) return true;
  if (e.code.startsWith('K75')) return false;
  return IMMUNIZATION_AFTER.test(text.slice(xt[positions[positions.length - 1]!]!.end, xt[positions[positions.length - 1]!]!.end + 48)) || LAST_DOSE_BEFORE.test(text.slice(Math.max(0, first - 16), first));
}

/** A cancer's response as oncologists state it: "stable disease", "progressive disease", "bulky disease" is the neoplasm's, no disease of the site named before it. */
const RESPONSE_WORDS = new Set(['stable', 'progressive', 'residual', 'measurable', 'bulky', 'minimal', 'oligometastatic', 'oligoprogressive']);

function cancerResponse(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  return !NEOPLASM_CODE.test(e.code) && positions.some((p) => xt[p]!.norm === 'disease' && RESPONSE_WORDS.has(xt[p - 1]?.norm ?? '') && !positions.includes(p - 1));
}

/** Stents of ducts and hollow organs: a "biliary stent in place" is no cardiac or vascular implant (Z95.-). */
const NONVASCULAR_STENT = /^(biliary|bile|cbd|ureter|urethra|prostat|esophag|oesophag|pancrea|duoden|colon|enteral|gastr|stomach|trache|bronch|airway|nasolacrimal|lacrimal|jj)/;

function stentOutsideVessels(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!/^Z95/.test(e.code)) return false;
  // The dictionary reads "stent" as the Index's "implant".
  const stent = positions.find((p) => xt[p]!.norm === 'implant');
  return stent !== undefined && NONVASCULAR_STENT.test(xt[stent - 1]?.norm ?? '');
}

/** Diseases notes call "drug-resistant" or "treatment-resistant" that are no infection. */
const RESISTANT_DISEASE = /^(epilep|seizure|depress|hypertens|schizophren|migrain)/;

/** Resistance to antimicrobials (Z16.-) read from an epilepsy's or a depression's "drug-resistant". */
function resistantDisease(e: Entry, where: ReadonlyMap<string, number[]>): boolean {
  return e.code.startsWith('Z16') && [...where.keys()].some((w) => RESISTANT_DISEASE.test(w));
}

/** Words before "anesthesia" that make it the anaesthetic given, not numbness of the skin (R20.0). */
const ANESTHETIC_KIND = new Set(['general', 'spinal', 'epidural', 'regional', 'local', 'monitored', 'neuraxial', 'topical', 'under', 'mac', 'intravenous', 'iv']);

function anesthesiaGiven(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  // The word as written: the normaliser reads "spinal" as "spine".
  return positions.some((p) => xt[p]!.norm === 'anesthesia' && p > 0 && ANESTHETIC_KIND.has(text.slice(xt[p - 1]!.start, xt[p - 1]!.end).toLowerCase()));
}

/** Things worn or applied for compression: "compression stockings" is a treatment, no compression of a vein (I87.1) or the heart. */
const COMPRESSION_DEVICE = new Set(['stocking', 'hose', 'wrap', 'garment', 'sleeve', 'bandage', 'therapy', 'device', 'boot', 'sock', 'dressing', 'pump']);

function compressionWorn(xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => xt[p]!.norm === 'compression' && COMPRESSION_DEVICE.has(xt[p + 1]?.norm ?? '') && !positions.includes(p + 1));
}

/** What a wound is covered with: a "nonadherent dressing" is one that does not stick, no patient's noncompliance (Z91.1-). */
const WOUND_COVER = new Set(['dressing', 'gauze', 'pad', 'bandage', 'contact', 'layer', 'film', 'foam']);

function nonadherentDressing(xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => xt[p]!.norm === 'noncompliance' && WOUND_COVER.has(xt[p + 1]?.norm ?? '') && !positions.includes(p + 1));
}

/** Reactions an allergy is described by: hives, a rash, an itch, swelling, anaphylaxis, vomiting. */
const ALLERGIC_REACTION = /^(?:L50|R21|L27|L29|T78|R11|R22|R60)/;
/** The allergy the reaction belongs to, just before it: "PCN allergy hx w/ hives", "sulfa allergy (rash)", "allergic to codeine: nausea". */
const ALLERGY_BEFORE = /\ballerg(?:y|ies|ic)\b[^.;\n]{0,40}?(?:\(|\bw\/\s*|\bwith\s+|\bcaus(?:es|ed|ing)\s+|:\s*|-\s*)(?:[\w-]+\s+){0,2}$/i;

/** The reaction an allergy is described by is the allergy status's story, no condition of this visit. */
function reactionOfAllergy(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!ALLERGIC_REACTION.test(e.code)) return false;
  const start = xt[positions[0]!]!.start;
  return ALLERGY_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

/** An agent carried or screened for, no cause of disease: "GBS+ w/ adequate IAP", "GBS carrier", "Maternal GBS: treated". */
const CARRIED_AFTER = /^\s*(?:\+|pos(?:itive)?\b|carrier|colonized|colonization|screen|status|bacteriuria\b)/i;
const CARRIER_BEFORE = /\b(?:maternal|mom'?s?|mother'?s?|carrier of|colonized with|colonization with|screen(?:ing)? for)\s+$/i;

function carriedAgent(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!/^B9[5-7]/.test(e.code)) return false;
  const start = xt[positions[0]!]!.start;
  const end = xt[positions[positions.length - 1]!]!.end;
  return CARRIED_AFTER.test(text.slice(end, end + 15)) || CARRIER_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** How little force a fracture took: "low-trauma T12 compression fracture" is a fragility fracture, no injury (T14.9-). */
const SLIGHT = new Set(['low', 'minimal', 'minor', 'trivial', 'non', 'atraumatic']);

function lowTrauma(xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => xt[p]!.norm === 'trauma' && p > 0 && SLIGHT.has(xt[p - 1]!.norm) && !positions.includes(p - 1));
}

/** A lining seen reddened at endoscopy or exam: "mild patchy erythema of the antrum", "antral erythema" (no skin's L53.9). */
const MUCOSA = /\b(?:antrum|antral|gastric|stomach|duodenal|duodenum|bulb|esophag\w*|mucosa\w*|colonic|colon|rectal|rectum|sigmoid|ileal|ileum|cecal|pharyn\w*|tonsil\w*|oropharyn\w*|tympanic|TMs?|conjunctiva\w*|cervix|cervical os|vaginal|urethral|bladder)\b/i;

/** The lining named after it: "erythema of the antrum", "erythema in the distal esophagus". */
const OF_MUCOSA = new RegExp(`^\\s*(?:of|in|at|over|involving)\\s+(?:the\\s+)?(?:[a-z]+\\s+)?${MUCOSA.source}`, 'i');

function mucosalErythema(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('L53')) return false;
  const first = xt[positions[0]!]!;
  const last = xt[positions[positions.length - 1]!]!;
  return MUCOSA.test(text.slice(Math.max(0, first.start - 25), first.start)) || OF_MUCOSA.test(text.slice(last.end, last.end + 40));
}

/** "Androgen deprivation therapy" is a treatment, no effect of deprivation (T73.-). */
function deprivationTherapy(xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => xt[p]!.norm.startsWith('depriv') && xt[p + 1]?.norm === 'therapy');
}

/** Words before "weight loss" that make it what the patient is to do, not a symptom (R63.4). */
const AIMED_BY = /^(encourag|counsel|advis|recommend|discuss|educat|goal|aim|intentional|intended|purposeful|deliberate|desired|modest|after|achiev|attempt|promot|lifestyle|pursu|work$)/;

/**
 * "Counseled on diet, exercise and weight loss", "encourage weight loss", "recheck after weight loss":
 * the loss is the plan, not the unexplained loss the Index's "Loss, weight (abnormal)" codes.
 * "Unintentional weight loss" stays.
 */
function weightLossAimed(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.code !== 'R634') return false;
  const w = positions.find((p) => xt[p]!.norm === 'weight');
  if (w === undefined) return false;
  for (let p = w - 1; p >= Math.max(0, w - 8); p--) {
    if (/[.;:\n]/.test(text.slice(xt[p]!.end, xt[p + 1]!.start))) return false;
    if (AIMED_BY.test(xt[p]!.norm)) return true;
  }
  return false;
}

/**
 * A reading that takes words on both sides of a quotation mark: the quoted words are the patient's own,
 * describing what they name. "fever/chills last night, "yellow" vaginal discharge" is no yellow fever.
 */
function acrossQuote(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (positions.length < 2) return false;
  const between = text.slice(xt[positions[0]!]!.start, xt[positions[positions.length - 1]!]!.end);
  return (between.match(/["“”]/g)?.length ?? 0) % 2 === 1;
}

const REQUIRING = /\b(requiring|required|requires|needing|necessitating)\b/i;

/** Readings that take a list for one condition: across its items, or blending two of them. */
export function dropListMisreads(text: string, xt: readonly XToken[], ms: Mention[], siteWords: ReadonlySet<string>): Mention[] {
  return dropReachedPast(text, xt, siteWords, dropCauseAsKind(text, xt, dropItemBlends(text, xt, dropListStraddlers(text, xt, ms))));
}

/**
 * Two readings of one head word, each with a site the other lacks: the one whose site reaches past the
 * other's, which stands right before the head, or over a comma after it, is a misread. "GI bleed due to duodenal ulcer" is a
 * duodenal ulcer (K26.4), not a gastrointestinal ulcer (K28.9) read over "duodenal". Coordinated sites
 * ("gastric and duodenal ulcers") each qualify the head.
 */
function dropReachedPast(text: string, xt: readonly XToken[], siteWords: ReadonlySet<string>, ms: Mention[]): Mention[] {
  if (ms.length < 2) return ms;
  const isSite = xt.map((t) => siteWords.has(t.norm));
  return ms.filter((m) => !ms.some((o) => o !== m && reachesPast(text, xt, isSite, m, o)));
}

/** Whether reading `m` takes a site past the one `o` has right before their shared head. */
function reachesPast(text: string, xt: readonly XToken[], isSite: readonly boolean[], m: Mention, o: Mention): boolean {
  // The head is the last word both readings share: in "diabetic foot ulcer, right heel" that is the
  // ulcer, whose site the heel may well be.
  let h = -1;
  for (const p of m.positions) if (p > h && o.positions.includes(p)) h = p;
  const b = h - 1;
  if (h > 0 && o.positions.includes(b) && !m.positions.includes(b) && xt[b]!.orig !== xt[h]!.orig) {
    for (const a of m.positions) {
      if (!isSite[a] || o.positions.includes(a)) continue;
      // Qualifiers before their head ("duodenal ulcer"), uncoordinated; or a site past a comma after it:
      // in "macular edema, both eyes" the eyes are the edema's side, not its site.
      if (isSite[b] && a < b && !CONJUNCTION.test(text.slice(xt[a]!.end, xt[b]!.start))) return true;
      // Unless the other is the same condition said with no site: in "acute gout flare, left ankle" the ankle is the gout's.
      if (a > h && text.slice(xt[h]!.end, xt[a]!.start).includes(',') && (isSite[b] || m.entry.code.slice(0, 3) !== o.entry.code.slice(0, 3))) return true;
    }
  }
  return false;
}

/**
 * "Neutropenia secondary to chemotherapy" reads as the Index's "Neutropenia > secondary" (D70.4,
 * cyclic) and as "Neutropenia > drug-induced > due to … chemotherapy" (D70.1). Where a reading ties the
 * condition to the cause named after "secondary to", that is what "secondary" meant: the kind goes.
 */
function dropCauseAsKind(text: string, xt: readonly XToken[], ms: Mention[]): Mention[] {
  return ms.filter((m) => {
    const p = m.positions.find((q) => isCauseConnector(text, xt, q));
    if (p === undefined || m.positions.some((q) => q > p)) return true;
    const before = m.positions.filter((q) => q !== p);
    return !ms.some((k) => k !== m && k.entry.linksCause && before.every((q) => k.positions.includes(q)) && k.positions.some((q) => q > p + 1));
  });
}

/** The literal "secondary" of "secondary to": "metastases to the lung" (normalised alike) is a spread, not a cause. */
function isCauseConnector(text: string, xt: readonly XToken[], p: number): boolean {
  return xt[p]!.norm === 'secondary' && xt[p + 1]?.norm === 'to' && /^(secondary|2\/2)$/.test(text.slice(xt[p]!.start, xt[p]!.end).toLowerCase());
}

const LIST_SEPARATOR = /,|\bor\b/i;
/** A comma that goes on to the condition's current or latest episode, no list item: "Bipolar I disorder, current episode manic". */
const STATES_EPISODE = /^[^,]*,\s*(?:current(?:ly)?|most recent|latest)\b/i;

/**
 * The sites after "to" that a spread names in a list ("to bone and liver", "to liver, lung and brain"), or
 * the one site after the primary it spread from ("metastatic adenocarcinoma of the sigmoid colon to the liver").
 */
const SPREAD_LIST = /\b(to|into|involving)\s+(the\s+)?(([a-z]+\s*(,\s*and|,|and)\s*){1,3})?$/i;
/** The most words a listed spread's reading covers: "metastatic [four words] to bone, lung and liver". */
const SPREAD_SPAN = 12;

/**
 * A secondary neoplasm's site may stand at the end of a list the spread names, further from
 * "metastatic" than any one reading reaches: "metastatic breast cancer to bone and liver" is C78.7 too.
 */
export function coordinatedSpread(text: string, xt: readonly XToken[], positions: readonly number[], e: Entry): boolean {
  if (e.source !== 'neoplasm' || !e.words.includes('secondary') || positions.length !== 2) return false;
  const [a, b] = [positions[0]!, positions[1]!];
  if (b - a + 1 > SPREAD_SPAN || xt[a]!.norm !== 'secondary') return false;
  return SPREAD_LIST.test(text.slice(xt[a]!.end, xt[b]!.start));
}

/**
 * A reading that joins words across a comma (or an "or") while one of its words also reads, without
 * crossing, as something else is a list misread: "sore throat, fever" is not a fever sore (B00.1),
 * "diabetes or rheumatoid arthritis" is not diabetic arthropathy (E11.618).
 */
function dropListStraddlers(text: string, xt: readonly XToken[], ms: Mention[]): Mention[] {
  /** Positions after the first comma inside the mention's span; none when it does not cross one. */
  const farSide = (m: Mention): number[] => {
    const at = m.positions.findIndex((p, i) => i > 0 && LIST_SEPARATOR.test(text.slice(xt[m.positions[i - 1]!]!.end, xt[p]!.start)) && !STATES_EPISODE.test(text.slice(xt[m.positions[i - 1]!]!.end)));
    return at < 0 ? [] : m.positions.slice(at);
  };
  const far = new Map(ms.map((m) => [m, farSide(m)]));
  const whole = ms.filter((m) => far.get(m)!.length === 0);
  return ms.filter((m) => {
    const beyond = far.get(m)!;
    if (beyond.length === 0 || coordinatedSpread(text, xt, m.positions, m.entry) || invertedHead(text, xt, m, beyond)) return true;
    // A comma that only inverts ("diabetes mellitus, poorly controlled") is kept: the words beyond it
    // must read as something else too for the comma to be a list's.
    const nearShared = whole.some((w) => w.positions.some((p) => m.positions.includes(p) && !beyond.includes(p)));
    // Read on the far side without reaching back over the separator; a lone adjective there qualifies
    // the head before the comma ("cardiomyopathy, ischemic" is I25.5), it is no list item of its own.
    // A far reading that itself crosses a comma is no list item either ("encephalopathy, hepatic, due to
    // alcoholic cirrhosis": "hepatic … cirrhosis" does not make "hepatic" an item).
    const farRead = ms.some((o) => o !== m && o.positions.some((p) => beyond.includes(p)) && o.positions.every((p) => p >= beyond[0]!) && far.get(o)!.length === 0 && !loneAdjective(text, xt, o));
    const farWhole = whole.some((w) => beyond.every((p) => w.positions.includes(p)));
    // Or it skips over a list item read on its own: "pain, diarrhea and heart" is no precordial pain.
    // Not over what a reading of its own head takes with it: in "type 2 diabetes with neuropathy, poorly
    // controlled" the neuropathy is the diabetes' (E11.40), and the diabetes is poorly controlled (E11.65).
    const headTakes = (o: Mention): boolean => ms.some((w) => w !== m && w !== o && w.positions.includes(m.positions[0]!) && o.positions.every((p) => w.positions.includes(p)));
    const skipsItem = ms.some((o) => o !== m && o.positions.every((p) => p > m.positions[0]! && p < beyond[0]!) && !o.positions.some((p) => m.positions.includes(p)) && !headTakes(o));
    return !((farRead && (nearShared || farWhole)) || skipsItem);
  });
}

/**
 * An Index main term, then its subterm past a comma, as a problem list inverts them: "Anemia, iron
 * deficiency" is "Anemia > iron deficiency" (D50.9), "Pneumonia, aspiration" J69.0.
 */
function invertedHead(text: string, xt: readonly XToken[], m: Mention, beyond: readonly number[]): boolean {
  const before = m.positions.filter((p) => !beyond.includes(p));
  if (m.entry.source !== 'index' || before.length !== 1 || xt[before[0]!]!.norm !== m.entry.words[0] || m.entry.words.length < 3) return false;
  // The main term opens its item ("1. Anemia, iron deficiency"), not a word of a longer name ("Focal epilepsy, intractable").
  const p = before[0]!;
  const opens = p === 0 || /[\n:;.(]/.test(text.slice(xt[p - 1]!.end, xt[p]!.start)) || /^\d+$/.test(xt[p - 1]!.norm);
  // And one comma turns to the subterm: "…, intractable, without status epilepticus" lists qualifiers.
  return opens && text.slice(xt[p]!.end, xt[m.positions[m.positions.length - 1]!]!.start).split(',').length === 2;
}

/** A reading of one word the note writes as an adjective of the Index's noun ("ischemic" for ischemia). */
function loneAdjective(text: string, xt: readonly XToken[], o: Mention): boolean {
  if (new Set(o.positions.map((p) => xt[p]!.orig)).size !== 1) return false;
  const t = xt[o.positions[0]!]!;
  const raw = text.slice(t.start, t.end).toLowerCase();
  return raw !== t.norm && /(ic|al|ous|ive|ary)$/.test(raw);
}

// "On" joins two conditions too: "acute kidney injury on chronic kidney disease".
const CONJUNCTION = /,|\b(?:or|and|on)\b/i;

/**
 * A reading that takes part of one listed item and part of the next: "ischemic heart disease and
 * chronic renal failure" is no renal ischemia (N28.0), "pulmonary TB and cerebral lesions" no lung
 * lesion. "Nausea and vomiting" (R11.2) takes each item whole and stays.
 */
function dropItemBlends(text: string, xt: readonly XToken[], ms: Mention[]): Mention[] {
  return ms.filter((m) => {
    let cut = -1;
    for (let i = 1; i < m.positions.length && cut < 0; i++) {
      const from = xt[m.positions[i - 1]!]!.end;
      const hit = CONJUNCTION.exec(text.slice(from, xt[m.positions[i]!]!.start));
      if (hit) cut = from + hit.index;
    }
    if (cut < 0) return true;
    const partOf = (onSide: (p: number) => boolean): boolean =>
      ms.some((o) => o !== m && o.positions.every(onSide) && o.positions.some((p) => m.positions.includes(p)) && o.positions.some((p) => !m.positions.includes(p)));
    // Or it reads as one item's own code and swallows the other: "Hypothyroidism and obesity" is no
    // "Obesity > hypothyroid" (see Hypothyroidism, E03.9) that leaves the obesity unread.
    const swallows = (onSide: (p: number) => boolean): boolean => ms.some((o) => o !== m && o.entry.code === m.entry.code && o.positions.every((p) => onSide(p) && m.positions.includes(p)));
    return !(partOf((p) => xt[p]!.end <= cut) && partOf((p) => xt[p]!.start > cut)) && !swallows((p) => xt[p]!.end <= cut) && !swallows((p) => xt[p]!.start > cut);
  });
}

/** Words of an abbreviation's expansion that say nothing of which condition it is. */
const GENERIC_EXPANSION = new Set(['disease', 'disorder', 'syndrome', 'chronic', 'acute', 'virus', 'infection', 'resistant', 'resistance', 'blood']);

/**
 * An entry that borrows from an abbreviation's expansion must borrow what names it: "COPD ... chest"
 * is not "Disease, chest" (J98.9) through the "disease" COPD expands to, nor "HIV infection" a viral
 * infection (B34.9) through HIV's "virus", nor "MRSA - on vancomycin" a resistance to vancomycin (Z16.21) through
 * MRSA's "resistant".
 */
function usesAbbreviationCore(xt: readonly XToken[], positions: readonly number[]): boolean {
  const used = new Map<number, string[]>();
  for (const p of positions) {
    const tk = xt[p]!;
    const expanded = (p > 0 && xt[p - 1]!.orig === tk.orig) || (p + 1 < xt.length && xt[p + 1]!.orig === tk.orig);
    if (expanded) used.set(tk.orig, [...(used.get(tk.orig) ?? []), tk.norm]);
  }
  // Nor its number alone: "CKD, DM2" is no CKD stage 2. An abbreviation that names only a course
  // ("AoC" HFpEF, acute on chronic) is all qualifier, and lends it.
  const generic = (w: string): boolean => GENERIC_EXPANSION.has(w) || /^\d/.test(w);
  for (const [orig, words] of used) {
    if (words.every(generic) && positions.length > words.length && !xt.every((tk) => tk.orig !== orig || generic(tk.norm) || STOP.has(tk.norm))) return false;
  }
  return true;
}

/** A date after "given": "flu vaccine given 10/2025", "Tdap given in 2021". */
export const GIVEN_ON_DATE = /^\s*(on\s+|in\s+)?(\d{1,2}\/\d{2,4}|(19|20)\d\d\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?(19|20)\d\d)/i;

/** Where or when else a vaccine was given, said after it: "Influenza vaccine given this fall at pharmacy". */
const GIVEN_ELSEWHERE = /^[^.;\n]{0,30}?\b(at (the |a |her |his )?(pharmacy|work|school|health department|employer)|elsewhere|outside|this (fall|season|year|spring|summer|winter|autumn)|last (week|wk|month|mo|year|yr|fall|season|spring|summer|winter|autumn|visit)|(\d+|a|one|two) (days?|d|weeks?|wks?|months?|mos?) ago|at (the |her |his )?(last|prior|previous) visit|in (the )?(fall|spring|summer|winter|autumn))\b/i;

/** The text after a vaccine given says it was given elsewhere or earlier, and not today. */
export function givenElsewhere(after: string): boolean {
  return !/^\s*today\b/i.test(after) && GIVEN_ELSEWHERE.test(after);
}

/** A vaccine given on a date (written, not "today"), or elsewhere, is the record of an earlier one, not this visit's (Z23). */
function givenOnAnotherDay(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.code !== 'Z23') return false;
  const end = xt[positions[positions.length - 1]!]!.end;
  return GIVEN_ON_DATE.test(text.slice(end, end + 24)) || givenElsewhere(text.slice(end));
}

/** An injury's code (S00–T14) from a trauma: its site is never what comes after the cause it is from. */
const TRAUMA_CODE = /^(S|T0|T1[0-4])/;

/**
 * "Acute kidney injury from heart failure" and "myocardial injury from HF/CKD" are no injury of the heart
 * or kidney (S26.90XA, S37.009A): words after "from" or "due to" name the cause, not the injured site.
 */
function injuryAcrossCause(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!TRAUMA_CODE.test(e.code)) return false;
  for (let p = positions[0]!; p < positions[positions.length - 1]!; p++) {
    const w = xt[p]!.norm;
    if (w === 'from' || (w === 'due' && xt[p + 1]?.norm === 'to')) return true;
  }
  return false;
}

/**
 * "Secondary to" names a cause: the condition before it is secondary ("hypertension secondary to renal
 * artery stenosis", I15), the one after it is not ("ESRD secondary to diabetic nephropathy" is not
 * secondary diabetes, E13), and neither is a secondary neoplasm of the kidney (C79.0-).
 */
function misreadsCause(text: string, xt: readonly XToken[], positions: readonly number[], e: Entry): boolean {
  return positions.some((p) => isCauseConnector(text, xt, p) && (e.source === 'neoplasm' || positions.some((q) => q > p)));
}

/**
 * Headings of a review of systems, an exam or a plan: what follows their colon is a statement of its
 * own. A site before a colon is not one ("R heel: deep tissue pressure injury").
 */
const HEADING_LABELS = new Set(
  ('constitutional general heent eyes ears nose throat neck cardiovascular cardiac heart respiratory pulmonary lungs chest gastrointestinal gi ' +
    'abdomen abdominal genitourinary gu renal skin integumentary musculoskeletal msk neurological neurologic neuro psychiatric psych endocrine ' +
    'hematologic heme lymphatic allergic immunologic extremities counseling education plan assessment impression diagnosis diagnoses ' +
    'examination exam history reasoning treatment results findings labs imaging note comments')
    .split(' '),
);

/**
 * Whether the text between two words of a reading parts them: a semicolon parts clauses ("fluid
 * administration; the abdomen" is no ascites), a heading's colon its label from what follows
 * ("Musculoskeletal: reports back pain" is no myalgia).
 */
function crossesClause(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  if (between.includes(';')) return true;
  const colon = between.indexOf(':');
  if (colon < 0) return false;
  const label = /([A-Za-z]+)\s*$/.exec(text.slice(Math.max(0, from + colon - 40), from + colon))?.[1]?.toLowerCase();
  return label === undefined || HEADING_LABELS.has(label);
}

/** Words that name a growth: what "benign" must describe for a benign neoplasm code. */
const GROWTH_WORDS = ['tumor', 'neoplasm', 'mass', 'lesion', 'growth', 'nodule', 'polyp', 'lump', 'adenoma', 'cyst'];
const GROWTH_REACH = 3;

/**
 * Words that make "benign" a neoplasm's behaviour. The Index sends a tumor or a growth to the Neoplasm
 * Table; a lesion, mass, nodule, cyst or lump goes by its site ("benign skin lesion" is L98.9).
 */
const NEOPLASM_WORDS = ['tumor', 'neoplasm', 'growth', 'neoplasia'];

/**
 * "The lymph nodes removed were all benign" is a pathology result, not a benign neoplasm of lymph
 * nodes (D36.0); "thyroid nodule, benign on FNA" and "skin lesion, appears benign" describe a nodule
 * and a lesion, coded by their sites. A tumour named by its "-oma" is read by its own entry ("lipoma
 * of back, benign" is D17.-, no D36.7 beside it).
 */
function benignWithoutGrowth(e: Entry, positions: readonly number[], where: ReadonlyMap<string, number[]>): boolean {
  if (!e.words.includes('benign') || !(NEOPLASM_CODE.test(e.code) || NEOPLASM_HISTORY_CODE.test(e.code))) return false;
  const from = Math.min(...positions) - GROWTH_REACH;
  const to = Math.max(...positions) + GROWTH_REACH;
  return !NEOPLASM_WORDS.some((w) => where.get(w)?.some((p) => p >= from && p <= to));
}

/** The neoplasm chapter (C00–D49). */
export const NEOPLASM_CODE = /^(C|D[0-4])/;
/** A neoplasm's personal or family history ("History of BPH" is no history of a benign neoplasm, Z86.018). */
export const NEOPLASM_HISTORY_CODE = /^Z(85|860|80)/;

/** What "-related" makes of a neoplasm word: the cause of what follows ("cancer-related bone pain"). */
const RELATED_AFTER = /^[-\s]?(related|associated)\b/i;
const NEOPLASM_CAUSE_WORDS = new Set(['malignant', 'tumor', 'neoplasm']);

/**
 * "Cancer-related bone pain", "tumor-associated fatigue", "cancer pain - abdominal": the neoplasm is the cause of what follows
 * (G89.3 for pain, I.C.6.b.5), not a neoplasm of the site named after it (C41.9).
 */
function neoplasmAsCause(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!NEOPLASM_CODE.test(e.code)) return false;
  return positions.some((p) => {
    if (!NEOPLASM_CAUSE_WORDS.has(xt[p]!.norm)) return false;
    if (RELATED_AFTER.test(text.slice(xt[p]!.end, xt[p]!.end + 12))) return true;
    // "Cancer pain - abdominal/back": where the pain is, not where a cancer is (G89.3 reads the pain).
    return xt[p + 1]?.norm === 'pain' && positions.every((q) => q === p || q > p + 1);
  });
}

/**
 * "Malignant ascites", "malignant pleural effusion": the fluid a cancer makes (R18.0, J91.0), whose
 * "malignant" is no neoplasm of a site said elsewhere ("peritoneal carcinomatosis with malignant ascites"
 * is no primary neoplasm of the peritoneum, C48.2).
 */
function malignantFluid(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  return NEOPLASM_CODE.test(e.code) && positions.some((p) => qualifiesFluid(text, xt[p]!));
}
const MALIGNANT_FLUID = /^\s+(?:(?:pleural|pericardial|peritoneal)\s+)?(?:effusions?|ascites|fluid)\b/i;
/** Whether a word is the "malignant" of a fluid. */
function qualifiesFluid(text: string, t: XToken): boolean {
  return t.norm === 'malignant' && MALIGNANT_FLUID.test(text.slice(t.end, t.end + 40));
}

/** "-oma" words that name no growth. */
const NOT_GROWTHS = new Set(['hematoma', 'glaucoma', 'trachoma', 'atheroma', 'scotoma']);

/** A word (normalised) naming a growth: a tumor, mass or nodule, or a tumour by its "-oma" (carcinoma, pheochromocytoma). */
function namesGrowth(norm: string): boolean {
  return GROWTH_WORDS.includes(norm) || norm === 'cancer' || (/^[a-z]{3,}oma$/.test(norm) && !NOT_GROWTHS.has(norm));
}

const NECROSIS_REACH = 12;

/**
 * Necrosis inside a growth ("a renal mass with central necrosis", "pheochromocytoma with extensive
 * necrosis") is how the growth looks on imaging or under the microscope, not gangrene (I96) or a
 * kidney infarct (N28.0); "tumor necrosis factor" is a molecule (anti-TNF therapy).
 */
function necrosisOfGrowth(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.words.includes('necrosis')) return false;
  const sameClause = (p: number, q: number): boolean => !text.slice(xt[Math.min(p, q)]!.end, xt[Math.max(p, q)]!.start).includes(';');
  return positions.some(
    (p) =>
      xt[p]!.norm === 'necrosis' &&
      (xt[p + 1]?.norm === 'factor' || xt.some((t, q) => Math.abs(q - p) <= NECROSIS_REACH && !positions.includes(q) && namesGrowth(t.norm) && sameClause(p, q))),
  );
}

/**
 * Nouns (normalised) that make the condition just before them a service, an order or a test, not the
 * patient's condition: "heart failure clinic", "stroke team", "addiction medicine", "diabetic diet", "diabetic shoes", "seizure precautions",
 * "diabetic foot exam", "HIV test", "flu shot"; an exposure ("HIV pre-exposure prophylaxis", "TB
 * exposure", read as Z20.- by the Index's own "Exposure" lines); a treatment's time limit ("outside tPA window");
 * a risk and its prevention ("stroke risk", "for stroke
 * prevention"), and a personality's traits, which are no disorder ("borderline personality traits").
 */
const SERVICE_WORDS = new Set(
  'clinic team service medicine educator education assessment diet precaution prophylaxis chemoprophylaxis exposure protocol program exam examination test screen screening center centre unit nurse specialist shot shoe shoes risk prevention traits trait window vaccine vaccines vaccination vaccinations immunization immunizations booster toxoid'.split(' '),
);
/** Exposures (Z20, Z57, Z77): their own word is no service ("secondhand smoke exposure" is Z77.22). */
const EXPOSURE_CODE = /^Z(20|57|77)/;
/** Nouns that make a device or an opening before them an operation, not yet the patient's status. */
const PLACEMENT = new Set(['placement', 'insertion', 'creation']);
/** Scores that say "none" when their number is 0: "pain scale 0/10". */
const SCORE_WORDS = new Set(['scale', 'score']);
/**
 * What makes "weight loss" the aim rather than the symptom (R63.4): "weight loss counseling", "a weight loss
 * program"; and "weight gain" a pregnancy's goal, not the abnormal gain (R63.5): "wt gain counseling".
 */
const WEIGHT_LOSS_AIMS = new Set(['counseling', 'counselling', 'goal', 'goals', 'target', 'targets', 'program', 'diet', 'surgery', 'medication', 'plan', 'management', 'strategy', 'effort', 'intervention', 'journey']);

/** Words that can stand between a condition and a service noun without ending the compound ("diabetic foot exam"). */
const LINKING = /^(in|at|to|for|with|and|or|the|a|an|of|on|by|from|was|is|were|are|seen|today|follow)$/;

function namesService(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  const last = Math.max(...positions);
  // A compound runs on without punctuation: "obesity, counseling provided" keeps the obesity.
  // A spaced dash starts the item's details: "Hypertension – education provided on low salt diet".
  const joined = (to: number): boolean => xt[to] !== undefined && !/[,;:.()]|\s[-–—]\s|\n/.test(text.slice(xt[last]!.end, xt[to]!.start));
  // A reading that runs on past a service compound inside it: "DVT prophylaxis - enoxaparin renal dose"
  // is no renal vein thrombosis (I82.3).
  if (positions.some((p) => p !== last && !positions.includes(p + 1) && SERVICE_WORDS.has(xt[p + 1]?.norm ?? '') && !/[,;:.()\n]/.test(text.slice(xt[p]!.end, xt[p + 1]!.start)))) return true;
  const next = joined(last + 1) ? xt[last + 1]!.norm : '';
  const after = joined(last + 2) ? xt[last + 2]!.norm : '';
  if (SERVICE_WORDS.has(next) || (SERVICE_WORDS.has(after) && !LINKING.test(next))) return true;
  // A service's name in title case runs longer: "TB / Refugee Health Clinic", "HIV Primary Care Clinic".
  const titled = (p: number): boolean => joined(p) && /^[A-Z]/.test(text.slice(xt[p]!.start, xt[p]!.end)) && /^[A-Z]/.test(text.slice(xt[last]!.start, xt[last]!.end));
  if ([1, 2, 3].every((d) => titled(last + d)) && SERVICE_WORDS.has(xt[last + 3]!.norm)) return true;
  // A device or opening still to be placed is no status: "consider PEG placement" (not "s/p stent placement").
  if (PLACEMENT.has(next) && xt[last]!.assertion !== 'historical') return true;
  // "Referred to pain management" is a specialty; "diabetes management" stays the condition being managed.
  if (next === 'management' && xt[last]!.norm === 'pain') return true;
  if ((xt[last]!.norm === 'loss' || xt[last]!.norm === 'gain') && xt[last - 1]?.norm === 'weight' && WEIGHT_LOSS_AIMS.has(next)) return true;
  return SCORE_WORDS.has(next) && xt.slice(last + 2, last + 4).some((t) => /^(0|zero|none)$/.test(t.norm));
}

const MALIGNANT_WORDS = new Set(['malignant', 'neoplasm', 'tumor']);
const TO_SITE = new Set(['to', 'in', 'into', 'involving', 'throughout', 'within']);

/**
 * Which end of a spread a site word names, by where it stands to a "metastatic"/"metastases" word:
 * the primary in "metastatic breast cancer", "breast cancer metastatic to…", "metastases from colon
 * cancer" (Index: "Cancer, metastatic, from specified site — see Neoplasm, malignant"); the secondary
 * in "metastatic to bone", "metastases in the liver", "liver metastases" ("to specified site — see
 * Neoplasm, secondary"), but not before a "metastatic to". Undefined when the words do not say.
 */
function spreadEnd(text: string, xt: readonly XToken[], q: number): 'primary' | 'secondary' | undefined {
  let best: number | undefined;
  xt.forEach((t, i) => {
    if (t.norm !== 'secondary' || !/^(metasta|mets?\b)/i.test(text.slice(t.start, t.end))) return;
    if (best === undefined || Math.abs(i - q) < Math.abs(best - q)) best = i;
  });
  if (best === undefined || best === q) return undefined;
  const s = best;
  if (q > s) {
    const between = xt.slice(s + 1, q);
    if (between.some((t) => t.norm === 'from')) return 'primary';
    if (between.some((t) => TO_SITE.has(t.norm))) return 'secondary';
    // "Metastatic adenocarcinoma of the sigmoid colon to the liver": the site before the "to" is where it spread from.
    if (xt.slice(q + 1, q + 3).some((t) => t.norm === 'to') && !/[,;]/.test(text.slice(xt[q]!.end, xt[Math.min(q + 2, xt.length - 1)]!.start))) return 'primary';
    return xt.slice(q + 1, q + 4).some((t) => namesMalignancy(text, t)) ? 'primary' : undefined;
  }
  if (xt.slice(q + 1, s).some((t) => namesMalignancy(text, t))) return 'primary';
  // "Carcinoma of the left kidney with pulmonary and bone metastases": what has the metastases is the primary.
  if (xt.slice(q + 1, s).some((t) => t.norm === 'with')) return 'primary';
  // What spread "to" somewhere is the primary: "adenocarcinoma of the head of the pancreas, metastatic to
  // liver", "adenocarcinoma of the lung with metastases to mediastinal nodes".
  if (xt[s + 1]?.norm === 'to') return 'primary';
  return s - q <= 2 ? 'secondary' : undefined;
}

/** A word naming a malignancy; not the "malignant" of a fluid ("with malignant ascites"). */
function namesMalignancy(text: string, t: XToken): boolean {
  return MALIGNANT_WORDS.has(t.norm) && !qualifiesFluid(text, t);
}

/** What an examination says of a part of the body it found normal: "lungs clear", "abdomen soft". */
const NORMAL_FINDING = /^(clear|cta|ctab|normal|nl|unremarkable|intact|soft|benign|wnl|negative|regular|rrr|supple|nontender|symmetric)$/i;

/**
 * A reading across a comma whose words after it are a part of the body the examination found normal:
 * "Trace ankle edema, lungs clear" is no pulmonary edema (J81.1, the Index's "Edema, lung").
 */
function acrossExamFindings(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  for (let i = 1; i < positions.length; i++) {
    const p = positions[i]!;
    if (!text.slice(xt[positions[i - 1]!]!.end, xt[p]!.start).includes(',')) continue;
    const next = xt[positions[positions.length - 1]!]!.orig + 1;
    const after = xt.find((t) => t.orig === next);
    if (after && NORMAL_FINDING.test(text.slice(after.start, after.end))) return true;
  }
  return false;
}

/** A neoplasm reading that takes the primary site for the secondary one, or the other way round. */
function spreadMisread(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const secondary = /^C7[7-9]/.test(e.code);
  const primary = /^C([0-6]|7[0-6])/.test(e.code);
  if (!secondary && !primary) return false;
  return positions.some((q) => {
    const w = xt[q]!.norm;
    if (w === 'secondary' || MALIGNANT_WORDS.has(w)) return false;
    const end = spreadEnd(text, xt, q);
    return end !== undefined && end !== (secondary ? 'secondary' : 'primary');
  });
}

const SYPHILIS_WORDS = new Set(['syphilis', 'lues', 'luetic', 'treponemal']);

/**
 * "Secondary" said alone is a heading's word ("Secondary: Hyperlipidemia"), not a secondary neoplasm of
 * no stated site (C79.9); a metastasis said in other words ("liver metastases (3 lesions)") is no
 * secondary syphilis, though the Index sends "Lesion, secondary" there.
 */
function secondaryNotSpread(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const q = positions.find((p) => xt[p]!.norm === 'secondary');
  if (q === undefined) return false;
  if (/^A5[0-3]/.test(e.code)) return !xt.some((t) => SYPHILIS_WORDS.has(t.norm));
  if (positions.length === 1 && /^secondar/i.test(text.slice(xt[q]!.start, xt[q]!.end))) return true;
  // "Secondary adrenal insufficiency", "secondary pulmonary hypertension": a spread is read only where
  // the sentence speaks of a neoplasm.
  if (!SPREAD_CODE.test(e.code)) return false;
  if (xt.length > 0 && !NEOPLASM_WORD.test(text.slice(xt[0]!.start, xt[xt.length - 1]!.end))) return true;
  // "Breast cancer with secondary liver …" is the liver's spread: a "secondary" that ends the reading
  // qualifies the word right after it, not the site before it (C79.81, a spread to the breast).
  const last = positions[positions.length - 1]!;
  const next = xt[last + 1];
  return last === q && /^secondary$/i.test(text.slice(xt[q]!.start, xt[q]!.end)) && next !== undefined && next.norm !== 'to' && /^\s+$/.test(text.slice(xt[last]!.end, next.start));
}

/** Secondary malignant neoplasms (C77–C79). */
const SPREAD_CODE = /^C7[7-9]/;
/** Words that say a neoplasm is spoken of. */
const NEOPLASM_WORD = /\b(?:malignan|neoplas|tumou?r|carcinom|metasta|mets?\b|mass|lesion|deposit|cancer|ca\b|sarcoma|lymphoma|melanoma|spread|implant|nodul|infiltrat|involvement)/i;

const DRUG_CLASS_NOUNS = /^\s*(agents?|drugs?|medications?|meds|therapy|regimen)\b/i;

/**
 * "Oral hypoglycemic" is a class of drugs (the words of Z79.84's own title), not a hypoglycemia: a
 * condition's adjective that names a drug class is read only by the long-term use it says.
 */
function drugClassNotCondition(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.code.startsWith('Z79')) return false;
  return positions.some((p) => {
    const said = text.slice(xt[p]!.start, xt[p]!.end);
    if (!/^hypoglycemics?$/i.test(said)) return false;
    return xt[p - 1]?.norm === 'oral' || /s$/i.test(said) || DRUG_CLASS_NOUNS.test(text.slice(xt[p]!.end, xt[p]!.end + 15));
  });
}

/**
 * A lesion at a site the sentence calls a neoplasm is that neoplasm: "liver metastases (3 lesions)" is
 * no liver disease (K76.9) beside C78.7, "bone metastases (lytic lesions)" no bone disorder (M89.9).
 */
function lesionOfNeoplasm(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.words.includes('lesion') || /^[CD]/.test(e.code)) return false;
  return positions.some((p) => xt[p]!.norm !== 'lesion' && [xt[p - 1], xt[p + 1]].some((t) => t !== undefined && (t.norm === 'secondary' || MALIGNANT_WORDS.has(t.norm))));
}

/** "Non-pressure ulcer", "non-smoker", "non-Hodgkin lymphoma": a word after "non" is what the thing is not (unless the entry says "non" itself). */
function deniedByNon(xt: readonly XToken[], positions: readonly number[], e: Entry): boolean {
  return !e.words.includes('non') && positions.some((p) => xt[p - 1]?.norm === 'non' && !positions.includes(p - 1));
}

const ACUITY = new Set(['acute', 'chronic', 'subacute', 'recurrent', 'persistent', 'intermittent']);

/**
 * An acuity word that a preposition or a cause's link separates from the condition describes something else: "chronic
 * anticoagulation with warfarin for atrial fibrillation" is no chronic atrial fibrillation (I48.20),
 * "kidney disease with acute systolic heart failure" no acute kidney disease (N28.9).
 */
function acuityOfAnother(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (positions.length < 2) return false;
  const sorted = [...positions].sort((a, b) => a - b);
  // A cause's acuity is the cause's: "insomnia due to chronic low back pain" is no chronic insomnia (F51.04).
  const apart = (a: number, b: number): boolean => /\b(for|with|due to|secondary to|caused by)\b|\b[d2]\/[t2]\b/i.test(text.slice(xt[a]!.end, xt[b]!.start));
  const [first, second] = [sorted[0]!, sorted[1]!];
  const [beforeLast, last] = [sorted[sorted.length - 2]!, sorted[sorted.length - 1]!];
  // An exacerbation's acuity is the flare's, not a kind of the disease: "Paranoid schizophrenia, acute
  // exacerbation" is no acute schizophrenia (F23), unless the reading is of the exacerbation itself.
  const flare = (p: number): boolean => ACUITY.has(xt[p]!.norm) && /^[\s-]*(?:exacerbation|flare)\b/i.test(text.slice(xt[p]!.end, xt[p]!.end + 16)) && !positions.some((q) => /^(?:exacerbation|flare)/.test(xt[q]!.norm));
  return (ACUITY.has(xt[first]!.norm) && apart(first, second)) || (ACUITY.has(xt[last]!.norm) && apart(beforeLast, last)) || positions.some(flare);
}

/**
 * Hypertension presumes a link with chronic kidney disease only (I.C.9.a.2): "hypertension and acute
 * kidney injury", "HTN - lisinopril held for AKI" are I10 and N17.9, not hypertensive kidney disease (I12).
 */
function acuteKidneyAsHypertensive(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!/^I1[23]/.test(e.code)) return false;
  return positions.some((p) => xt[p]!.norm === 'kidney' && xt[p - 1]?.norm === 'acute' && !positions.includes(p - 1));
}

/**
 * A chronic kidney disease is no renal tubular acidosis: "chronic metabolic acidosis (CKD-related)" is
 * the CKD's metabolic acidosis (E87.22), not the Index's "Acidosis > kidney, tubular" (N25.89) read
 * from the kidney of "chronic kidney disease".
 */
function tubularAcidosisOfChronicKidney(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.code !== 'N2589') return false;
  return positions.some((p) => (xt[p]!.norm === 'kidney' || xt[p]!.norm === 'renal') && (xt[p - 1]?.norm === 'chronic' || xt[p + 1]?.norm === 'disease') && !positions.includes(p - 1) && !positions.includes(p + 1));
}

/** What a patient smokes that is no tobacco. */
const NOT_TOBACCO = new Set(['marijuana', 'cannabis', 'pot', 'weed', 'thc', 'crack', 'cocaine', 'meth', 'methamphetamine', 'heroin', 'hookah']);

/** "Smokes marijuana daily" is cannabis use, not nicotine dependence (F17). */
function smokesNotTobacco(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('F17')) return false;
  const last = Math.max(...positions);
  return xt.slice(last + 1, last + 3).some((t) => NOT_TOBACCO.has(t.norm));
}

/** Words before "fall" that make it the season: "flu vaccine this fall", "in fall". Not "in the fall", which may be the event ("injured in the fall"). */
const SEASON_BEFORE = new Set(['this', 'next', 'early', 'late', 'in']);
/** Words after "fall" that make it the season: "fall semester", "fall and winter". */
const SEASON_AFTER = new Set(['season', 'semester', 'term', 'winter', 'allergies']);

/**
 * "Falls asleep within 30 min", "trouble falling asleep" are sleep, "Flu vaccine in fall" the season and
 * "ESR/CRP falling" a value, not a fall (R29.6, Z91.81).
 */
function fallNotAFall(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => {
    if (xt[p]!.norm !== 'fall') return false;
    const [before, after] = [xt[p - 1]?.norm, xt[p + 1]?.norm];
    const raw = text.slice(xt[p]!.start, xt[p]!.end);
    // A value falling: "ESR/CRP falling", "Hgb falling", "creatinine falling".
    const value = xt[p - 1] ? text.slice(xt[p - 1]!.start, xt[p - 1]!.end) : '';
    if (/^falling$/i.test(raw) && (FALLING_VALUE.initials.test(value) || FALLING_VALUE.names.test(value))) return true;
    return after === 'asleep' || (/^fall$/i.test(raw) && ((before !== undefined && SEASON_BEFORE.has(before)) || (after !== undefined && SEASON_AFTER.has(after))));
  });
}

/** Care of a wound's scar to come: "sunscreen to scar x 6 mo", "scar massage", "to minimize scarring". */
const SCAR_CARE_BEFORE = /\b(?:sunscreen|spf|silicone|massage|minimi[sz]e|reduce|prevent)\b[^.;\n]{0,12}$/i;
const SCAR_CARE_AFTER = /^\s*(?:care|massage|prevention|management|cream|gel|sheets?)\b/i;

/** A scar named in a repaired wound's aftercare is the one it may leave, no scar condition (L90.5). */
function scarToCome(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => /^scar(?:s|ring)?$/i.test(text.slice(xt[p]!.start, xt[p]!.end)) && (SCAR_CARE_BEFORE.test(text.slice(Math.max(0, xt[p]!.start - 30), xt[p]!.start)) || SCAR_CARE_AFTER.test(text.slice(xt[p]!.end, xt[p]!.end + 16))));
}

/** Interferon-gamma release assays whose brand names carry the disease: "QuantiFERON-TB Gold Plus", "T-SPOT.TB". */
const IGRA_NAME = /^(?:quantiferon|qft|t-?spot)$/i;

/** "Positive QuantiFERON-TB Gold" is a test for tuberculosis, no tuberculosis (a latent infection at most, Z22.7). */
function namedInTestName(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => p > 0 && IGRA_NAME.test(text.slice(xt[p - 1]!.start, xt[p - 1]!.end)) && /^[-.]$/.test(text.slice(xt[p - 1]!.end, xt[p]!.start)));
}

/** Eponyms that are everyday words too: Good's syndrome, Still's disease, Little's disease, Hunter's syndrome. */
const WORD_NAMES = new Set(['good', 'still', 'little', 'hunter', 'baker']);

/**
 * "45,X - good response" names no Good's syndrome, nor "still has … disease" a Still's: the name is
 * capitalised or possessive ("baker's cyst" is one however written).
 */
function commonWordAsName(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  return e.words.some((w) => WORD_NAMES.has(w)) && positions.some((p) => WORD_NAMES.has(xt[p]!.norm) && /^[a-z]/.test(text.slice(xt[p]!.start, xt[p]!.end)) && !/^\w+['’]s\b/.test(text.slice(xt[p]!.start, xt[p]!.end + 3)));
}

/** The sex chromosomes of a karyotype after its count: "45,X", "47,XXY", "46,XX". */
const KARYOTYPE_BEFORE = /\b4[5-9],\s*$/;

/** "Turner syndrome (45,X)" names no "syndrome X": a karyotype's letters are chromosomes, read only by a karyotype entry. */
function karyotypeLetter(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.words.some((w) => /^4[5-9]$/.test(w))) return false;
  return positions.some((p) => /^[xy]{1,4}$/i.test(text.slice(xt[p]!.start, xt[p]!.end)) && KARYOTYPE_BEFORE.test(text.slice(Math.max(0, xt[p]!.start - 6), xt[p]!.start)));
}

/** Valve diseases the Index files as rheumatic when the note names no cause (I01, I05–I09). */
const RHEUMATIC_DEFAULT = /^I0[15-9]/;

/**
 * "Acute tricuspid valve infective endocarditis" is the infective endocarditis (I33.0), not the acute
 * rheumatic one the Index gives an acute tricuspid endocarditis of no stated cause (I01.1): an infection
 * the sentence names is the cause.
 */
function rheumaticByDefault(e: Entry, where: ReadonlyMap<string, number[]>): boolean {
  return RHEUMATIC_DEFAULT.test(e.code) && !e.words.some((w) => w.startsWith('rheumat')) && (where.has('infection') || where.has('bacterium'));
}

/**
 * "Exposure to hepatitis C", "exposed to HIV": the disease is what the patient may have caught, no disease
 * the patient has; the exposure's own code (Z20.-, "Contact, with") says it.
 */
function exposureNotDisease(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const p = positions[0]!;
  return !EXPOSURE_CODE.test(e.code) && xt[p - 1]?.norm === 'to' && /^expos/.test(xt[p - 2]?.norm ?? '');
}

/** Words after "bleeding" that make it a risk weighed, a lab, or a wound bed's healthy look, no bleed: "low bleeding risk", "debrided to a bleeding base". */
const BLEEDING_MEASURED_AFTER = /^(?:risks?|scores?|time|base|bed|tissue|edges?|surface|points?)$/i;

/**
 * "Low bleeding risk (VTE-BLEED low)", "bleeding time", "debrided to bleeding base" name no hemorrhage
 * (R58): a risk score, a lab, and the healthy tissue a debridement stops at.
 */
function bleedingNotABleed(text: string, xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => {
    const raw = text.slice(xt[p]!.start, xt[p]!.end);
    if (!/^bleed(?:ing)?$/i.test(raw)) return false;
    // A score's name: "VTE-BLEED", "HAS-BLEED".
    if (raw === 'BLEED' && /[A-Z]-$/.test(text.slice(Math.max(0, xt[p]!.start - 2), xt[p]!.start))) return true;
    const next = xt[p + 1];
    return next !== undefined && /^\s*$/.test(text.slice(xt[p]!.end, next.start)) && BLEEDING_MEASURED_AFTER.test(text.slice(next.start, next.end));
  });
}

/** What a note says is falling that is a measure, not the patient: a lab's initials or a value's name. */
const FALLING_VALUE = { initials: /^[A-Z][A-Za-z]?[A-Z0-9]{1,4}$/, names: /^(?:hgb|hb|hemoglobin|platelets?|plts?|counts?|levels?|titers?|titres?|values?|pressures?|sodium|potassium|creatinine|sats?|saturations?|markers?|numbers)$/i };

/**
 * "Freezing of gait", "freezing at doorways", "freezing episodes" are a parkinsonian gait's, no cold injury
 * (T69.9, "Freezing — see Effects, adverse, cold").
 */
function gaitFreezing(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('T69')) return false;
  return positions.some((p) => xt[p]!.norm === 'freezing' && ['of', 'at', 'episode', 'when', 'with', 'on'].includes(xt[p + 1]?.norm ?? ''));
}

/**
 * A fear alone is no phobic disorder: "strong fear of weight gain" is anorexia's, "fear of falling" a
 * fall risk's. The Index's "Fear complex or reaction" (F40.9) needs the provider's diagnosis of one.
 */
function fearNotPhobia(e: Entry): boolean {
  return e.code === 'F409' && e.words.length === 1 && e.words[0] === 'fear';
}

/** Words around "trauma" that make it the mind's, not an injury: "trauma-focused therapy", "discussing trauma", "childhood trauma". */
const TRAUMA_OF_MIND_AFTER = new Set(['therapy', 'focused', 'informed', 'processing', 'narrative', 'work', 'history', 'hx', 'screen', 'screening', 'survivor', 'symptoms', 'related', 'reminders', 'triggers']);
const TRAUMA_OF_MIND_BEFORE = new Set(['discussing', 'discuss', 'discussed', 'about', 'childhood', 'sexual', 'emotional', 'psychological', 'complex', 'developmental', 'relational', 'interpersonal', 'combat', 'military', 'past', 'index']);

/**
 * "Trauma" in a mental health note is what happened to the person, not an injury (T14.90): "tearful
 * when discussing trauma", "referral for trauma therapy", "childhood trauma".
 */
function traumaOfTheMind(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('T149') || e.words.length !== 1) return false;
  const p = positions[0]!;
  return TRAUMA_OF_MIND_AFTER.has(xt[p + 1]?.norm ?? '') || TRAUMA_OF_MIND_BEFORE.has(xt[p - 1]?.norm ?? '');
}

/**
 * "Underlying" before an article is where something lies, not a cause: "osteomyelitis of the metatarsal
 * head underlying a diabetic foot ulcer" is no diabetes due to an underlying condition (E08).
 */
function underlyingAsBeneath(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('E08')) return false;
  return positions.some((p) => /^underlying$/i.test(text.slice(xt[p]!.start, xt[p]!.end)) && /^\s+(?:a|an|the|its|his|her)\b/i.test(text.slice(xt[p]!.end, xt[p]!.end + 6)));
}

/**
 * A count of diseased vessels is no malformation: "single-vessel CAD", "triple vessel disease" is
 * coronary atherosclerosis, not the Index's "Single > coronary artery" (Q24.5).
 */
function vesselCount(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('Q')) return false;
  return positions.some((p) => /^(?:single|double|two|triple|three|multi)[- ]?vessel/i.test(text.slice(xt[p]!.start, xt[p]!.start + 16)));
}

/** Words before "shot" that make it a gunshot ("was shot"); anything else before it names an injection ("flu shot", "B12 shot"). */
const SHOT_BY = new Set(['was', 'were', 'been', 'being', 'got', 'get', 'gets', 'is', 'accidentally', 'fatally']);

function shotNotGunshot(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.words.length !== 1 || e.words[0] !== 'shot') return false;
  const before = xt[positions[0]! - 1]?.norm;
  return before !== undefined && !SHOT_BY.has(before);
}

/**
 * A congenital reading followed by "use" is a body at work, not a malformation: "accessory muscle use"
 * is a sign of breathing effort, not an accessory muscle (Q79.8).
 */
function usedNotMalformed(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('Q')) return false;
  const next = xt[positions[positions.length - 1]! + 1]?.norm;
  // Either way round: "use of accessory muscles", "using accessory muscles".
  const before = xt[positions[0]! - 1]?.norm;
  const used = before === 'of' ? xt[positions[0]! - 2]?.norm : before;
  return USE_WORDS.has(next ?? '') || USE_WORDS.has(used ?? '');
}
const USE_WORDS: ReadonlySet<string> = new Set(['use', 'usage', 'using', 'uses', 'used']);

/**
 * "Varicella zoster virus" names the virus of chickenpox and shingles alike, in a test's result or a
 * history: neither disease is read from the name (each has its own words: "chickenpox", "herpes zoster").
 */
function virusNamed(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!/^B0[12]/.test(e.code)) return false;
  return positions.some((p) => {
    // Where the name "varicella zoster" would start, if this word is part of it.
    const v = xt[p]!.norm === 'zoster' ? p - 1 : p;
    const named = xt[v]?.norm === 'varicella' && xt[v + 1]?.norm === 'zoster' && VIRUS_NAME_AFTER.has(xt[v + 2]?.norm ?? '');
    // A reading of both words is the name's own line, not a disease read from half of it.
    return named && !(positions.includes(v) && positions.includes(v + 1));
  });
}
const VIRUS_NAME_AFTER: ReadonlySet<string> = new Set(['virus', 'vzv', 'igg', 'igm', 'antibody', 'antibodies', 'titer', 'titre', 'pcr', 'dna', 'serology']);

/**
 * "Long-term use of opioids", "long-term opioid use" are drug therapy (Z79.891), not the substance's
 * "use" (F11.90), a mental and behavioural disorder and an HCC.
 */
function longTermTherapy(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('F1') || !positions.some((p) => xt[p]!.norm === 'use')) return false;
  const longTermBefore = (p: number): boolean => xt[p - 1]?.norm === 'term' && xt[p - 2]?.norm === 'long';
  return positions.some(longTermBefore);
}

/**
 * Words before a transplant or a device that say it has not happened: "awaiting kidney transplant" is
 * Z76.82, not Z94.0; "ENT referral re: PE tubes" is no myringotomy tube (Z96.22) yet.
 */
const TO_COME = new Set(['awaiting', 'await', 'candidate', 'listed', 'list', 'evaluation', 'referred', 'referral', 'scheduled', 'planned', 'considering']);
/** A transplant's or a device's presence (Z94, Z95–Z97). */
const PRESENCE_CODE = /^Z9[4-7]/;

function transplantToCome(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const first = Math.min(...positions);
  return PRESENCE_CODE.test(e.code) && xt.slice(Math.max(0, first - 4), first).some((t) => TO_COME.has(t.norm));
}

/** Words between a condition and a later surgery that make the surgery its cause: "hypothyroidism after thyroid surgery". */
const SURGERY_CAUSE = /\b(after|following|post|from|due to|d\/t|secondary to|2\/2|s\/p|status post|since)\b/i;

/**
 * A surgery named after the condition with nothing making it the cause is a surgery to come or beside
 * it: "Hypothyroidism: take levothyroxine morning of surgery" is no postsurgical hypothyroidism (E89.0).
 */
function surgeryAhead(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const at = positions.find((p) => xt[p]!.norm === 'surgery');
  if (at === undefined || !e.words.includes('surgery')) return false;
  const before = positions.filter((p) => p < at);
  if (before.length === 0) return false;
  const last = Math.max(...before);
  // Next to it the surgery names itself: "bariatric surgery status".
  return at - last > 1 && !SURGERY_CAUSE.test(text.slice(xt[last]!.end, xt[at]!.start));
}

/** Words before "fistula" that make it a dialysis access, made on purpose: "AV fistula", "arteriovenous fistula". */
const ACCESS_BEFORE: ReadonlySet<string> = new Set(['av', 'a-v', 'arteriovenous', 'dialysis', 'access', 'brachiocephalic', 'radiocephalic', 'brachiobasilic']);

/**
 * A dialysis access is no skin fistula (L98.8): "AV fistula eval", "HD via L arm AV fistula". The access
 * a dialysis patient has is the dialysis's status (Z99.2); its complications have codes of their own (T82.-).
 */
function accessFistula(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.words.length !== 1 || e.words[0] !== 'fistula') return false;
  const before = xt[positions[0]! - 1];
  return before !== undefined && ACCESS_BEFORE.has(before.norm);
}

/** Words before "quit" that put the quitting ahead: "trying to quit smoking", "wants to quit", "advised to quit". */
const QUIT_AHEAD: ReadonlySet<string> = new Set(['to', 'will', 'would', 'can', 'cannot', 'could', 'should', 'help', 'ready', 'unable']);

/** A quit still to come is a smoker's, no history of one (Z87.891). */
/** Advice that a list of things to do follows: "Advised to cut caffeine and quit vaping". */
const ADVISED: ReadonlySet<string> = new Set(['advised', 'advise', 'urged', 'encouraged', 'counseled', 'counselled', 'recommended', 'told', 'asked']);

function quitAhead(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const at = positions.find((p) => xt[p]!.norm === 'quit');
  if (at === undefined || e.code !== 'Z87891') return false;
  const before = xt[at - 1]?.norm ?? '';
  return QUIT_AHEAD.has(before) || ((before === 'and' || before === 'or') && xt.slice(Math.max(0, at - 8), at - 1).some((t) => ADVISED.has(t.norm)));
}

/**
 * "Deceased-donor orthotopic liver transplantation", "living donor kidney transplant": the organ the patient
 * received, no donation of the patient's own (Z52.-, the donor's encounter).
 */
function donorOfTransplant(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('Z52')) return false;
  const last = Math.max(...positions);
  return xt.slice(last + 1, last + 4).some((t) => t.norm === 'transplant' || t.norm === 'recipient');
}

/** Drugs that treat diabetes, and the drug-induced diabetes (E09) no such drug causes. */
const ANTIDIABETIC = /\b(insulin|glargine|lispro|aspart|detemir|degludec|metformin|glipizide|glyburide|glimepiride|sitagliptin|semaglutide|dulaglutide|liraglutide|tirzepatide|empagliflozin|dapagliflozin|canagliflozin|pioglitazone)\b/i;

/**
 * "Diabetic ketoacidosis, precipitated by insulin underdosing": a drug that treats diabetes names the
 * underdosing, no diabetes it induced (E09).
 */
function diabetesDrugAsCause(text: string, e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('E09')) return false;
  return ANTIDIABETIC.test(text.slice(xt[Math.min(...positions)]!.start, xt[Math.max(...positions)]!.end));
}

/** What "aortic" names when the valve's words follow it. */
const VALVE_WORDS: ReadonlySet<string> = new Set(['valve', 'stenosis', 'regurgitation', 'insufficiency', 'incompetence']);

/**
 * "Calcified trileaflet aortic valve", "calcific (degenerative) aortic stenosis": the aortic valve's
 * calcification or degeneration, no atherosclerosis of the aorta (I70.0) read over "aortic".
 */
function aorticValve(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.words.includes('aorta') || e.words.some((w) => VALVE_WORDS.has(w))) return false;
  const at = positions.find((p) => xt[p]!.norm === 'aorta');
  return at !== undefined && at === Math.max(...positions) && VALVE_WORDS.has(xt[at + 1]?.norm ?? '');
}

/** Valve disorders (rheumatic and not) and what a trace of regurgitation reads as. */
const VALVE_DISORDER = /^(I0[5-8]|I3[4-7])/;
const TRACE_WORDS: ReadonlySet<string> = new Set(['trace', 'trivial', 'physiologic', 'physiological', 'minimal']);

/** "Trace mitral regurgitation", "trivial TR" on an echo: a normal finding, no valve disorder. */
function traceRegurgitation(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  return VALVE_DISORDER.test(e.code) && TRACE_WORDS.has(xt[Math.min(...positions) - 1]?.norm ?? '');
}

/** Qualifiers that say when a condition arose, written next to it. */
const TIMING_QUALIFIERS: ReadonlySet<string> = new Set(['postoperative', 'postprocedural']);

/**
 * A timing qualifier with two or more words between it and the rest of the reading qualifies another condition: in
 * "Postoperative subcutaneous seroma after hernia repair" it is the seroma's, and the hernia is the
 * repair's, no postoperative (incisional) hernia (K43.2).
 */
function qualifierOfAnother(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  const at = positions.find((p) => TIMING_QUALIFIERS.has(xt[p]!.norm));
  if (at === undefined || positions.length < 2) return false;
  return positions.every((p) => p === at || Math.abs(p - at) > 2) && e.words.some((w) => TIMING_QUALIFIERS.has(w));
}

/**
 * "Tobacco use disorder / nicotine dependence, cigarettes" is F17.210: a "use disorder" is the
 * dependence's name, not the "with disorder" (a substance-induced disorder, F17.219) of its Index line.
 */
function useDisorderAsInduced(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (!e.code.startsWith('F1') || !e.words.includes('disorder') || e.words.includes('use')) return false;
  return positions.some((p) => xt[p]!.norm === 'disorder' && xt[p - 1]?.norm === 'use');
}

/**
 * "Acute organ dysfunction (AKI, encephalopathy)" is severe sepsis's phrase (R65.20): its
 * "dysfunction" is no dysfunction of the kidney listed after it (N28.9).
 */
function organDysfunctionOfSite(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  return !e.words.includes('organ') && positions.some((p) => xt[p]!.norm === 'dysfunction' && xt[p - 1]?.norm === 'organ');
}

/** A patient's refusal: "declines DNR", "DNR discussed, patient declines". */
const DECLINES = new Set(['decline', 'declined', 'refuse', 'refused']);
/** What a provider does with an order before the patient's answer. */
const PUT_TO_PATIENT = new Set(['discussed', 'offered', 'recommended', 'reviewed', 'addressed']);

/**
 * A DNR order talked about and declined, or beside "full code", is no DNR status (Z66); a vaccine the
 * patient declines ("Declines shingles vaccine today") is no immunization encounter (Z23).
 */
function orderDeclined(e: Entry, xt: readonly XToken[], positions: readonly number[]): boolean {
  if (e.code !== 'Z66' && e.code !== 'Z23') return false;
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  if (e.code === 'Z23') return xt.slice(Math.max(0, first - 3), first).some((t) => DECLINES.has(t.norm));
  if (xt.some((t, i) => t.norm === 'full' && xt[i + 1]?.norm === 'code')) return true;
  if (xt.slice(Math.max(0, first - 3), first).some((t) => DECLINES.has(t.norm))) return true;
  const answer = xt.findIndex((t, i) => i > last && DECLINES.has(t.norm));
  return answer > 0 && xt.slice(last + 1, answer).some((t) => PUT_TO_PATIENT.has(t.norm));
}

/** Second words of fixed compounds, with their first: "blood pressure" is a vital sign, not a "pressure". */
const COMPOUND_HEADS: Readonly<Record<string, string>> = { pressure: 'blood', rate: 'heart', sugar: 'blood', scale: 'pain' };

/** A reading that takes the second word of a fixed compound without its first ("chest pain and elevated blood pressure" is no chest pressure). */
function splitsCompound(xt: readonly XToken[], positions: readonly number[]): boolean {
  return positions.some((p) => {
    const head = COMPOUND_HEADS[xt[p]!.norm];
    if (head !== undefined && xt[p - 1]?.norm === head && !positions.includes(p - 1)) return true;
    const tails = COMPOUND_TAILS[xt[p]!.norm];
    return tails !== undefined && tails.includes(xt[p + 1]?.norm ?? '') && !positions.includes(p + 1);
  });
}

/** First words of fixed compounds, with their seconds: a "ventricular response" (rate) is no ventricular condition. */
const COMPOUND_TAILS: Readonly<Record<string, readonly string[]>> = { ventricle: ['response', 'rate'] };

/** Words that carry a number to the condition before them ("pressure ulcer of sacral region, stage 2"). */
const NUMBER_QUALIFIERS = new Set(['stage', 'type', 'grade', 'class', 'level', 'phase']);

/** Words after a number that make it a measurement ("2 x 2 cm"), never a stage or a type; as normalised (singular). */
const MEASURE_UNITS = new Set(['x', 'cm', 'mm', 'm', 'in', 'inch', 'kg', 'g', 'mg', 'mcg', 'ml', 'l', 'cc', 'lb', 'lbs', 'mmhg', 'percent', 'hour', 'day', 'week', 'month', 'year']);

function isMeasurement(xt: readonly XToken[], p: number): boolean {
  // "Stage 4 in the setting of hypertension": after a stage or a type, "in" is the preposition, not inches.
  if (xt[p + 1]?.norm === 'in' && NUMBER_QUALIFIERS.has(xt[p - 1]?.norm ?? '')) return false;
  return MEASURE_UNITS.has(xt[p + 1]?.norm ?? '') || xt[p - 1]?.norm === 'x';
}

/** A part of a decimal number ("1.5 x 1.2 cm"): a size, never a stage or a type. */
function inDecimal(text: string, t: XToken): boolean {
  return /^\.\d/.test(text.slice(t.end, t.end + 2)) || /\d\.$/.test(text.slice(Math.max(0, t.start - 2), t.start));
}

/** What a number counts when it is no type, stage or grade: "2 prior admissions", "3 episodes", "2 drinks". */
const COUNTED_AFTER = /^\s+(?:prior|previous|past|more|other|further|separate|times?|episodes?|admissions?|hospitali[sz]ations?|attempts?|drinks?|beers?|children|kids|pregnancies|visits?)\b/i;

function nearOther(text: string, numberAt: readonly number[], positions: readonly number[], xt: readonly XToken[]): boolean {
  return numberAt.some((p) => {
    if (!positions.includes(p) || isMeasurement(xt, p) || inDecimal(text, xt[p]!)) return false;
    // A count of something is no type or stage: "bipolar I disorder with 2 prior admissions".
    if (COUNTED_AFTER.test(text.slice(xt[p]!.end, xt[p]!.end + 24))) return false;
    // A stage, grade or level is no type: "Type 1 diabetes with stage 2 CKD" is no type 2 diabetes.
    const qualifier = xt[p - 1]?.norm ?? '';
    if (NUMBER_QUALIFIERS.has(qualifier) && qualifier !== 'type' && positions.some((q) => xt[q]!.norm === 'type')) return false;
    const from = p > 0 && NUMBER_QUALIFIERS.has(xt[p - 1]!.norm) ? p - 1 : p;
    return positions.some((q) => q !== p && Math.min(Math.abs(q - p), Math.abs(q - from)) <= 2);
  });
}
