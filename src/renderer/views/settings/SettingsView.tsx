import { useState } from 'react';
import type { KeyBinding, ThemeChoice } from '../../../shared/api';
import { chordFromEvent, chordLabel } from '../../../shared/keys';
import { api, isMac } from '../../bridge';
import { useCommands } from '../../commands';
import { ModelSettingsForm } from './ModelSettingsForm';
import { SyncSettingsForm } from './SyncSettingsForm';
import type { SyncStatus } from '../../../shared/sync/status';

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta']);

export function SettingsView({ theme, onThemeChange, sync, onSyncStatus }: { theme: ThemeChoice; onThemeChange(t: ThemeChoice): void; sync: SyncStatus | null; onSyncStatus(s: SyncStatus): void }) {
  const { bindings, setBindings } = useCommands();
  const [capturing, setCapturing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (command: string, keys: string[]) => {
    try {
      setBindings(await api().keymapSet({ command, keys }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const reset = async (command: string) => {
    setBindings(await api().keymapReset({ command }));
    setError(null);
  };

  return (
    <section className="view settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <fieldset className="theme-choice">
        <legend>Theme</legend>
        {(['system', 'light', 'dark'] as const).map((t) => (
          <label key={t}>
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => onThemeChange(t)} /> {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      <SyncSettingsForm status={sync} onStatus={onSyncStatus} />
      <ModelSettingsForm />
      <h2>Keyboard shortcuts</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="keymap-table">
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Keys</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bindings.map((b: KeyBinding) => (
            <tr key={b.command} data-command={b.command}>
              <td>{b.title}</td>
              <td>
                {capturing === b.command ? (
                  <input
                    autoFocus
                    className="key-capture"
                    aria-label={`Press the new key for ${b.title}`}
                    placeholder="Press keys… (Esc cancels)"
                    readOnly
                    onKeyDown={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      if (MODIFIER_KEYS.has(e.key)) return;
                      setCapturing(null);
                      if (e.key === 'Escape') return;
                      void save(b.command, [chordFromEvent(e.nativeEvent, isMac)]);
                    }}
                    onBlur={() => setCapturing(null)}
                  />
                ) : (
                  b.keys.map((k) => <kbd key={k}>{chordLabel(k, isMac)}</kbd>)
                )}
              </td>
              <td className="actions">
                <button type="button" onClick={() => setCapturing(b.command)} aria-label={`Rebind ${b.title}`}>
                  Rebind
                </button>
                {!b.isDefault && (
                  <button type="button" onClick={() => void reset(b.command)} aria-label={`Reset ${b.title}`}>
                    Reset
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
