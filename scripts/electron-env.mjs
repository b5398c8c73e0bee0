// Helpers shared by `npm start` and the Electron smoke test: find the Electron binary, and prepare a
// better-sqlite3 build for Electron's ABI outside node_modules (so the Node build that `npm test` and
// the CLI use is never overwritten).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Path of the Electron binary, or an explanation of why there is none. */
export function findElectron() {
  let version;
  try {
    version = require('electron/package.json').version;
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  try {
    const binary = require('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { ok: true, binary, version };
    return { ok: false, reason: `Electron ${version} is installed without its binary` };
  } catch (err) {
    return { ok: false, reason: `Electron ${version} has no binary here (${String(err.message).split('\n')[0]}); it is downloaded by npm install on a machine with internet access, unless ELECTRON_SKIP_BINARY_DOWNLOAD is set` };
  }
}

function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME ?? (process.platform === 'win32' ? process.env.LOCALAPPDATA ?? os.tmpdir() : path.join(os.homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache'));
  return path.join(base, 'plumbline');
}

/**
 * Returns the path of a better_sqlite3.node built for this Electron, building it once: first from
 * better-sqlite3's published prebuilt binaries, else from source against Electron's headers.
 */
export function prepareElectronSqlite(electronVersion, log = console.log) {
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const target = path.join(cacheRoot(), `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;
  log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-native-'));
  try {
    const src = path.dirname(require.resolve('better-sqlite3/package.json'));
    fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
    const bin = (name) => path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
    try {
      execFileSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: work, stdio: 'inherit' });
    } catch {
      log('No prebuilt binary; building from source against Electron headers…');
      execFileSync(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) throw new Error('the native build produced no better_sqlite3.node');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
