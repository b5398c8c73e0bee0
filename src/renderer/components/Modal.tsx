import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** A dialog that traps focus, closes on Escape and restores focus to where the user was. */
export function Modal({ title, onClose, children, onKeyDown }: { title: string; onClose(): void; children: ReactNode; onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, button, [tabindex]');
    (first ?? ref.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          onKeyDown?.(e);
          if (e.defaultPrevented) return;
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
          // Keys inside a dialog never reach the global keymap (its listener sits on window).
          e.stopPropagation();
        }}
      >
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
