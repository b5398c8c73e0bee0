import type { CliCommand } from './command';
import { infoCommand } from './commands/info';
import { benchCommand } from './commands/bench';

/** Every CLI subcommand, in the order `plumbline --help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [infoCommand, benchCommand];
