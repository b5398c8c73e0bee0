// The change feed that pull reads. Every write that clients must see runs through `withFeed`,
// which takes one advisory lock for the transaction: change sequence numbers are then handed
// out in commit order, so a pull that has seen seq N can never later find an N-1 appear.
import type { ServerDb, SqlExecutor } from './db/types';

const FEED_LOCK = 7_406_312;

export type ChangeKind = 'chart' | 'lease' | 'codeset' | 'work';

export interface FeedEntry {
  kind: ChangeKind;
  entityId: string;
  chartId?: string | null;
  /** Addressed to one user (coder, auditor) … */
  userId?: string | null;
  /** … and/or to a team's leads; neither means everyone. */
  teamId?: string | null;
}

export interface FeedTx extends SqlExecutor {
  /** Appends a change and returns its sequence number (also used as the row's version). */
  emit(change: FeedEntry): Promise<number>;
  /** Appends changes in the given order and returns their sequence numbers, ascending. */
  emitMany(changes: FeedEntry[]): Promise<number[]>;
}

export function withFeed<T>(db: ServerDb, fn: (tx: FeedTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // PGlite runs one transaction at a time already; PostgreSQL needs the lock.
    if (db.driver === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    const emitMany = async (changes: FeedEntry[]): Promise<number[]> => {
      if (changes.length === 0) return [];
      if (changes.length === 1) return [await feedTx.emit(changes[0])];
      // Under the lock nobody else draws from the sequence, so these are consecutive and ordered.
      const drawn = await tx.query<{ seq: number }>("SELECT nextval('change_seq') AS seq FROM generate_series(1, $1)", [changes.length]);
      const seqs = drawn.map((r) => Number(r.seq)).sort((a, b) => a - b);
      await tx.query(
        `INSERT INTO changes (seq, kind, entity_id, chart_id, user_id, team_id)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[])`,
        [
          seqs,
          changes.map((c) => c.kind),
          changes.map((c) => c.entityId),
          changes.map((c) => c.chartId ?? null),
          changes.map((c) => c.userId ?? null),
          changes.map((c) => c.teamId ?? null),
        ],
      );
      return seqs;
    };
    const feedTx: FeedTx = {
      query: (sql, params) => tx.query(sql, params),
      async emit(c) {
        const rows = await tx.query<{ seq: number }>(
          `INSERT INTO changes (seq, kind, entity_id, chart_id, user_id, team_id)
           VALUES (nextval('change_seq'), $1, $2, $3, $4, $5) RETURNING seq`,
          [c.kind, c.entityId, c.chartId ?? null, c.userId ?? null, c.teamId ?? null],
        );
        return Number(rows[0].seq);
      },
      emitMany,
    };
    return fn(feedTx);
  });
}
