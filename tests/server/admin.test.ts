// The admin CLI and the migration ledger, against both databases.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncClient } from '../../src/shared/sync/client';
import { runAdmin, type AdminIo } from '../../src/server/cli';
import { DEFAULT_MIGRATIONS_DIR, loadMigrations, migrate } from '../../src/server/db/migrate';
import { serverSuite } from './suite';

function io(stdin = ''): AdminIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, readStdin: async () => stdin, out: (l) => lines.push(l) };
}

serverSuite('admin cli and migrations', (h) => {
  const saved = { url: process.env.DATABASE_URL };
  let dataDir = '';

  beforeAll(async () => {
    await h.startServer();
    // The CLI opens the database itself: PostgreSQL through DATABASE_URL, PGlite through --data
    // (the embedded database is single-process, so the harness lets go of it meanwhile).
    if (h.spec.databaseUrl) process.env.DATABASE_URL = h.spec.databaseUrl;
    else delete process.env.DATABASE_URL;
    dataDir = h.spec.pgliteDir ? join(h.spec.pgliteDir, '..') : '';
  });

  afterAll(() => {
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
  });

  /** Runs CLI commands; with PGlite the harness lets go of the database meanwhile. */
  async function withCli<T>(fn: (admin: (args: string[], stdin?: string) => Promise<string[]>) => Promise<T>): Promise<T> {
    const admin = async (args: string[], stdin = ''): Promise<string[]> => {
      const out = io(stdin);
      await runAdmin([...args, ...(dataDir ? ['--data', dataDir] : [])], out);
      return out.lines;
    };
    if (h.variant === 'pglite') {
      await h.stopServer();
      await h.db.close();
    }
    try {
      return await fn(admin);
    } finally {
      if (h.variant === 'pglite') {
        h.db = await h.openDb();
        await h.startServer();
      }
    }
  }

  it('creates a team and a user whose password came on stdin, who can then sign in', async () => {
    const team = `cli-team-${h.variant}`;
    const [teamLine, userLine] = await withCli(async (admin) => [
      ...(await admin(['team', 'add', '--name', team])),
      ...(await admin(['user', 'add', '--name', `cli-coder-${h.variant}`, '--role', 'coder', '--team', team, '--password-stdin'], 'a long enough password\n')),
    ]);
    expect(JSON.parse(teamLine).team.name).toBe(team);
    const user = JSON.parse(userLine).user as { id: string; role: string };
    expect(user.role).toBe('coder');
    const c = new SyncClient({ baseUrl: h.url });
    expect((await c.login(`cli-coder-${h.variant}`, 'a long enough password')).id).toBe(user.id);
    const stored = await h.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(stored[0].password_hash).toMatch(/^scrypt\$/);
    expect(stored[0].password_hash).not.toContain('a long enough password');
  });

  it('refuses bad admin input with a message and changes nothing', async () => {
    await withCli(async (admin) => {
      await expect(admin(['team', 'add', '--name', `cli-team-${h.variant}`])).rejects.toThrow(/already exists/);
      await expect(admin(['user', 'add', '--name', 'x1', '--role', 'coder', '--team', 'no-such-team', '--password-stdin'], 'long enough password')).rejects.toThrow(/No team named/);
      await expect(admin(['user', 'add', '--name', 'x2', '--role', 'wizard', '--password-stdin'], 'long enough password')).rejects.toThrow(/--role/);
      await expect(admin(['user', 'add', '--name', 'x3', '--role', 'coder', '--password-stdin'], 'short')).rejects.toThrow(/at least/);
      await expect(admin(['user', 'add', '--name', 'x4', '--role', 'admin', '--password', 'on-the-command-line'])).rejects.toThrow(/password-stdin/);
      await expect(admin(['user', 'add', '--name', 'x5', '--role', 'coder', '--password-stdin'], 'long enough password')).rejects.toThrow(/must belong to a team/);
      await expect(admin(['user', 'remove', '--name', 'x6'])).rejects.toThrow(/Usage/);
    });
    const rows = await h.db.query("SELECT 1 FROM users WHERE name IN ('x1', 'x2', 'x3', 'x4', 'x5')");
    expect(rows).toHaveLength(0);
  });

  it('records migration hashes and refuses to run against an edited migration', async () => {
    const ledger = await h.db.query<{ version: number; sha256: string }>('SELECT version, sha256 FROM schema_migrations ORDER BY version');
    expect(ledger.map((r) => [Number(r.version), r.sha256])).toEqual(loadMigrations().map((m) => [m.version, m.sha256]));
    expect((await migrate(h.db)).applied).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-migrations-'));
    try {
      for (const m of loadMigrations()) {
        const file = `${String(m.version).padStart(3, '0')}_${m.name}.sql`;
        writeFileSync(join(dir, file), readFileSync(join(DEFAULT_MIGRATIONS_DIR, file), 'utf8') + '\n-- edited\n');
      }
      await expect(migrate(h.db, loadMigrations(dir))).rejects.toThrow(/changed after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
