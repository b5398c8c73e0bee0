// The change feed that pull reads. Every write that clients must see runs through `withFeed`,
// which takes one advisory lock for the transaction: change sequence numbers are then handed
// out in commit order, so a pull that has seen seq N can never later find an N-1 appear.
import type { ServerDb, SqlExecutor } from './db/types';

const FEED_LOCK = 7_406_312;

export type ChangeKind = 'chart' | 'lease' | 'codeset' | 'work';

export interface FeedTx extends SqlExecutor {
  /** Appends a change and returns its sequence number (also used as the row's version). */
  emit(change: { kind: ChangeKind; entityId: string; chartId?: string | null; userId?: string | null; teamId?: string | null }): Promise<number>;
}

export function withFeed<T>(db: ServerDb, fn: (tx: FeedTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
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
    };
    return fn(feedTx);
  });
}
