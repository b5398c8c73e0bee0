// CPT is never shipped; these tests import a small made-up file in the documented format (synthetic
// codes and descriptions, not AMA content) into a copy of the built database.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCpt, importCpt } from '../../../src/main/codeset/cpt';
import { openCodeSet } from '../../../src/main/codeset/open';
import { BUILD_TIMEOUT_MS, sharedCodeSetFile } from './shared';

let dir: string;
let dbFile: string;
let shipped: string;
const cptFile = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const countCpt = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT (SELECT COUNT(*) FROM cpt) + (SELECT COUNT(*) FROM code WHERE system = 'cpt') AS n").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  shipped = await sharedCodeSetFile();
  dir = mkdtempSync(join(tmpdir(), 'plumbline-cpt-'));
  dbFile = join(dir, 'codeset.sqlite');
  copyFileSync(shipped, dbFile);
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = [
  '# synthetic test file',
  'code\tshort\tlong',
  '99990\tZebra clinic visit\tSynthetic zebra clinic visit for import testing',
  '0999T\tQuokka scan\tSynthetic quokka scanning procedure, category III style',
  '9999F\tWombat measure\tSynthetic wombat quality measure',
  '',
].join('\n');

describe('CPT import', () => {
  it('the shipped code set has no CPT', () => {
    expect(countCpt(shipped)).toBe(0);
    const cs = openCodeSet(shipped);
    try {
      expect(cs.search('99213')).toEqual([]);
    } finally {
      cs.close();
    }
  });

  it('imports a licensed file so CPT codes are searchable by words and code', () => {
    expect(importCpt(dbFile, cptFile('good.tsv', GOOD)).rows).toBe(3);
    const cs = openCodeSet(dbFile);
    try {
      expect(cs.search('zebra clinic')[0]).toMatchObject({ system: 'cpt', code: '99990', billable: true, matchedVia: 'description' });
      expect(cs.search('0999T')[0]).toMatchObject({ system: 'cpt', code: '0999T', matchedVia: 'code' });
      expect(cs.search('wombat', { system: 'cpt' }).map((h) => h.code)).toEqual(['9999F']);
      expect(cs.code('cpt', '99990')?.description).toBe('Synthetic zebra clinic visit for import testing');
      // the rest of the code set is untouched
      expect(cs.search('CHF')[0].code).toBe('I509');
    } finally {
      cs.close();
    }
  });

  it.each([
    ['a 4-character code', '99990\tA\tB\n1234\tShort\tLong\n', /line 2: "1234" is not a 5-character CPT code/],
    ['a letter in the wrong place', 'A9999\tShort\tLong\n', /line 1: "A9999" is not a 5-character CPT code/],
    ['a missing field', '99990\tOnly short\n', /line 1: expected code<TAB>short<TAB>long, found 2 field/],
    ['an empty description', '99990\t\tLong\n', /line 1: 99990 has an empty description/],
    ['a duplicate code', '99990\tA\tB\n99990\tC\tD\n', /line 2: 99990 appears twice/],
    ['no codes at all', '# nothing\n\n', /no CPT codes found/],
  ])('rejects a file with %s, naming the line, and changes nothing', (_label, text, message) => {
    const before = countCpt(dbFile);
    expect(() => importCpt(dbFile, cptFile('bad.tsv', text))).toThrow(message);
    expect(countCpt(dbFile)).toBe(before);
  });

  it('rejects missing files clearly', () => {
    expect(() => importCpt(dbFile, join(dir, 'nope.tsv'))).toThrow(/CPT file not found/);
    expect(() => importCpt(join(dir, 'nope.sqlite'), cptFile('g.tsv', GOOD))).toThrow(/Code-set database not found/);
  });

  it('a new import replaces the previous one', () => {
    importCpt(dbFile, cptFile('second.tsv', '99991\tOtter visit\tSynthetic otter visit\n'));
    const cs = openCodeSet(dbFile);
    try {
      expect(cs.search('zebra clinic', { system: 'cpt' })).toEqual([]);
      expect(cs.search('otter visit')[0]).toMatchObject({ system: 'cpt', code: '99991' });
    } finally {
      cs.close();
    }
  });

  it('carries the imported rows into a rebuilt database', () => {
    const fresh = join(dir, 'fresh.sqlite');
    copyFileSync(shipped, fresh);
    expect(copyCpt(dbFile, fresh)).toBe(1);
    const cs = openCodeSet(fresh);
    try {
      expect(cs.search('otter visit')[0]).toMatchObject({ system: 'cpt', code: '99991' });
    } finally {
      cs.close();
    }
  });
});
