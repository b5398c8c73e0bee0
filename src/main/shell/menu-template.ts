import type { KeyBinding } from '../../shared/api';
import { COMMANDS, type CommandDefinition } from '../../shared/commands';
import { chordToAccelerator } from '../../shared/keys';

export interface MenuCommandItem {
  label: string;
  command: string;
  accelerator?: string;
}

export interface MenuSection {
  label: string;
  items: MenuCommandItem[];
}

/**
 * The application menu as plain data, built from the command list and the user's keymap so the menu
 * shows the keys actually bound. The shell turns it into an Electron Menu.
 */
export function buildMenuSections(bindings: readonly KeyBinding[]): MenuSection[] {
  const keysOf = new Map(bindings.map((b) => [b.command, b.keys]));
  const order: Array<NonNullable<CommandDefinition['menu']>> = ['File', 'View', 'Go', 'Help'];
  return order
    .map((label) => ({
      label,
      items: (COMMANDS as readonly CommandDefinition[])
        .filter((c) => c.menu === label)
        .map((c) => {
          const accelerator = (keysOf.get(c.id as KeyBinding['command']) ?? []).map(chordToAccelerator).find(Boolean);
          return { label: c.title, command: c.id, ...(accelerator ? { accelerator } : {}) };
        }),
    }))
    .filter((s) => s.items.length > 0);
}
