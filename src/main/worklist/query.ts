// The coder's queue: one user's charts, filtered, sorted and paged, with counts per status. Every
// shape of query walks one of the encounters_queue_* / encounters_all_* indexes, so the first page and
// the counts stay on index ranges at 100k charts.
import type { Setting } from '../../shared/chart';
import { CHART_STATUSES, type ChartStatus, type WorklistPage, type WorklistQuery, type WorklistRow, type WorklistSort } from '../../shared/worklist/types';
import type { Db } from '../db/open';
import { patientLabel } from '../importing/store';

export const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;
const MAX_SEARCH = 200;
/** Matches above which a search is "broad" (see queryWorklist). */
const BROAD_SEARCH = 2000;
const SETTINGS: readonly Setting[] = ['inpatient', 'outpatient', 'professional'];
const SORTS: readonly WorklistSort[] = ['due', 'priority', 'date_of_service', 'imported'];

const ORDER: Record<WorklistSort, (dir: 'ASC' | 'DESC') => string> = {
  due: (d) => `due_key ${d}, priority ${d}, import_seq ${d}`,
  priority: (d) => `priority ${d}, due_key ${d}, import_seq ${d}`,
  date_of_service: (d) => `date_of_service ${d}, import_seq ${d}`,
  imported: (d) => `import_seq ${d}`,
};

/** Sort direction a user expects when they don't say: soonest due and highest priority first, newest dates first. */
const DEFAULT_DIRECTION: Record<WorklistSort, 'asc' | 'desc'> = { due: 'asc', priority: 'asc', date_of_service: 'desc', imported: 'asc' };

interface RowDb {
  id: string;
  patient_id: string;
  title: string;
  setting: Setting;
  date_of_service: string;
  payer: string | null;
  status: ChartStatus;
  priority: number;
  due: string | null;
  document_count: number;
  code_count: number;
  server_update: number;
}

function fail(message: string): never {
  throw new Error(`Worklist query: ${message}`);
}

function validate(q: WorklistQuery) {
  if (q === null || typeof q !== 'object') fail('expected a query object');
  const status = q.status ?? 'all';
  if (status !== 'all' && !CHART_STATUSES.includes(status)) fail(`unknown status "${String(status)}"`);
  if (q.setting !== undefined && !SETTINGS.includes(q.setting)) fail(`unknown setting "${String(q.setting)}"`);
  const sort = q.sort ?? 'due';
  if (!SORTS.includes(sort)) fail(`unknown sort "${String(sort)}"`);
  const direction = q.direction ?? DEFAULT_DIRECTION[sort];
  if (direction !== 'asc' && direction !== 'desc') fail('direction must be asc or desc');
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(offset) || offset < 0) fail('offset must be a whole number ≥ 0');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) fail(`limit must be 1–${MAX_PAGE}`);
  if (q.search !== undefined && typeof q.search !== 'string') fail('search must be text');
  if (q.payer !== undefined && typeof q.payer !== 'string') fail('payer must be text');
  const search = (q.search ?? '').trim().toLowerCase().slice(0, MAX_SEARCH);
  return { status, setting: q.setting, payer: q.payer, sort, direction, offset, limit, search };
}

export function queryWorklist(db: Db, userId: string, query: WorklistQuery): WorklistPage {
  const q = validate(query);
  const where: string[] = ['assignee_id = @user'];
  const params: Record<string, string | number> = { user: userId };
  if (q.status !== 'all') {
    where.push('status = @status');
    params.status = q.status;
  }
  if (q.setting) {
    where.push('setting = @setting');
    params.setting = q.setting;
  }
  if (q.payer !== undefined) {
    where.push('payer = @payer');
    params.payer = q.payer;
  }
  // Each word of three or more characters must appear somewhere in the chart's search text (a
  // substring match through the trigram index). Shorter words are ignored: they would need a scan of
  // every chart on each keystroke and narrow nothing down.
  const words = q.search
    .split(/\s+/)
    .filter((w) => [...w].length >= 3)
    .slice(0, 8);
  if (words.length) {
    params.match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
    // A selective search is driven from the text index; a broad one (a common code) walks the queue's
    // own index and probes the matches, which keeps sort + first page cheap either way.
    const hits = (db.prepare('SELECT count(*) AS n FROM encounter_search WHERE encounter_search MATCH ?').get(params.match) as { n: number }).n;
    where.push(`${hits > BROAD_SEARCH ? '+' : ''}import_seq IN (SELECT rowid FROM encounter_search WHERE encounter_search MATCH @match)`);
  }
  const whereSql = where.join(' AND ');
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = db
    .prepare(
      `SELECT id, patient_id, title, setting, date_of_service, payer, status, priority, due, document_count, code_count,
              EXISTS (SELECT 1 FROM sync_chart_updates u WHERE u.chart_id = encounters.id) AS server_update
       FROM encounters WHERE ${whereSql} ORDER BY ${ORDER[q.sort](dir)} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as RowDb[];
  const total = (db.prepare(`SELECT count(*) AS n FROM encounters WHERE ${whereSql}`).get(params) as { n: number }).n;
  return { rows: rows.map(toRow), total, counts: statusCounts(db, userId), payers: payers(db, userId) };
}

function toRow(r: RowDb): WorklistRow {
  return {
    encounterId: r.id,
    patientId: r.patient_id,
    patientLabel: patientLabel(r.patient_id),
    title: r.title,
    setting: r.setting,
    dateOfService: r.date_of_service,
    payer: r.payer,
    status: r.status,
    priority: r.priority,
    due: r.due,
    documentCount: r.document_count,
    codeCount: r.code_count,
    updatedOnServer: r.server_update === 1,
  };
}

export function statusCounts(db: Db, userId: string): Record<ChartStatus, number> {
  const counts = Object.fromEntries(CHART_STATUSES.map((s) => [s, 0])) as Record<ChartStatus, number>;
  // Maintained by triggers on encounters (migration 005), so this is a handful of rows, not a count.
  for (const r of db.prepare('SELECT status, n FROM queue_counts WHERE assignee_id = ?').all(userId) as Array<{ status: ChartStatus; n: number }>) {
    if (r.status in counts) counts[r.status] = r.n;
  }
  return counts;
}

function payers(db: Db, userId: string): string[] {
  return (db.prepare('SELECT DISTINCT payer FROM encounters WHERE assignee_id = ? AND payer IS NOT NULL ORDER BY payer').all(userId) as Array<{ payer: string }>).map((r) => r.payer);
}

/** Queue order for "what next": the work a coder can pick up now, most urgent first. */
const NEXT_ORDER = 'priority ASC, due_key ASC, import_seq ASC';

/**
 * The chart after `afterEncounterId` in queue order (new and in-progress charts), wrapping to the
 * start; the first chart when no id is given. A chart that just left the queue (submitted, on hold)
 * keeps its place, so "next" is the one that was behind it.
 */
export function nextInQueue(db: Db, userId: string, afterEncounterId?: string): string | null {
  const inQueue = "assignee_id = @user AND status IN ('new', 'in_progress')";
  if (afterEncounterId !== undefined && typeof afterEncounterId !== 'string') fail('afterEncounterId must be text');
  const after = afterEncounterId
    ? (db.prepare(`SELECT priority, due_key AS dueKey, import_seq AS seq FROM encounters WHERE id = @id AND assignee_id = @user`).get({ id: afterEncounterId, user: userId }) as
        | { priority: number; dueKey: string; seq: number }
        | undefined)
    : undefined;
  if (after) {
    const next = db
      .prepare(`SELECT id FROM encounters WHERE ${inQueue} AND (priority, due_key, import_seq) > (@priority, @dueKey, @seq) ORDER BY ${NEXT_ORDER} LIMIT 1`)
      .get({ user: userId, ...after }) as { id: string } | undefined;
    if (next) return next.id;
  }
  const first = db.prepare(`SELECT id FROM encounters WHERE ${inQueue} AND id IS NOT @exclude ORDER BY ${NEXT_ORDER} LIMIT 1`).get({ user: userId, exclude: afterEncounterId ?? null }) as
    | { id: string }
    | undefined;
  return first?.id ?? null;
}
