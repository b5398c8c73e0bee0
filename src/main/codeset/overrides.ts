// The tabular notes shipped are FY2021 (PROVENANCE.md, caveat 1). Where FY2026 rules are known to differ,
// the build corrects the notes here, as data with a reason, instead of editing the source file; each
// correction is stored in the database (note_override) so the code detail can show it.
import type { NoteKind } from '../../shared/codeset/types';

export interface NoteOverride {
  /** Undotted code carrying the note. */
  code: string;
  kind: NoteKind;
  action: 'remove' | 'add';
  /** remove: every note of this kind on the code whose text contains this; add: the note text. */
  text: string;
  reason: string;
}

const Z79_4_BOTH =
  'Since FY2022 the Official Guidelines (I.C.4.a.3) direct assigning Z79.4 together with Z79.84 (insulin plus oral ' +
  'hypoglycemics) or Z79.85 (insulin plus injectable non-insulin antidiabetic); the FY2022+ tabular has no such Excludes1.';
const Z79_85_NEW =
  'Z79.85 (long-term use of injectable non-insulin antidiabetic drugs) was added in FY2023 to the "use additional code" ' +
  'notes of the diabetes categories that list Z79.4 and Z79.84.';

export const NOTE_OVERRIDES: readonly NoteOverride[] = [
  { code: 'Z794', kind: 'excludes1', action: 'remove', text: 'Z79.84', reason: Z79_4_BOTH },
  ...['E08', 'E09', 'E11', 'E13'].map(
    (code): NoteOverride => ({
      code,
      kind: 'use_additional_code',
      action: 'add',
      text: 'injectable non-insulin antidiabetic drugs (Z79.85)',
      reason: Z79_85_NEW,
    }),
  ),
];
