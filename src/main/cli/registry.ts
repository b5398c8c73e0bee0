import type { CliCommand } from './command';
import { infoCommand } from './commands/info';
import { benchCommand } from './commands/bench';
import { editsCommand } from './commands/edits';
import { rafCommand } from './commands/raf';

/** Every CLI subcommand, in the order `plumbline --help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [infoCommand, editsCommand, rafCommand, benchCommand];
