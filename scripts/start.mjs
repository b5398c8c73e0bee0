// `npm start`: check for Electron, prepare the Electron-ABI SQLite binding once, build, launch.
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { findElectron, prepareElectronSqlite, ROOT } from './electron-env.mjs';

function fail(message) {
  console.error(`\nPlumbline cannot start: ${message}\n`);
  process.exit(1);
}

const electron = findElectron();
if (!electron.ok) fail(`${electron.reason}.\nOn a machine with internet access: rm -rf node_modules/electron && npm install.\nThe CLI works without Electron: npx plumbline --help`);

let binding;
try {
  binding = prepareElectronSqlite(electron.version);
} catch (err) {
  fail(`could not prepare better-sqlite3 for Electron ${electron.version}: ${String(err.message).split('\n')[0]}.\nThis step downloads a prebuilt binary or Electron's headers once; check your internet connection.`);
}

try {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
} catch {
  fail('the build failed (see above).');
}

const child = spawn(electron.binary, [ROOT, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PLUMBLINE_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
