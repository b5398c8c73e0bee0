// The Safe Harbor PHI guard: scanning, de-identification, the model-call gate and pseudonyms.
export { scanPhi } from './scan';
export { deidentifyText, addCounts } from './deidentify';
export { assertSendable, type Sendable } from './sendable';
export { pseudonymousId, dateShiftDaysFor, DATE_SHIFT_MIN_DAYS, DATE_SHIFT_MAX_DAYS } from './pseudonym';
export { shiftIsoDate } from './dates';
export type { PhiFinding, PhiContext, DeidentifyContext, KnownIdentifier, StaffValues } from './types';
