// The access-token signing key: PLUMBLINE_TOKEN_SECRET if set (required when several server
// processes share one PostgreSQL), otherwise a random key created once in the data directory.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadTokenSecret(dataDir: string): Promise<string> {
  const fromEnv = process.env.PLUMBLINE_TOKEN_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('PLUMBLINE_TOKEN_SECRET must be at least 32 characters');
    return fromEnv;
  }
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'token-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
  return (await readFile(file, 'utf8')).trim();
}
