// Builds what Electron runs: the renderer (Vite) and the main + preload bundles (esbuild).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './electron-env.mjs';

execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: ROOT };
// Main: ESM, every npm dependency stays external (loaded from node_modules / app.asar.unpacked).
await build({ ...common, entryPoints: ['src/main/index.ts'], outfile: 'dist/main/index.mjs', format: 'esm', packages: 'external' });
// Preload: sandboxed preloads must be a single CommonJS file that only requires `electron`.
await build({ ...common, entryPoints: ['src/main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] });
console.log('Built dist/renderer, dist/main/index.mjs and dist/main/preload.cjs');
