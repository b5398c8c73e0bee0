// Changes the sync server refused, as the Settings view lists them, and what a coder can do with
// them: send them again, or give up sending them (the local decision stays either way).
import type { SyncStatus } from './status';

export interface RefusedChange {
  /** The outbox row's id, which is also the mutation id the server saw. */
  outboxId: string;
  chartId: string | null;
  /** The chart as the worklist names it, when it is on this install. */
  chart: { title: string; patientLabel: string } | null;
  /** What the change was, e.g. "keep E11.9" or "submit chart (2 codes)". */
  change: string;
  /** The server's reason. */
  reason: string | null;
  createdAt: string;
  refusedAt: string | null;
}

export interface RefusedList {
  /** Newest first, at most `REFUSED_LIMITS.listed`. */
  changes: RefusedChange[];
  total: number;
}

export interface RefusedRequest {
  ids: string[];
}

export interface RefusedResult {
  /** Rows that were refused and changed now; ids already settled are left as they are. */
  changed: number;
  refused: RefusedList;
  status: SyncStatus;
}

export const REFUSED_LIMITS = {
  /** Ids in one retry or discard request. */
  maxIds: 500,
  maxIdLength: 64,
  listed: 200,
} as const;
