// ICD-10-CM codes → V28 payment HCCs, the way the CMS V28 SAS software does it: map each diagnosis
// (V28 "dx to CC" table), apply the model's age/sex diagnosis edits (macro V28I0ED1), then zero the
// HCCs outranked by a present HCC (hierarchy macro V28115H1), in ascending HCC order.
import type { CodeSetLookup, DxEdit } from '../codeset/types';

export interface HccPatient {
  /** Whole years; null when unknown (age edits are then not applied). */
  age: number | null;
  sex: 'F' | 'M' | 'U';
}

/**
 * Does a V28 dx edit fire for this patient? An edit names the condition under which it acts:
 * `ageMax` 17 on J44.9 means "at ages up to 17 the code gives no HCC"; `ageMin` 2 on P04.0 means
 * "from age 2 on"; `sex` 'F' on D66 means "for a female patient, map to `hccOverride` instead".
 */
export function dxEditApplies(edit: DxEdit, patient: HccPatient): boolean {
  if (edit.editType === 'sex') {
    if (!edit.sex || patient.sex === 'U') return false;
    if (edit.sex !== patient.sex) return false;
  }
  if (edit.ageMin !== null || edit.ageMax !== null) {
    if (patient.age === null) return false;
    if (edit.ageMin !== null && patient.age < edit.ageMin) return false;
    if (edit.ageMax !== null && patient.age > edit.ageMax) return false;
  }
  return true;
}

export function describeDxEdit(edit: DxEdit): string {
  const who: string[] = [];
  if (edit.sex) who.push(edit.sex === 'F' ? 'female' : 'male');
  if (edit.ageMin !== null && edit.ageMax !== null) who.push(`age ${edit.ageMin}–${edit.ageMax}`);
  else if (edit.ageMin !== null) who.push(`age ≥ ${edit.ageMin}`);
  else if (edit.ageMax !== null) who.push(`age ≤ ${edit.ageMax}`);
  return `V28 ${edit.editType} edit (${who.join(', ') || 'all patients'})`;
}

export interface CodeHccAssignment {
  /** Undotted. */
  code: string;
  /** HCCs from the map, before edits. */
  mapped: number[];
  /** HCCs after the dx edits (before hierarchies). */
  hccs: number[];
  /** The V28 dx edit that changed the mapping, if any. */
  edit?: DxEdit;
}

export interface HierarchyResult {
  /** Payment HCCs that survive, ascending. */
  kept: number[];
  /** Zeroed HCC → the present HCC that outranked it. */
  dropped: Map<number, number>;
}

export function assignCode(code: string, patient: HccPatient, lookup: CodeSetLookup): CodeHccAssignment {
  const mapped = [...new Set(lookup.hccs(code))].sort((a, b) => a - b);
  const edit = lookup.dxEdits(code).find((e) => dxEditApplies(e, patient));
  if (!edit) return { code, mapped, hccs: mapped };
  if (edit.action === 'invalid') return { code, mapped, hccs: [], edit };
  return { code, mapped, hccs: edit.hccOverride !== null ? [edit.hccOverride] : mapped, edit };
}

/** Zeroes outranked HCCs in ascending order of the ranking HCC, as the SAS hierarchy macro does. */
export function applyHierarchy(present: Iterable<number>, lookup: CodeSetLookup): HierarchyResult {
  const on = new Set(present);
  const dropped = new Map<number, number>();
  const pairs = [...lookup.hccHierarchy()].sort((x, y) => x.hcc - y.hcc || x.drops - y.drops);
  for (const { hcc, drops } of pairs) {
    if (on.has(hcc) && on.has(drops)) {
      on.delete(drops);
      dropped.set(drops, hcc);
    }
  }
  return { kept: [...on].sort((a, b) => a - b), dropped };
}

export interface EncounterHccs {
  perCode: CodeHccAssignment[];
  /** HCC → codes (undotted) that produced it, before hierarchies. */
  sources: Map<number, string[]>;
  hierarchy: HierarchyResult;
}

export function assignHccs(codes: readonly string[], patient: HccPatient, lookup: CodeSetLookup): EncounterHccs {
  const perCode: CodeHccAssignment[] = [];
  const sources = new Map<number, string[]>();
  for (const code of codes) {
    const a = assignCode(code, patient, lookup);
    perCode.push(a);
    for (const hcc of a.hccs) {
      const list = sources.get(hcc) ?? [];
      if (!list.includes(code)) list.push(code);
      sources.set(hcc, list);
    }
  }
  return { perCode, sources, hierarchy: applyHierarchy(sources.keys(), lookup) };
}
