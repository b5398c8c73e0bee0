import type { Db } from '../db/open';
import type { ThemeChoice } from '../../shared/api';

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export class SettingsStore {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value, new Date().toISOString());
  }

  theme(): ThemeChoice {
    const v = this.get('theme');
    return THEMES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'system';
  }

  setTheme(theme: unknown): ThemeChoice {
    if (!THEMES.includes(theme as ThemeChoice)) throw new Error(`Unknown theme "${String(theme)}". Choose system, light or dark.`);
    this.set('theme', theme as ThemeChoice);
    return theme as ThemeChoice;
  }
}
