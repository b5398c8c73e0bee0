// What the desktop shows about sync: the status bar (state, pending count, last sync, code-set
// notices), the sign-in view (who, where) and the first-pull progress bar.

export type SyncState = 'offline' | 'online' | 'syncing' | 'error' | 'signed-out';

export interface SyncStatus {
  signedIn: boolean;
  user: string | null;
  serverUrl: string | null;
  state: SyncState;
  /** Local changes not yet accepted (or kept as orphaned work) by the server. */
  pending: number;
  /** Changes the server refused that wait for the coder to retry or discard them (Settings). */
  refused: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Set while the first pull after sign-in runs; `total` is null when the server gives no count. */
  firstPull: { done: number; total: number | null } | null;
  /**
   * Code-set releases the organisation announced that this install does not have (the announced
   * fiscal year or version differs from the loaded code set's), one per system. Kept after sign-out:
   * they describe the code set, not the session.
   */
  codeSetNotices: CodeSetNotice[];
}

export interface CodeSetNotice {
  /** Normalised system id: 'icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'hcc', or the announced name in lower case. */
  systemId: string;
  /** The system for people: "ICD-10-CM", or the name the admin wrote when it is not one this app knows. */
  system: string;
  fiscalYear: number;
  codeSetVersion: string;
  note: string | null;
  /** Server clock (ISO 8601); when this install heard of it if the server did not say. */
  announcedAt: string;
  /** What this install has for the system, e.g. "FY2026 (icd10cm-FY2026+hcc-v28-PY2026)" or "no CPT file imported". */
  installed: string;
}

export interface SyncSignInRequest {
  serverUrl: string;
  user: string;
  password: string;
}
