// The Table of Drugs and Chemicals by the names a note gives its drugs: each substance's poisoning
// codes by intent and its underdosing code, without their 7th character.
import type Database from 'better-sqlite3';

export type Intent = 'accidental' | 'intentional' | 'assault' | 'undetermined';
export type DrugCodes = Readonly<Record<Intent, string>> & { readonly underdosing?: string };

/** Names a note gives a drug that the Table lists under another: brands and the street's words. */
const OTHER_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ['tylenol', ['acetaminophen']],
  ['paracetamol', ['acetaminophen']],
  ['apap', ['acetaminophen']],
  ['tylenol pm', ['acetaminophen', 'diphenhydramine']],
  ['advil', ['ibuprofen']],
  ['motrin', ['ibuprofen']],
  ['aleve', ['naproxen']],
  ['benadryl', ['diphenhydramine']],
  ['xanax', ['alprazolam']],
  ['klonopin', ['clonazepam']],
  ['ativan', ['lorazepam']],
  ['valium', ['diazepam']],
  ['ambien', ['zolpidem']],
  ['percocet', ['oxycodone', 'acetaminophen']],
  ['norco', ['hydrocodone', 'acetaminophen']],
  ['vicodin', ['hydrocodone', 'acetaminophen']],
  ['coumadin', ['warfarin']],
  ['elavil', ['amitriptyline']],
  ['prozac', ['fluoxetine']],
  ['celexa', ['citalopram']],
  ['wellbutrin', ['bupropion']],
  ['desyrel', ['trazodone']],
  ['lasix', ['furosemide']],
  // The insulins by their analogues' names: the Table lists only "Insulin" (its kinds as nonessential words).
  ...['glargine', 'lispro', 'aspart', 'detemir', 'degludec', 'glulisine', 'lantus', 'humalog', 'novolog', 'levemir', 'tresiba', 'basaglar', 'toujeo', 'humulin', 'novolin'].map((name): [string, string[]] => [name, ['insulin']]),
  ['benzo', ['benzodiazepine']],
  ['benzos', ['benzodiazepine']],
  ['opioids', ['opioid']],
  ['opiates', ['opiate']],
  ['meth', ['methamphetamine']],
  // Beverage alcohol is ethanol ("Alcohol > absolute > beverage"); the Table's bare "Alcohol" is unspecified.
  ['alcohol', ['ethanol']],
  ['etoh', ['ethanol']],
  // Drugs the Table does not list by name, by the class line it codes them under.
  ['sertraline', ['antidepressant > selective serotonin reuptake inhibitor']],
  ['paroxetine', ['antidepressant > selective serotonin reuptake inhibitor']],
  ['escitalopram', ['antidepressant > selective serotonin reuptake inhibitor']],
  ['duloxetine', ['antidepressant > selective serotonin norepinephrine reuptake inhibitor']],
  ['venlafaxine', ['antidepressant > selective serotonin norepinephrine reuptake inhibitor']],
  ['zoloft', ['antidepressant > selective serotonin reuptake inhibitor']],
  ['lexapro', ['antidepressant > selective serotonin reuptake inhibitor']],
  ['cymbalta', ['antidepressant > selective serotonin norepinephrine reuptake inhibitor']],
  ['keppra', ['antiepilepsy agent > specified, nec']],
  ['gabapentin', ['antiepilepsy agent > specified, nec']],
  ['pregabalin', ['antiepilepsy agent > specified, nec']],
  ['neurontin', ['antiepilepsy agent > specified, nec']],
  ['eliquis', ['anticoagulant nec']],
  ['xarelto', ['anticoagulant nec']],
  ['lipitor', ['antihyperlipidemic drug']],
  ['tacrolimus', ['immunosuppressive drug']],
  ['mycophenolate', ['immunosuppressive drug']],
  ['sirolimus', ['immunosuppressive drug']],
  ['everolimus', ['immunosuppressive drug']],
  ['cyclosporine', ['cyclosporin']],
  // Inhaled steroids by the names inhalers carry: the Table lists fluticasone only as its propionate.
  ['fluticasone', ['fluticasone propionate']],
  ['flovent', ['fluticasone propionate']],
  ['prograf', ['immunosuppressive drug']],
  ['cellcept', ['immunosuppressive drug']],
  ['immunosuppressants', ['immunosuppressive drug']],
  // Classes as patients name them: "stopped both diabetes pills", "ran out of her BP meds".
  ...['diabetes pills', 'diabetes meds', 'diabetes medications', 'diabetic meds', 'diabetic medications', 'oral hypoglycemics'].map((n): [string, string[]] => [n, ['antidiabetic nec']]),
  ...['bp pills', 'bp meds', 'blood pressure pills', 'blood pressure meds', 'blood pressure medications'].map((n): [string, string[]] => [n, ['antihypertensive drug nec']]),
  ['unknown pills', ['drug']],
  ['unknown substance', ['drug']],
  ['unknown medication', ['drug']],
  ['unknown medications', ['drug']],
]);

/**
 * Stems of international nonproprietary names (WHO INN) whose drugs one Table line codes as a class,
 * for drugs the Table does not list by name: atorvastatin, apixaban, losartan, amlodipine.
 */
const CLASS_STEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^[a-z]{3,}statin$/, 'antihyperlipidemic drug'],
  [/^[a-z]{3,}pril$/, 'inhibitor > angiotensin-converting enzyme'],
  [/^[a-z]{2,}sartan$/, 'antihypertensive drug nec'],
  [/^[a-z]{3,}[oa]lol$/, 'antagonist > beta-adrenoreceptor'],
  [/^[a-z]{3,}dipine$/, 'blockers, calcium channel'],
  [/^[a-z]{3,}(xaban|gatran)$/, 'anticoagulant nec'],
  [/^[a-z]{3,}(gliptin|gliflozin|glutide|glinide)$/, 'antidiabetic nec'],
  [/^[a-z]{3,}prazole$/, 'anti-gastric-secretion drug nec'],
  [/^[a-z]{3,}tidine$/, 'antagonist > h2 receptor'],
  [/^[a-z]{3,}racetam$/, 'antiepilepsy agent > specified, nec'],
];

/** The Table names a drug a note names stands for: its own, its generics', or its class line's. */
export function tableNames(written: string): readonly string[] {
  const name = written.toLowerCase();
  // Asked of every word of a note (adverse effects): one regex rules out almost all of them.
  return OTHER_NAMES.get(name) ?? [(ANY_STEM.test(name) ? CLASS_STEMS.find(([re]) => re.test(name))?.[1] : undefined) ?? name];
}

const ANY_STEM = new RegExp(CLASS_STEMS.map(([re]) => `(?:${re.source})`).join('|'));

/** The Table's words for a drug that a note would write as one word or two ("Opioid NEC" is "opioid"). */
function noteName(term: string): string {
  return term.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/\bnec\b/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A drug's salt or compound, as the Table lists it under the drug: "salts", "gluconate", "hydrochloride". */
export const SALT = /^(salts?|[a-z]+(ate|ide|ite))$/i;

/**
 * A Table code as the engine writes it: undotted, without its 7th character, padded with the
 * placeholder X to six characters ("T51.91" is T5191X); '' for a column with none ("--").
 */
export function tableCode(written: string | null | undefined): string {
  return written && /^T\d\d\.[0-9A-Z]{2,3}$/.test(written) ? written.replace('.', '').padEnd(6, 'X') : '';
}

/**
 * Poisoning and underdosing codes per drug name, as a note writes it (lower case, without 7th
 * character, undotted and padded with the placeholder X). A chemical's own line gives way to its
 * salts where they are a drug with one code ("Lithium" the metal, T56.89-, and its salts, the
 * psychotropic T43.59-).
 */
export function loadDrugCodes(db: Database.Database): Map<string, DrugCodes> {
  type Row = { level: number; path: string; a: string | null; i: string | null; s: string | null; u: string | null; d: string | null };
  const rows = db
    .prepare('SELECT level, path, poisoning_accidental a, poisoning_intentional_self_harm i, poisoning_assault s, poisoning_undetermined u, underdosing d FROM drug WHERE level <= 1')
    .all() as Row[];
  const codes = (r: Row): DrugCodes | undefined => {
    const all = [r.a, r.i, r.s, r.u].map(tableCode);
    const underdosing = tableCode(r.d);
    if (!all.every((c) => c !== '')) return undefined;
    return { accidental: all[0]!, intentional: all[1]!, assault: all[2]!, undetermined: all[3]!, ...(underdosing ? { underdosing } : {}) };
  };
  const out = new Map<string, DrugCodes>();
  const salts = new Map<string, Set<string>>();
  for (const r of rows) {
    const parts = r.path.split(' > ');
    const c = codes(r);
    // Every line by its whole path too, for the names and stems that point at a class line.
    if (c) out.set(r.path.toLowerCase(), c);
    if (r.level === 0) {
      const name = noteName(parts[0]!);
      if (c && /^[a-z][a-z -]{2,}$/.test(name) && !out.has(name)) out.set(name, c);
      continue;
    }
    const parent = noteName(parts[0]!);
    if (SALT.test(parts[1]!)) salts.set(parent, (salts.get(parent) ?? new Set()).add(c ? JSON.stringify(c) : ''));
    // "Carbon > monoxide": a note writes the two words together.
    const name = `${parent} ${parts[1]!.toLowerCase()}`;
    if (c && /^[a-z]+$/i.test(parts[1]!) && !out.has(name)) out.set(name, c);
  }
  const medicinal = (c: DrugCodes | undefined): boolean => c !== undefined && /^T(3[6-9]|4\d|50)/.test(c.accidental);
  for (const [parent, forms] of salts) {
    const only = forms.size === 1 ? (JSON.parse([...forms][0]! || 'null') as DrugCodes | null) : null;
    if (only && medicinal(only) && !medicinal(out.get(parent))) out.set(parent, only);
  }
  return out;
}

/** Words the Table lists that name no drug of their own ("Tablets (see also specified substance)"). */
const NO_DRUG: ReadonlySet<string> = new Set(['tablet', 'tablets', 'pill', 'pills', 'capsule', 'capsules', 'medication', 'medications', 'medicine', 'medicines', 'medicament', 'drug', 'drugs', 'substance', 'substances', 'dose', 'doses']);

/** Words with their offsets in `s`. */
export function wordsOf(s: string): Array<{ w: string; at: number }> {
  return [...s.matchAll(/[A-Za-z][A-Za-z'-]*|[/,&+]/g)].map((m) => ({ w: m[0].toLowerCase().replace(/'s$/, ''), at: m.index }));
}

/** The drug names among `words` (two-word names first), with the codes of each. */
export function drugsAt(words: ReadonlyArray<{ w: string; at: number }>, i: number, table: ReadonlyMap<string, DrugCodes>): { codes: DrugCodes[]; length: number; size: number } | undefined {
  for (const n of [2, 1]) {
    if (i + n > words.length) continue;
    const name = words.slice(i, i + n).map((x) => x.w).join(' ');
    if (NO_DRUG.has(name)) continue;
    const names = tableNames(name);
    const codes = names.map((x) => table.get(x) ?? table.get(x.replace(/s$/, ''))).filter((c): c is DrugCodes => c !== undefined);
    if (codes.length === names.length && (n === 2 || name.length >= 4 || OTHER_NAMES.has(name))) return { codes, length: words[i + n - 1]!.at + words[i + n - 1]!.w.length - words[i]!.at, size: n };
  }
  return undefined;
}

/** Where the words after a verb stop naming what was taken. */
const AFTER_END = /[.;:\n]|\s(?:with|after|while|resulting|causing|complicated|requiring|in the setting|presents?|presented|found|who|because|since|for|due|as|until|so|but)\b|\sand (?:was|is|has|had|presented|now|then|found|called)\b/i;

export interface NamedDrug {
  /** The codes of each drug the name stands for (a combination product is two). */
  codes: DrugCodes[];
  /** Offset in the passage, and length, of the name. */
  at: number;
  length: number;
}

/** The drug named last before `to` in its clause, within a few words: "subtherapeutic tacrolimus from missed doses"; over commas for a pronoun's. */
export function drugBefore(passage: string, to: number, table: ReadonlyMap<string, DrugCodes>, overCommas = false): NamedDrug | undefined {
  // A pronoun's drug may stand a clause back ("Was on allopurinol 200 mg daily, but stopped it"), never a sentence back.
  const reach = overCommas ? 80 : 40;
  const start = Math.max(0, to - reach);
  const from = Math.max(start, ...[...passage.slice(start, to).matchAll(overCommas ? /[.;:]/g : /[.;:,]/g)].map((m) => start + m.index + 1));
  return drugsIn(passage.slice(from, to), from, table).at(-1);
}

/** The drugs named in `passage` from `from` to the end of its clause: "of her mother's lorazepam and Benadryl". */
export function drugsAfter(passage: string, from: number, table: ReadonlyMap<string, DrugCodes>): NamedDrug[] {
  const rest = passage.slice(from, from + 120);
  const stop = AFTER_END.exec(rest);
  return drugsIn(stop ? rest.slice(0, stop.index) : rest, from, table);
}

/** The drugs named in `text`, which starts at `offset` of its passage, in order. */
function drugsIn(text: string, offset: number, table: ReadonlyMap<string, DrugCodes>): NamedDrug[] {
  const words = wordsOf(text);
  const found: NamedDrug[] = [];
  for (let i = 0; i < words.length; i++) {
    const d = drugsAt(words, i, table);
    if (!d) continue;
    found.push({ codes: d.codes, at: offset + words[i]!.at, length: d.length });
    i += d.size - 1;
  }
  return found;
}
