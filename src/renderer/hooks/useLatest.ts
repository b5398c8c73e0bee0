import { useEffect, useRef, useState } from 'react';

/**
 * Runs an async load whenever `key` changes and keeps only the newest answer, so a slow reply to an
 * old keystroke can never overwrite the result of a newer one.
 */
export function useLatest<T>(key: string, load: () => Promise<T>, initial: T, delayMs = 0): { value: T; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ value: T; error: string | null; loading: boolean }>({ value: initial, error: null, loading: false });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      loadRef
        .current()
        .then((value) => {
          if (mine === seq.current) setState({ value, error: null, loading: false });
        })
        .catch((err: unknown) => {
          if (mine === seq.current) setState((s) => ({ ...s, error: (err as Error).message, loading: false }));
        });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return state;
}
