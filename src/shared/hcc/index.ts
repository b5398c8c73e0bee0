export { scoreRaf, ageBand, MAX_RAF_CODES } from './score';
export { formatRafTable } from './format';
export { assignHccs, assignCode, applyHierarchy, dxEditApplies, describeDxEdit } from './assign';
export type { HccPatient, CodeHccAssignment, HierarchyResult, EncounterHccs } from './assign';
export { V28_GROUPS, V28_INTERACTIONS } from './interactions';
export type { InteractionDefinition, V28Group } from './interactions';
export { RAF_SEGMENTS, SEGMENT_NAMES } from './types';
export type {
  RafInput,
  RafResult,
  RafSegment,
  RafTerm,
  RafTermKind,
  RafCodeContribution,
  RafCodeHcc,
  RafCodeStatus,
  RafHcc,
  RafDroppedHcc,
} from './types';
