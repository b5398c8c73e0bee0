import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/main/cli/commands/import';
import { exportCommand } from '../../../src/main/cli/commands/export';
import { parseCommandArgs } from '../../../src/main/cli/command';
import { openDataDatabase } from '../../../src/main/importing/database';
import { importPaths } from '../../../src/main/importing/run';
import { SAMPLES, tempDb, type TempDb } from '../review/fixtures';

const SYNTHEA = path.join(SAMPLES, 'synthea');
const SYNTHEA_DIRS = ['A_bundles_synthea_2025', 'B_bulk_ndjson_synthea', 'C_bundles_synthea_2019_smart'].map((d) => path.join(SYNTHEA, d));

interface PhiSample {
  phi: {
    names: Array<{ given?: string[]; family?: string }>;
    addresses: Array<{ line?: string[] }>;
    telecom: string[];
    identifiers: Record<string, string>;
  };
}

/** The identifiers the test looks for: every patient's names, street lines, phone numbers and SSN. */
function phiNeedles(): string[] {
  const out = new Set<string>();
  for (const line of fs.readFileSync(path.join(SYNTHEA, 'synthea_patients_phi.samples.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { phi } = JSON.parse(line) as PhiSample;
    for (const n of phi.names) for (const part of [...(n.given ?? []), n.family ?? '']) if (part.length >= 3) out.add(part);
    for (const a of phi.addresses) for (const l of a.line ?? []) out.add(l);
    for (const tel of phi.telecom) out.add(tel);
    if (phi.identifiers.SS) out.add(phi.identifiers.SS);
  }
  return [...out];
}

let t: TempDb;
beforeEach(() => {
  t = tempDb('plumbline-import-');
});
afterEach(() => t.cleanup());

const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function rawBytes(): Buffer {
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${t.file}-wal`;
  return Buffer.concat([fs.readFileSync(t.file), fs.existsSync(wal) ? fs.readFileSync(wal) : Buffer.alloc(0)]);
}

describe('import into the database', () => {
  it('every Synthea bundle and the NDJSON set: no patient name, street, phone or SSN anywhere in the database file', () => {
    const report = importPaths(t.db, SYNTHEA_DIRS);
    expect(report.failed).toEqual([]);
    expect(report.chartsImported).toBeGreaterThan(300);
    expect(count('encounters')).toBe(report.chartsImported);
    expect(report.phiCounts.name).toBeGreaterThan(0);
    // The report carries counts by kind, never values.
    expect(Object.values(report.phiCounts).every((n) => typeof n === 'number')).toBe(true);

    const needles = phiNeedles();
    expect(needles.length).toBeGreaterThan(30);
    // The needles are really in the source files, so their absence below means something.
    const sources = SYNTHEA_DIRS.flatMap((d) => fs.readdirSync(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8'))).join('\n');
    for (const n of needles) expect(sources.includes(n), `sample value not in the sources: ${n.length} chars`).toBe(true);

    const bytes = rawBytes();
    const found = needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
    expect(found).toEqual([]);
    // Patient names are not smuggled in lower case either (the worklist search column is lower-cased).
    const lower = bytes.toString('latin1').toLowerCase();
    expect(needles.filter((n) => /[a-z]{3}/i.test(n) && lower.includes(n.toLowerCase()))).toEqual([]);
  }, 120_000);

  it('--refuse-phi mode stores no document that held an identifier, and says which were refused by kind', () => {
    const report = importPaths(t.db, [path.join(SYNTHEA, 'synthea_notes.samples.jsonl')], { phiMode: 'refuse' });
    expect(report.refusedDocuments.length).toBeGreaterThan(0);
    expect(report.refusedDocuments.every((r) => r.kinds && r.kinds.length > 0 && r.reason.includes('refuse'))).toBe(true);
    expect(report.chartsImported + report.refusedDocuments.length).toBe(318);
    expect(count('encounters')).toBe(report.chartsImported);
    const bytes = rawBytes();
    expect(phiNeedles().filter((n) => bytes.includes(Buffer.from(n, 'utf8')))).toEqual([]);
  });

  it('re-importing the same files adds nothing: same pseudonymous ids, no duplicates', () => {
    const first = importPaths(t.db, SYNTHEA_DIRS.slice(0, 1));
    const tables = ['patients', 'encounters', 'documents', 'encounter_codes', 'review_items'];
    const before = tables.map(count);
    const again = importPaths(t.db, SYNTHEA_DIRS.slice(0, 1));
    expect(again.chartsImported).toBe(0);
    expect(again.alreadyPresent).toBe(first.chartsImported);
    expect(tables.map(count)).toEqual(before);
  }, 60_000);

  it('refuses a truncated bundle and a malformed NDJSON set whole, with a message naming the place; the good file beside them is imported', () => {
    const dir = path.join(t.dir, 'in');
    fs.mkdirSync(path.join(dir, 'bulk'), { recursive: true });
    const bundle = fs.readdirSync(SYNTHEA_DIRS[2]!).find((f) => f.endsWith('.json'))!;
    const text = fs.readFileSync(path.join(SYNTHEA_DIRS[2]!, bundle), 'utf8');
    fs.writeFileSync(path.join(dir, 'cut.json'), text.slice(0, Math.floor(text.length * 0.6)));
    for (const f of fs.readdirSync(SYNTHEA_DIRS[1]!)) {
      let content = fs.readFileSync(path.join(SYNTHEA_DIRS[1]!, f), 'utf8');
      if (f.startsWith('Encounter')) {
        const lines = content.split('\n');
        lines[3] = lines[3]!.slice(0, 40);
        content = lines.join('\n');
      }
      fs.writeFileSync(path.join(dir, 'bulk', f), content);
    }
    const usguide = path.join(SAMPLES, 'usguide', 'usguide.samples.jsonl');
    const report = importPaths(t.db, [dir, usguide]);
    expect(report.failed.map((f) => f.name).sort()).toEqual(['bulk/*.ndjson (13 files)', 'cut.json']);
    expect(report.failed.find((f) => f.name === 'cut.json')!.message).toMatch(/cut\.json: line \d+, column \d+: unexpected end of input.*\(truncated\?\)/);
    expect(report.failed.find((f) => f.name.startsWith('bulk'))!.message).toMatch(/Encounter\.000\.ndjson: line 4/);
    expect(report.chartsImported).toBe(20);
    expect(count('encounters')).toBe(20);
    expect(count('patients')).toBe(20);
  });

  it('CLI: `import --json` reports counts by kind and refused files, exit 1 when a file is refused; `export` writes the charts as stored', async () => {
    const outLines: string[] = [];
    const ctx = { dataDir: t.dir, json: true, out: (s: string) => outLines.push(s), err: () => {} };
    t.db.close();
    const cut = path.join(t.dir, 'cut.ndjson');
    fs.writeFileSync(cut, '{"resourceType":"Patient","id":"x"}\n{"resourceType":"Enc');
    const code = await importCommand.run(ctx, parseCommandArgs(importCommand, [path.join(SAMPLES, 'usguide', 'usguide.samples.jsonl'), cut]));
    expect(code).toBe(1);
    const report = JSON.parse(outLines[0]!) as { chartsImported: number; phiCounts: Record<string, number>; failed: Array<{ name: string }> };
    expect(report.chartsImported).toBe(20);
    expect(report.phiCounts.date).toBeGreaterThan(0);
    expect(report.failed.map((f) => f.name)).toEqual(['cut.ndjson']);

    outLines.length = 0;
    expect(await exportCommand.run({ ...ctx, json: false }, parseCommandArgs(exportCommand, []))).toBe(0);
    const charts = outLines.join('').trim().split('\n').map((l) => JSON.parse(l) as { encounter: { id: string }; documents: Array<{ id: string; text: string }>; finalCodes: unknown[] });
    expect(charts).toHaveLength(20);
    const db = openDataDatabase(t.dir);
    for (const c of charts) {
      for (const d of c.documents) expect((db.prepare('SELECT text FROM documents WHERE id = ?').get(d.id) as { text: string }).text).toBe(d.text);
      expect(c.finalCodes.length).toBeGreaterThan(0);
    }
    db.close();
    await expect(async () => exportCommand.run(ctx, parseCommandArgs(exportCommand, ['--format', 'csv']))).rejects.toThrow(/only jsonl/);
  });
});
