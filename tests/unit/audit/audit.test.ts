import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/main/audit/verify';
import { iterateAudit } from '../../../src/main/audit/log';
import { auditCommand } from '../../../src/main/cli/commands/audit';
import { parseCommandArgs } from '../../../src/main/cli/command';
import { openDatabase } from '../../../src/main/db/open';
import { createCoderHandlers, type CoderHandlers } from '../../../src/main/review/handlers';
import type { ChartView } from '../../../src/shared/review/types';
import { codeSet, CODER, tempDb, type TempDb } from '../review/fixtures';

let t: TempDb;
let h: CoderHandlers;

beforeAll(() => {
  codeSet();
}, 60_000);

/** Six real review events on a demo chart, then the database is closed so tests can tamper with the file. */
beforeEach(() => {
  t = tempDb('plumbline-audit-');
  h = createCoderHandlers({ db: t.db, codeSet: codeSet(), user: CODER, dataDir: t.dir });
  h.demoLoad();
  const id = (h.worklistQuery({ search: 'i21.9' }) as { rows: Array<{ encounterId: string }> }).rows[0]!.encounterId;
  let v = h.chartOpen({ encounterId: id }) as ChartView;
  const [a, b, c, d] = v.items;
  h.reviewAct({ encounterId: id, action: { type: 'accept', itemId: d!.id } });
  h.reviewAct({ encounterId: id, action: { type: 'delete', itemId: a!.id, reason: 'history_only' } });
  h.reviewAct({ encounterId: id, action: { type: 'change', itemId: b!.id, system: 'icd10cm', code: 'I5022' } });
  v = h.reviewAct({ encounterId: id, action: { type: 'change', itemId: c!.id, system: 'icd10cm', code: 'I130' } }) as ChartView;
  const doc = v.documents[0]!;
  const start = doc.text.indexOf('CKD');
  h.reviewAct({ encounterId: id, action: { type: 'add', system: 'icd10cm', code: 'N1831', evidence: [{ documentId: doc.id, start, end: start + 3 }] } });
  h.reviewSubmit({ encounterId: id });
  t.db.close();
});
afterEach(() => t.cleanup());

/** Opens the file the way someone tampering would: plain better-sqlite3, triggers dropped. */
function tamper(fn: (raw: Database.Database) => void): void {
  const raw = new Database(t.file);
  raw.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  fn(raw);
  raw.close();
}

function verify() {
  const db = openDatabase(t.file);
  try {
    return verifyAudit(db);
  } finally {
    db.close();
  }
}

async function cli(args: string[], json = false): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await auditCommand.run({ dataDir: t.dir, json, out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: () => {} }, parseCommandArgs(auditCommand, args));
  return { code, out };
}

describe('audit trail', () => {
  it('records every step with user, role, chart, code, evidence, reason and code-set version, and verifies', async () => {
    expect(verify()).toMatchObject({ ok: true, events: 6 });
    const { code, out } = await cli(['export']);
    expect(code).toBe(0);
    const events = out.trim().split('\n').map((l) => JSON.parse(l) as { action: string; code: string | null; reason: string | null; evidence: unknown[]; userId: string; role: string; codeSetVersion: string; prevHash: string; hash: string });
    expect(events.map((e) => [e.action, e.code, e.reason])).toEqual([
      ['accept', 'I2510', null],
      ['delete', 'I219', 'history_only'],
      ['change', 'I5022', null],
      ['change', 'I130', null],
      ['add', 'N1831', null],
      ['submit', null, null],
    ]);
    expect(events[4]!.evidence).toHaveLength(1);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(events.every((e) => e.userId === CODER.id && e.role === 'coder' && e.codeSetVersion === codeSet().version)).toBe(true);
    expect(await cli(['verify'])).toEqual({ code: 0, out: expect.stringMatching(/^Audit trail intact: 6 events/) });
  });

  it('refuses UPDATE and DELETE on audit events while the triggers are in place', () => {
    const db = openDatabase(t.file);
    expect(() => db.prepare("UPDATE audit_events SET reason = 'not_documented' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 6').run()).toThrow(/append-only/);
    db.close();
  });

  it('fails when one event was edited by hand, naming it; `audit verify` exits 1', async () => {
    tamper((raw) => raw.prepare("UPDATE audit_events SET reason = 'not_documented' WHERE seq = 2").run());
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 2, problem: expect.stringMatching(/changed after it was written/) });
    const r = await cli(['verify'], true);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('fails when an edited event is re-hashed by hand: the next event no longer follows it', () => {
    // Flip the first hex digit to a different one: writing a fixed 'f' left one hash in 16 unchanged.
    tamper((raw) => raw.prepare("UPDATE audit_events SET hash = (CASE WHEN substr(hash, 1, 1) = 'f' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE seq = 3").run());
    const r = verify();
    expect(r.ok).toBe(false);
    expect(r.ok ? 0 : r.firstBadSeq).toBe(3);
  });

  it('fails when an event was deleted from the middle or from the end', () => {
    tamper((raw) => raw.prepare('DELETE FROM audit_events WHERE seq = 4').run());
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 5 });
    tamper((raw) => raw.prepare('DELETE FROM audit_events WHERE seq >= 4').run());
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 4, problem: expect.stringMatching(/removed from the end/) });
  });

  it('fails when two events were swapped', () => {
    tamper((raw) =>
      raw.transaction(() => {
        raw.prepare('UPDATE audit_events SET seq = -2 WHERE seq = 2').run();
        raw.prepare('UPDATE audit_events SET seq = 2 WHERE seq = 3').run();
        raw.prepare('UPDATE audit_events SET seq = 3 WHERE seq = -2').run();
      })(),
    );
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('exports to a file with --out', async () => {
    const out = path.join(t.dir, 'audit.jsonl');
    expect((await cli(['export', '--out', out])).code).toBe(0);
    const db = openDatabase(t.file);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { hash: string }).hash)).toEqual([...iterateAudit(db)].map((e) => e.hash));
    db.close();
  });
});
