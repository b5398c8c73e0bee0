// `plumbline serve` and `plumbline user|team …` (admin). The lead's CLI dispatches here.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../shared/sync/protocol';
import { ROLES } from '../shared/sync/protocol';
import { hashPassword, passwordProblem } from './auth/password';
import { openServerDb, pgliteDir } from './db/open';
import type { ServerDb } from './db/types';
import { startServer, type RunningServer } from './start';
import { createTeam, createUser, findTeamByName } from './store/users';

export const DEFAULT_PORT = 8787;

export function defaultDataDir(): string {
  return process.env.PLUMBLINE_SERVER_DATA || join(homedir(), '.plumbline-server');
}

export async function runServe(args: { port?: number; data?: string; host?: string }): Promise<RunningServer> {
  const port = args.port ?? (process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${String(args.port)}`);
  return startServer({ port, host: args.host ?? process.env.HOST ?? '127.0.0.1', dataDir: args.data ?? defaultDataDir() });
}

export interface AdminIo {
  /** Whole standard input, read on demand (for --password-stdin). */
  readStdin(): Promise<string>;
  out(line: string): void;
}

const processIo: AdminIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (line) => process.stdout.write(`${line}\n`),
};

const USAGE = `Usage:
  plumbline team add --name <team> [--data <dir>]
  plumbline user add --name <user> --role coder|auditor|lead|admin [--team <team>] --password-stdin [--data <dir>]
With DATABASE_URL set, PostgreSQL is used and --data is ignored. With the embedded database,
stop the server first (one process at a time may open it).`;

function parseFlags(args: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"\n${USAGE}`);
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), true);
    else {
      flags.set(a.slice(2), next);
      i++;
    }
  }
  return flags;
}

function str(flags: Map<string, string | true>, name: string): string | undefined {
  const v = flags.get(name);
  if (v === true) throw new Error(`--${name} needs a value`);
  return v;
}

/** `args` are what follows `plumbline`, e.g. ['user', 'add', '--name', 'ann', ...]. */
export async function runAdmin(args: string[], io: AdminIo = processIo): Promise<void> {
  const [noun, verb, ...rest] = args;
  if (!noun || !verb || verb !== 'add' || (noun !== 'user' && noun !== 'team')) throw new Error(USAGE);
  const flags = parseFlags(rest);
  const name = str(flags, 'name');
  if (!name) throw new Error(`--name is required\n${USAGE}`);
  let password: string | null = null;
  if (noun === 'user') {
    if (flags.get('password-stdin') !== true) throw new Error('Pass the password on standard input with --password-stdin (never on the command line)');
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    const problem = passwordProblem(password);
    if (problem) throw new Error(problem);
  }
  const role = str(flags, 'role') as Role | undefined;
  if (noun === 'user' && (!role || !ROLES.includes(role))) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (noun === 'user' && role !== 'admin' && !str(flags, 'team')) throw new Error(`A ${role} must belong to a team: add --team <team>`);
  const db = await openAdminDb(str(flags, 'data'));
  try {
    if (noun === 'team' || !role) {
      const team = await createTeam(db, name);
      io.out(JSON.stringify({ team }));
      return;
    }
    const teamName = str(flags, 'team');
    let teamId: string | null = null;
    if (teamName) {
      const team = await findTeamByName(db, teamName);
      if (!team) throw new Error(`No team named "${teamName}"; create it with: plumbline team add --name ${teamName}`);
      teamId = team.id;
    }
    const user = await createUser(db, { name, role, teamId, passwordHash: await hashPassword(password as string) });
    io.out(JSON.stringify({ user }));
  } finally {
    await db.close();
  }
}

async function openAdminDb(data: string | undefined): Promise<ServerDb> {
  const databaseUrl = process.env.DATABASE_URL;
  return openServerDb(databaseUrl ? { databaseUrl, poolSize: 1 } : { dataDir: pgliteDir(data ?? defaultDataDir()) });
}
