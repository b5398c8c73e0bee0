// The server process dies for real (SIGKILL) in the middle of a push, before or after its
// transaction commits; it restarts on the same database and the client's retry leaves every
// decision stored exactly once. Also: SIGTERM shuts down cleanly with structured logs.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { SyncClient, withRetry } from '../../src/shared/sync/client';
import type { Mutation } from '../../src/shared/sync/protocol';
import { makeCharts, PASSWORD, TOKEN_SECRET, type Harness, type Team } from './harness';
import { serverSuite } from './suite';

const CHILD = join(dirname(new URL(import.meta.url).pathname), 'fixtures', 'serve-child.ts');

interface Child {
  proc: ChildProcess;
  port: number;
  lines: string[];
  waitFor(text: string): Promise<void>;
  exited: Promise<number | null>;
}

function spawnServer(h: Harness, env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      DATA_DIR: h.spec.pgliteDir ? dirname(h.spec.pgliteDir) : '',
      DATABASE_URL: h.spec.databaseUrl ?? '',
      TOKEN_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  let buf = '';
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  proc.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => line.includes(x.text))) w.resolve();
    }
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const waitFor = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (lines.some((l) => l.includes(text))) return resolve();
      const timer = setTimeout(() => reject(new Error(`child never printed ${text}; stderr: ${stderr}`)), 30_000);
      waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
      void exited.then((code) => reject(new Error(`child exited (${code}) before printing ${text}; stderr: ${stderr}`)));
    });
  return waitFor('"port"').then(() => {
    const port = (JSON.parse(lines.find((l) => l.includes('"port"')) ?? '{}') as { port: number }).port;
    return { proc, port, lines, waitFor, exited };
  });
}

function decisions(chartId: string, lease: number, n: number): Mutation[] {
  return Array.from({ length: n }, (_, i) => ({ id: randomUUID(), chartId, kind: 'decision' as const, baseLeaseVersion: lease, payload: { code: `I10${i}`, action: 'accept' } }));
}

serverSuite('server process faults', (h) => {
  let t: Team;
  let chartId: string;
  let lease: number;
  let port = 0;
  let child: Child | null = null;

  beforeAll(async () => {
    await h.startServer();
    t = await h.team();
    const [chart] = makeCharts(1);
    chartId = chart.encounter.id;
    await t.leadClient.importCharts([chart]);
    lease = (await t.leadClient.reassign([chartId], t.coderA.id)).results[0].leaseVersion;
    await h.stopServer();
    // The embedded database belongs to one process at a time: hand it to the child.
    if (h.variant === 'pglite') await h.db.close();
  });

  afterEach(async () => {
    if (child && child.proc.exitCode === null) {
      child.proc.kill('SIGKILL');
      await child.exited;
    }
    child = null;
  });

  async function countStored(ids: string[]): Promise<Map<string, number>> {
    const db = h.variant === 'pglite' ? await h.openDb() : h.db;
    try {
      const rows = await db.query<{ id: string; n: number }>('SELECT id, count(*)::int AS n FROM mutations WHERE id = ANY($1::uuid[]) GROUP BY id', [ids]);
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    } finally {
      if (h.variant === 'pglite') await db.close();
    }
  }

  // Three server processes on one database: the first is killed inside a push before COMMIT,
  // the second right after COMMIT (before answering), the third serves the retries and is then
  // stopped with SIGTERM.
  it('keeps every decision exactly once when the server is killed mid-push, then shuts down cleanly', async () => {
    const beforeCommit = decisions(chartId, lease, 20);
    const afterCommit = decisions(chartId, lease, 20);
    let desk: SyncClient | null = null;
    for (const [hook, batch] of [['before-commit', beforeCommit], ['after-commit', afterCommit]] as const) {
      // Every process listens on the first one's port, as a restarted server would.
      child = await spawnServer(h, { PUSH_HOOK: hook, PORT: String(port) });
      port = child.port;
      if (!desk) {
        desk = new SyncClient({ baseUrl: `http://127.0.0.1:${port}` });
        await desk.login(t.coderA.name, PASSWORD);
      }
      const attempt = desk.push('desk-kill', batch).catch((e: unknown) => e);
      await child.waitFor('IN_PUSH');
      child.proc.kill('SIGKILL');
      await child.exited;
      expect(await attempt).toMatchObject({ status: 0 }); // the client only saw the connection die
    }

    child = await spawnServer(h, { PORT: String(port), LOGGER: '1' });
    if (!desk) throw new Error('no client');
    const signedIn = desk;
    const retried1 = await withRetry(() => signedIn.push('desk-kill', beforeCommit), { attempts: 20, baseMs: 50, maxMs: 500 });
    const retried2 = await withRetry(() => signedIn.push('desk-kill', afterCommit), { attempts: 20, baseMs: 50, maxMs: 500 });
    expect(retried1.results.map((r) => r.status)).toEqual(beforeCommit.map(() => 'accepted')); // nothing half-applied
    expect(retried2.results.map((r) => r.status)).toEqual(afterCommit.map(() => 'duplicate')); // committed once, not again

    const health = (await (await fetch(`http://127.0.0.1:${child.port}/health`)).json()) as { ok: boolean; db: string };
    expect(health).toMatchObject({ ok: true, db: h.variant });
    child.proc.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    const logs = child.lines.filter((l) => l.startsWith('{') && !l.includes('"port"')).map((l) => JSON.parse(l) as { msg?: string; level: number });
    expect(logs.some((l) => l.msg === 'push')).toBe(true);
    expect(logs.some((l) => l.msg === 'shutting down')).toBe(true);
    if (h.spec.pgliteDir) expect(existsSync(join(h.spec.pgliteDir, 'plumbline.lock'))).toBe(false);

    const counts = await countStored([...beforeCommit, ...afterCommit].map((m) => m.id));
    expect([...beforeCommit, ...afterCommit].map((m) => counts.get(m.id) ?? 0)).toEqual([...beforeCommit, ...afterCommit].map(() => 1));
    // Three process start-ups on an embedded database are slow on a busy machine; still bounded.
  }, 240_000);

  it('the harness gets its database back for the remaining checks', async () => {
    if (h.variant === 'pglite') h.db = await h.openDb();
    const rows = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mutations WHERE chart_id = $1', [chartId]);
    expect(Number(rows[0].n)).toBe(40);
  });
});
