// Installers ship a prebuilt code-set file; a first start copies it (seconds) instead of building
// (tens of seconds) — but only when it was built from exactly the shipped inputs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeSetFileName, ensureCodeSet } from '../../../src/main/codeset/open';
import { appRoot } from '../../../src/main/paths';
import { ensureTestCodeSet } from '../../helpers/codeset';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
let dir = '';

afterEach(() => {
  delete process.env.PLUMBLINE_RESOURCES;
  fs.rmSync(dir, { recursive: true, force: true });
});

function resourcesWithPrebuilt(prebuilt: string): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-prebuilt-'));
  const res = path.join(dir, 'resources');
  fs.mkdirSync(path.join(res, 'codeset-prebuilt'), { recursive: true });
  fs.symlinkSync(path.join(appRoot(), 'resources', 'codesets'), path.join(res, 'codesets'));
  fs.copyFileSync(path.join(appRoot(), 'resources', 'abbreviations.tsv'), path.join(res, 'abbreviations.tsv'));
  fs.copyFileSync(prebuilt, path.join(res, 'codeset-prebuilt', codeSetFileName()));
  return res;
}

describe('prebuilt code set', () => {
  it('is copied on first start when it matches the shipped inputs', () => {
    const built = ensureTestCodeSet();
    process.env.PLUMBLINE_RESOURCES = resourcesWithPrebuilt(built);
    const steps: string[] = [];
    const file = ensureCodeSet(path.join(dir, 'data', 'codesets'), undefined, (s) => steps.push(s));
    expect(steps).toEqual(['copying the prebuilt code set']);
    expect(sha(file)).toBe(sha(built));
  });
});
