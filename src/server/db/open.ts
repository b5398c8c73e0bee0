// Picks the driver: PostgreSQL when a connection string is given, embedded PGlite otherwise.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDirLock } from './lock';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { ServerDb } from './types';

export interface OpenDbOptions {
  /** postgres://… ; when set, the data directory is ignored. */
  databaseUrl?: string;
  /** PGlite data directory (created if missing). */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/** Where PGlite keeps its files inside a server data directory. */
export const pgliteDir = (dataDir: string): string => join(dataDir, 'pg');

export async function openServerDb(opts: OpenDbOptions): Promise<ServerDb> {
  let db: ServerDb;
  if (opts.databaseUrl) {
    db = await openPostgres(opts.databaseUrl, { max: opts.poolSize });
  } else {
    if (!opts.dataDir) throw new Error('Either DATABASE_URL or a data directory is required');
    mkdirSync(opts.dataDir, { recursive: true });
    const release = acquireDirLock(opts.dataDir);
    try {
      const inner = await openPglite(opts.dataDir);
      db = {
        ...inner,
        async close() {
          await inner.close();
          release();
        },
      };
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
