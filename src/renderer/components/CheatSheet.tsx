import { chordLabel } from '../../shared/keys';
import type { CommandScope } from '../../shared/commands';
import { isMac } from '../bridge';
import { useCommands } from '../commands';
import { Modal } from './Modal';

const SCOPE_TITLES: Record<CommandScope, string> = {
  global: 'Everywhere',
  worklist: 'Worklist',
  encoder: 'Encoder',
  review: 'Chart review',
};

export function CheatSheet({ onClose }: { onClose(): void }) {
  const { bindings } = useCommands();
  const scopes = [...new Set(bindings.map((b) => b.scope))];
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <div className="cheatsheet" tabIndex={0} aria-label="Shortcut list">
        {scopes.map((scope) => (
          <section key={scope}>
            <h3>{SCOPE_TITLES[scope]}</h3>
            <dl>
              {bindings
                .filter((b) => b.scope === scope)
                .map((b) => (
                  <div key={b.command} className="cheat-row">
                    <dt>{b.title}</dt>
                    <dd>
                      {b.keys.map((k) => (
                        <kbd key={k}>{chordLabel(k, isMac)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="hint">Rebind any key in Settings.</p>
    </Modal>
  );
}
