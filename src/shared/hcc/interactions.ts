// The V28 disease groups and interaction terms, transcribed from the CMS V28 SAS scoring logic (the
// community/institutional model's interaction block). Each coefficient-table variable of type
// `interaction` / `interaction_disabled` is one product below; a variable the table doesn't carry
// for a segment simply contributes nothing.

export const V28_GROUPS = {
  CANCER_V28: [17, 18, 19, 20, 21, 22, 23],
  DIABETES_V28: [35, 36, 37, 38],
  CARD_RESP_FAIL: [211, 212, 213],
  HF_V28: [221, 222, 223, 224, 225, 226],
  CHR_LUNG_V28: [276, 277, 278, 279, 280],
  KIDNEY_V28: [326, 327, 328, 329],
  ULCER_V28: [379, 380, 381, 382],
  SUBUSEDISORDER_V28: [135, 136, 137, 138, 139],
  PSYCHIATRIC_V28: [151, 152, 153, 154, 155],
  NEURO_V28: [180, 181, 182, 190, 191, 192, 195, 196, 198, 199],
  HCC238: [238],
} as const satisfies Record<string, readonly number[]>;

export type V28Group = keyof typeof V28_GROUPS;

export interface InteractionDefinition {
  /** Variable name in the coefficient table. */
  variable: string;
  /** All groups must be present (after hierarchies). */
  groups: readonly V28Group[];
  /** Institutional-only terms multiply by DISABL (age < 65). */
  disabledOnly?: boolean;
}

export const V28_INTERACTIONS: readonly InteractionDefinition[] = [
  { variable: 'DIABETES_HF', groups: ['DIABETES_V28', 'HF_V28'] },
  { variable: 'HF_CHR_LUNG', groups: ['HF_V28', 'CHR_LUNG_V28'] },
  { variable: 'HF_KIDNEY', groups: ['HF_V28', 'KIDNEY_V28'] },
  { variable: 'CHR_LUNG_CARD_RESP_FAIL', groups: ['CHR_LUNG_V28', 'CARD_RESP_FAIL'] },
  { variable: 'HF_HCC238', groups: ['HF_V28', 'HCC238'] },
  { variable: 'gSubUseDisorder_gPsych', groups: ['SUBUSEDISORDER_V28', 'PSYCHIATRIC_V28'] },
  { variable: 'DISABLED_CANCER', groups: ['CANCER_V28'], disabledOnly: true },
  { variable: 'DISABLED_NEURO', groups: ['NEURO_V28'], disabledOnly: true },
  { variable: 'DISABLED_HF', groups: ['HF_V28'], disabledOnly: true },
  { variable: 'DISABLED_CHR_LUNG', groups: ['CHR_LUNG_V28'], disabledOnly: true },
  { variable: 'DISABLED_ULCER', groups: ['ULCER_V28'], disabledOnly: true },
];

/** Which HCCs (from `present`) make a group true; empty when the group is absent. */
export function groupMembers(group: V28Group, present: ReadonlySet<number>): number[] {
  return V28_GROUPS[group].filter((h) => present.has(h));
}
