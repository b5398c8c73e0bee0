// Reads the shipped source files directly, so tests compare the database with the data rather than
// with numbers typed into the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultCodeSetSourceDir } from '../../../src/main/codeset/open';

export function sourceRows(name: string): Array<Record<string, string>> {
  const bytes = readFileSync(join(defaultCodeSetSourceDir(), name));
  const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const [header, ...lines] = text.split('\n').filter((l) => l !== '');
  const cols = header.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}
