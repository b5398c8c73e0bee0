// Wire types of the Plumbline sync protocol, shared by the server and every client.
// Ids that cross the wire are UUIDs; every row that syncs carries a server version, which is the
// server's change sequence number at the time of the write (so versions only ever grow).
import type { ImportedChart } from '../chart';

export type Role = 'coder' | 'auditor' | 'lead' | 'admin';
export const ROLES: readonly Role[] = ['coder', 'auditor', 'lead', 'admin'];

/** JSON value as it travels on the wire; payloads are stored verbatim, never interpreted by the server. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------- auth

export interface LoginRequest {
  name: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface LogoutRequest {
  refreshToken: string;
}

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
}

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Single use: every refresh returns a new one and retires the old one. */
  refreshToken: string;
  user: SessionUser;
}

// ---------------------------------------------------------------- pull

export interface PullQuery {
  /** Last cursor the client has fully applied; 0 for a first pull. */
  cursor: number;
  /** Page size, 1..1000 (default 500). */
  limit?: number;
}

export interface ChartChange {
  type: 'chart';
  seq: number;
  chartId: string;
  teamId: string;
  version: number;
  chart: ImportedChart;
  /** Accepted work on the chart so far; only sent to auditors (their sample) and leads. */
  work?: WorkItem[];
}

export interface LeaseChange {
  type: 'lease';
  seq: number;
  leaseId: string;
  chartId: string;
  assigneeId: string;
  state: 'active' | 'revoked';
  /** Version at which the lease was granted; mutations quote it as `baseLeaseVersion`. */
  leaseVersion: number;
  /** Latest version of the lease row (equals leaseVersion until it is revoked). */
  version: number;
}

export interface CodeSetChange {
  type: 'codeset';
  seq: number;
  system: string;
  fiscalYear: number;
  codeSetVersion: string;
  note: string | null;
  version: number;
  /** When the admin announced it (server clock, ISO 8601); servers before this field omit it. */
  announcedAt?: string;
}

export interface WorkItem {
  mutationId: string;
  chartId: string;
  userId: string;
  kind: MutationKind;
  payload: JsonValue;
  /** Server change sequence at which the work was accepted. */
  version: number;
  acceptedAt: string;
}

export interface WorkChange {
  type: 'work';
  seq: number;
  work: WorkItem;
}

export type Change = ChartChange | LeaseChange | CodeSetChange | WorkChange;

export interface PullResponse {
  changes: Change[];
  /** Pass this back as `cursor` on the next pull. Never goes backwards. */
  cursor: number;
  hasMore: boolean;
}

// ---------------------------------------------------------------- push

export type MutationKind = 'decision' | 'submit' | 'audit';
export const MUTATION_KINDS: readonly MutationKind[] = ['decision', 'submit', 'audit'];

export interface Mutation {
  /** Client-generated UUID; the server applies each id at most once. */
  id: string;
  chartId: string;
  kind: MutationKind;
  /** `leaseVersion` of the lease the client held when it made the change (null for audits). */
  baseLeaseVersion: number | null;
  payload: JsonValue;
  /** Client clock when the change was made (ISO 8601); informational. */
  createdAt?: string;
}

export interface PushRequest {
  clientId: string;
  mutations: Mutation[];
}

export type MutationStatus = 'accepted' | 'duplicate' | 'rejected' | 'orphaned';

export interface MutationResult {
  id: string;
  status: MutationStatus;
  /** Why it was rejected or orphaned; for a duplicate, what the first outcome was. */
  reason?: string;
  /** For duplicates: the outcome recorded the first time. */
  original?: 'accepted' | 'orphaned';
}

export interface PushResponse {
  results: MutationResult[];
}

/** Limits the server enforces; clients batch to fit them. */
export const PROTOCOL_LIMITS = {
  maxMutationsPerPush: 500,
  maxPayloadBytes: 256 * 1024,
  maxPullLimit: 1000,
  defaultPullLimit: 500,
} as const;

// ---------------------------------------------------------------- lead / admin

export interface ImportChartResult {
  chartId: string;
  status: 'stored' | 'updated' | 'unchanged' | 'refused';
  /** For refused charts: which kinds of identifier the PHI guard found (never the values). */
  kinds?: string[];
  reason?: string;
}

export interface ReassignRequest {
  chartIds: string[];
  toUserId: string;
}

export interface ReassignResult {
  chartId: string;
  status: 'assigned' | 'reassigned' | 'unchanged';
  leaseId: string;
  leaseVersion: number;
  revokedLeaseId?: string;
}

export interface SampleRequest {
  auditorId: string;
  chartIds: string[];
}

export interface OrphanedWork {
  id: string;
  mutationId: string;
  chartId: string;
  userId: string;
  userName: string;
  kind: MutationKind;
  baseLeaseVersion: number | null;
  payload: JsonValue;
  reason: string;
  receivedAt: string;
  resolution: null | { action: 'apply' | 'discard'; note: string; by: string; at: string };
}

export interface ResolveOrphanRequest {
  action: 'apply' | 'discard';
  note: string;
}

export interface ApiError {
  error: string;
  message: string;
}
