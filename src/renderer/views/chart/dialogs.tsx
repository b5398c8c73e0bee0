import { useEffect, useRef, useState } from 'react';
import { REJECT_REASONS, REJECT_REASON_LABELS, type ChartDocumentView, type RejectReason } from '../../../shared/review/types';
import type { SearchHit } from '../../../shared/codeset/search';
import { CodeSearch } from '../../components/CodeSearch';
import { Modal } from '../../components/Modal';
import { findEvidence } from './evidence-segments';
import type { TextSelection } from './DocumentPane';

/** Reason picker for reject (r) and propose-deletion (d): digits choose, "Other" needs words. */
export function ReasonDialog({ title, onSubmit, onClose }: { title: string; onSubmit(reason: RejectReason, text?: string): void; onClose(): void }) {
  const [reason, setReason] = useState<RejectReason | null>(null);
  const [text, setText] = useState('');
  const submit = (r: RejectReason | null) => {
    if (!r) return;
    if (r === 'other' && !text.trim()) {
      setReason('other');
      return;
    }
    onSubmit(r, text.trim() || undefined);
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            submit(reason ?? 'other');
          }
          return;
        }
        const digit = Number(e.key);
        if (digit >= 1 && digit <= REJECT_REASONS.length) {
          e.preventDefault();
          const r = REJECT_REASONS[digit - 1]!;
          setReason(r);
          if (r !== 'other') submit(r);
        }
      }}
    >
      <ol className="reason-list" aria-label="Reasons">
        {REJECT_REASONS.map((r, i) => (
          <li key={r}>
            <button type="button" className={reason === r ? 'active' : ''} onClick={() => (r === 'other' ? setReason('other') : submit(r))}>
              <kbd>{i + 1}</kbd> {REJECT_REASON_LABELS[r]}
            </button>
          </li>
        ))}
      </ol>
      {reason === 'other' && (
        <label className="stacked">
          Say why
          <textarea autoFocus rows={2} value={text} onChange={(e) => setText(e.target.value)} aria-label="Reason text" />
        </label>
      )}
    </Modal>
  );
}

/** `q`: `initialNote` prefills the question (from a query suggestion); the caret starts after it, so Enter sends it as is. */
export function QueryDialog({ code, initialNote = '', onSubmit, onClose }: { code: string; initialNote?: string; onSubmit(note: string): void; onClose(): void }) {
  const [note, setNote] = useState(initialNote);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // Once, on opening: a focused textarea puts its caret at the start, but a coder editing the prefilled question adds to its end.
    const box = noteRef.current;
    box?.setSelectionRange(box.value.length, box.value.length);
  }, []);
  return (
    <Modal title={`Query the provider about ${code}`} onClose={onClose}>
      <label className="stacked">
        What should the provider clarify?
        <textarea
          ref={noteRef}
          autoFocus
          rows={3}
          value={note}
          aria-label="Query note"
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && note.trim()) {
              e.preventDefault();
              onSubmit(note.trim());
            }
          }}
        />
      </label>
      <p className="hint">Enter saves · Shift+Enter new line · Esc cancels</p>
    </Modal>
  );
}

/** `e`: pick the replacement code with the inline encoder. */
export function ChangeCodeDialog({ current, onPick, onClose }: { current: string; onPick(hit: SearchHit): void; onClose(): void }) {
  return (
    <Modal title={`Change ${current}`} onClose={onClose}>
      <CodeSearch label="Search the replacement code" initialQuery={current} autoFocus onPick={onPick} onEscape={onClose} limit={50} />
    </Modal>
  );
}

/**
 * `n`: add a code with its evidence. The evidence is the text selected in the chart, or a phrase typed
 * here and found verbatim in the chart — so the whole step works from the keyboard.
 */
export function AddCodeDialog({ documents, selection, onAdd, onClose }: { documents: ChartDocumentView[]; selection: TextSelection | null; onAdd(hit: SearchHit, evidence: TextSelection): void; onClose(): void }) {
  const [phrase, setPhrase] = useState(selection?.quote ?? '');
  const [stage, setStage] = useState<'evidence' | 'code'>(selection ? 'code' : 'evidence');
  const found = selection && phrase === selection.quote ? selection : findEvidence(documents, phrase);
  return (
    <Modal title="Add a code with evidence" onClose={onClose}>
      <label className="stacked">
        Evidence from the chart
        <input
          autoFocus={stage === 'evidence'}
          value={phrase}
          aria-label="Evidence phrase"
          placeholder="Type words from the note, or select text before pressing n"
          onChange={(e) => setPhrase(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && found) {
              e.preventDefault();
              setStage('code');
            }
          }}
        />
      </label>
      <p className={found ? 'hint' : 'error'} role="status">
        {phrase.trim().length < 2 ? 'Evidence must be quoted from the chart.' : found ? `Found verbatim: “${found.quote}”` : 'Not found in this chart — evidence must be verbatim.'}
      </p>
      {stage === 'code' && found && <CodeSearch label="Search the code to add" autoFocus onPick={(hit) => onAdd(hit, found)} onEscape={() => setStage('evidence')} limit={50} />}
    </Modal>
  );
}
