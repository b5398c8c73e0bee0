// A real PostgreSQL server through `pg`, for organisations that outgrow the embedded database.
import pg from 'pg';
import type { ServerDb, SqlExecutor, SqlParam } from './types';

// int8 (sequence values, versions) fits comfortably in a JS number for any realistic feed.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openPostgres(connectionString: string, opts: { max?: number } = {}): Promise<ServerDb> {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10 });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const check = await pool.connect();
  check.release();
  let closed = false;
  return {
    driver: 'postgres',
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const res = await pool.query(sql, [...params]);
      return res.rows as T[];
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const tx: SqlExecutor = {
        async query<R extends object>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
          const res = await client.query(sql, [...params]);
          return res.rows as R[];
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async execScript(sql) {
      await pool.query(sql);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
