// A real PostgreSQL for the server tests: DATABASE_URL if set, otherwise a throwaway cluster
// from the apt-installed binaries in a temp dir on a free loopback port, otherwise a skip with
// the reason printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type PgAvailability = { ok: true; mode: 'url'; url: string } | { ok: true; mode: 'cluster'; binDir: string } | { ok: false; reason: string };

export function pgAvailability(): PgAvailability {
  if (process.env.DATABASE_URL) return { ok: true, mode: 'url', url: process.env.DATABASE_URL };
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return { ok: false, reason: 'DATABASE_URL is not set and no PostgreSQL binaries under /usr/lib/postgresql' };
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) return { ok: false, reason: 'DATABASE_URL is not set and no initdb under /usr/lib/postgresql/*/bin' };
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return { ok: false, reason: 'running as root but there is no "postgres" user to run initdb as' };
  }
  return { ok: true, mode: 'cluster', binDir: join(root, versions[0], 'bin') };
}

export interface PgServer {
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function startPg(avail: Extract<PgAvailability, { ok: true }>): Promise<PgServer> {
  let adminUrl: string;
  let stopCluster = async (): Promise<void> => undefined;
  if (avail.mode === 'url') {
    adminUrl = avail.url;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pg-'));
    const asRoot = process.getuid?.() === 0;
    const run = (bin: string, args: string[]): void => {
      const cmd = join(avail.binDir, bin);
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
      else execFileSync(cmd, args, { stdio: 'pipe' });
    };
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
    adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stopCluster = async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const created: string[] = [];
  return {
    async createDatabase() {
      const name = `plumbline_test_${process.pid}_${created.length}_${Date.now().toString(36)}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      created.push(name);
      return withDatabase(adminUrl, name);
    },
    async stop() {
      if (avail.mode === 'url') {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        try {
          for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      }
      await stopCluster();
    },
  };
}
