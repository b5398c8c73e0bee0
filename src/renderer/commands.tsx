import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { KeyBinding } from '../shared/api';
import type { CommandId } from '../shared/commands';
import { chordFromEvent } from '../shared/keys';
import { api, isMac } from './bridge';

type Handler = () => void;

interface CommandContextValue {
  bindings: KeyBinding[];
  setBindings(b: KeyBinding[]): void;
  register(id: CommandId, handler: Handler): () => void;
  run(id: string): boolean;
  isAvailable(id: string): boolean;
}

const CommandContext = createContext<CommandContextValue | null>(null);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Holds the keymap and the handlers the mounted views register, and turns key presses into commands.
 * Printable keys typed into a field stay with the field; named keys and Mod chords still run commands.
 */
export function CommandProvider({ children }: { children: ReactNode }) {
  const [bindings, setBindings] = useState<KeyBinding[]>([]);
  const handlers = useRef(new Map<string, Handler[]>());
  const [, setVersion] = useState(0);

  useEffect(() => {
    api()
      .keymapList()
      .then(setBindings)
      .catch((err: unknown) => console.error('Keymap could not be loaded:', err));
  }, []);

  const register = useCallback((id: CommandId, handler: Handler) => {
    const list = handlers.current.get(id) ?? [];
    list.push(handler);
    handlers.current.set(id, list);
    setVersion((v) => v + 1);
    return () => {
      const current = handlers.current.get(id) ?? [];
      handlers.current.set(id, current.filter((h) => h !== handler));
      setVersion((v) => v + 1);
    };
  }, []);

  const run = useCallback((id: string) => {
    const list = handlers.current.get(id);
    const handler = list?.[list.length - 1];
    if (!handler) return false;
    handler();
    return true;
  }, []);

  const isAvailable = useCallback((id: string) => (handlers.current.get(id)?.length ?? 0) > 0, []);

  // Read through a ref that is updated during render: the listener is attached once, so a key pressed
  // right after the keymap arrives is never handled by a listener that still holds the empty keymap.
  const bindingsRef = useRef(bindings);
  bindingsRef.current = bindings;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const chord = chordFromEvent(event, isMac);
      if (chord.length === 1 && isTypingTarget(event.target)) return;
      // Most recently registered handlers win, so a view's own binding beats a global one.
      for (const binding of bindingsRef.current) {
        if (!binding.keys.includes(chord)) continue;
        if (run(binding.command)) {
          event.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  useEffect(() => {
    const bridge = window.plumbline;
    if (!bridge?.onCommand) return;
    return bridge.onCommand((command) => {
      run(command);
    });
  }, [run]);

  const value = useMemo(() => ({ bindings, setBindings, register, run, isAvailable }), [bindings, register, run, isAvailable]);
  return <CommandContext.Provider value={value}>{children}</CommandContext.Provider>;
}

export function useCommands(): CommandContextValue {
  const ctx = useContext(CommandContext);
  if (!ctx) throw new Error('useCommands outside CommandProvider');
  return ctx;
}

/** Registers a handler for a command while the calling component is mounted. */
export function useCommand(id: CommandId, handler: Handler, enabled = true): void {
  const { register } = useCommands();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    return register(id, () => latest.current());
  }, [id, enabled, register]);
}
