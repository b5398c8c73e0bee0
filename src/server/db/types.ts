// One SQL dialect (PostgreSQL) behind two drivers: `pg` against a real server, or PGlite
// embedded in a data directory. Callers only ever see this interface.

export type SqlParam = string | number | boolean | null | Date | readonly (string | number | null)[];

export interface SqlExecutor {
  query<T extends object>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface ServerDb extends SqlExecutor {
  readonly driver: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations); no parameters. */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
}
