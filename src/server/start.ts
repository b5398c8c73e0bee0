// Process lifecycle: open the database, listen, and shut down cleanly on SIGTERM / SIGINT
// (stop taking requests, let in-flight ones finish, then close the database).
import type { FastifyInstance } from 'fastify';
import { createServer, type CreateServerOptions } from './app';
import { openServerDb, pgliteDir } from './db/open';
import type { ServerDb } from './db/types';
import { loadTokenSecret } from './secret';

export interface StartServerOptions {
  port: number;
  host?: string;
  /** PGlite data directory; ignored when DATABASE_URL (or `databaseUrl`) is set. */
  dataDir: string;
  databaseUrl?: string;
  logger?: boolean;
  /** Install SIGTERM / SIGINT handlers (default true). */
  handleSignals?: boolean;
  server?: Partial<Omit<CreateServerOptions, 'db' | 'tokenSecret' | 'logger'>> & { tokenSecret?: string };
}

export interface RunningServer {
  app: FastifyInstance;
  db: ServerDb;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const db = await openServerDb({ databaseUrl: databaseUrl || undefined, dataDir: pgliteDir(opts.dataDir) });
  let app: FastifyInstance;
  try {
    const tokenSecret = opts.server?.tokenSecret ?? (await loadTokenSecret(opts.dataDir));
    app = await createServer({ trustProxy: process.env.PLUMBLINE_TRUST_PROXY === '1', ...opts.server, db, tokenSecret, logger: opts.logger ?? true });
    await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  } catch (err) {
    await db.close();
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await app.close();
      await db.close();
    })();
    return closing;
  };
  if (opts.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals): void => {
      app.log.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  const host = opts.host ?? '127.0.0.1';
  return { app, db, port, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close };
}
