// Every command a user can run, with its default keys. The keymap (defaults + the user's rebindings
// stored in the database) is the single source for key handling, the menu accelerators, the command
// palette and the cheat sheet.

export type CommandScope = 'global' | 'encoder' | 'worklist' | 'review';

export interface CommandDefinition {
  id: string;
  title: string;
  scope: CommandScope;
  /** Key chords in keymap syntax: "Mod+K" (Ctrl, or Cmd on macOS), "Shift+Alt+X", "?", "/", "j". */
  defaultKeys: readonly string[];
  /** Shown in the application menu of the desktop shell. */
  menu?: 'File' | 'View' | 'Go' | 'Help';
}

export const COMMANDS = [
  { id: 'palette.open', title: 'Open command palette', scope: 'global', defaultKeys: ['Mod+K'], menu: 'View' },
  { id: 'help.cheatsheet', title: 'Show keyboard shortcuts', scope: 'global', defaultKeys: ['?'], menu: 'Help' },
  { id: 'view.worklist', title: 'Go to worklist', scope: 'global', defaultKeys: ['Mod+1'], menu: 'Go' },
  { id: 'view.encoder', title: 'Go to encoder', scope: 'global', defaultKeys: ['Mod+2'], menu: 'Go' },
  { id: 'view.settings', title: 'Go to settings', scope: 'global', defaultKeys: ['Mod+,'], menu: 'Go' },
  { id: 'encoder.focusSearch', title: 'Search codes', scope: 'global', defaultKeys: ['/'], menu: 'Go' },
  { id: 'theme.cycle', title: 'Switch theme (system, light, dark)', scope: 'global', defaultKeys: ['Mod+Shift+L'], menu: 'View' },
  { id: 'list.down', title: 'Move down in a list', scope: 'global', defaultKeys: ['ArrowDown'] },
  { id: 'list.up', title: 'Move up in a list', scope: 'global', defaultKeys: ['ArrowUp'] },
  { id: 'list.open', title: 'Open the selected item', scope: 'global', defaultKeys: ['Enter'] },
  { id: 'nav.back', title: 'Close / go back', scope: 'global', defaultKeys: ['Escape'] },
  { id: 'sync.now', title: 'Sync now', scope: 'global', defaultKeys: ['Mod+Shift+S'], menu: 'File' },
  { id: 'worklist.next', title: 'Open the next chart in my queue', scope: 'global', defaultKeys: ['Mod+Enter'], menu: 'Go' },
  { id: 'review.next', title: 'Next code', scope: 'review', defaultKeys: ['j'] },
  { id: 'review.prev', title: 'Previous code', scope: 'review', defaultKeys: ['k'] },
  { id: 'review.accept', title: 'Accept / keep the code', scope: 'review', defaultKeys: ['a'] },
  { id: 'review.reject', title: 'Reject the code with a reason', scope: 'review', defaultKeys: ['r'] },
  { id: 'review.delete', title: 'Propose deleting an unsupported existing code', scope: 'review', defaultKeys: ['d'] },
  { id: 'review.change', title: 'Change the code (inline encoder)', scope: 'review', defaultKeys: ['e'] },
  { id: 'review.add', title: 'Add a code with evidence', scope: 'review', defaultKeys: ['n'] },
  { id: 'review.query', title: 'Mark for physician query', scope: 'review', defaultKeys: ['q'] },
  { id: 'review.undo', title: 'Undo the last action', scope: 'review', defaultKeys: ['u'] },
  { id: 'review.submit', title: 'Submit the chart (shows the final codes to confirm)', scope: 'review', defaultKeys: ['s'] },
  { id: 'review.hold', title: 'Put the chart on hold', scope: 'review', defaultKeys: ['h'] },
  // No default key: it is rare, and the chart's banner has its button; the palette reaches it too.
  { id: 'review.loadServerUpdate', title: "Load the server's new version of the chart (keeps your work)", scope: 'review', defaultKeys: [] },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS: ReadonlySet<string> = new Set(COMMANDS.map((c) => c.id));

export function isCommandId(value: string): value is CommandId {
  return COMMAND_IDS.has(value);
}

export function commandById(id: CommandId): CommandDefinition {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown command ${id}`);
  return found;
}
