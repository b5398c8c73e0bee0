import { chordLabel } from '../../shared/keys';
import { isMac } from '../bridge';
import { useCommands } from '../commands';

export type Route = { view: 'worklist' } | { view: 'chart'; encounterId: string } | { view: 'encoder' } | { view: 'settings' };

export function NavBar({ route, lastChart, onNavigate }: { route: Route; lastChart: string | null; onNavigate(route: Route): void }) {
  const { bindings } = useCommands();
  const keyOf = (command: string) => bindings.find((b) => b.command === command)?.keys[0];
  const items: Array<{ label: string; route: Route; command?: string }> = [
    { label: 'Worklist', route: { view: 'worklist' }, command: 'view.worklist' },
    ...(lastChart ? [{ label: 'Chart', route: { view: 'chart', encounterId: lastChart } as Route }] : []),
    { label: 'Encoder', route: { view: 'encoder' }, command: 'view.encoder' },
    { label: 'Settings', route: { view: 'settings' }, command: 'view.settings' },
  ];
  return (
    <nav className="nav-bar" aria-label="Views">
      <span className="brand" aria-hidden="true">
        <span className="brand-mark">⊥</span> Plumbline
      </span>
      <ul>
        {items.map((item) => {
          const current = item.route.view === route.view;
          const key = item.command ? keyOf(item.command) : undefined;
          return (
            <li key={item.label}>
              <button type="button" className={current ? 'active' : ''} aria-current={current ? 'page' : undefined} onClick={() => onNavigate(item.route)}>
                {item.label}
                {key && <kbd>{chordLabel(key, isMac)}</kbd>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
