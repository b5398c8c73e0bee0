import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliContext {
  /** Data folder (from --data, PLUMBLINE_DATA or the app's default). */
  dataDir: string;
  /** The folder given with --data, if any (server commands keep their own default). */
  explicitDataDir?: string;
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  /** Returns the exit code. Throw UsageError (or any Error) for a one-line failure. */
  run(ctx: CliContext, args: { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] }): Promise<number> | number;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommandArgs(command: CliCommand, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (usage: ${command.usage})`);
  }
}
