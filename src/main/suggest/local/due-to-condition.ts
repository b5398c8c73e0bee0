// A mental condition the note says is due to a physical one is the Index's "due to general medical
// condition" (or "known physiological condition") line: "delirium due to UTI" is F05 beside N39.0,
// not R41.0; "anxiety disorder secondary to hyperthyroidism" is F06.4; "diabetes due to chronic
// pancreatitis" is E08.9 ("Diabetes > due to underlying condition"). A sleep disorder has lines for a
// mental cause too: "insomnia due to PTSD" is F51.05 ("Insomnia > due to > mental disorder NEC"),
// "insomnia due to chronic pain" G47.01 ("> medical condition"). The Index cannot name the cause, so
// the note's own reading of it decides.
import { normalizeCode } from '../../../shared/codeset/format';
import { contentWords, stripParens } from './index-words';
import type { Mention } from './match';
import type { Normalizer } from './text';

export interface DueToCondition {
  /** The code the condition reads as alone (R41.0 for delirium). */
  alone: string;
  /** Its head word, normalised: a reading of another condition with that code is not this one. */
  head: string;
  /** The "due to" line's code (F05). */
  code: string;
  /** The condition line's words: a reading that says more ("type 2 diabetes") is another condition. */
  words: string[];
  /** What the cause must be: a physical condition, a mental disorder, or a disorder of one body system. */
  cause: 'medical' | 'mental' | 'renal' | 'endocrine' | 'neoplastic';
}

const DUE_TO_LINE = / > due to(?: > (?:general )?medical condition| (?:a )?known physiological condition| underlying condition)$/;
const DUE_TO_MENTAL_LINE = / > due to > mental disorder(?: NEC)?$/;
/** A cause named by its body system: "Hypertension > secondary NEC > due to > renal disorders NEC" (I15.1), "> endocrine disorders" (I15.2). */
const DUE_TO_SYSTEM_LINE = / > due to > (renal|endocrine) disorders(?: NEC)?$/;
/** "Anemia > in > neoplastic disease" (D63.0): any neoplasm the note names; not the lines that give only the neoplasm's own D49 code. */
const IN_NEOPLASM_LINE = / > in > neoplastic disease$/;

export function readDueToConditions(indexRows: ReadonlyArray<{ path: string; code: string | null }>, normalize: Normalizer): DueToCondition[] {
  const codeAt = new Map(indexRows.filter((r) => r.code).map((r) => [r.path, r.code!]));
  const out: DueToCondition[] = [];
  for (const r of indexRows) {
    const medical = r.code ? DUE_TO_LINE.exec(r.path) : null;
    const system = r.code && !medical ? DUE_TO_SYSTEM_LINE.exec(r.path) : null;
    const neoplastic = r.code && !medical && !system && !/^D49/.test(r.code) ? IN_NEOPLASM_LINE.exec(r.path) : null;
    const m = medical ?? system ?? neoplastic ?? (r.code ? DUE_TO_MENTAL_LINE.exec(r.path) : null);
    const condition = m ? r.path.slice(0, m.index) : undefined;
    const alone = condition ? codeAt.get(condition) : undefined;
    if (!condition || !alone) continue;
    const last = condition.split(' > ').at(-1)!;
    const head = stripParens(last).split(',')[0]!.replace(/\s+NEC$/i, '').trim().split(/\s+/).at(-1)!;
    out.push({ alone: normalizeCode(alone), head: normalize(head), code: normalizeCode(r.code!), words: contentWords(condition.replace(/ > /g, ' '), normalize), cause: medical ? 'medical' : system ? (system[1] as 'renal' | 'endocrine') : neoplastic ? 'neoplastic' : 'mental' });
  }
  return out;
}

/** Between the condition and its cause: "due to", "secondary to", "2/2", "in the setting of". */
const LINK = /^[\s,]*(?:(?:is|was|likely|probably|most likely|felt to be|thought to be|presumed)\s+)*(?:due to|secondary to|caused by|in the setting of|d\/t|2\/2|related to)\s+(?:(?:an?|the|his|her|their|acute|underlying)\s+)*$/i;
const TO = /^\s+to\s+(?:(?:an?|the|his|her|their|acute|underlying)\s+)*$/i;
/** A neoplasm is named after "in" too: "Anemia in CLL", "anemia of malignancy". */
const IN_OR_OF = /^[\s,]*(?:in|of|from)\s+(?:(?:an?|the|his|her|their|known|underlying)\s+)*$/i;
/** Neoplasms: malignant (C00–C96), in situ, benign and uncertain (D00–D49). */
const NEOPLASM = /^(?:C|D[0-4])/;
/** Causes that are no general medical condition: mental and behavioural (a substance's own lines), symptoms, factors. */
const NOT_MEDICAL = /^[FRZ]/;
/** A mental disorder other than a substance's, which has its own "due to" lines ("Insomnia > due to > alcohol"). */
const MENTAL = /^F(?!1\d)/;

/**
 * The "due to" code for a condition mention followed in its sentence by a physical condition it is
 * due to. A cause the note is unsure of links only where an uncertain diagnosis is coded (inpatient).
 */
export function dueToCode(terms: readonly DueToCondition[], mention: Mention, mentions: readonly Mention[], text: string, uncertainCoded: boolean): string | undefined {
  const lines = terms.filter((t) => t.alone === mention.entry.code && mention.entry.words.includes(t.head) && mention.entry.words.every((w) => t.words.includes(w)));
  if (lines.length === 0) return undefined;
  // A reading that took the link's "secondary" itself ("hypertension secondary" of "… secondary to lupus nephritis") leaves its "to".
  const tookSecondary = /\bsecondary$/i.test(text.slice(mention.start, mention.end));
  const linked = (between: string, t: DueToCondition): boolean => LINK.test(between) || (tookSecondary && TO.test(between)) || (t.cause === 'neoplastic' && IN_OR_OF.test(between));
  const cause = mentions.find((n) => n !== mention && n.start >= mention.end && (n.assertion === 'present' || (uncertainCoded && n.assertion === 'uncertain')) && lines.some((t) => causes(t, n.entry.code) && linked(text.slice(mention.end, n.start), t)));
  return cause ? lines.find((t) => causes(t, cause.entry.code))!.code : undefined;
}

/** Diseases of the kidney: the urinary chapter's (N00–N29), its congenital cystic ones (Q60–Q64), a lupus's or Sjogren's glomerular and tubulo-interstitial disease (M32.14, M32.15, M35.04). */
const RENAL = /^(N[0-2]|Q6[0-4]|M321[45]|M3504)/;
/** Diseases of the endocrine glands (E00–E35), a pheochromocytoma's included (D35.0-, C74.1-). */
const ENDOCRINE = /^(E[0-2]|E3[0-5]|D350|C741)/;

function causes(term: DueToCondition, code: string): boolean {
  switch (term.cause) {
    case 'medical': return !NOT_MEDICAL.test(code);
    case 'mental': return MENTAL.test(code);
    case 'renal': return RENAL.test(code);
    case 'endocrine': return ENDOCRINE.test(code);
    case 'neoplastic': return NEOPLASM.test(code);
  }
}
