import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../paths';
import type { Migration } from './migrate';

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The desktop database's migrations: `src/main/db/migrations/NNN_name.sql`, applied in number order. */
export function loadMigrations(dir = path.join(appRoot(), 'src', 'main', 'db', 'migrations')): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .map((file) => {
      const [, num, name] = FILE_PATTERN.exec(file)!;
      return { version: Number(num), name: name!, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
    });
}
