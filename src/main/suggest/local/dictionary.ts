// The local engine's phrase dictionary, read once from the code-set database: Alphabetic Index term
// paths (nonessential modifiers optional), tabular titles, inclusion terms, Neoplasm Table sites and
// the abbreviation list. Each entry is a set of normalised words that must all appear close together
// in one sentence; the more words an entry needs, the more specific it is.
import type Database from 'better-sqlite3';
import { normalizeCode } from '../../../shared/codeset/format';
import { CodeTable, lineHint, titleWords, type SidePair } from './code-table';
import { readAmbiguousTerms, type AmbiguousTerm } from './ambiguous';
import { readSeverityTerms, type SeverityTerm } from './severity';
import { readDueToConditions, type DueToCondition } from './due-to-condition';
import { readDrugInduced } from './drug-induced';
import { loadDrugEffects } from './adverse-effect';
import { ADJECTIVE_EXCEPTIONS, alternatives, CODE_TO, contentWords, essentialRest, mainTermAliases, subtermForms, MANUAL_ALIASES, NAMED_KINDS, ORDINARY_WORDS, stripParens, UNSAID_QUALIFIERS } from './index-words';
import { eponymReadings } from './eponym';
import { buildExternalCauseIndex, type ExternalCauseIndex } from './external-cause-index';
import { OtherWords } from './other-words';
import { createNormalizer, phraseWords, SPLIT_PREFIXES, type Normalizer } from './text';

export type EntrySource = 'index' | 'tabular' | 'inclusion' | 'neoplasm' | 'abbrev' | 'learned';

export interface Entry {
  id: number;
  /** Distinct normalised words, all required. */
  words: string[];
  code: string;
  source: EntrySource;
  /** Index depth (0 = main term); 0 for other sources. */
  level: number;
  /** Sorted words, the entry's identity for priors. */
  key: string;
  /** Words of a "without …" clause: the entry does not apply when they are all in the sentence. */
  without?: string[];
  /** The entry does not apply when any of these words is in the sentence (a stated behaviour beats "tumor"). */
  unless?: string[];
  /** For a history entry: the code its condition words read as on their own (nicotine dependence → F17.200). */
  alone?: string;
  /** The Index puts "in" between the words ("Blood > in > urine"): the note must say it between them too. */
  linkedByIn?: true;
  /**
   * Words of the Index line's nonessential modifiers (in parentheses): next to the match they are part
   * of it, so "ischemic stroke" is Stroke (ischemic) and no separate Ischemia.
   */
  modifiers?: string[];
  /**
   * Words of an Index "without …" line's clause: the note must say them negated ("concussion without
   * loss of consciousness"), while the entry's other words are stated.
   */
  absent?: string[];
  /** The Index line joins the condition to a cause ("Neutropenia > drug-induced > due to … chemotherapy"). */
  linksCause?: true;
  /** Where the line's part of the body splits only by side: the code for each side the note may name (both, unless the Index has a bilateral line). */
  sided?: SidePair & { bilateral?: string };
  /**
   * An abbreviation's entry whose expansion lost a word to the stop list ("anemia in neoplastic disease"
   * keeps only "anemia", "disease"): read only through the abbreviation, never from the note's own words.
   */
  viaExpansion?: true;
  /** The Index line's "multiple" subterm, for a line whose "solitary" notes leave unsaid and a fracture's: the code when the note's word is plural ("pulmonary nodules" R91.8, "rib fractures" S22.4-). */
  plural?: string;
}

export interface AnchorBucket {
  single: Entry[];
  pairs: Map<string, Entry[]>;
}

export interface Dictionary {
  entries: Entry[];
  /** Rarest word → entries: one-word entries, and the others by their second-rarest word. */
  byAnchor: Map<string, AnchorBucket>;
  normalize: Normalizer;
  /** Abbreviation word sequences (normalised) → expansion words. */
  abbreviations: Map<string, { expansion: string[]; exact: string }>;
  /** Adverse-effect code (T36–T50, without its 7th character) per drug name, from the Table of Drugs. */
  drugs: Map<string, string>;
  /** Entries under Index "History > family" (family-history Z codes), by the disease words only. */
  familyHistory: Entry[];
  /** Entries under Index "History > personal", by the condition words only. */
  personalHistory: Entry[];
  /**
   * History codes by the conditions their tabular says are "classifiable to" them (Z80.0: C15–C26):
   * family history of any condition, personal history of neoplasms. "His brother has colon cancer"
   * is Z80.0 though the Index only lists "gastrointestinal tract".
   */
  classifiedHistory: { family: ClassifiedHistory[]; personal: ClassifiedHistory[] };
  /** Entries under Index "Status" and "Presence" ("Status > coronary artery bypass graft" Z95.1), by their own words. */
  status: Entry[];
  /** Index "Diabetes, diabetic > with > X" (type 2 codes): the words of X and the combination code. */
  diabetesWith: IndexLink[];
  /**
   * Index "Sequelae > infarction > cerebral > X" and "Sequelae > hemorrhage > intracerebral (subarachnoid,
   * intracranial) > X": the deficit's words, the I69.- code, the acute stroke's category, and the code X reads as alone.
   */
  strokeSequelae: IndexLink[];
  /** Index "X > localized" lines for enlarged lymph nodes (Adenopathy, Lymphadenopathy): X's words (sorted, space-joined) → R59.0. */
  localized: Map<string, string>;
  /** Words that name a body site (from the Neoplasm Table's sites): "cervical adenopathy" is localized. */
  siteWords: Set<string>;
  /** Index "Main > with > Other" lines whose Other reads as a code of its own ("Sciatica > with lumbago"). */
  indexWith: WithLink[];
  /** Index lines coded by what the provider meant ("Diabetes > uncontrolled > meaning > …"): a note not saying which is queried. */
  ambiguous: AmbiguousTerm[];
  /** Conditions the Index codes apart when due to a physical condition ("Delirium > due to > general medical condition" F05). */
  dueToConditions: DueToCondition[];
  /** A main term's code → the code of its "drug-induced" subterm (R19.7 → K52.1). */
  drugInduced: Map<string, string>;
  /** The External Cause Index's places, activities, bites and falls, for an injury's external causes. */
  externalCauses: ExternalCauseIndex;
  /** Conditions the Index codes only by a stated severity ("cannabis use disorder", "persistent asthma"). */
  severityTerms: SeverityTerm[];
  /**
   * Diseases that are a dementia's cause by name ("Disease, Alzheimer's G30.9 [F02.80]"): the flattened
   * Index lost the bracketed manifestation and kept "see also Dementia, in, diseases specified elsewhere".
   */
  dementiaImplied: ReadonlySet<string>;
}

/** A history code and the code ranges of the conditions classifiable to it (undotted, inclusive). */
export interface ClassifiedHistory {
  code: string;
  ranges: Array<[string, string]>;
  /** Only for a condition the chart says was repaired or corrected (a congenital malformation, Z87.7-). */
  repaired?: true;
}

/** An Index "Main > with > Other" line: the main term's code (undotted, no dash), Other's words and what they read as alone. */
export interface WithLink extends IndexLink {
  main: string;
}

/** One "Diabetes, diabetic > with > X" line: the words of X, the combination code, and the code X reads as alone. */
export interface IndexLink {
  words: string[];
  code: string;
  /** For a stroke's sequela: the category of the acute stroke it follows (I63 infarction, I61 intracerebral hemorrhage…). */
  of?: string;
  /** "peripheral angiopathy" alone is I73.9: a note's "PAD" (also I73.9) links the same way. */
  alone?: string;
}

/** The Index's "Sequelae" lines of a stroke: its kind, its site, and the category of the acute stroke. */
const SEQUELA_OF: ReadonlyArray<readonly [RegExp, RegExp, string]> = [
  [/^infarction/i, /^cerebral/i, 'I63'],
  [/^hemorrhage/i, /^intracerebral/i, 'I61'],
  [/^hemorrhage/i, /^subarachnoid/i, 'I60'],
  [/^hemorrhage/i, /^intracranial/i, 'I62'],
];

interface IndexRow {
  level: number;
  path: string;
  term: string;
  nemod: string | null;
  code: string | null;
  see: string | null;
  see_code: string | null;
  see_also: string | null;
}

/** The Neoplasm Table's lymph glands of a region: "lymph, lymphatic channel NEC > gland > axilla, axillary". */
const LYMPH_GLAND = /^Neoplasm, neoplastic > lymph, lymphatic channel NEC > gland > ([^>]+)$/;

/** The lobes only a lung has (a liver's and a thyroid's are right and left, a brain's named). */
const LUNG_LOBE = /> lung > (upper|middle|lower) lobe$/;

/** Psychoactive-substance-related disorders (F10–F19). */
const SUBSTANCE_CODE = /^F1\d/;
/** A nonessential modifier that names the substance use the line is about. */
const SUBSTANCE_USE_NEMOD = /\((?:residual to|due to|from) ([a-z ]+) use\)/i;

export function buildDictionary(db: Database.Database, table: CodeTable = new CodeTable(db)): Dictionary {
  const aliases = new Map<string, string>(MANUAL_ALIASES);
  // A subterm whose words the source file lost after a leading parenthesis ("Disorder > persistent >
  // (somatoform)" was "(somatoform) pain", F45.41) would read as its parent: "panic disorder - persistent".
  const indexRows = (db.prepare("SELECT level, path, term, nemod, code, see, see_code, see_also FROM index_term WHERE source = 'index' ORDER BY id").all() as IndexRow[]).filter((r) => r.term.trim() !== '');
  for (const r of indexRows) if (r.level === 0) mainTermAliases(r.term, aliases);
  // Adjectives of "-ia" conditions read as the condition (hypoxic → hypoxia, anemic → anemia).
  const vocabulary = new Set<string>();
  for (const r of indexRows) for (const w of r.term.toLowerCase().match(/[a-z]+/g) ?? []) vocabulary.add(w);
  for (const w of vocabulary) {
    if (!w.endsWith('ia') || w.length < 6) continue;
    const adjective = `${w.slice(0, -2)}ic`;
    if (!aliases.has(adjective)) aliases.set(adjective, w);
  }
  // …and of "-osis" ones the Index never writes as adjectives (osteoporotic → osteoporosis).
  for (const w of vocabulary) {
    if (!w.endsWith('osis') || w.length < 7) continue;
    const adjective = `${w.slice(0, -4)}otic`;
    if (!aliases.has(adjective) && !vocabulary.has(adjective)) aliases.set(adjective, w);
  }
  // Other adjectives the Index writes as their noun: macular → macula, vertebral → vertebra,
  // allergic → allergy, apneic → apnea. Only toward a noun the Index uses; "-al" never drops to a
  // bare stem (personal → person, portal → port).
  for (const w of vocabulary) {
    if (w.length < 6 || aliases.has(w) || ADJECTIVE_EXCEPTIONS.has(w)) continue;
    // A virus's adjective is the virus: rotaviral → rotavirus, adenoviral → adenovirus.
    const nouns = w.endsWith('viral') ? [`${w.slice(0, -2)}us`] : w.endsWith('ar') || w.endsWith('al') ? [`${w.slice(0, -2)}a`] : w.endsWith('ic') ? [`${w.slice(0, -2)}y`, `${w.slice(0, -2)}a`] : [];
    const noun = nouns.find((n) => vocabulary.has(n));
    if (noun) aliases.set(w, noun);
  }
  // Latin plurals of "-ix" and "-ex" nouns read as the singular the Index writes: varices → varix, apices → apex.
  for (const w of vocabulary) {
    if (w.length < 5 || !/(ix|ex)$/.test(w)) continue;
    const plural = `${w.slice(0, -2)}ices`;
    if (!aliases.has(plural)) aliases.set(plural, w);
  }
  // And the Greek plurals of "-oma" nouns: leiomyomata → leiomyoma, condylomata → condyloma.
  for (const w of vocabulary) {
    if (w.length < 6 || !w.endsWith('oma')) continue;
    const plural = `${w}ta`;
    if (!aliases.has(plural)) aliases.set(plural, w);
  }
  const normalize = createNormalizer(aliases, new Set([...vocabulary].filter((w) => SOLID_PREFIXED.test(w))));
  const SOLITARY = normalize('solitary');
  const namedKinds = new Set(NAMED_KINDS.map(normalize));
  const implied = UNSAID_QUALIFIERS.map(([word, unsaid]) => [normalize(word), contentWords(unsaid, normalize)] as const);
  const [basal, skin, female] = ['basal', 'skin', 'female'].map(normalize) as [string, string, string];
  const unsaidWith = (words: readonly string[]): string[] => implied.filter(([w]) => words.includes(w)).flatMap(([, u]) => u.filter((x) => words.includes(x)));

  const raw: Array<Omit<Entry, 'id' | 'key'>> = [];
  const family: Array<Omit<Entry, 'id' | 'key'>> = [];
  const personal: Array<Omit<Entry, 'id' | 'key'>> = [];
  const otherWords = new OtherWords(normalize);
  const status: Array<Omit<Entry, 'id' | 'key'>> = [];
  const diabetesWith: IndexLink[] = [];
  const strokeSequelae: IndexLink[] = [];
  const indexWith: WithLink[] = [];
  const localized = new Map<string, string>();
  const siteWords = new Set<string>();
  const resolved = new Map<string, string | undefined>();
  const billable = (c: string): string | undefined => {
    if (!resolved.has(c)) resolved.set(c, table.resolveBillable(c));
    return resolved.get(c);
  };

  // A line whose path above "with" names another condition reaches that code by way of it: "Calculus >
  // pyelonephritis" is a calculus with pyelonephritis, so its "with hydronephrosis" (N13.6, infected)
  // is no link for a plain kidney stone (N20.0). Each term above "with" must say a word of the code's title.
  const titleOf = (code: string): Set<string> => new Set(titleWords(table.byCode.get(normalizeCode(code.replace(/-+$/, '')))?.long_desc ?? '').map(normalize));
  const titleSays = (code: string, words: readonly string[]): boolean => {
    const title = titleOf(code);
    return words.some((w) => title.has(w));
  };
  const pathNamesCode = (terms: readonly string[], code: string): boolean => {
    const title = titleOf(code);
    return title.size === 0 || terms.every((term) => stripParens(term).split(',').some((t) => contentWords(t, normalize).some((w) => title.has(w))));
  };

  // A main term with no code of its own and "see also" another main term ("Necrosis — see also
  // Gangrene") reads, unmodified, as that term's own code (I96), as a coder following the Index would.
  // The reference is followed to the end ("Arthralgia — see also Pain, joint" is M25.50, not Pain's
  // R52); one that cannot be followed is not read. Ordinary words stay words ("adherent to meds").
  const headWord = (term: string): string => stripParens(term).split(',')[0]!.trim().toLowerCase();
  // A subterm that opens a list ("Detachment > retina > with retinal: > break") is referred to without its colon.
  const pathKey = (segs: readonly string[]): string => segs.map((x, i) => (i === 0 ? headWord(x) : stripParens(x).trim().toLowerCase().replace(/:$/, ''))).join(' > ');
  const pathCodes = new Map<string, string>();
  // Main terms sharing a head word share keys: "see Fracture, ankle" means the traumatic fracture
  // ("Fracture, traumatic > ankle", S82.89-), not the pathological one listed first (M84.47-).
  const traumatic = new Set<string>();
  // "Varix > esophagus > in (due to) > cirrhosis of liver": an "in" the Index glosses as "due to" links
  // two conditions as "with" does (I.A.15), unlike the "in" of a place ("Blood > in > urine").
  const causalIn = new Set(indexRows.filter((r) => r.term.trim().toLowerCase() === 'in' && /\bdue to\b/i.test(r.nemod ?? '')).map((r) => r.path));
  for (const r of indexRows) {
    const segs = r.path.split(' > ');
    const key = pathKey(segs);
    const isTraumatic = /,\s*traumatic$/i.test(segs[0]!);
    if (!r.code || (pathCodes.has(key) && (traumatic.has(key) || !isTraumatic))) continue;
    pathCodes.set(key, r.code);
    if (isTraumatic) traumatic.add(key);
  }
  const childKeys = new Map<string, string[]>();
  for (const key of pathCodes.keys()) {
    const cut = key.lastIndexOf(' > ');
    if (cut < 0) continue;
    const parent = key.slice(0, cut);
    (childKeys.get(parent) ?? childKeys.set(parent, []).get(parent)!).push(key);
  }
  // A subterm that says "see" another entry ("Ulcer > foot — see Ulcer, lower limb") is looked up
  // there under its own words, as a coder would: "Ulcer, lower limb > foot specified NEC" (L97.50-),
  // not the lower limb's default (L97.909).
  const seeSubtermCode = (r: IndexRow): string | null => {
    if (r.code || !r.see || r.level < 1) return null;
    const target = pathKey(r.see.split(',').map((p) => p.trim()).filter(Boolean));
    const own = stripParens(r.path.split(' > ').at(-1)!).trim().toLowerCase();
    const named = (seg: string): boolean => seg === own || SAME_SUBTERM_TAIL.some((tail) => seg === `${own} ${tail}`);
    // "see Fracture, femur, trochanteric" names "Fracture, traumatic > femur, femoral > trochanteric".
    const kids = childKeys.get(target) ?? flatChildren.get(flatKey(target)) ?? [];
    const hit = kids.filter((k) => named(lastSegment(k))).sort((a, b) => a.length - b.length)[0];
    return hit ? (pathCodes.get(hit) ?? null) : null;
  };
  // A "see" naming a whole path ("Cholecystitis > acute > with > cholelithiasis — see Calculus,
  // gallbladder, with cholecystitis, acute") is that line's code (K80.00); the Index splits "with X"
  // into two levels where the reference writes it as one part ("knee joint" is "knee-joint"), so paths
  // are compared as words.
  // A subterm listing its spellings ("femur, femoral") is referred to by the first ("see Fracture, femur, lower end"),
  // and a bone by its name alone ("see Fracture, carpal, navicular" is "Fracture > carpal bone > navicular").
  const flatKey = (key: string): string =>
    key
      .split(' > ')
      .map((sg) => sg.split(', ')[0]!.replace(/ bones?$/, ''))
      .join(' ')
      .replaceAll('-', ' ');
  const flatChildren = new Map<string, string[]>();
  for (const [parent, kids] of childKeys) flatChildren.set(flatKey(parent), [...(flatChildren.get(flatKey(parent)) ?? []), ...kids]);
  const flatCodes = new Map<string, string>();
  for (const [key, code] of pathCodes) if (!flatCodes.has(flatKey(key))) flatCodes.set(flatKey(key), code);
  // The reference may order the words otherwise: "see Diverticulosis, intestine, large" is the Index's
  // "Diverticulosis > large intestine" (K57.30). Only a word set naming one code, for a reference of
  // three parts or more (a two-part one names its line as the Index writes it).
  const bagKey = (key: string): string => flatKey(key).split(' ').sort().join(' ');
  const bagCodes = new Map<string, string | null>();
  for (const [key, code] of pathCodes) {
    const bag = bagKey(key);
    bagCodes.set(bag, bagCodes.has(bag) && bagCodes.get(bag) !== code ? null : code);
  }
  const seePathCode = (r: IndexRow): string | null => {
    if (r.code || !r.see || !r.see.includes(',')) return null;
    const parts = r.see.split(',').map((p) => p.trim()).filter(Boolean);
    const target = pathKey(parts);
    return flatCodes.get(flatKey(target)) ?? (parts.length > 2 ? bagCodes.get(bagKey(target)) : undefined) ?? null;
  };
  // A subterm likewise ("Infection > ear (middle) — see also Otitis media" is H66.9-, not Infection's
  // B99.9), unless lines below it give codes of their own: "Elevated > blood pressure — see also
  // Hypertension" is R03.0 by its "reading, no diagnosis of hypertension" line, never I10.
  const seeAlsoCode = (r: IndexRow): string | null => {
    if (r.code || r.see_code || !r.see_also || (r.level === 0 && ORDINARY_WORDS.has(headWord(r.term)))) return null;
    if (r.level > 0 && (childKeys.get(pathKey(r.path.split(' > '))) ?? []).length > 0) return null;
    const parts = r.see_also.split(',').map((p) => p.trim()).filter((p) => p && !/^by (site|type)\b/i.test(p));
    // "see also Otitis media" names "Otitis > media": paths compared as words.
    return parts.length > 0 ? (pathCodes.get(pathKey(parts)) ?? flatCodes.get(flatKey(pathKey(parts))) ?? null) : null;
  };

  // Paths compared without "NEC": the Index's "see Dependence, drug, nicotine" is "Dependence > drug NEC > nicotine".
  const looseKey = (key: string): string => key.replace(/ nec\b/g, '');
  const looseChildren = new Map<string, string[]>();
  for (const [parent, kids] of childKeys) looseChildren.set(looseKey(parent), [...(looseChildren.get(looseKey(parent)) ?? []), ...kids]);
  const MAX_SEE_CHILDREN = 40;
  /**
   * Coded subterm lines a reference reads on into, each with its last segment. Not a connecting word's
   * line; nor a side, read from the note's words next to the mention (laterality), not as a subterm.
   */
  const subtermLines = (kids: readonly string[]): Array<{ key: string; segment: string; code: string }> =>
    kids.map((k) => ({ key: k, segment: lastSegment(k), code: pathCodes.get(k)! })).filter((k) => k.code && !/^(with|without|due to|in|see|left|right|bilateral)\b/.test(k.segment));
  // The target's own "with" lines, read as one subterm: "Laceration > palm — see Laceration, hand" with a
  // foreign body is "Laceration > hand > with > foreign body" (S61.42-), the palm being the hand's.
  const withLines = (target: string): Array<{ key: string; segment: string; code: string }> =>
    (looseChildren.get(`${target} > with`) ?? []).map((k) => ({ key: k, segment: `with ${lastSegment(k)}`, code: pathCodes.get(k)! })).filter((k) => k.code);
  const seeChildren = (r: IndexRow): Array<{ key: string; segment: string; code: string }> => {
    if (r.code || !r.see) return [];
    const target = looseKey(pathKey(r.see.split(',').map((p) => p.trim()).filter(Boolean)));
    const kids = looseChildren.get(target) ?? [];
    // Not where the target lists the line's own word ("Ulcer > foot — see Ulcer, lower limb": its "foot"
    // line carries the site, which the lower limb's "with" lines would lose).
    const direct = kids.length > MAX_SEE_CHILDREN ? [] : [...subtermLines(kids), ...(seeSubtermCode(r) === null ? withLines(target) : [])];
    return [...direct, ...seeSameKind(r).filter((k) => !kids.includes(k.key))];
  };
  // Coded lines under each main term, at any depth.
  const underMain = new Map<string, string[]>();
  for (const key of pathCodes.keys()) {
    const cut = key.indexOf(' > ');
    if (cut >= 0) (underMain.get(key.slice(0, cut)) ?? underMain.set(key.slice(0, cut), []).get(key.slice(0, cut))!).push(key);
  }
  /**
   * "Tear, torn > ligament — see Sprain": the target is read on into, past its own subterms, where its
   * lines name the subterm's own thing, at any depth, with their whole path: "ACL tear, left
   * knee" is "Sprain > knee > cruciate ligament > anterior" (S83.51-), as a coder following the
   * reference reads. Only a level-1 line referring to a bare main term.
   */
  const pathWords = new Map<string, string[]>();
  const seeSameKind = (r: IndexRow): Array<{ key: string; segment: string; code: string }> => {
    if (r.level !== 1 || !r.see || r.see.includes(',')) return [];
    const target = headWord(r.see);
    const own = contentWords(stripParens(r.term), normalize);
    if (own.length === 0) return [];
    // A line's path below the target, as one segment: "knee cruciate ligament anterior".
    const below = (key: string): string => key.slice(target.length + 3).replaceAll(' > ', ' ');
    const lines = (underMain.get(target) ?? []).filter((k) => {
      let words = pathWords.get(k);
      if (!words) pathWords.set(k, (words = contentWords(below(k), normalize)));
      return own.every((w) => words.includes(w));
    });
    if (lines.length > MAX_SEE_CHILDREN) return [];
    return subtermLines(lines).map((k) => ({ ...k, segment: below(k.key) }));
  };

  // "Gastroenteritis (K52.9) — see also Enteritis": a subterm the term lacks is looked up in the
  // other term, as a coder reads on ("norovirus gastroenteritis" is "Enteritis > norovirus", A08.11).
  const MAX_SEE_ALSO_CHILDREN = 80;
  const seeAlsoChildren = (r: IndexRow): Array<{ key: string; segment: string; code: string }> => {
    if (r.level !== 0 || !r.see_also || ORDINARY_WORDS.has(headWord(r.term))) return [];
    const own = new Set((childKeys.get(pathKey([r.term])) ?? []).map(lastSegment));
    const target = pathKey(r.see_also.split(',').map((p) => p.trim()).filter(Boolean));
    const kids = childKeys.get(target) ?? [];
    if (kids.length > MAX_SEE_ALSO_CHILDREN) return [];
    // A cause's lines are read on into too, with their "due to": "Coagulopathy — see also Defect,
    // coagulation" reads "coagulopathy of liver disease" as "Defect > coagulation > due to > liver disease" (D68.4).
    const causes = subtermLines(childKeys.get(`${target} > due to`) ?? []).map((k) => ({ ...k, segment: `due to ${k.segment}` }));
    // The term's own acuity and default lines stand: only a kind it lacks is read on.
    return [...subtermLines(kids), ...causes].filter((k) => !own.has(k.segment) && !/^(acute|chronic|specified|unspecified|nec)\b/.test(k.segment));
  };

  // "Hypertensive urgency — see Hypertension" (and "Urgency > hypertensive — see Hypertension"): the
  // words the target does not cover name its subterm, "Hypertension > urgency" (I16.0), where a coder
  // following the reference looks, not the target's own code (I10).
  const seeRemainderCode = (r: IndexRow): string | null => {
    // Deeper lines carry connecting words of their own ("complicated by"), not a subterm's.
    if (r.code || !r.see || r.level > 1) return null;
    const parts = r.see.split(',').map((p) => p.trim()).filter(Boolean);
    const target = pathKey(parts);
    const kids = childKeys.get(target);
    if (!kids) return null;
    const covered = new Set(contentWords(parts.join(' '), normalize));
    const sorted = (ws: string[]): string => [...ws].sort().join(' ');
    const rest = sorted(contentWords(r.path.split(' > ').join(' '), normalize).filter((w) => !covered.has(w)));
    if (!rest) return null;
    const hit = kids.filter((k) => sorted(contentWords(k.slice(target.length + 3), normalize)) === rest).sort((a, b) => a.length - b.length)[0];
    return hit ? (pathCodes.get(hit) ?? null) : null;
  };
  // "Examination > pre-procedural (pre-operative)" has no code, only its kinds; the tabular's "Encounter
  // for preprocedural examination NOS" (Z01.818) names what it is when the note says no kind. A code-less
  // line reads as the code whose "NOS" inclusion term says the line's words (an encounter's "encounter"
  // aside), never through a default kind of a neighbour ("Examination > laboratory > preprocedural", Z01.812).
  const incl = db
    .prepare("SELECT s.code AS code, n.text AS text FROM note n JOIN note_source s ON s.id = n.source_id WHERE n.kind = 'inclusion_terms' AND s.code IS NOT NULL")
    .all() as Array<{ code: string; text: string }>;
  const nosCodes = new Map<string, string | null>();
  for (const i of incl) {
    if (!i.text.endsWith(' NOS')) continue;
    const key = wordsKey(contentWords(i.text.replace(/^encounter for /i, ''), normalize));
    const code = billable(i.code) ?? null;
    nosCodes.set(key, nosCodes.has(key) && nosCodes.get(key) !== code ? null : code);
  }
  const nosInclusionCode = (r: IndexRow): string | null => {
    if (r.code || r.see || r.level < 1) return null;
    return nosCodes.get(wordsKey(contentWords(stripParens(r.path.split(' > ').join(' ')), normalize))) ?? null;
  };
  // "Colitis > Clostridium difficile" has no code of its own; its child "not specified as recurrent"
  // (A04.72) is what it is when the note says no more.
  const notSpecifiedChildCode = (r: IndexRow): string | null => {
    if (r.code || r.see) return null;
    const key = pathKey(r.path.split(' > '));
    const hit = (childKeys.get(key) ?? []).find((k) => /^not specified as\b/.test(k.slice(key.length + 3)));
    return hit ? (pathCodes.get(hit) ?? null) : null;
  };

  // The codes for each side where a line's part of the body splits only by side: a dashed code's
  // right and left children, named in the line's words or, for a line followed through its "see"
  // ("Cellulitis > leg — see Cellulitis, lower limb"), in the target's; or the line's "unilateral"
  // subterm ("Osteoarthritis > knee", M17.9: one side named means M17.1-), with its "bilateral" one.
  const sidedCodes = (key: string, target: string, dashed: boolean, hint: ReadonlySet<string>): Entry['sided'] => {
    // "Loss > hearing > conductive > unilateral" has no code of its own: one side with normal hearing on
    // the other is its "with unrestricted hearing on the contralateral side" (H90.1-).
    const unilateral = pathCodes.get(`${key} > unilateral`) ?? pathCodes.get(`${key} > unilateral > with > unrestricted hearing on the contralateral side`);
    const twins = (dashed ? table.sidedTwins(target, hint) : undefined) ?? (unilateral ? table.sidesOf(unilateral) : undefined);
    const bilateralCode = pathCodes.get(`${key} > bilateral`);
    const bilateral = bilateralCode ? billable(bilateralCode) : undefined;
    return twins && bilateral ? { ...twins, bilateral } : twins;
  };

  // "Osteoporosis (M81.0) > age-related (M81.0) > with current pathologic fracture > vertebra": a
  // subterm coded as its parent is the parent's default kind; the lines below it read without its
  // words ("osteoporosis with current pathological fracture of vertebra" is M80.08).
  const defaultSegments = (segs: readonly string[]): number[] => {
    const out: number[] = [];
    for (let i = 1; i < segs.length - 1; i++) {
      const own = pathCodes.get(pathKey(segs.slice(0, i + 1)));
      // Not a dashed code, which each line completes by its own words ("Fracture > finger" and "> middle" are S62.60-).
      if (own && !own.endsWith('-') && own === pathCodes.get(pathKey(segs.slice(0, i)))) out.push(i);
    }
    return out;
  };
  const defaultWords = (v: readonly string[], at: readonly number[], said: readonly string[]): string[] => {
    const others = new Set(contentWords(v.filter((_, i) => !at.includes(i)).join(' '), normalize));
    return at.flatMap((i) => contentWords(v[i] ?? '', normalize)).filter((w) => said.includes(w) && !others.has(w));
  };

  // "Disorder > tobacco use" has no code, but its mild, moderate and severe subterms all give F17.200:
  // the severity changes nothing, so "tobacco use disorder" is F17.200.
  const SEVERITIES = ['mild', 'moderate', 'severe'];
  const sameSeverityCode = (r: IndexRow): string | null => {
    if (r.code || r.see) return null;
    const key = pathKey(r.path.split(' > '));
    const codes = SEVERITIES.map((sv) => pathCodes.get(`${key} > ${sv}`));
    return codes[0] && codes.every((c) => c === codes[0]) ? codes[0] : null;
  };

  // "Disorder > tobacco use > cigarettes" has no code, only its "in remission" subterm (F17.211): the
  // disorder not in remission is that code's uncomplicated sibling, F17.210.
  const notInRemissionCode = (r: IndexRow): string | null => {
    if (r.code || r.see) return null;
    const remission = pathCodes.get(`${pathKey(r.path.split(' > '))} > in remission`);
    if (!remission || !/1$/.test(remission)) return null;
    const active = `${remission.slice(0, -1)}0`;
    return /\buncomplicated\b/i.test(table.byCode.get(normalizeCode(active))?.long_desc ?? '') ? active : null;
  };

  // "Migraine > without aura > intractable" has no code, only its "with status migrainosus" (G43.011)
  // and "without status migrainosus" (G43.019) subterms: a note that says neither is the "without" one.
  const withoutDefaults = new Map<string, string>();
  for (const [key, lineCode] of pathCodes) {
    const cut = key.lastIndexOf(' > without ');
    if (cut < 0 || key.indexOf(' > ', cut + 3) >= 0) continue;
    const parent = key.slice(0, cut);
    if (pathCodes.has(`${parent} > with ${key.slice(cut + ' > without '.length)}`)) withoutDefaults.set(parent, lineCode);
  }
  const withoutDefaultCode = (r: IndexRow): string | null => (r.code || r.see ? null : (withoutDefaults.get(pathKey(r.path.split(' > '))) ?? null));

  // Each line below `main` ending in the instruction's subterm ("Ulcer > stomach > acute > with >
  // hemorrhage", K25.0) read with the instructing line's words and the site's.
  const bySiteEntries = (own: readonly string[], code: string, level: number, main: string, tail: string): Array<Omit<Entry, 'id' | 'key'>> => {
    const head = pathKey([main]);
    const end = ` > ${tail.split(/\s+/).join(' > ').toLowerCase()}`;
    const out: Array<Omit<Entry, 'id' | 'key'>> = [];
    for (const [key, lineCode] of pathCodes) {
      if (!key.startsWith(`${head} > `) || !key.endsWith(end)) continue;
      const site = billable(lineCode);
      if (!site || site === code) continue;
      const between = key.slice(head.length + 3, key.length - end.length).split(' > ').map((sg) => sg.split(', ')[0]!);
      out.push({ words: [...new Set([...own, ...contentWords(between.join(' '), normalize)])], code: site, source: 'index', level });
    }
    return out;
  };

  for (const r of indexRows) {
    const target = r.code ?? seeSubtermCode(r) ?? seePathCode(r) ?? seeRemainderCode(r) ?? r.see_code ?? seeAlsoCode(r) ?? notSpecifiedChildCode(r) ?? nosInclusionCode(r) ?? sameSeverityCode(r) ?? notInRemissionCode(r) ?? withoutDefaultCode(r);
    if (!target) continue;
    // A dashed code takes the child the line's own words name; a plain one resolves as always.
    const dashed = /-$/.test(target) || !table.byCode.get(normalizeCode(target))?.billable;
    const lineWords = lineHint(titleWords(stripParens(r.path)));
    const code = dashed ? table.resolveBillable(target, lineWords) : billable(target);
    if (!code) continue;
    const segs = r.path.split(' > ');
    // "Melena > with ulcer - code by site under Ulcer, with hemorrhage": the instruction is no words
    // of the line, whose code (K27.4) is the site unspecified; a site the note names reads on there.
    const bySite = BY_SITE.exec(segs[segs.length - 1]!);
    if (bySite) {
      segs[segs.length - 1] = segs[segs.length - 1]!.slice(0, bySite.index);
      raw.push(...bySiteEntries(contentWords(segs.join(' '), normalize), code, r.level + 0.5, bySite[1]!, bySite[2]!));
    }
    // "Flashbacks (residual to hallucinogen use)" is a substance-related disorder (F16.283) only where
    // the substance is said: its parenthesis is what makes it one, not a word a note may leave out.
    const substance = SUBSTANCE_CODE.test(code) ? SUBSTANCE_USE_NEMOD.exec(r.nemod ?? '')?.[1] : undefined;
    const rest = substance ?? essentialRest(r.nemod);
    if (rest === undefined) continue;
    // A bare main term that is an everyday word, or an eponym cut short ("May (-Hegglin)"), is no reading.
    if (segs.length === 1 && !rest && (ORDINARY_WORDS.has(headWord(r.term)) || /^\(-/.test(r.nemod ?? ''))) continue;
    if (rest) segs[segs.length - 1] = `${segs[segs.length - 1]!} ${rest}`;
    // "Degeneration > spinal (cord)" (G31.89) is the cord's: the spine's ("C-spine: degenerative changes") is
    // the bones'. Its "(cord)" is no word a note may leave out.
    if (/^spinal$/i.test(segs[segs.length - 1]!.trim()) && /\(cord\)/i.test(r.nemod ?? '')) segs[segs.length - 1] = 'spinal cord';
    const sided = sidedCodes(pathKey(r.path.split(' > ')), target, dashed, new Set([...lineWords, ...titleWords(stripParens(r.see ?? ''))]));
    const withoutAt = segs.findIndex((sg) => /^without\b/i.test(sg.trim()));
    if (withoutAt >= 0) {
      // "Retinopathy, diabetic, nonproliferative, mild, without macular edema" (E11.329-) takes the side too.
      raw.push(...withoutEntries(segs, withoutAt, code, r.code ? r.level : r.level + 0.5, normalize).map((e) => (sided ? { ...e, sided } : e)));
      continue;
    }
    const defaults = defaultSegments(r.path.split(' > '));
    // "Streptococcus > group > A, as cause of disease classified elsewhere" (B95.0): the organism is what
    // a note names ("group A streptococcus"); the classification's phrase is no word of it.
    for (let i = 1; i < segs.length; i++) segs[i] = segs[i]!.replace(/^(.+?),\s*as cause of diseases? classified elsewhere$/i, '$1');
    // "Lipoma > site classification > trunk" (D17.1): the Index's heading over its sites is no word of a note's "lipoma of the back".
    for (let i = 1; i < segs.length - 1; i++) if (/^\s*site classification\s*$/i.test(segs[i]!)) segs[i] = '';
    for (let i = 0; i < segs.length; i++) segs[i] = i === 0 ? mainTermAliases(segs[i]!, new Map()) : subtermForms(segs[i]!);
    // "Fracture, traumatic" is the Index's plain fracture: notes never say "traumatic".
    if (/^fracture, traumatic$/i.test(segs[0]!.trim())) segs[0] = 'Fracture';
    // Expand "or" alternatives (bounded), then collect content words.
    for (const v of phrasings(segs)) {
      const said = contentWords(v.join(' '), normalize);
      // "Anemia > due to > antineoplastic chemotherapy": words the note leaves unsaid are optional, as
      // are a default kind's.
      const unsaid = [...unsaidWith(said), ...defaultWords(v, defaults, said).filter((w) => !namedKinds.has(w))];
      const words = said.filter((w) => !unsaid.includes(w));
      if (words.length === 0) continue;
      // A subterm whose own words all drop out ("Hepatitis > A") would read as its bare parent.
      if (v.length > 1 && contentWords(v[v.length - 1]!, normalize).length === 0 && /^[A-Z](\s*[/,]\s*[A-Z])*$/.test(stripParens(v[v.length - 1]!).trim())) continue;
      // Or as any "… disease": "Anemia > in > neoplastic disease" (D63.0) keeps no word of its own once
      // "neoplastic", which every neoplasm line says, is dropped ("anemia … better disease control").
      if (v.length > 1 && /\bneoplas/i.test(v[v.length - 1]!) && contentWords(v[v.length - 1]!, normalize).every((w) => GENERIC_CONDITION.has(w))) continue;
      // So would one whose own word is no content word while its parents' may go unsaid: "Aftercare >
      // following surgery > neoplasm" (Z48.3) is no reading of a bare "aftercare".
      if (v.length > 1 && unsaid.length > 0 && contentWords(v[v.length - 1]!, normalize).length === 0) continue;
      // A "see" reference ranks after direct entries at its depth.
      // "Blood > in > urine", "Urine > blood in": the Index's own "in" (not "in (due to) (with)").
      const linkedIn = segs.slice(1, -1).some((sg) => sg.trim().toLowerCase() === 'in') || (segs.length > 1 && /^[a-z]+ in$/i.test(segs[segs.length - 1]!.trim()));
      const modifiers = [...nonessentialWords(r.nemod, normalize), ...unsaid].filter((w) => !words.includes(w));
      // So has a fracture's: "L rib fractures 4-7" are "Fracture, traumatic > rib > multiple" (S22.4-).
      const multiple = unsaid.includes(SOLITARY) || /^fracture, traumatic >/i.test(r.path) ? pathCodes.get(`${pathKey(r.path.split(' > '))} > multiple`) : undefined;
      const plural = multiple ? billable(multiple) : undefined;
      const e = {
        words,
        code,
        source: 'index' as const,
        level: r.code ? r.level : r.level + 0.5,
        ...(linkedIn ? { linkedByIn: true as const } : {}),
        ...(segs.slice(1).some((sg) => CAUSE_LINK.test(sg.trim())) ? { linksCause: true as const } : {}),
        ...(modifiers.length ? { modifiers } : {}),
        ...(sided ? { sided } : {}),
        ...(plural ? { plural } : {}),
      };
      // "Replacement by artificial or mechanical device or prosthesis of > joint > knee" is a status
      // (Z96.65-): read only after "s/p" or "history of", as "knee replacement" ("joint" unsaid), never
      // from a planned operation. So is "> heart > valve" (Z95.2), said "mitral valve replacement".
      if (REPLACEMENT_MAIN.test(segs[0]!)) {
        const words = contentWords(`replacement ${v.slice(1).join(' ')}`, normalize);
        const unsaidOrgan = (w: string): boolean => (w === JOINT && v.length >= 3) || (w === HEART && words.includes(VALVE));
        if (segs.length > 1) status.push({ ...e, words: words.filter((w) => !unsaidOrgan(w)) });
        continue;
      }
      raw.push(e);
      raw.push(...otherWords.ofIndexLine(r.path, said, e));
      if (segs.length === 2 && /^disorder$/i.test(segs[0]!.trim()) && unsaid.length === 0 && !r.nemod && !/^M/.test(code) && !/elsewhere/i.test(table.byCode.get(code)?.long_desc ?? '')) otherWords.noteDisorderOfPart(e);
      if (/^diabetes/i.test(segs[0]!) && segs[1] === 'with' && segs.length > 2 && code.startsWith('E11')) {
        const sub = contentWords(v.slice(2).join(' '), normalize);
        if (sub.length > 0) diabetesWith.push({ words: sub, code });
      }
      // "Tobacco > use > history" (Z87.891), "Thrombosis > history": a history under the condition's own term.
      if (segs.length > 1 && /^(personal )?history$/i.test(segs[segs.length - 1]!.trim())) {
        const sub = contentWords(v.slice(0, -1).join(' '), normalize);
        if (sub.length > 0) personal.push({ ...e, words: sub });
      }
      if (segs[0]!.toLowerCase() === 'history' && segs.length > 2) {
        // Words notes leave unsaid stay optional here too: "h/o colon polyps" is a benign neoplasm's history.
        const sub = contentWords(v.slice(2).join(' '), normalize).filter((w) => !unsaid.includes(w));
        if (sub.length > 0) {
          const kind = segs[1]!.toLowerCase();
          if (kind.startsWith('family')) family.push({ ...e, words: sub });
          else if (kind.startsWith('personal')) personal.push({ ...e, words: sub });
        }
      }
      // "Sciatica > with lumbago" (M54.4-): the code of the line above "with" and the subterm's words.
      // The Index writes it on one level too ("Sciatica > with lumbago"), and below subterms
      // ("Displacement > intervertebral disc > lumbar region > with > radiculopathy", M51.16).
      const withSeg = segs.findIndex((sg, i) => i > 0 && (/^with(\s|$)/i.test(sg.trim()) || (sg.trim().toLowerCase() === 'in' && causalIn.has(r.path.split(' > ').slice(0, i + 1).join(' > ')))));
      const bareWith = withSeg > 0 && /^(with|in)$/i.test(segs[withSeg]!.trim());
      const withAt = withSeg > 0 && v.length === segs.length && withSeg === segs.length - (bareWith ? 2 : 1) ? (bareWith ? withSeg + 1 : withSeg) : 0;
      if (withAt > 0) {
        const main = pathCodes.get(pathKey(r.path.split(' > ').slice(0, withSeg)));
        const sub = contentWords(v[withAt]!.trim().replace(/^with\s+/i, ''), normalize);
        // An "in" line whose code is the other condition's own, with the manifestation the Index puts in
        // brackets left out ("Dementia > in > epilepsy", G40.- [F02.80]), is no combination.
        // Nor one whose other condition is only "disease", its kind left unsaid ("in > neoplastic disease").
        const combines = !/^in$/i.test(segs[withSeg]!.trim()) || (titleSays(code, contentWords(segs.slice(0, withSeg).join(' '), normalize)) && sub.some((w) => !GENERIC_CONDITION.has(w)));
        if (main && sub.length > 0 && combines && pathNamesCode(segs.slice(0, withSeg), main)) indexWith.push({ words: sub, code, main: normalizeCode(main.replace(/-+$/, '')) });
      } else if (!r.code && r.see && SEE_WITH.test(r.see) && segs.length > 2 && v.length === segs.length) {
        // "Displacement > intervertebral disc > cervical > neuritis, radiculitis or radiculopathy — see
        // Disorder, disc, cervical, with neuritis": a subterm the Index sends to a "with" line links to its
        // parent's code as a "with" under it would (cervical disc displacement with radiculopathy, M50.10).
        const main = pathCodes.get(pathKey(r.path.split(' > ').slice(0, -1)));
        const sub = contentWords(v[v.length - 1]!, normalize);
        if (main && sub.length > 0) indexWith.push({ words: sub, code, main: normalizeCode(main.replace(/-+$/, '')) });
      }
      const sequelaOf = /^sequelae/i.test(segs[0]!) && segs.length > 3 ? SEQUELA_OF.find(([what, where]) => what.test(segs[1] ?? '') && where.test(segs[2] ?? ''))?.[2] : undefined;
      if (sequelaOf) {
        const sub = contentWords(v.slice(3).join(' '), normalize);
        if (sub.length > 0) strokeSequelae.push({ words: sub, code, of: sequelaOf });
      }
      // Enlarged lymph nodes at any named site are localized; edema and swelling name their own sites
      // in the Index (legs R60.0, eyelid, macula), so they keep their own lines.
      if (segs.length === 2 && segs[1]!.toLowerCase() === 'localized' && code.startsWith('R59')) {
        const main = contentWords(v[0]!, normalize);
        if (main.length > 0) localized.set(wordsKey(main), code);
      }
      // Only a status's own code (and female genital cutting's, N90.81-): "Status > epileptic, epilepticus"
      // (G40.901) and "Status > anginosus" name diseases, no status a "history of" reads.
      if (/^(status|presence)\b/i.test(segs[0]!) && segs.length > 1 && /^(Z|N9081)/.test(code)) {
        const sub = contentWords(v.slice(1).join(' '), normalize).filter((w) => !unsaid.includes(w));
        if (sub.length > 0) status.push({ ...e, words: sub });
      }
      // "S/p prostatectomy" is the organ's acquired absence (Absence, prostate, Z90.79): notes name the operation.
      const removal = segs.length === 2 && segs[0]!.trim().toLowerCase() === 'absence' && /^(Z90|E89)/.test(code) ? ORGAN_REMOVALS[stripParens(segs[1]!).trim().toLowerCase()] : undefined;
      if (removal) status.push({ ...e, words: contentWords(removal, normalize) });
      // "Status post left below knee amputation" is the acquired absence of the limb (Z89): the Index
      // has no "Status, amputation" line, only "Absence, <part>". A joint's absence (knee, hip,
      // shoulder: a removed prosthesis) is no amputation.
      if (segs[0]!.trim().toLowerCase() === 'absence' && code.startsWith('Z89') && segs.length > 1 && !JOINT_ABSENCE.test(segs.slice(1).join(' > ').toLowerCase())) {
        const amputation = normalize('amputation');
        for (const part of [v.slice(1).join(' '), v[v.length - 1]!, ...(AMPUTATION_LEVELS[v.slice(1).join(' ').toLowerCase()] ?? [])]) {
          const sub = contentWords(part, normalize);
          if (sub.length > 0) status.push({ ...e, words: [...sub, amputation] });
        }
      }
    }
  }

  // "Dependence > tobacco — see Dependence, drug, nicotine": the target's subterms come with the line's
  // own words, as a coder following the reference reads on ("tobacco dependence, cigarettes" is
  // F17.210; "degenerative disc disease, lumbar" is M51.36-). Only short lists of subterms.
  for (const r of indexRows) {
    const kids = [...seeChildren(r), ...seeAlsoChildren(r)];
    if (kids.length === 0) continue;
    // "Hernia > intervertebral cartilage or disc": each phrasing of the line, as in the main pass.
    const lines = phrasings(r.path.split(' > ').map((sg, i) => (i === 0 ? mainTermAliases(sg, new Map()) : subtermForms(sg)))).map((v) => v.join(' '));
    for (const kid of kids) for (const line of lines) for (const segment of alternatives(kid.segment)) {
      const own = contentWords(line, normalize);
      const said = contentWords(`${line} ${stripParens(segment)}`, normalize);
      const unsaid = unsaidWith(said);
      const words = said.filter((w) => !unsaid.includes(w));
      // A subterm that adds no word of its own ("unspecified part") would stand in for the line itself.
      if (said.length <= own.length || words.length === 0) continue;
      const hint = lineHint(titleWords(`${stripParens(r.path)} ${kid.segment}`));
      const dashed = /-$/.test(kid.code) || !table.byCode.get(normalizeCode(kid.code))?.billable;
      const code = dashed ? table.resolveBillable(kid.code, hint) : billable(kid.code);
      if (!code) continue;
      // "Degenerative joint disease of the left knee" takes the side as "osteoarthritis of left knee" does (M17.12).
      const sided = sidedCodes(kid.key, kid.code, dashed, hint);
      raw.push({ words, code, source: 'index', level: r.level + 1, ...(sided ? { sided } : {}) });
    }
  }

  // Index lines that say "code to" another entry instead of giving a code, so the tables lose them.
  for (const [phrase, code] of CODE_TO) {
    const words = contentWords(phrase, normalize);
    if (table.byCode.get(code)?.billable) raw.push({ words, code, source: 'index', level: 1 });
  }

  for (const c of table.byCode.values()) {
    if (!c.billable) continue;
    if (/^other\b/i.test(c.long_desc)) continue;
    // "Pressure ulcer of other site, stage 3" is a site the note names that has no code of its own: a
    // title whose site is "other" reads nothing on its own words, which name no site at all.
    // Nor one of "other" vessels, parts or organs: "Atherosclerosis of other arteries" (I70.8) is not every artery a note names.
    if (/\bof other (specified )?(sites?|arter(y|ies)|veins?|vessels?|parts?|organs?|bones?|joints?)\b/i.test(c.long_desc)) continue;
    // Nor one whose closing clause is "other" part ("…with intermittent claudication, other extremity",
    // I70.218, an arm): a note naming the legs names no other extremity.
    if (/,\s*other [a-z]+$/i.test(c.long_desc)) continue;
    const cut = c.long_desc.search(/\bwithout\b/i);
    // ", uncomplicated" is the default a note leaves unsaid ("Nicotine dependence, cigarettes" is F17.210).
    // A spinal region after the "without" clause's comma still names the code: "Spondylosis without
    // myelopathy or radiculopathy, cervical region" is the cervical spondylosis (M47.812).
    const [clause, ...after] = cut >= 0 ? c.long_desc.slice(cut + 8).split(/,/) : [''];
    const region = after.join(',');
    // An open wound's site follows its "without foreign body of": "Laceration without foreign body of
    // left hand" (or "…foreign body, right hip") is that site's laceration, not the first wound so titled
    // (the scalp's, S01.01).
    const wound = cut >= 0 ? /^\s*(foreign body)(?: of|,) (.+?)(?=\s+without\b|,|$)/i.exec(c.long_desc.slice(cut + 8)) : null;
    // So does a side: "…retinopathy without macular edema, right eye" is not its left-eye sibling.
    const tail = wound ? wound[2]! : /^\s*[\w-]+ region$|^\s*(right|left) \w+$|^\s*bilateral$/i.test(region) ? region : '';
    // What the title says the condition is "with" after that clause must be said too: "Chronic migraine
    // without aura, not intractable, with status migrainosus" (G43.701) is no bare "chronic migraine".
    const withPart = after.filter((part) => /^\s*with\b/i.test(part)).join(' ');
    // "Type 2 diabetes mellitus without complications in remission" (E11.A): the remission is said, only the complications are not.
    const remission = cut >= 0 && /\s+in remission$/i.test(clause!) ? 'in remission' : '';
    const kept = cut >= 0 ? `${c.long_desc.slice(0, cut)} ${tail} ${withPart} ${remission}` : c.long_desc;
    // "Not elsewhere classified" says where the code sits, not what the note says: its "not" is no word to find.
    const words = contentWords(kept.replace(/,\s*uncomplicated\b/gi, '').replace(/\bnot elsewhere classified\b/gi, ''), normalize);
    const without = cut >= 0 ? contentWords(wound ? wound[1]! : clause!.replace(/\s+in remission$/i, ''), normalize) : [];
    // "NIHSS 12" is the stroke scale's "NIHSS score 12" (R29.712); its number is read whole, one digit too
    // ("NIHSS score 9", R29.709, not the score 0 a title without its number would read).
    const nihss = /^NIHSS score (\d+)$/.exec(c.long_desc)?.[1];
    if (nihss) {
      const scale = words.filter((w) => w !== 'score' && !/^\d+$/.test(w));
      for (const said of [[...scale, 'score', nihss], [...scale, nihss]]) raw.push({ words: said, code: c.code, source: 'tabular', level: 0 });
    } else if (words.length > 0 && words.length <= 8 && cut >= 0 && STATED_WITHOUT.test(clause!)) raw.push({ words: [...words, ...without], code: c.code, source: 'tabular', level: 0, absent: without });
    else if (words.length > 0 && words.length <= 8) raw.push({ words, code: c.code, source: 'tabular', level: 0, ...(without.length ? { without } : {}) });
    // A basal cell carcinoma is a skin cancer: "basal cell carcinoma of the nose" needs no "skin" (C44.311).
    if (/^basal cell carcinoma of skin\b/i.test(c.long_desc) && words.length <= 9) raw.push({ words: words.filter((w) => w !== skin), code: c.code, source: 'tabular', level: 0 });
    // A breast is a woman's unless the note says otherwise: "left breast, upper outer quadrant" is C50.412.
    if (/\bfemale breast\b/i.test(c.long_desc) && words.length <= 9) raw.push({ words: words.filter((w) => w !== female), code: c.code, source: 'tabular', level: 0 });
    // "Occlusion and stenosis of right carotid artery", "Embolism and thrombosis of …": either condition
    // alone is the code, as the title's pairing says.
    const pair = TITLE_PAIR.exec(c.long_desc);
    if (pair && cut < 0) {
      for (const one of [pair[2]!, pair[3]!]) {
        const alone = contentWords(`${pair[1]!}${one} ${pair[4]!}`, normalize);
        if (alone.length > 1 && alone.length <= 8) raw.push({ words: alone, code: c.code, source: 'tabular', level: 0 });
      }
    }
  }

  for (const i of incl) {
    const code = billable(i.code);
    // "Other motor-vehicle accident NOS" is not every motor vehicle accident (as for titles, above).
    if (!code || /^other\b/i.test(i.text) || /^conditions classifiable to\b/i.test(i.text)) continue;
    const words = contentWords(i.text, normalize);
    if (words.length > 0 && words.length <= 8) raw.push({ words, code, source: 'inclusion', level: 0 });
  }

  const neo = db.prepare('SELECT level, path, malignant_primary, malignant_secondary, benign, unspecified_behavior FROM neoplasm WHERE level >= 1').all() as Array<{
    level: number;
    path: string;
    malignant_primary: string | null;
    malignant_secondary: string | null;
    benign: string | null;
    unspecified_behavior: string | null;
  }>;
  const behaviours = ['malignant', 'secondary', 'benign'].map(normalize);
  const [lung, node, secondary, adenoma, villous] = ['lung', 'node', 'secondary', 'adenoma', 'villous'].map(normalize) as [string, string, string, string, string];
  const notASite = new Set(NOT_A_SITE.map(normalize));
  for (const n of neo) {
    const site = contentWords(n.path.split(' > ').slice(1).map((seg) => mainTermAliases(seg, new Map())).join(' '), normalize);
    if (site.length === 0) continue;
    // "Mastectomy site (skin)" is where an operation was: the note must say "site", or "breast cancer
    // s/p mastectomy" would read as a skin cancer of the scar (C44.501).
    if (/(ectomy|ostomy|otomy) site\b/i.test(n.path)) site.push(normalize('site'));
    // A behaviour the table's path names ("malignant" in a site's subterm) is no site of the body.
    for (const w of site) if (!notASite.has(w) && !behaviours.includes(w) && !/^\d/.test(w)) siteWords.add(w);
    // A lung's lobes are named without the lung: "adenocarcinoma of the right upper lobe" is C34.11.
    const sites = LUNG_LOBE.test(n.path) ? [site, site.filter((w) => w !== lung)] : [site];
    for (const [col, word] of [[n.malignant_primary, 'malignant'], [n.malignant_secondary, 'secondary'], [n.benign, 'benign']] as const) {
      if (!col || col === '-') continue;
      const code = billable(col);
      if (!code) continue;
      for (const named of sites) raw.push({ words: [...named.filter((w) => w !== word), word], code, source: 'neoplasm', level: n.level });
      // "Adenoma (see also Neoplasm, benign, by site)": a tubular adenoma of the colon is D12.6. A villous
      // one is "Neoplasm, uncertain behavior" (not read here).
      if (word === 'benign') for (const named of sites) raw.push({ words: [...named, adenoma], code, source: 'neoplasm', level: n.level, unless: [villous] });
      // A basal cell carcinoma is a skin cancer: "basal cell carcinoma of the nose" needs no "skin".
      if (site.includes(basal) && site.includes(skin)) raw.push({ words: [...site.filter((w) => w !== word && w !== skin), word], code, source: 'neoplasm', level: n.level });
    }
    // "Metastases to axillary lymph nodes", "mediastinal nodes": the table's "lymph gland" (C77.-) as notes
    // name it, by its nodes.
    const gland = LYMPH_GLAND.exec(n.path);
    const nodeCode = gland && n.malignant_secondary ? billable(n.malignant_secondary) : undefined;
    if (gland && nodeCode) {
      const words = contentWords(mainTermAliases(gland[1]!, new Map()), normalize);
      if (words.length > 0) raw.push({ words: [...words, node, secondary], code: nodeCode, source: 'neoplasm', level: n.level });
    }
    // "Skin NOS > back" (C44.509) names no morphology; a basal cell carcinoma there is the same code
    // with the morphology's fifth character (C44.519), and is a skin cancer without the note saying "skin".
    const skinSite = /^Neoplasm, neoplastic > skin NOS > ([^>]+)$/.exec(n.path);
    const skinCode = skinSite && n.malignant_primary ? billable(n.malignant_primary) : undefined;
    if (skinSite && skinCode && /^C44[0-8]0/.test(skinCode)) {
      const basalCode = `${skinCode.slice(0, 4)}1${skinCode.slice(5)}`;
      const words = contentWords(`${skinSite[1]!} basal cell carcinoma`, normalize);
      if (/^basal cell/i.test(table.byCode.get(basalCode)?.long_desc ?? '') && table.byCode.get(basalCode)?.billable) raw.push({ words, code: basalCode, source: 'neoplasm', level: n.level });
    }
    // "Tumor" or "neoplasm" of a site with no behaviour stated: the Index sends it to "unspecified behavior".
    const unspecified = n.unspecified_behavior && n.unspecified_behavior !== '-' ? billable(n.unspecified_behavior) : undefined;
    if (unspecified && !site.some((w) => behaviours.includes(w))) {
      for (const word of ['neoplasm', 'tumor'].map(normalize)) raw.push({ words: [...site.filter((w) => w !== word), word], code: unspecified, source: 'neoplasm', level: n.level, unless: behaviours });
    }
  }

  raw.push(...otherWords.ofTitles(raw), ...otherWords.dysfunctionOfPart(raw, siteWords));

  const abbreviations = new Map<string, { expansion: string[]; exact: string }>();
  const abbr = db.prepare('SELECT abbreviation, expansion, codes FROM abbreviation').all() as Array<{ abbreviation: string; expansion: string; codes: string }>;
  for (const a of abbr) {
    const key = phraseWords(a.abbreviation, (w) => w).join(' ').toLowerCase();
    const expansion = phraseWords(a.expansion, normalize);
    abbreviations.set(key, { expansion, exact: a.abbreviation });
    const first = a.codes.split(/[\s,]+/).find(Boolean);
    const code = first ? billable(first) : undefined;
    const words = contentWords(a.expansion, normalize);
    const lost = expansion.some((w) => w.length > 3 && !words.includes(w) && !FUNCTION_WORDS.has(w));
    if (code && words.length > 0) raw.push({ words, code, source: 'abbrev', level: 0, ...(lost ? { viaExpansion: true as const } : {}) });
  }
  // A possessive name alone is its disease ("Crohn's"), unless the list already reads it.
  for (const [key, reading] of eponymReadings(indexRows, normalize)) if (!abbreviations.has(key)) abbreviations.set(key, reading);

  const classifiedHistory = readClassifiedHistory(incl, table);

  const ordinary = new Set([...ORDINARY_WORDS].map(normalize));
  // An inclusion term that only names a part of the body ("Heel bone" under S92.00, fracture of
  // calcaneus) says nothing of the condition: a note's "heel … bone" is no fracture.
  // Injury categories list their bones this way ("Atlas", "Larynx", "Hyoid bone").
  const onlySite = (e: Omit<Entry, 'id' | 'key'>): boolean => e.source === 'inclusion' && /^[ST]/.test(e.code) && e.words.every((w) => siteWords.has(w));
  // A letter alone names no disease: "Disease, H" (Hartnup's, E72.02) is no reading of "24 h/day".
  // A place, activity or status the note does not state is no code at all (guideline I.C.20.b, c, k: Y92.9,
  // Y93.9 and Y99.9 are not assigned), and "Exposure NOS" or "Accident NOS" (X58) is no cause: their
  // titles' words ("activity", "exposure") read nothing. Nor does a supplementary factor's one-word title
  // or inclusion term ("Activity" under Y99.8): "Physical activity: goal 60 min" is advice.
  const unstatedCause = (e: Omit<Entry, 'id' | 'key'>): boolean => e.source !== 'index' && (UNSTATED_EXTERNAL_CAUSE.test(e.code) || (SUPPLEMENTARY_FACTOR.test(e.code) && e.words.length === 1));
  const readable = raw.filter((e) => !(e.words.length === 1 && (ordinary.has(e.words[0]!) || e.words[0]!.length === 1) && e.source !== 'abbrev') && !onlySite(e) && !unstatedCause(e));
  const { entries, byAnchor } = finish(readable);
  // What a linked condition's words read as on their own ("nicotine dependence" → F17.200): history,
  // status and "with" lines are then also found by that code.
  const codeOfWords = new Map(entries.map((e) => [e.key, e.code]));
  const withAlone = (list: Array<Omit<Entry, 'id' | 'key'>>): Entry[] =>
    dedupe(list).map((e) => {
      const alone = codeOfWords.get(wordsKey(e.words));
      return alone ? { ...e, alone } : e;
    });
  diabetesWith.push(...seeAlsoLinks(indexRows, diabetesWith, normalize));
  for (const dw of diabetesWith) {
    const alone = codeOfWords.get(wordsKey(dw.words));
    if (alone && !/^E(08|09|10|11|13)/.test(alone)) dw.alone = alone;
  }
  for (const sq of strokeSequelae) {
    const alone = codeOfWords.get(wordsKey(sq.words));
    if (alone && !alone.startsWith('I69')) sq.alone = alone;
  }
  for (const link of indexWith) {
    const alone = codeOfWords.get(wordsKey(link.words));
    if (alone && alone !== link.code) link.alone = alone;
  }
  return {
    entries, byAnchor, normalize, abbreviations, drugs: loadDrugEffects(db), diabetesWith, strokeSequelae, localized, siteWords, ambiguous: readAmbiguousTerms(indexRows, normalize), severityTerms: readSeverityTerms(indexRows, normalize), dueToConditions: readDueToConditions(indexRows, normalize), drugInduced: readDrugInduced(indexRows), externalCauses: buildExternalCauseIndex(db),
    indexWith: indexWith.filter((l) => l.alone !== undefined),
    familyHistory: withAlone(family), personalHistory: withAlone(personal), status: withAlone(status), classifiedHistory,
    dementiaImplied: new Set(indexRows.filter((r) => r.code && DEMENTIA_ELSEWHERE.test(r.see_also ?? '') && !/^dementia\b/i.test(r.path)).map((r) => normalizeCode(r.code!))),
  };
}

const CODE_RANGE = /([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.-|-(?![A-Z]))?(?:\s*-\s*([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?))?/g;

/**
 * The "Conditions classifiable to …" inclusion terms of the family-history codes (Z80–Z84), the
 * personal history of neoplasms (Z85, Z86.0-) and of infectious diseases (Z86.19).
 */
function readClassifiedHistory(incl: ReadonlyArray<{ code: string; text: string }>, table: CodeTable): Dictionary['classifiedHistory'] {
  const family: ClassifiedHistory[] = [];
  const personal: ClassifiedHistory[] = [];
  for (const i of incl) {
    const m = /^conditions classifiable to (.+)$/i.exec(i.text.trim());
    const header = normalizeCode(i.code);
    // A subcategory's inclusion ("Z86.1 Personal history of infectious and parasitic diseases: conditions
    // classifiable to A00-B89, B99") speaks for its "other" code (Z86.19).
    // "Personal history of other (healed) physical injury and trauma" (Z87.82: conditions classifiable
    // to S00-T88, except traumatic fractures, which are Z87.81) speaks for its other code, Z87.828.
    const other = header === 'Z8782' ? 'Z87828' : `${header}9`;
    const code = table.byCode.get(header)?.billable ? header : table.byCode.get(other)?.billable ? other : undefined;
    if (!m || !code) continue;
    const ranges = [...m[1]!.matchAll(CODE_RANGE)].map((r) => [r[1]!.replace('.', ''), (r[2] ?? r[1]!).replace('.', '')] as [string, string]);
    if (ranges.length === 0) continue;
    if (/^Z8[0-4]/.test(code)) family.push({ code, ranges });
    else if (/^(Z85|Z860)/.test(code) && ranges.every(([a]) => /^(C|D0)/.test(a))) personal.push({ code, ranges });
    else if (code === 'Z8619' && ranges.every(([a]) => /^[AB]/.test(a))) personal.push({ code, ranges });
    // A healed injury, and the brain's own code for a healed intracranial one ("History of concussion - fully recovered", Z87.820).
    else if (code === 'Z87828') personal.push({ code, ranges }, ...(table.byCode.get('Z87820')?.billable ? [{ code: 'Z87820', ranges: [['S06', 'S06']] as Array<[string, string]> }] : []));
  }
  // A corrected congenital malformation, by its body system (Z87.7-: the subcategories' titles; Z87.7's
  // inclusion "conditions classifiable to Q00-Q89 that have been repaired or corrected" names no code).
  for (const [code, from, to] of CORRECTED_MALFORMATION) if (table.byCode.get(code)?.billable) personal.push({ code, ranges: [[from, to]], repaired: true });
  // A benign neoplasm removed, by its site (Z86.01-, whose subcategories name no codes they stand for); the narrowest range wins.
  for (const [code, from, to] of BENIGN_NEOPLASM_HISTORY) if (table.byCode.get(code)?.billable) personal.push({ code, ranges: [[from, to]] });
  return { family, personal };
}

/** Personal history of a benign neoplasm by the neoplasm's categories: the brain's and its meninges', a carcinoid's, any other's. */
const BENIGN_NEOPLASM_HISTORY: ReadonlyArray<readonly [string, string, string]> = [
  ['Z86011', 'D32', 'D33'],
  ['Z860101', 'D12', 'D12'],
  ['Z86012', 'D3A', 'D3A'],
  ['Z86018', 'D10', 'D36'],
];

/** Personal history of a corrected congenital malformation by the Q block of the malformation. */
const CORRECTED_MALFORMATION: ReadonlyArray<readonly [string, string, string]> = [
  ['Z8774', 'Q20', 'Q28'],
  ['Z8775', 'Q30', 'Q34'],
  ['Z87730', 'Q35', 'Q37'],
  ['Z87738', 'Q38', 'Q45'],
  ['Z87710', 'Q54', 'Q54'],
  ['Z87718', 'Q50', 'Q64'],
  ['Z87720', 'Q10', 'Q15'],
  ['Z87721', 'Q16', 'Q17'],
  ['Z87790', 'Q18', 'Q18'],
  ['Z87768', 'Q65', 'Q79'],
];

/** Each phrasing of an Index path, its "X or Y" alternatives expanded per level (at most 6). */
function phrasings(segs: readonly string[]): string[][] {
  let variants: string[][] = [[]];
  for (const [i, seg] of segs.entries()) {
    const alts = alternatives(seg, i === 0);
    const next: string[][] = [];
    for (const v of variants) for (const a of alts) if (next.length < 6) next.push([...v, a]);
    variants = next;
  }
  return variants;
}

/** Words the Index adds to a subterm that still name the same thing ("foot specified NEC", "tarsal joint"). */
const SAME_SUBTERM_TAIL = ['specified nec', 'nec', 'specified', 'joint'];

/** Neoplasm Table path words that name no particular place: a lymph node or a gland alone is no site (normalised where used). */
const NOT_A_SITE = (
  'nos other specified unspecified part region site multiple overlapping organ system tissue lymph node gland ' +
  'structure wall surface area body lesion contiguous unknown primary secondary ill defined see also elsewhere classified ' +
  // Where on a site, not which site: "generalized" and "bilateral" adenopathy are not localized.
  'left right lower upper middle generalized peripheral small large anterior posterior inferior superior lateral medial internal ' +
  'external deep superficial central proximal distal both'
).split(' ');

/** An entry's identity: its words, sorted. */
function wordsKey(words: readonly string[]): string {
  return [...words].sort().join(' ');
}

/** External causes a note's vague words name: place, activity and status not stated, "exposure" or "accident" NOS. */
const UNSTATED_EXTERNAL_CAUSE = /^(Y929|Y939|Y999|X58)/;
/** Chapter 20's supplementary factors: activity, place, status (Y90–Y99). */
const SUPPLEMENTARY_FACTOR = /^Y9/;

const SOURCE_RANK: Record<EntrySource, number> = { index: 0, neoplasm: 1, abbrev: 2, tabular: 3, inclusion: 4, learned: 5 };

/** One entry per word set (and the words it must negate): the Index's shallowest entry wins, then the other sources. */
function finish(raw: Array<Omit<Entry, 'id' | 'key'>>): Pick<Dictionary, 'entries' | 'byAnchor'> {
  // Of two lines with the same words, a congenital code yields unless the words say congenital: the
  // note's "aortic stenosis" (I35.0) reads as "aorta stenosis", which the Index also has for the vessel (Q25.1).
  const congenital = (e: Omit<Entry, 'id' | 'key'>): number => (e.code.startsWith('Q') && !e.words.includes('congenital') ? 1 : 0);
  const sorted = [...raw].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.level - b.level || congenital(a) - congenital(b));
  const byKey = new Map<string, Entry>();
  for (const e of sorted) {
    // Words the note must negate make another reading of the same words: "migraine, intractable,
    // without aura" (G43.019) is not "migraine with aura, intractable" (G43.119).
    const key = e.absent ? `${wordsKey(e.words)} -${wordsKey(e.absent)}` : wordsKey(e.words);
    const kept = byKey.get(key);
    if (!kept) byKey.set(key, { ...e, id: byKey.size, key });
    else if (kept.linkedByIn && !e.linkedByIn && kept.code === e.code) {
      // The same code by a line that needs no "in" ("Meningitis > in > Streptococcal pneumoniae" and
      // "Meningitis > Streptococcal > pneumoniae", G00.1): the words may be linked either way.
      const unlinked: Entry = { ...kept };
      delete unlinked.linkedByIn;
      byKey.set(key, unlinked);
    }
  }
  const entries = [...byKey.values()];
  return { entries, byAnchor: anchorIndex(entries) };
}

/** "Absence" lines of a joint, not a limb: "knee" (Z89.52-) is a removed knee joint. */
const JOINT_ABSENCE = /\bjoint\b|(^| > )(knee|hip|shoulder)$/;
/** The operation that removes an organ the Index lists under "Absence" (acquired). */
const ORGAN_REMOVALS: Readonly<Record<string, string>> = {
  prostate: 'prostatectomy',
  kidney: 'nephrectomy',
  gallbladder: 'cholecystectomy',
  stomach: 'gastrectomy',
  uterus: 'hysterectomy',
  bladder: 'cystectomy',
  thyroid: 'thyroidectomy',
  'fallopian tube': 'salpingectomy',
};
/** Amputation levels notes name that the Index line of the limb stands for: an above-knee amputation is "Absence, leg". */
const AMPUTATION_LEVELS: Readonly<Record<string, readonly string[]>> = { leg: ['above knee'], arm: ['above elbow'] };

/** History and status entries, one per word set (they are looked up, never matched on their own). */
function dedupe(list: Array<Omit<Entry, 'id' | 'key'>>): Entry[] {
  const m = new Map<string, Entry>();
  for (const e of list) {
    const key = wordsKey(e.words);
    if (!m.has(key)) m.set(key, { ...e, id: -1, key: `history ${key}` });
  }
  return [...m.values()];
}

/** Entries by their rarest word, then by their second-rarest: a sentence only tries entries whose two rarest words it has. */
function anchorIndex(entries: readonly Entry[]): Map<string, AnchorBucket> {
  const freq = new Map<string, number>();
  for (const e of entries) for (const w of e.words) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byAnchor = new Map<string, AnchorBucket>();
  for (const e of entries) {
    const [anchor, second] = [...e.words].sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || (a < b ? -1 : 1));
    let bucket = byAnchor.get(anchor!);
    if (!bucket) byAnchor.set(anchor!, (bucket = { single: [], pairs: new Map() }));
    if (second === undefined) bucket.single.push(e);
    else {
      const list = bucket.pairs.get(second);
      if (list) list.push(e);
      else bucket.pairs.set(second, [e]);
    }
  }
  return byAnchor;
}

/**
 * A dictionary of phrasings learned from coded charts (priors' lexicon: normalised words → codes),
 * read with the base dictionary's normaliser and abbreviations. Unlike the Index, one phrasing may
 * point at several codes; priors decide between them.
 */
export function learnedDictionary(base: Dictionary, lexicon: Readonly<Record<string, readonly string[]>>): Dictionary {
  const entries: Entry[] = [];
  for (const [phrase, codes] of Object.entries(lexicon)) {
    const words = [...new Set(phrase.split(' ').filter(Boolean))];
    if (words.length === 0) continue;
    const key = wordsKey(words);
    for (const code of codes) entries.push({ id: entries.length, words, code, source: 'learned', level: 0, key });
  }
  return { ...base, entries, byAnchor: anchorIndex(entries) };
}

/** The base dictionary restricted to some of its entries (same normaliser and abbreviations). */
export function subDictionary(base: Dictionary, entries: readonly Entry[]): Dictionary {
  const list = entries.map((e, id) => ({ ...e, id }));
  return { ...base, entries: list, byAnchor: anchorIndex(list) };
}

/**
 * "With" lines reached through a subterm's "see also": "Neuropathy, peripheral — see also
 * Polyneuropathy", and diabetes "with polyneuropathy" is E11.42, so a diabetic's "peripheral
 * neuropathy" links there (not to "with neuropathy", E11.40), as a coder following the Index would.
 */
function seeAlsoLinks(indexRows: readonly IndexRow[], lines: readonly IndexLink[], normalize: (w: string) => string): IndexLink[] {
  const byWords = new Map(lines.map((l) => [wordsKey(l.words), l]));
  const out: IndexLink[] = [];
  for (const r of indexRows) {
    if (r.level !== 1 || !r.see_also || r.see_also.includes(',')) continue;
    const target = byWords.get(wordsKey(contentWords(r.see_also, normalize)));
    if (!target) continue;
    const [main, sub] = r.path.split(' > ');
    const words = contentWords(`${stripParens(sub!)} ${stripParens(main!).split(',')[0]!}`, normalize);
    const key = wordsKey(words);
    if (words.length < 2 || byWords.has(key)) continue;
    const link = { words, code: target.code };
    byWords.set(key, link);
    out.push(link);
  }
  return out;
}

/** The Index's joint-replacement main term ("Replacement by artificial or mechanical device or prosthesis of"), read as a status. */
const REPLACEMENT_MAIN = /^replacement by artificial/i;
/** A title naming two conditions of one site: an optional adjective, the two nouns, the rest ("of …"). */
const TITLE_PAIR = /^((?:[A-Z][a-z]+ )?)([A-Za-z]+) and ([a-z]+) (of .+)$/;
const JOINT = 'joint';
const HEART = 'heart';
const VALVE = 'valve';

/** Index words that begin with a prefix notes often split off ("prediabetes", "postherpetic"). */
const SOLID_PREFIXED = new RegExp(`^(?:${SPLIT_PREFIXES})[a-z]{3,}$`);

/** The "see also" the flattened Index kept where it lost a disease's bracketed dementia (F02.8-). */
const DEMENTIA_ELSEWHERE = /^Dementia, in, diseases specified elsewhere$/i;

/** Words that join an expansion's terms and name nothing of the condition. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['with', 'without', 'from', 'into', 'that', 'this', 'than', 'other', 'unspecified', 'specified']);
/** Words that name no condition of their own. */
const GENERIC_CONDITION: ReadonlySet<string> = new Set(['disease', 'disorder', 'condition']);

/** Index subterms that tie a condition to its cause. */
/** An Index line's instruction to code by site under another term's subterm ("- code by site under Ulcer, with hemorrhage"). */
const BY_SITE = /\s+-\s+code by site under ([^,]+),\s*(.+)$/i;
const CAUSE_LINK = /^(due to|secondary to|caused by|from|following|associated with|in)\b|induced\b/i;
/** A "see" reference to a "with" line: "see Disorder, disc, cervical, with neuritis". */
const SEE_WITH = /,\s*with\b/i;

/** Content words of an Index line's parenthesised (nonessential) modifiers. */
function nonessentialWords(nemod: string | null, normalize: (w: string) => string): string[] {
  const groups = nemod?.match(/\(([^()]*)\)/g);
  return groups ? contentWords(groups.map((g) => g.slice(1, -1)).join(' '), normalize) : [];
}

/** The last segment of an Index path key ("enteritis > norovirus" → "norovirus"). */
function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf(' > ') + 3);
}

/** "Without" clauses a note leaves unsaid when it names what lies below them (a site). */
const UNSAID_WITHOUT = /^organ involvement$/i;

/** "Without" clauses of a title that state a finding, not the default a note leaves unsaid: "RA without rheumatoid factor" is seronegative RA. */
const STATED_WITHOUT = /^\s*rheumatoid factor\b/i;

/**
 * Entries of an Index line with a "without" clause ("Concussion > without loss of consciousness",
 * S06.0X0): the clause's words are required negated in the note, the others stated; one entry per
 * alternative of an "or" ("without myelopathy or radiculopathy").
 */
function withoutEntries(segs: readonly string[], at: number, code: string, level: number, normalize: (w: string) => string): Array<Omit<Entry, 'id' | 'key'>> {
  const present = contentWords(segs.filter((_, i) => i !== at).map((sg) => mainTermAliases(sg, new Map())).join(' '), normalize);
  if (present.length === 0) return [];
  const clause = stripParens(segs[at]!).trim().replace(/^without\s+/i, '');
  const out: Array<Omit<Entry, 'id' | 'key'>> = [];
  // A site under "seropositive > without organ involvement" is the site coders code when the note names no
  // organ: "Seropositive RA, multiple sites" is M05.79; a bare "seropositive RA" stays M05.9.
  if (at < segs.length - 1 && UNSAID_WITHOUT.test(clause)) out.push({ words: present, code, source: 'index', level });
  for (const alt of clause.split(/\s+or\s+|,\s*/).slice(0, 3)) {
    const absent = contentWords(alt, normalize).filter((w) => !present.includes(w));
    if (absent.length > 0) out.push({ words: [...present, ...absent], code, source: 'index', level, absent });
  }
  return out;
}
