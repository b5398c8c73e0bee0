import type { Db } from '../db/open';
import type { KeyBinding } from '../../shared/api';
import { COMMANDS, isCommandId, type CommandScope } from '../../shared/commands';
import { KeyChordError, normalizeChord } from '../../shared/keys';

/** Scopes whose keys are live at the same time: a global key conflicts with every scope. */
function scopesOverlap(a: CommandScope, b: CommandScope): boolean {
  return a === b || a === 'global' || b === 'global';
}

export class KeymapStore {
  constructor(private readonly db: Db) {}

  list(): KeyBinding[] {
    const rows = this.db.prepare<[], { command: string; keys: string }>('SELECT command, keys FROM keybindings').all();
    const custom = new Map(rows.map((r) => [r.command, JSON.parse(r.keys) as string[]]));
    return COMMANDS.map((c) => {
      const keys = custom.get(c.id);
      return { command: c.id, title: c.title, scope: c.scope, keys: keys ?? [...c.defaultKeys], isDefault: !keys };
    });
  }

  /** Rebinds one command; refuses unknown commands, malformed chords and chords another live command uses. */
  set(command: string, keys: unknown): KeyBinding[] {
    if (!isCommandId(command)) throw new Error(`Unknown command "${command}".`);
    if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) throw new Error('Keys must be a list of key chords.');
    let normalized: string[];
    try {
      normalized = [...new Set((keys as string[]).map(normalizeChord))];
    } catch (err) {
      if (err instanceof KeyChordError) throw new Error(err.message);
      throw err;
    }
    const target = COMMANDS.find((c) => c.id === command)!;
    for (const other of this.list()) {
      if (other.command === command || !scopesOverlap(other.scope, target.scope)) continue;
      const clash = other.keys.find((k) => normalized.includes(k));
      if (clash) throw new Error(`${clash} is already bound to "${other.title}". Rebind that command first.`);
    }
    this.db
      .prepare('INSERT INTO keybindings (command, keys, updated_at) VALUES (?, ?, ?) ON CONFLICT(command) DO UPDATE SET keys = excluded.keys, updated_at = excluded.updated_at')
      .run(command, JSON.stringify(normalized), new Date().toISOString());
    return this.list();
  }

  reset(command?: string): KeyBinding[] {
    if (command === undefined) this.db.prepare('DELETE FROM keybindings').run();
    else {
      if (!isCommandId(command)) throw new Error(`Unknown command "${command}".`);
      this.db.prepare('DELETE FROM keybindings WHERE command = ?').run(command);
    }
    return this.list();
  }
}
