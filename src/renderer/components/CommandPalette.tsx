import { useMemo, useState } from 'react';
import { chordLabel } from '../../shared/keys';
import { isMac } from '../bridge';
import { useCommands } from '../commands';
import { Modal } from './Modal';

/** Every command with its shortcut; type to filter, ↑/↓ to choose, Enter to run. */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const { bindings, run, isAvailable } = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return bindings.filter((b) => b.command !== 'palette.open' && words.every((w) => b.title.toLowerCase().includes(w) || b.command.includes(w)));
  }, [bindings, query]);
  const selected = Math.min(active, Math.max(0, matches.length - 1));

  const execute = (command: string) => {
    onClose();
    // Run after the palette has unmounted so focus moves to the view the command opens.
    setTimeout(() => run(command), 0);
  };

  return (
    <Modal
      title="Command palette"
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          setActive((selected + 1) % Math.max(1, matches.length));
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          setActive((selected - 1 + matches.length) % Math.max(1, matches.length));
        } else if (e.key === 'Enter' && matches[selected]) {
          e.preventDefault();
          execute(matches[selected]!.command);
        }
      }}
    >
      <input
        className="palette-input"
        aria-label="Type a command"
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[selected] ? `palette-${matches[selected]!.command}` : undefined}
      />
      <ul id="palette-list" className="palette-list" role="listbox" aria-label="Commands">
        {matches.map((b, i) => (
          <li
            key={b.command}
            id={`palette-${b.command}`}
            role="option"
            aria-selected={i === selected}
            aria-disabled={!isAvailable(b.command)}
            className={i === selected ? 'selected' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => execute(b.command)}
          >
            <span>{b.title}</span>
            <span className="keys">
              {b.keys.map((k) => (
                <kbd key={k}>{chordLabel(k, isMac)}</kbd>
              ))}
            </span>
          </li>
        ))}
        {matches.length === 0 && <li className="empty">No command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
