// Corrections for places where the loaded instructional notes (FY2021, see the code-set
// PROVENANCE.md "Known differences") disagree with FY2026 coding rules. The data file is left as it
// is; the engine applies these documented overrides instead. Extend the tables as differences are
// found, each with its citation.

export interface Excludes1Override {
  /** Undotted code prefixes; the pair matches in either order. */
  a: string;
  b: string;
  reason: string;
}

export const EXCLUDES1_OVERRIDES: readonly Excludes1Override[] = [
  {
    a: 'Z794',
    b: 'Z7984',
    reason:
      'FY2022+ Official Guidelines I.C.4.a.3 assign both Z79.4 and Z79.84 when insulin and oral hypoglycemics are used together; the FY2021 Excludes1 no longer applies',
  },
  {
    a: 'Z794',
    b: 'Z7985',
    reason:
      'FY2023+ Official Guidelines I.C.4.a.3 assign both Z79.4 and Z79.85 when insulin and an injectable non-insulin antidiabetic are used together',
  },
  // The Z00–Z13 block's Excludes1 "examinations related to pregnancy and reproduction (Z30-Z36, Z39.-)"
  // keeps such an examination from being coded as a general one; it does not stop the contraceptive
  // management a routine or gynecological examination also does (a first pill prescription, an IUD
  // placed, pills refilled), which is coded beside it (I.C.21.c.13: other codes add to a routine exam).
  ...['Z000', 'Z001', 'Z014'].map((a) => ({
    a,
    b: 'Z30',
    reason: 'I.C.21.c.13: a routine or gynecological examination takes additional codes for what else the visit does; Z30.- management is no examination related to reproduction',
  })),
  // The hypoglycemia levels (E16.A1–E16.A3, new in FY2025) are coded beside a diabetes with hypoglycemia:
  // its "use additional code for hypoglycemia level, if applicable (E16.A-)". The FY2021 E16 Excludes1
  // ("diabetes with hypoglycemia") predates them.
  ...['E0864', 'E0964', 'E1064', 'E1164', 'E1364'].map((b) => ({
    a: 'E16A',
    b,
    reason: 'FY2025+ tabular: E08–E13 .64- "use additional code for hypoglycemia level, if applicable (E16.A-)"; the FY2021 E16 Excludes1 predates the level codes',
  })),
];

export function excludes1Override(codeA: string, codeB: string): Excludes1Override | undefined {
  return EXCLUDES1_OVERRIDES.find(
    (o) => (codeA.startsWith(o.a) && codeB.startsWith(o.b)) || (codeA.startsWith(o.b) && codeB.startsWith(o.a)),
  );
}

export interface ReminderSupplement {
  kind: 'use_additional_code' | 'code_first' | 'code_also';
  /** The note's source (category/block id, dotted as in the notes) must start with one of these. */
  sources: readonly string[];
  /** Applies only to a note group that already names one of these undotted prefixes. */
  whenGroupNames: readonly string[];
  /** Undotted prefixes that also satisfy the note in FY2026. */
  alsoAccept: readonly string[];
  reason: string;
}

export const REMINDER_SUPPLEMENTS: readonly ReminderSupplement[] = [
  {
    kind: 'use_additional_code',
    sources: ['E08', 'E09', 'E10', 'E11', 'E13'],
    whenGroupNames: ['Z794', 'Z7984'],
    alsoAccept: ['Z7985'],
    reason: 'Z79.85 (injectable non-insulin antidiabetic drugs, new in FY2023) belongs to the E08–E13 "use additional code" notes',
  },
];
