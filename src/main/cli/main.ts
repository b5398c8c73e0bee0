// The plumbline CLI: the same core as the desktop app, for headless and scripted work.
import { defaultDataDir } from '../paths';
import { appVersion } from '../version';
import { parseCommandArgs, UsageError, type CliCommand, type CliContext } from './command';
import { CLI_COMMANDS } from './registry';

const GLOBAL_HELP = `Global options:
  --data <dir>   data folder (default: the app's user data folder, or $PLUMBLINE_DATA)
  --json         machine-readable output
  --help, -h     help for plumbline or a command
  --version, -v  print the version`;

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'plumbline — the Plumbline medical-coding workstation on the command line',
    '',
    'Usage: plumbline <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    GLOBAL_HELP,
  ].join('\n');
}

/** Splits the global flags (valid anywhere on the line) from the command's own arguments. */
function extractGlobals(argv: string[]): { data?: string; json: boolean; help: boolean; version: boolean; rest: string[] } {
  const rest: string[] = [];
  let data: string | undefined;
  let json = false;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--version' || a === '-v') version = true;
    else if (a === '--data') {
      data = argv[++i];
      if (!data) throw new UsageError('--data needs a folder path');
    } else if (a.startsWith('--data=')) data = a.slice('--data='.length);
    else rest.push(a);
  }
  return { data, json, help, version, rest };
}

export async function main(argv: string[], io: { out?: (s: string) => void; err?: (s: string) => void } = {}): Promise<number> {
  const out = io.out ?? ((s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'));
  const err = io.err ?? ((s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'));
  try {
    const g = extractGlobals(argv);
    const [name, ...commandArgs] = g.rest;
    if (g.version && !name) {
      out(g.json ? JSON.stringify({ version: appVersion() }) : appVersion());
      return 0;
    }
    if (!name) {
      out(helpText(CLI_COMMANDS));
      return g.help ? 0 : 1;
    }
    const command = CLI_COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Run plumbline --help for the list.`);
    if (g.help) {
      out(`${command.summary}\n\nUsage: ${command.usage}\n\n${GLOBAL_HELP}`);
      return 0;
    }
    const ctx: CliContext = { dataDir: g.data ?? defaultDataDir(), ...(g.data ? { explicitDataDir: g.data } : {}), json: g.json, out, err };
    return await command.run(ctx, parseCommandArgs(command, commandArgs));
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    err(`plumbline: ${message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}
