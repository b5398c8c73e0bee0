// Turns the paths a user gives into import units, each stored in one transaction. A bulk-export
// directory's NDJSON files form one unit (resources reference each other across files); every bundle
// and JSONL file is its own unit. Support bundles (Synthea's hospital and practitioner information)
// go first so patient bundles can resolve the references into them.
import fs from 'node:fs';
import path from 'node:path';

export interface ImportUnit {
  /** What the report calls it: the file name, or "dir/*.ndjson (n files)". */
  name: string;
  files: string[];
}

const EXTENSIONS = new Set(['.json', '.ndjson', '.jsonl']);
const SUPPORT = /^(hospital|practitioner)information/i;

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
}

export function planImport(paths: readonly string[]): ImportUnit[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new Error(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(p, files);
    else files.push(p);
  }
  const ndjsonByDir = new Map<string, string[]>();
  const support: ImportUnit[] = [];
  const single: ImportUnit[] = [];
  for (const f of [...new Set(files)]) {
    if (path.extname(f).toLowerCase() === '.ndjson') {
      const dir = path.dirname(f);
      ndjsonByDir.set(dir, [...(ndjsonByDir.get(dir) ?? []), f]);
    } else (SUPPORT.test(path.basename(f)) ? support : single).push({ name: path.basename(f), files: [f] });
  }
  const sets = [...ndjsonByDir].map(([dir, list]) => ({
    name: list.length === 1 ? path.basename(list[0]!) : `${path.basename(dir)}/*.ndjson (${list.length} files)`,
    files: list,
  }));
  return [...support, ...single, ...sets];
}
