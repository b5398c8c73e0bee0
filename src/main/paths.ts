import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The folder holding package.json, found by walking up from this module. The same lookup works from
 * the TypeScript sources (tsx, vitest), the esbuild bundle in dist/, and a packaged app.asar, so data
 * files (migrations, resources) are addressed from one root instead of per-build relative paths.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Plumbline cannot find its install folder (no package.json above the running code).');
    dir = parent;
  }
}

export function resourcesDir(): string {
  return process.env.PLUMBLINE_RESOURCES ?? path.join(appRoot(), 'resources');
}

/** Where the desktop app keeps its data when no --data / PLUMBLINE_DATA is given (same folder Electron's userData uses). */
export function defaultDataDir(): string {
  if (process.env.PLUMBLINE_DATA) return process.env.PLUMBLINE_DATA;
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Plumbline');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Plumbline');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Plumbline');
  }
}

/** Where the built code-set database lives for a data folder ($PLUMBLINE_CODESET_DIR overrides). */
export function codeSetDirFor(dataDir: string): string {
  return process.env.PLUMBLINE_CODESET_DIR ?? path.join(dataDir, 'codesets');
}
