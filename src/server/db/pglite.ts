// Embedded PostgreSQL (PGlite, WASM) in a data directory: the zero-setup default for a small team.
// PGlite is a single connection, so transactions are serialised by its own mutex.
import { PGlite } from '@electric-sql/pglite';
import type { ServerDb, SqlExecutor, SqlParam } from './types';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

function executor(conn: PgliteLike): SqlExecutor {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const res = await conn.query<T>(sql, [...params]);
      return res.rows;
    },
  };
}

export async function openPglite(dataDir: string): Promise<ServerDb> {
  const pg = await PGlite.create({ dataDir });
  const base = executor(pg);
  let closed = false;
  return {
    driver: 'pglite',
    query: base.query,
    transaction: (fn) => pg.transaction((tx) => fn(executor(tx))),
    async execScript(sql) {
      await pg.exec(sql);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
