import type { CodeRecord, CodeSetLookup, CodeSystemId, InstructionalNote } from '../codeset/types';
import { displayCode, normalizeCode } from '../codeset/format';
import type { EditEncounter, EditResult } from './types';

/** One listed code after normalisation, with what the code set knows about it. */
export interface EncounterEntry {
  /** Position in the encounter as given. */
  index: number;
  system: CodeSystemId;
  /** Undotted, upper-case. */
  code: string;
  /** Dotted for ICD-10-CM, shortened when absurdly long. */
  display: string;
  record: CodeRecord | undefined;
  /** Listed earlier already (same system and code). */
  duplicate: boolean;
}

export interface EditContext {
  encounter: EditEncounter;
  lookup: CodeSetLookup;
  entries: EncounterEntry[];
  /** ICD-10-CM entries that exist in the code set, first occurrences only, in sequencing order (principal first). */
  diagnoses: EncounterEntry[];
  /** The principal / first-listed diagnosis, if any. */
  principal: EncounterEntry | undefined;
  /** Chapter of a known ICD-10-CM code (for "Chapter 20" references). */
  chapterOf: (code: string) => number | null;
  /** lookup.notes, read once per code per run (several rules walk the same notes). */
  notes: (code: string) => InstructionalNote[];
}

export type EditRule = (ctx: EditContext) => EditResult[];

const WELL_FORMED: Readonly<Record<CodeSystemId, RegExp>> = {
  icd10cm: /^[A-Z][0-9][0-9A-Z]{1,5}$/,
  icd10pcs: /^[0-9A-HJ-NP-Z]{1,7}$/,
  hcpcs: /^[A-Z0-9]{2,5}$/,
  cpt: /^[0-9]{4}[0-9A-Z]$/,
};

export function isWellFormed(system: CodeSystemId, code: string): boolean {
  return WELL_FORMED[system]?.test(code) ?? false;
}

function shortDisplay(system: CodeSystemId, code: string): string {
  const shown = code.length > 24 ? `${code.slice(0, 24)}…` : code;
  return isWellFormed(system, code) ? displayCode(system, code) : shown;
}

export function buildContext(encounter: EditEncounter, lookup: CodeSetLookup): EditContext {
  const seen = new Set<string>();
  const entries: EncounterEntry[] = encounter.codes.map((c, index) => {
    const code = normalizeCode(String(c.code ?? ''));
    const key = `${c.system}:${code}`;
    const duplicate = seen.has(key);
    seen.add(key);
    const record = isWellFormed(c.system, code) ? lookup.code(c.system, code) : undefined;
    return { index, system: c.system, code, display: shortDisplay(c.system, code), record, duplicate };
  });
  const icd = entries.filter((e) => e.system === 'icd10cm' && e.record && !e.duplicate);
  const flagged = icd.find((e) => encounter.codes[e.index]?.principal === true);
  const firstIcd = entries.find((e) => e.system === 'icd10cm');
  // Without an explicit flag, the first-listed ICD-10-CM code is the principal / first-listed dx.
  const principal = flagged ?? (firstIcd?.record && !firstIcd.duplicate ? firstIcd : undefined);
  const diagnoses = principal ? [principal, ...icd.filter((e) => e !== principal)] : icd;
  const chapterOf = (code: string): number | null => lookup.code('icd10cm', code)?.chapter ?? null;
  const noteCache = new Map<string, InstructionalNote[]>();
  const notes = (code: string): InstructionalNote[] => {
    let n = noteCache.get(code);
    if (!n) {
      n = lookup.notes(code);
      noteCache.set(code, n);
    }
    return n;
  };
  return { encounter, lookup, entries, diagnoses, principal, chapterOf, notes };
}
