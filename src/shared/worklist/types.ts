import type { Setting } from '../chart';

export const CHART_STATUSES = ['new', 'in_progress', 'pending_query', 'on_hold', 'done'] as const;
export type ChartStatus = (typeof CHART_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ChartStatus, string>> = {
  new: 'New',
  in_progress: 'In progress',
  pending_query: 'Pending query',
  on_hold: 'On hold',
  done: 'Done',
};

export type WorklistSort = 'due' | 'priority' | 'date_of_service' | 'imported';

export interface WorklistQuery {
  status?: ChartStatus | 'all';
  /** Free text over the chart title, pseudonymous patient id, payer and existing codes. */
  search?: string;
  setting?: Setting;
  payer?: string;
  sort?: WorklistSort;
  direction?: 'asc' | 'desc';
  offset?: number;
  /** At most 500 rows per page. */
  limit?: number;
}

export interface WorklistRow {
  encounterId: string;
  patientId: string;
  /** Short pseudonymous label for the patient ("P-3f9a1c"). */
  patientLabel: string;
  /** e.g. "Cardiology clinic note" — the first document's type. */
  title: string;
  setting: Setting;
  dateOfService: string;
  payer: string | null;
  status: ChartStatus;
  /** 1 (highest) … 5. */
  priority: number;
  due: string | null;
  documentCount: number;
  codeCount: number;
  /** A newer server version of the chart waits because the coder already worked on it (the chart view says what changed). */
  updatedOnServer: boolean;
}

export interface WorklistPage {
  rows: WorklistRow[];
  /** Rows matching the query (all pages). */
  total: number;
  /** Charts per status for the current user's queue, ignoring the status filter. */
  counts: Record<ChartStatus, number>;
  payers: string[];
}
