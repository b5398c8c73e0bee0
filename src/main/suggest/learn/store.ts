// Where priors live: the shipped file in resources/priors, the organisation's own in the data folder.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resourcesDir } from '../../paths';
import { emptyPriors, loadPriors, mergePriors, type Priors } from './priors';

export function shippedPriorsFile(): string {
  return join(resourcesDir(), 'priors', 'codiesp-en.json');
}

export function localPriorsFile(dataDir: string): string {
  return join(dataDir, 'priors.json');
}

/** Writes atomically: a reader sees the old file or the new one, never half of one. */
export function savePriors(file: string, priors: Priors): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(priors)}\n`);
  renameSync(tmp, file);
}

/** The priors the engine runs with: shipped ones, with the data folder's learned ones on top when present. */
export function loadEnginePriors(dataDir: string): Priors {
  const shipped = existsSync(shippedPriorsFile()) ? loadPriors(shippedPriorsFile()) : emptyPriors();
  const local = localPriorsFile(dataDir);
  return existsSync(local) ? mergePriors(shipped, loadPriors(local)) : shipped;
}
