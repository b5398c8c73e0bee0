// CMS-HCC V28 raw risk score for one beneficiary, platform-free, over a CodeSetLookup.
//
// Included (following the CMS V28 SAS software):
//   - diagnosis → payment HCC map, V28 age/sex diagnosis edits, hierarchies (ascending HCC order);
//   - one demographic age/sex cell (F0_34 … M95_GT) for the segment;
//   - OriginallyDisabled_Female/_Male (aged community segments, age ≥ 65), ORIGDS and LTIMCAID (INS);
//   - the interaction terms the segment's coefficient table carries (DIABETES_HF, HF_CHR_LUNG,
//     HF_KIDNEY, CHR_LUNG_CARD_RESP_FAIL, HF_HCC238, gSubUseDisorder_gPsych, INS DISABLED_* with
//     DISABL = age < 65), groups as in ./interactions.ts;
//   - the payment HCC count variable D1 … D9, D10P (count of payment HCCs after hierarchies).
// Not included: the normalisation factor, the MA coding-pattern (intensity) adjustment, frailty,
// the ESRD models, the RxHCC model, new-enrollee segments (NE, SNPNE), MSP/Medicaid community
// status variables beyond the segment itself, blending with V24, and the PY rounding CMS applies
// to payments. The total is the raw sum of relative factors. See ./README.md.
import type { CodeSetLookup } from '../codeset/types';
import { displayCode, normalizeCode } from '../codeset/format';
import { assignHccs, describeDxEdit } from './assign';
import { groupMembers, V28_INTERACTIONS } from './interactions';
import {
  RAF_SEGMENTS,
  SEGMENT_NAMES,
  type RafCodeContribution,
  type RafDroppedHcc,
  type RafHcc,
  type RafInput,
  type RafResult,
  type RafSegment,
  type RafTerm,
} from './types';

export const MAX_RAF_CODES = 1000;
const AGED: ReadonlySet<RafSegment> = new Set(['CNA', 'CFA', 'CPA']);
const DISABLED: ReadonlySet<RafSegment> = new Set(['CND', 'CFD', 'CPD']);

/** The coefficient-table age band for an age: 0_34, 35_44, 45_54, 55_59, 60_64, 65_69 … 90_94, 95_GT. */
export function ageBand(age: number): string {
  if (age <= 34) return '0_34';
  if (age <= 44) return '35_44';
  if (age <= 54) return '45_54';
  if (age >= 95) return '95_GT';
  const low = age - (age % 5);
  return `${low}_${low + 4}`;
}

function validate(input: RafInput): RafSegment {
  const segment = input.segment ?? 'CNA';
  if (!(RAF_SEGMENTS as readonly string[]).includes(segment)) {
    throw new RangeError(`Unknown segment "${String(segment)}"; use one of ${RAF_SEGMENTS.join(', ')}`);
  }
  if (!Number.isInteger(input.age) || input.age < 0 || input.age > 130) {
    throw new RangeError(`Age must be a whole number of years between 0 and 130; got ${String(input.age)}`);
  }
  if (input.sex !== 'F' && input.sex !== 'M') throw new RangeError(`Sex must be F or M for the risk model; got ${String(input.sex)}`);
  if (input.codes.length > MAX_RAF_CODES) {
    throw new RangeError(`At most ${MAX_RAF_CODES} codes can be scored at once; got ${input.codes.length}`);
  }
  return segment;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function scoreRaf(input: RafInput, lookup: CodeSetLookup): RafResult {
  const segment = validate(input);
  const coef = lookup.coefficients(segment);
  const c = (variable: string): number => coef.get(variable) ?? 0;
  const label = (hcc: number): string => lookup.hccLabel(hcc) ?? `HCC ${hcc}`;
  const patient = { age: input.age, sex: input.sex };
  const warnings: string[] = [];
  const terms: RafTerm[] = [];

  // Demographics.
  const cell = `${input.sex}${ageBand(input.age)}`;
  if (coef.has(cell)) {
    terms.push({ kind: 'demographic', variable: cell, coefficient: c(cell), because: `${input.sex === 'F' ? 'Female' : 'Male'}, age ${input.age}` });
  } else if (AGED.has(segment) && input.age < 65) {
    warnings.push(`${segment} is an aged segment (65+): it has no age/sex factor for age ${input.age}; a beneficiary under 65 belongs in a disabled segment (CND, CFD, CPD).`);
  } else if (DISABLED.has(segment) && input.age >= 65) {
    warnings.push(`${segment} is a disabled segment (under 65): it has no age/sex factor for age ${input.age}; use an aged segment (CNA, CFA, CPA).`);
  } else {
    warnings.push(`The ${segment} coefficient table has no ${cell} factor; the demographic term is 0.`);
  }
  if (input.originallyDisabled && input.age >= 65) {
    const v = segment === 'INS' ? 'ORIGDS' : `OriginallyDisabled_${input.sex === 'F' ? 'Female' : 'Male'}`;
    if (coef.has(v)) terms.push({ kind: 'status', variable: v, coefficient: c(v), because: 'Originally entitled by disability, now 65 or older' });
  } else if (input.originallyDisabled) {
    warnings.push('Originally-disabled status applies only from age 65; ignored.');
  }
  if (input.medicaid && segment === 'INS' && coef.has('LTIMCAID')) {
    terms.push({ kind: 'status', variable: 'LTIMCAID', coefficient: c('LTIMCAID'), because: 'Medicaid (institutional)' });
  } else if (input.medicaid && segment !== 'INS') {
    warnings.push('Medicaid status is expressed by the dual segments (CFA, CFD, CPA, CPD) outside INS; the flag was ignored.');
  }

  // Diagnoses → HCCs.
  const normalized = input.codes.map((raw) => normalizeCode(raw));
  const known = new Set(normalized.filter((code) => /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code) && lookup.code('icd10cm', code)));
  const assigned = assignHccs([...known], patient, lookup);
  const byCode = new Map(assigned.perCode.map((a) => [a.code, a]));
  const { kept, dropped } = assigned.hierarchy;
  const codes: RafCodeContribution[] = [];
  const seen = new Set<string>();
  for (const code of normalized) {
    const display = displayCode('icd10cm', code);
    const shown = display.length > 24 ? `${display.slice(0, 24)}…` : display;
    if (seen.has(code)) {
      codes.push({ code: shown, status: 'duplicate', hccs: [], note: 'Listed more than once; counted once.' });
      continue;
    }
    seen.add(code);
    const a = byCode.get(code);
    if (!known.has(code) || !a) {
      codes.push({ code: shown, status: 'unknown-code', hccs: [], note: 'Not an ICD-10-CM code in the loaded code set; contributes nothing.' });
    } else if (a.mapped.length === 0) {
      codes.push({ code: display, status: 'no-hcc', hccs: [] });
    } else if (a.hccs.length === 0) {
      codes.push({ code: display, status: 'edited-out', hccs: [], note: `${describeDxEdit(a.edit!)}: no HCC for this patient (would map to HCC ${a.mapped.join(', ')}).` });
    } else {
      const hccs = a.hccs.map((h) => ({ hcc: h, label: label(h), coefficient: c(`HCC${h}`), ...(dropped.has(h) ? { droppedBy: dropped.get(h)! } : {}) }));
      const notes: string[] = [];
      if (a.edit) notes.push(`${describeDxEdit(a.edit)}: maps to HCC ${a.hccs.join(', ')} instead of HCC ${a.mapped.join(', ')}.`);
      // The PY2026 map still carries a few codes that became headers in FY2026 (e.g. G35).
      if (lookup.code('icd10cm', code)?.billable === false) notes.push(`Not billable in the loaded edition (${lookup.fiscalYears.map((y) => `FY${y}`).join(', ')}); valid only for earlier dates of service.`);
      const note = notes.length ? notes.join(' ') : undefined;
      codes.push({ code: display, status: hccs.every((h) => h.droppedBy !== undefined) ? 'dropped' : 'counted', hccs, ...(note ? { note } : {}) });
    }
  }

  const sourcesOf = (h: number): string[] => (assigned.sources.get(h) ?? []).map((x) => displayCode('icd10cm', x));
  const hccs: RafHcc[] = kept.map((h) => ({ hcc: h, label: label(h), coefficient: c(`HCC${h}`), codes: sourcesOf(h) }));
  const droppedList: RafDroppedHcc[] = [...dropped]
    .sort((x, y) => x[0] - y[0])
    .map(([h, by]) => ({ hcc: h, label: label(h), coefficient: c(`HCC${h}`), codes: sourcesOf(h), droppedBy: by, droppedByLabel: label(by) }));
  for (const h of hccs) {
    terms.push({ kind: 'hcc', variable: `HCC${h.hcc}`, coefficient: h.coefficient, because: `${h.label} (${h.codes.join(', ')})` });
  }

  // Interactions, on the HCCs left after hierarchies.
  const present = new Set(kept);
  const disabled = input.age < 65;
  for (const def of V28_INTERACTIONS) {
    if (!coef.has(def.variable)) continue;
    if (def.disabledOnly && !disabled) continue;
    const members = def.groups.map((g) => groupMembers(g, present));
    if (members.some((m) => m.length === 0)) continue;
    const why = def.groups.map((g, i) => `${g} (HCC ${members[i]!.join(', ')})`).join(' × ');
    terms.push({ kind: 'interaction', variable: def.variable, coefficient: c(def.variable), because: def.disabledOnly ? `Disabled (under 65) × ${why}` : why });
  }

  // Payment HCC count.
  const count = kept.length;
  if (count > 0) {
    const v = count >= 10 ? 'D10P' : `D${count}`;
    terms.push({ kind: 'count', variable: v, coefficient: c(v), because: `${count} payment HCC${count === 1 ? '' : 's'} after hierarchies` });
  }

  const total = round3(terms.reduce((sum, t) => sum + t.coefficient, 0));
  return {
    segment,
    segmentName: SEGMENT_NAMES[segment],
    age: input.age,
    sex: input.sex,
    version: lookup.version,
    codes,
    hccs,
    dropped: droppedList,
    terms,
    paymentHccCount: count,
    total,
    warnings,
  };
}
