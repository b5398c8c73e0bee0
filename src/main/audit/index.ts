export { appendAudit, iterateAudit } from './log';
export { verifyAudit } from './verify';
export { eventHash, GENESIS_HASH } from './hash';
export { canonicalJson } from './canonical';
export type { AuditEvent, AuditInput, AuditEvidence, AuditVerifyResult } from './types';
