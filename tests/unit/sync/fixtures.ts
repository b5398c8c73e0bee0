// Desktop side of the sync tests: a real SQLite file in a temp folder with the shipped migrations,
// a real AES-GCM vault standing in for Electron safeStorage, and charts with draft-claim codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../../src/main/db/migrate';
import { loadMigrations } from '../../../src/main/db/migrations';
import { openDatabase, type Db } from '../../../src/main/db/open';
import type { ImportedChart } from '../../../src/shared/chart';
import type { FetchLike } from '../../../src/shared/sync/client';
import type { PullResponse } from '../../../src/shared/sync/protocol';
import { makeCharts } from '../../server/harness';
import { aesVault } from '../../helpers/aes-vault';

export interface Desktop {
  dir: string;
  file: string;
  db: Db;
  reopen(): Db;
  cleanup(): void;
}

export function desktop(): Desktop {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-sync-'));
  const file = path.join(dir, 'plumbline.sqlite');
  const d: Desktop = {
    dir,
    file,
    db: openDatabase(file),
    reopen() {
      if (d.db.open) d.db.close();
      d.db = openDatabase(file);
      return d.db;
    },
    cleanup() {
      if (d.db.open) d.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  migrate(d.db, loadMigrations());
  return d;
}

/** Everything SQLite has on disk for the file (main file and WAL), as text to search. */
export function diskBytes(file: string): string {
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
}

export { aesVault };

/** Server charts carrying a draft claim (hypertension, type 2 diabetes) for the coder to review. */
export function claimCharts(n: number, offset = 0): ImportedChart[] {
  return makeCharts(n, offset).map((c) => ({
    ...c,
    existingCodes: [
      { system: 'icd10cm', code: 'I10', source: 'claim' },
      { system: 'icd10cm', code: 'E119', source: 'claim' },
    ],
  }));
}

/** A fetch that keeps every pulled page, so a test can replay one. */
export function recorder(): { fetch: FetchLike; pages: PullResponse[] } {
  const pages: PullResponse[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const res = await fetch(url, init);
    if (!url.includes('/v1/sync/pull')) return res;
    const body = (await res.json()) as PullResponse;
    pages.push(body);
    return { status: res.status, json: async () => body };
  };
  return { fetch: fetchImpl, pages };
}
