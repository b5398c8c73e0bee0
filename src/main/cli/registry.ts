import type { CliCommand } from './command';
import { infoCommand } from './commands/info';
import { benchCommand } from './commands/bench';
import { editsCommand } from './commands/edits';
import { rafCommand } from './commands/raf';
import { codeCommand, searchCommand } from './commands/search';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { auditCommand } from './commands/audit';
import { suggestCommand } from './commands/suggest';
import { evalCommand } from './commands/eval';
import { learnCommand } from './commands/learn';
import { serveCommand, teamCommand, userCommand } from './commands/server';
import { codesetCommand } from './commands/codeset';

/** Every CLI subcommand, in the order `plumbline --help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  searchCommand,
  codeCommand,
  editsCommand,
  rafCommand,
  importCommand,
  exportCommand,
  auditCommand,
  suggestCommand,
  evalCommand,
  learnCommand,
  serveCommand,
  userCommand,
  teamCommand,
  codesetCommand,
  infoCommand,
  benchCommand,
];
