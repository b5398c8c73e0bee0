import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/main/audit/verify';
import { openDatabase } from '../../../src/main/db/open';
import { loadDemo } from '../../../src/main/importing/demo';
import { ensureUser } from '../../../src/main/worklist/users';
import { CODER, tempDb, type TempDb } from './fixtures';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let t: TempDb;

beforeEach(() => {
  t = tempDb('plumbline-crash-');
  ensureUser(t.db, CODER);
  loadDemo(t.db, CODER.id);
  t.db.close();
});
afterEach(() => t.cleanup());

/** Runs the child until it has acknowledged `acks` actions, then SIGKILLs it. Returns the acknowledged audit seqs. */
function runAndKill(file: string, acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const seqs: number[] = [];
    let buf = '';
    let err = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^ack (\d+)$/.exec(line);
        if (m) seqs.push(Number(m[1]));
        if (!killed && seqs.length >= acks) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(seqs);
      else reject(new Error(`child exited on its own (${String(_code)}): ${err.slice(0, 2000)}`));
    });
  });
}

function checkConsistent(file: string, acked: number[]): void {
  const db = openDatabase(file);
  try {
    const seqs = new Set((db.prepare('SELECT seq FROM audit_events').all() as Array<{ seq: number }>).map((r) => r.seq));
    for (const s of acked) expect(seqs.has(s), `acknowledged event ${s} is missing`).toBe(true);
    expect(verifyAudit(db)).toMatchObject({ ok: true, events: seqs.size });

    // Every decision has its audit event and outbox row; every audit event has its decision (or undo) and outbox row.
    const orphanDecisions = db
      .prepare(
        `SELECT count(*) AS n FROM review_decisions d
         WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.seq = d.audit_seq AND a.action = d.action)
            OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = d.id AND o.op = d.action)`,
      )
      .get() as { n: number };
    expect(orphanDecisions.n).toBe(0);
    const orphanEvents = db
      .prepare(
        `SELECT count(*) AS n FROM audit_events a
         WHERE (a.action != 'undo' AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.audit_seq = a.seq))
            OR (a.action = 'undo' AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.undone_audit_seq = a.seq))`,
      )
      .get() as { n: number };
    expect(orphanEvents.n).toBe(0);
    const counts = db.prepare('SELECT (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM audit_events) AS audit').get() as { outbox: number; audit: number };
    expect(counts.outbox).toBe(counts.audit);

    // Each item shows exactly what its latest decision left: the state after it, or before it when undone.
    const items = db.prepare('SELECT id, code, disposition, reason_text AS reasonText, query_note AS queryNote, active FROM review_items').all() as Array<{
      id: string;
      code: string;
      disposition: string;
      reasonText: string | null;
      queryNote: string | null;
      active: number;
    }>;
    const last = db.prepare('SELECT before, after, undone_audit_seq AS undone FROM review_decisions WHERE item_id = ? ORDER BY audit_seq DESC LIMIT 1');
    for (const item of items) {
      const d = last.get(item.id) as { before: string | null; after: string; undone: number | null } | undefined;
      if (!d) continue;
      if (d.undone !== null && d.before === null) {
        expect(item.active).toBe(0);
        continue;
      }
      const expected = JSON.parse(d.undone !== null ? d.before! : d.after) as { code: string; disposition: string; reasonText: string | null; queryNote: string | null };
      expect({ code: item.code, disposition: item.disposition, reasonText: item.reasonText, queryNote: item.queryNote }).toEqual({
        code: expected.code,
        disposition: expected.disposition,
        reasonText: expected.reasonText,
        queryNote: expected.queryNote,
      });
    }
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it('a core process killed in the middle of a stream of decisions loses nothing it acknowledged and leaves no half-written state', async () => {
    const first = await runAndKill(t.file, 60 + Math.floor(Math.random() * 60));
    expect(first.length).toBeGreaterThanOrEqual(60);
    checkConsistent(t.file, first);
    // And again on the same file, resuming after the crash.
    const second = await runAndKill(t.file, 40 + Math.floor(Math.random() * 80));
    expect(Math.min(...second)).toBeGreaterThan(Math.max(...first));
    checkConsistent(t.file, [...first, ...second]);
  }, 120_000);
});
