import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { SearchHit } from '../../shared/codeset/search';
import { SYSTEM_LABELS } from '../../shared/codeset/format';
import { api } from '../bridge';
import { useLatest } from '../hooks/useLatest';
import { useVirtualRows } from '../hooks/useVirtualRows';

const ROW_HEIGHT = 34;

export interface CodeSearchHandle {
  focus(): void;
}

interface Props {
  label: string;
  initialQuery?: string;
  initialSystem?: CodeSystemId | 'all';
  onPick(hit: SearchHit): void;
  onSelectionChange?(hit: SearchHit | null): void;
  onEscape?(): void;
  autoFocus?: boolean;
  limit?: number;
}

/** Search-as-you-type over the code sets: ↑/↓ move, Enter picks, Esc leaves. */
export const CodeSearch = forwardRef<CodeSearchHandle, Props>(function CodeSearch({ label, initialQuery = '', initialSystem = 'all', onPick, onSelectionChange, onEscape, autoFocus, limit = 100 }, ref) {
  const [query, setQuery] = useState(initialQuery);
  const [system, setSystem] = useState<CodeSystemId | 'all'>(initialSystem);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  const { value: hits, error } = useLatest(
    `${system}|${query}`,
    () => (query.trim() ? api().codesetSearch({ query, limit, ...(system === 'all' ? {} : { system }) }) : Promise.resolve([] as SearchHit[])),
    [] as SearchHit[],
    40,
  );
  const { containerRef, onScroll, first, last, totalHeight, reveal } = useVirtualRows(hits.length, ROW_HEIGHT);
  const selected = Math.min(active, Math.max(0, hits.length - 1));

  useEffect(() => setActive(0), [hits]);
  useEffect(() => onSelectionChange?.(hits[selected] ?? null), [hits, selected, onSelectionChange]);
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const move = (delta: number) => {
    if (!hits.length) return;
    const next = Math.min(hits.length - 1, Math.max(0, selected + delta));
    setActive(next);
    reveal(next);
  };

  return (
    <div className="code-search">
      <div className="code-search-bar">
        <input
          ref={inputRef}
          type="search"
          aria-label={label}
          placeholder="Words, abbreviation (CHF), index path (failure > heart) or code (E11.2)…"
          value={query}
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') move(1);
            else if (e.key === 'ArrowUp') move(-1);
            else if (e.key === 'PageDown') move(10);
            else if (e.key === 'PageUp') move(-10);
            else if (e.key === 'Enter' && hits[selected]) onPick(hits[selected]!);
            else if (e.key === 'Escape' && onEscape) onEscape();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="code-search-results"
          aria-activedescendant={hits[selected] ? `hit-${hits[selected]!.system}-${hits[selected]!.code}` : undefined}
        />
        <select aria-label="Code system" value={system} onChange={(e) => setSystem(e.target.value as CodeSystemId | 'all')}>
          <option value="all">All systems</option>
          {(Object.keys(SYSTEM_LABELS) as CodeSystemId[]).map((s) => (
            <option key={s} value={s}>
              {SYSTEM_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div ref={containerRef} className="code-results" onScroll={onScroll} id="code-search-results" role="listbox" aria-label="Matching codes">
        <div style={{ height: totalHeight, position: 'relative' }}>
          {hits.slice(first, last).map((hit, i) => {
            const index = first + i;
            return (
              <div
                key={`${hit.system}-${hit.code}`}
                id={`hit-${hit.system}-${hit.code}`}
                role="option"
                aria-selected={index === selected}
                className={`code-hit ${index === selected ? 'selected' : ''} ${hit.billable ? '' : 'header'}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => (index === selected ? onPick(hit) : setActive(index))}
                onDoubleClick={() => onPick(hit)}
              >
                <span className="mono code">{hit.display}</span>
                <span className="desc" title={hit.indexPath ? `Index: ${hit.indexPath}` : hit.description}>
                  {hit.description}
                </span>
                <span className="flags">
                  {!hit.billable && <span className="flag" title="Header: not billable">hdr</span>}
                  {hit.hcc.length > 0 && <span className="flag hcc">HCC {hit.hcc.join('/')}</span>}
                  {hit.hasNotes && <span className="flag" title="Has instructional notes">notes</span>}
                  {hit.system !== 'icd10cm' && <span className="flag">{SYSTEM_LABELS[hit.system]}</span>}
                </span>
              </div>
            );
          })}
        </div>
        {query.trim() && hits.length === 0 && !error && <p className="empty">No codes match “{query}”.</p>}
      </div>
    </div>
  );
});
