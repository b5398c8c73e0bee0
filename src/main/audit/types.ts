import type { Json } from './canonical';

export interface AuditEvidence {
  documentId: string;
  start: number;
  end: number;
  quote: string;
}

/** What a caller records; seq, id, time and the hashes are added by the log. */
export interface AuditInput {
  user: { id: string; name: string; role: string };
  encounterId: string | null;
  action: string;
  system?: string | null;
  code?: string | null;
  evidence?: AuditEvidence[];
  reason?: string | null;
  detail?: { [key: string]: Json | undefined };
  codeSetVersion: string | null;
  /** Suggestion provenance when the action acted on a suggestion. */
  suggestion?: Json | null;
}

export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  userId: string;
  userName: string;
  role: string;
  encounterId: string | null;
  action: string;
  system: string | null;
  code: string | null;
  evidence: AuditEvidence[];
  reason: string | null;
  detail: { [key: string]: Json | undefined };
  codeSetVersion: string | null;
  suggestion: Json | null;
  prevHash: string;
  hash: string;
}

export type AuditVerifyResult =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; firstBadSeq: number; problem: string };
