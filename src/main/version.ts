import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths';

let cached: string | undefined;

export function appVersion(): string {
  if (!cached) cached = (JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
