// The sync server's commands, on the same `plumbline` CLI. The server keeps its own data folder
// (PLUMBLINE_SERVER_DATA or ~/.plumbline-server) unless --data is given, or PostgreSQL via DATABASE_URL.
import { runAdmin, runServe } from '../../../server/cli';
import { UsageError, type CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the Plumbline sync server (PGlite embedded, or PostgreSQL with DATABASE_URL)',
  usage: 'plumbline serve [--port N] [--host 127.0.0.1] [--data <dir>]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(ctx, { values }) {
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !Number.isInteger(port)) throw new UsageError(`--port must be a whole number, not "${String(values.port)}"`);
    const server = await runServe({ port, host: typeof values.host === 'string' ? values.host : undefined, data: ctx.explicitDataDir });
    ctx.err(`Plumbline server listening on ${server.url} (Ctrl+C stops it)`);
    // The server owns the process from here; SIGINT/SIGTERM shut it down gracefully and exit.
    return new Promise<number>(() => undefined);
  },
};

function adminCommand(noun: 'user' | 'team', summary: string, usage: string): CliCommand {
  return {
    name: noun,
    summary,
    usage,
    options: { name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    async run(ctx, { values, positionals }) {
      const args = [noun, ...positionals];
      for (const [k, v] of Object.entries(values)) {
        if (v === true) args.push(`--${k}`);
        else if (typeof v === 'string') args.push(`--${k}`, v);
      }
      if (ctx.explicitDataDir) args.push('--data', ctx.explicitDataDir);
      await runAdmin(args, { readStdin: readAllStdin, out: (line) => ctx.out(line) });
      return 0;
    },
  };
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const userCommand = adminCommand('user', 'Create a sync-server user (password on standard input)', 'plumbline user add --name <user> --role coder|auditor|lead|admin [--team <team>] --password-stdin [--data <dir>]');
export const teamCommand = adminCommand('team', 'Create a sync-server team', 'plumbline team add --name <team> [--data <dir>]');
