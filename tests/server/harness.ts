// Shared setup for the server tests: the same suite runs against embedded PGlite and a real
// PostgreSQL, with a real HTTP server on 127.0.0.1 and real clients.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ImportedChart } from '../../src/shared/chart';
import type { Role, SessionUser } from '../../src/shared/sync/protocol';
import { SyncClient, type FetchLike } from '../../src/shared/sync/client';
import { createServer, type CreateServerOptions } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/password';
import { loadMigrations } from '../../src/server/db/migrate';
import { openServerDb } from '../../src/server/db/open';
import type { ServerDb } from '../../src/server/db/types';
import { createTeam, createUser } from '../../src/server/store/users';
import { pgAvailability, startPg, type PgServer } from './pg-cluster';

export const TOKEN_SECRET = 'test-secret-0123456789-0123456789-abcdef';
export const PASSWORD = 'correct horse battery';

/** A server clock the test moves (pass `now` as the server's `clock`), so token expiry never races the machine's speed. */
export function movableClock(): { now: () => number; advance: (ms: number) => void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => { offset += ms; } };
}

export type Variant = 'pglite' | 'postgres';

let passwordHash: Promise<string> | null = null;

export interface DbSpec {
  variant: Variant;
  databaseUrl?: string;
  /** PGlite directory (the one passed to openServerDb). */
  pgliteDir?: string;
}

export class Harness {
  db!: ServerDb;
  spec!: DbSpec;
  app: FastifyInstance | null = null;
  url = '';
  port = 0;
  private tmp = '';
  private pgServer: PgServer | null = null;

  constructor(readonly variant: Variant) {}

  async setup(): Promise<void> {
    this.tmp = mkdtempSync(join(tmpdir(), 'plumbline-srv-test-'));
    if (this.variant === 'postgres') {
      const avail = pgAvailability();
      if (!avail.ok) throw new Error(avail.reason);
      this.pgServer = await startPg(avail);
      this.spec = { variant: 'postgres', databaseUrl: await this.pgServer.createDatabase() };
    } else {
      const dir = join(this.tmp, 'pg');
      await ensurePgliteTemplate();
      copyPgliteTemplate(dir);
      this.spec = { variant: 'pglite', pgliteDir: dir };
    }
    this.db = await this.openDb();
  }

  openDb(): Promise<ServerDb> {
    return openServerDb({ databaseUrl: this.spec.databaseUrl, dataDir: this.spec.pgliteDir });
  }

  async startServer(opts: Partial<Omit<CreateServerOptions, 'db'>> = {}): Promise<string> {
    if (this.app) {
      await this.stopServer();
      // Let this process's HTTP clients notice their keep-alive sockets were closed.
      await new Promise((r) => setTimeout(r, 100));
    }
    this.app = await createServer({ db: this.db, tokenSecret: TOKEN_SECRET, loginRateLimit: { max: 1000, windowMs: 60_000 }, ...opts });
    // Restarts keep the port, so clients made earlier keep working, as they would in real life.
    await this.app.listen({ port: this.port, host: '127.0.0.1' });
    const addr = this.app.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
    this.url = `http://127.0.0.1:${this.port}`;
    return this.url;
  }

  async stopServer(): Promise<void> {
    if (this.app) await this.app.close();
    this.app = null;
  }

  async teardown(): Promise<void> {
    await this.stopServer();
    await this.db?.close();
    await this.pgServer?.stop();
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
  }

  async user(role: Role, teamId: string | null, name = `${role}-${randomUUID().slice(0, 8)}`): Promise<SessionUser> {
    // Everyone shares one test password, so one scrypt hash serves them all.
    passwordHash ??= hashPassword(PASSWORD);
    return createUser(this.db, { name, role, teamId, passwordHash: await passwordHash });
  }

  async client(user: SessionUser, fetchImpl?: FetchLike, url = this.url): Promise<SyncClient> {
    const c = new SyncClient({ baseUrl: url, fetch: fetchImpl });
    await c.login(user.name, PASSWORD);
    return c;
  }

  /** A team with a lead, two coders and an auditor, all signed in. */
  async team(): Promise<Team> {
    const team = await createTeam(this.db, `team-${randomUUID().slice(0, 8)}`);
    const [lead, coderA, coderB, auditor] = await Promise.all([
      this.user('lead', team.id),
      this.user('coder', team.id),
      this.user('coder', team.id),
      this.user('auditor', team.id),
    ]);
    const [leadC, aC, bC, audC] = await Promise.all([this.client(lead), this.client(coderA), this.client(coderB), this.client(auditor)]);
    return { id: team.id, lead, coderA, coderB, auditor, leadClient: leadC, coderAClient: aC, coderBClient: bC, auditorClient: audC };
  }
}

export interface Team {
  id: string;
  lead: SessionUser;
  coderA: SessionUser;
  coderB: SessionUser;
  auditor: SessionUser;
  leadClient: SyncClient;
  coderAClient: SyncClient;
  coderBClient: SyncClient;
  auditorClient: SyncClient;
}

// A fresh PGlite cluster costs seconds to initialise; tests copy one migrated template instead.
function copyPgliteTemplate(dest: string): void {
  const hash = loadMigrations().map((m) => m.sha256.slice(0, 8)).join('-');
  const tpl = join(tmpdir(), `plumbline-pglite-template-${hash}`);
  if (!existsSync(join(tpl, 'PG_VERSION'))) {
    throw new Error(`PGlite template missing: ${tpl}`);
  }
  cpSync(tpl, dest, { recursive: true });
}

export async function ensurePgliteTemplate(): Promise<void> {
  const hash = loadMigrations().map((m) => m.sha256.slice(0, 8)).join('-');
  const tpl = join(tmpdir(), `plumbline-pglite-template-${hash}`);
  if (existsSync(join(tpl, 'PG_VERSION'))) return;
  const work = mkdtempSync(join(tmpdir(), 'plumbline-pglite-build-'));
  const dir = join(work, 'pg');
  const db = await openServerDb({ dataDir: dir });
  await db.close();
  try {
    renameSync(dir, tpl);
  } catch {
    // Another test file built it first; theirs is as good as ours.
  }
  rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------- charts

interface SampleLine {
  id: string;
  text: string;
  codes: Array<{ system: string; code: string }>;
}

let samples: SampleLine[] | null = null;

function sampleTexts(): SampleLine[] {
  samples ??= readFileSync('/work/shared/data/samples/codiesp/codiesp_en.samples.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SampleLine);
  return samples;
}

/** De-identified charts built from the CodiEsp English clinical cases (fresh ids each call). */
export function makeCharts(n: number, offset = 0): ImportedChart[] {
  const texts = sampleTexts();
  const out: ImportedChart[] = [];
  for (let i = 0; i < n; i++) {
    const s = texts[(offset + i) % texts.length];
    out.push({
      patient: { id: randomUUID(), birthYear: 1960 + (i % 40), sex: i % 2 ? 'F' : 'M' },
      encounter: { id: randomUUID(), setting: 'inpatient', dateOfService: '2025-11-03', payer: 'Medicare' },
      documents: [{ id: randomUUID(), type: 'clinical case', authorRole: 'physician', date: '2025-11-03', text: s.text }],
      existingCodes: [],
      finalCodes: [],
    });
  }
  return out;
}
