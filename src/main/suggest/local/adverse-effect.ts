// A drug properly taken that caused a condition: "chemotherapy-induced neuropathy", "cough due to
// lisinopril". The condition is coded first, then the drug's adverse-effect code, the T36–T50 code
// whose 5th or 6th character is 5 (guideline I.C.19.e.5.a), read from the Table of Drugs and
// Chemicals. A drug taken wrongly (overdose, wrong drug, toxicity) is a poisoning, never read here.
import type Database from 'better-sqlite3';
import { SALT, tableCode, tableNames } from './drug-names';

/** Adverse effects of drugs, medicaments and biological substances (T36–T50, 5 in the 5th or 6th character), undotted. */
export const ADVERSE_EFFECT = /^T(3[6-9]|4\d|50)[0-9A-Z]{2}5/;

/** Chart words for a drug class, by the Table's name. */
const CLASS_WORDS: ReadonlyMap<string, string> = new Map([
  ['chemo', 'antineoplastic'],
  ['chemotherapy', 'antineoplastic'],
  ['statin', 'antihyperlipidemic drug'],
  ['ace inhibitor', 'lisinopril'],
  ['acei', 'lisinopril'],
  // An NSAID not named is the Table's "Anti-inflammatory drug NEC > nonsteroidal NEC" (T39.395), not ibuprofen's class.
  ['nsaid', 'anti-inflammatory drug'],
  ['contrast', 'contrast medium, radiography'],
  // Classes as notes write them, with the word that names the class after the kind.
  ['loop diuretic', 'diuretic nec > loop'],
  ['thiazide diuretic', 'thiazides'],
  ['beta blocker', 'beta adrenergic blocking agent, heart'],
  ['ssri', 'antidepressant > selective serotonin reuptake inhibitor'],
  ['snri', 'antidepressant > selective serotonin norepinephrine reuptake inhibitor'],
  // Antineoplastics newer than the Table, which it holds under "Antineoplastic NEC" (T45.1X5).
  ...['oxaliplatin', 'paclitaxel', 'docetaxel', 'gemcitabine', 'irinotecan', 'capecitabine', 'pemetrexed', 'bortezomib', 'temozolomide', 'lenalidomide', 'pomalidomide', 'venetoclax',
    // Targeted agents: kinase, PARP and CDK4/6 inhibitors and the antibodies given against a cancer.
    'osimertinib', 'erlotinib', 'gefitinib', 'afatinib', 'alectinib', 'lorlatinib', 'imatinib', 'dasatinib', 'nilotinib', 'ibrutinib', 'acalabrutinib', 'zanubrutinib', 'palbociclib', 'ribociclib', 'abemaciclib', 'olaparib', 'niraparib', 'lenvatinib', 'sorafenib', 'sunitinib', 'pazopanib', 'cabozantinib', 'axitinib', 'regorafenib',
    'trastuzumab', 'pertuzumab', 'bevacizumab', 'cetuximab', 'panitumumab', 'rituximab', 'obinutuzumab', 'daratumumab'].map((drug): [string, string] => [drug, 'antineoplastic']),
  // The immune checkpoint inhibitors given as cancer immunotherapy ("pembrolizumab-induced colitis"),
  // the Table's "Immune > checkpoint inhibitors" (T45.AX5, FY2025 on).
  ...['pembrolizumab', 'nivolumab', 'ipilimumab', 'atezolizumab', 'durvalumab', 'cemiplimab', 'avelumab', 'dostarlimab', 'tremelimumab', 'relatlimab', 'checkpoint inhibitor', 'immune checkpoint inhibitor'].map((drug): [string, string] => [drug, 'immune > checkpoint inhibitors']),
]);

/**
 * Table substances a note names as the patient's own: "due to blood loss" is no drug. A reaction to
 * blood that was given is a transfusion reaction (T80.-), not the Table's adverse effect.
 */
const NOT_GIVEN: ReadonlySet<string> = new Set(['blood']);

/** Adverse-effect code per drug name (lower case; "NEC" dropped: "opioid" from "Opioid NEC"). */
export function loadDrugEffects(db: Database.Database): Map<string, string> {
  const out = new Map<string, string>();
  const rows = db.prepare("SELECT term, adverse_effect AS effect FROM drug WHERE level = 0 AND adverse_effect LIKE 'T%'").all() as Array<{ term: string; effect: string }>;
  const keep = (name: string, written: string | undefined): void => {
    const effect = tableCode(written);
    if (/^[a-z][a-z -]+$/.test(name) && ADVERSE_EFFECT.test(effect) && !out.has(name) && !NOT_GIVEN.has(name)) out.set(name, effect);
  };
  for (const r of rows) keep(r.term.toLowerCase().replace(/\bnec\b/g, '').trim(), r.effect);
  // A substance whose own line has no code, while every salt below it has the same one: "Lithium" (--),
  // "> gluconate", "> salts" (T43.595). A note's "lithium" is that drug. Only salts: "Liver" (--) has
  // extracts and preparations below it, and "due to liver failure" names no drug.
  const forms = db.prepare("SELECT path, term, adverse_effect AS effect FROM drug WHERE level = 1").all() as Array<{ path: string; term: string; effect: string }>;
  const byParent = new Map<string, Set<string>>();
  for (const f of forms) {
    const parent = f.path.split(' > ')[0]!.toLowerCase();
    byParent.set(parent, (byParent.get(parent) ?? new Set()).add(SALT.test(f.term) ? f.effect : ''));
  }
  for (const [parent, effects] of byParent) if (effects.size === 1) keep(parent, [...effects][0]);
  // Class lines by their whole path, for the drugs the Table lists only by class ("Blockers, calcium channel" for amlodipine).
  for (const r of [...rows.map((x) => ({ path: x.term, effect: x.effect })), ...forms]) {
    const effect = tableCode(r.effect);
    const path = r.path.toLowerCase();
    if (ADVERSE_EFFECT.test(effect) && !out.has(path) && !NOT_GIVEN.has(path)) out.set(path, effect);
  }
  for (const [word, name] of CLASS_WORDS) {
    const effect = out.get(name);
    if (effect) out.set(word, effect);
  }
  return out;
}

/** The adverse-effect code (without its 7th character) of a drug as the chart writes it: by name, brand or class stem. */
export function drugEffect(drugs: ReadonlyMap<string, string>, written: string): string | undefined {
  const name = written.toLowerCase();
  // The Table lists some classes plural ("Glucocorticoids"), notes say them singular ("glucocorticoid-induced").
  const own = drugs.get(name) ?? drugs.get(name.replace(/s$/, '')) ?? drugs.get(`${name}s`);
  if (own) return own;
  const names = tableNames(name);
  // A combination product has no one adverse effect.
  return names.length === 1 && names[0] !== name ? drugs.get(names[0]!) : undefined;
}

export interface AdverseEffect {
  /** The T code with its 7th character A (the encounter is read later). */
  code: string;
  /** The drug's words in the document. */
  start: number;
  end: number;
  /** A second drug the note blames with it ("caused by ibuprofen and aspirin"). */
  also?: AdverseEffect;
}

/** A class as the chart writes it, singular or plural ("NSAID", "NSAIDs"). */
const isClassWord = (word: string): boolean => CLASS_WORDS.has(word.toLowerCase().replace(/s$/, ''));

/** The first drug the document names whose adverse effect falls in the class's Table category (T39.3- for NSAIDs). */
function namedMember(text: string, drugs: ReadonlyMap<string, string>, classEffect: string): AdverseEffect | undefined {
  for (const m of text.matchAll(/[A-Za-z]{4,}/g)) {
    if (isClassWord(m[0])) continue;
    const effect = drugEffect(drugs, m[0]);
    if (effect && effect !== classEffect && effect.slice(0, 4) === classEffect.slice(0, 4)) return { code: `${effect}A`, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** "Chemotherapy-induced", "statin-related": the drug before the condition it caused. */
const INDUCED_BY = /\b([A-Za-z]+(?: inhibitor)?)[- ](?:induced|related|associated)\b/gi;
/** What may stand between that and the condition's reading: up to two words ("… peripheral neuropathy"). */
const INDUCED_GAP = /^\s+(?:[A-Za-z]+\s+){0,2}$/;
/** Words that hedge or deny a drug as the cause, said just before it. */
const HEDGE = 'likely|probably|possibly|presumed|presumably|suspected|most likely|not|unlikely';
/**
 * "…due to lisinopril", "…, likely secondary to HCTZ", "…, a side effect of metformin", "thrush (oral) d/t inhaled corticosteroid": the drug after it.
 * The condition's site may come between: "Angioedema of lip and tongue due to lisinopril".
 */
const CAUSED_BY = new RegExp(
  `^\\s*(?:(?:of|on|in|involving)\\s+(?:the\\s+)?(?:[A-Za-z]+\\s+){1,4}?(?=due|d\\/t|secondary|caused|from|related|attribut|2\\/2))?(?:\\([^()\\n]{0,40}\\)\\s*)?[,:-]?\\s*(?:(${HEDGE})\\s+)?(?:(?:a|an)\\s+)?(?:due to|d\\/t|secondary to|caused by|precipitated by|from|related to|attributed to|attributable to|2\\/2|s\\/t|side effect of|adverse effect of|adverse reaction to|reaction to)\\s+(?:(?:the|his|her|their|recent|high[- ]dose|long[- ]term|chronic|prolonged|starting|initiation of|use of|new|first|a|an|dose of|doses of|increased|higher|iv|intravenous|oral|inhaled)\\s+)*([A-Za-z]+(?: inhibitor| diuretics?| blockers?)?)`,
  'i',
);
/** A cause named inside a reading: "… due to tamsulosin", "… secondary to lithium". */
const CAUSE_INSIDE = new RegExp(`\\b(?:(${HEDGE})\\s+)?(?:due to|d\\/t|secondary to|caused by|induced by|precipitated by|from|related to|2\\/2)\\s+(?:(?:the|his|her|their|recent|high[- ]dose|long[- ]term|chronic|prolonged|use of|new|dose of|doses of)\\s+)*([A-Za-z]+)\\b`, 'gi');
/** "Peripheral neuropathy, chemotherapy-induced": the drug named after the condition it caused. */
const INDUCED_AFTER = new RegExp(`^\\s*[,:-]?\\s*(?:(${HEDGE})\\s+)?([A-Za-z]+(?: inhibitor)?)[- ](?:induced|related|associated)\\b`, 'i');
/** A hedge or denial right before "X-related": "B12 deficiency, likely metformin-related". */
const HEDGE_BEFORE = new RegExp(`\\b(${HEDGE})\\s+$`, 'i');

/** A denied cause never counts; one only suspected counts where uncertain diagnoses are coded (inpatient). */
function setAside(hedge: string | undefined, inpatient: boolean): boolean {
  const h = hedge?.toLowerCase();
  return h === 'not' || h === 'unlikely' || (h !== undefined && !inpatient);
}
/** What a sentence must say for a drug to be the cause of anything in it (most say none of it). */
const CAUSE_WORDS = /induced|precipitated|related|associated|due to|d\/t|secondary to|caused by|from|attribut|2\/2|s\/t|effect of|reaction to/i;
/** A drug an organism resists or yields to names the organism, not a drug taken: "due to methicillin-resistant Staphylococcus aureus". */
const RESISTANCE_AFTER = /^[-\s]?(?:resistant|resistance|sensitive|susceptible|susceptibility)\b/i;

/** A reading ending on a reaction, whose cause follows it: "allergic reaction". */
const REACTION_WORD = /\breactions?$/i;
/** A drug taken wrongly is a poisoning (T36–T50 with 1–4), not an adverse effect. */
const POISONING = /\b(overdose|overdosed|poisoning|toxicity|toxic|took (too much|extra|double)|intentional|ingest(ed|ion)|wrong (drug|medication|dose))\b/i;

/**
 * The drug that caused the condition read at [start, end) of `sentence` (document offsets), when the
 * sentence names one of the Table of Drugs'. A cause only suspected counts where uncertain diagnoses
 * are coded (inpatient); a denied one never.
 */
export function adverseEffectOf(text: string, sentence: { start: number; end: number }, mention: { start: number; end: number }, drugs: ReadonlyMap<string, string>, inpatient: boolean): AdverseEffect | undefined {
  const sentenceText = text.slice(sentence.start, sentence.end);
  if (!CAUSE_WORDS.test(sentenceText) || POISONING.test(sentenceText)) return undefined;
  const found = (word: string, at: number): AdverseEffect | undefined => {
    const effect = drugEffect(drugs, word);
    if (!effect || RESISTANCE_AFTER.test(text.slice(at + word.length, at + word.length + 16))) return undefined;
    // A class the note names its member of elsewhere ("ibuprofen stopped … ATN related to NSAID") is that drug.
    const member = isClassWord(word) ? namedMember(text, drugs, effect) : undefined;
    return member ?? { code: `${effect}A`, start: at, end: at + word.length };
  };
  // The drug word may stand inside the condition's reading ("drug-induced" is an Index word) or just before it.
  for (const m of text.slice(sentence.start, mention.end).matchAll(INDUCED_BY)) {
    const at = sentence.start + m.index;
    const end = at + m[0].length;
    if (at < mention.start && !(end <= mention.start && INDUCED_GAP.test(text.slice(end, mention.start)))) continue;
    if (setAside(HEDGE_BEFORE.exec(text.slice(sentence.start, at))?.[1], inpatient)) continue;
    const byWord = found(m[1]!, at);
    if (byWord) return byWord;
  }
  // Or inside it, where an Index "due to drug" line took the drug's name in: "hypotension due to
  // tamsulosin" is I95.2, and the tamsulosin's adverse effect still asks for its T-code (I.C.19.e.5.a).
  for (const m of text.slice(mention.start, mention.end).matchAll(CAUSE_INSIDE)) {
    if (setAside(m[1], inpatient)) continue;
    const byWord = found(m[2]!, mention.start + m.index + m[0].lastIndexOf(m[2]!));
    if (byWord) return byWord;
  }
  // A reading that took in the reaction leaves its "to" behind: "Urticaria - allergic reaction to amoxicillin".
  const reactionTo = REACTION_WORD.test(text.slice(mention.start, mention.end)) && /^\s+to\s/i.test(text.slice(mention.end, sentence.end));
  const rest = (reactionTo ? ' reaction' : '') + text.slice(mention.end, sentence.end);
  const after = CAUSED_BY.exec(rest) ?? INDUCED_AFTER.exec(rest);
  if (!after) return undefined;
  if (setAside(after[1], inpatient)) return undefined;
  // The drug is the last word the match names after the hedge (CAUSED_BY ends on it; INDUCED_AFTER's "-induced" follows it).
  const at = mention.end - (reactionTo ? ' reaction'.length : 0) + after.index + after[0].lastIndexOf(after[2]!);
  const first = found(after[2]!, at);
  if (!first) return undefined;
  // A second drug joined to it: "gastric ulcer caused by ibuprofen and aspirin" (each has its T-code).
  const joined = AND_ANOTHER.exec(text.slice(at + after[2]!.length, sentence.end));
  const second = joined ? found(joined[1]!, at + after[2]!.length + joined[0].length - joined[1]!.length) : undefined;
  return second && second.code !== first.code ? { ...first, also: second } : first;
}

/** A second drug right after the first: "ibuprofen and aspirin", "ibuprofen/aspirin". */
const AND_ANOTHER = /^\s*(?:and|&|\/|,|plus)\s*(?:the\s+|high[- ]dose\s+)?([A-Za-z]+)/i;
