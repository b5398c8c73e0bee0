import { chordLabel } from '../../shared/keys';
import { isMac } from '../bridge';
import { useCommands } from '../commands';

export type ViewId = 'worklist' | 'settings';

const VIEWS: Array<{ id: ViewId; label: string; command: string }> = [
  { id: 'worklist', label: 'Worklist', command: 'view.worklist' },
  { id: 'settings', label: 'Settings', command: 'view.settings' },
];

export function NavBar({ current, onNavigate }: { current: ViewId; onNavigate(view: ViewId): void }) {
  const { bindings } = useCommands();
  return (
    <nav className="nav-bar" aria-label="Views">
      <span className="brand" aria-hidden="true">
        <span className="brand-mark">⊥</span> Plumbline
      </span>
      <ul>
        {VIEWS.map((v) => {
          const key = bindings.find((b) => b.command === v.command)?.keys[0];
          return (
            <li key={v.id}>
              <button type="button" className={current === v.id ? 'active' : ''} aria-current={current === v.id ? 'page' : undefined} onClick={() => onNavigate(v.id)}>
                {v.label}
                {key && <kbd>{chordLabel(key, isMac)}</kbd>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
