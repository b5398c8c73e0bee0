import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'input, textarea, select, button, [href], [tabindex]:not([tabindex="-1"])';

/**
 * A dialog that keeps Tab inside it, closes on Escape and restores focus to where the user was. Focus
 * starts on a control the dialog focused itself (a textarea's `autoFocus`), else on the element marked
 * `data-autofocus` (e.g. a confirm button), else on the first control.
 */
export function Modal({ title, onClose, children, onKeyDown }: { title: string; onClose(): void; children: ReactNode; onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Where the user was, read on the first render: a child's autoFocus moves focus before effects run.
  const previous = useRef<HTMLElement | null | undefined>(undefined);
  if (previous.current === undefined) previous.current = document.activeElement as HTMLElement | null;
  // Before the dialog is painted: a key pressed as soon as it shows (Enter to submit) must reach it,
  // not the chart behind it.
  useLayoutEffect(() => {
    const box = ref.current;
    const was = previous.current;
    if (box && !box.contains(document.activeElement)) {
      const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? box.querySelector<HTMLElement>(FOCUSABLE);
      (first ?? box).focus();
    }
    return () => was?.focus?.();
  }, []);
  const keepTabInside = (e: KeyboardEvent<HTMLDivElement>): void => {
    const controls = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => !el.hasAttribute('disabled'));
    if (controls.length === 0) return e.preventDefault();
    const at = controls.indexOf(document.activeElement as HTMLElement);
    const next = e.shiftKey ? (at <= 0 ? controls.length - 1 : at - 1) : at === controls.length - 1 ? 0 : at + 1;
    e.preventDefault();
    controls[next]!.focus();
  };
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
          } else if (e.key === 'Tab') keepTabInside(e);
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
