import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeDetail, SearchHit } from '../../../shared/codeset/search';
import type { CodeSystemId } from '../../../shared/codeset/types';
import { api } from '../../bridge';
import { useCommand } from '../../commands';
import { CodeSearch, type CodeSearchHandle } from '../../components/CodeSearch';
import { CodeDetailPanel } from './CodeDetailPanel';

/** The encoder: search on the left, the opened code's hierarchy, notes, HCC and edits on the right. */
export function EncoderView({ focusToken }: { focusToken: number }) {
  const searchRef = useRef<CodeSearchHandle>(null);
  const [detail, setDetail] = useState<CodeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  useEffect(() => searchRef.current?.focus(), [focusToken]);

  const open = useCallback(async (system: CodeSystemId, code: string) => {
    try {
      const d = await api().codesetDetail({ system, code });
      setDetail(d);
      setError(d ? null : `Code ${code} is not in the loaded code set.`);
      requestAnimationFrame(() => detailRef.current?.querySelector<HTMLElement>('.code-detail')?.focus());
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);

  const back = useCallback(() => {
    setDetail(null);
    searchRef.current?.focus();
  }, []);
  useCommand('nav.back', back, detail !== null);

  return (
    <section className="view encoder-view" aria-labelledby="encoder-title">
      <header className="view-header">
        <h1 id="encoder-title">Encoder</h1>
        <span className="hint">
          <kbd>/</kbd> search · <kbd>↑</kbd>
          <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> back
        </span>
      </header>
      <div className="encoder-body">
        <CodeSearch ref={searchRef} label="Search codes" autoFocus onPick={(hit: SearchHit) => void open(hit.system, hit.code)} onEscape={detail ? back : undefined} />
        <div className="encoder-detail" ref={detailRef} tabIndex={0} role="region" aria-label="Code detail">
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {detail ? <CodeDetailPanel detail={detail} onOpenCode={(code) => void open(detail.record.system, code)} /> : <p className="hint">Open a code to see its hierarchy, notes, HCC and edits.</p>}
        </div>
      </div>
    </section>
  );
}
