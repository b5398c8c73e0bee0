import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartStatus, WorklistPage, WorklistQuery, WorklistRow } from '../../../shared/worklist/types';
import { api } from '../../bridge';

const PAGE = 200;

/**
 * Loads the worklist a page at a time as rows scroll into view, so the queue stays instant at
 * 100,000 charts: the core returns one page plus totals, never the whole queue.
 */
export function useWorklistPages(query: Omit<WorklistQuery, 'offset' | 'limit'>) {
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, WorklistRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [meta, setMeta] = useState<Pick<WorklistPage, 'total' | 'counts' | 'payers'> | null>(null);
  const [, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      api()
        .worklistQuery({ ...(JSON.parse(key) as WorklistQuery), offset: page * PAGE, limit: PAGE })
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.rows);
          setMeta({ total: result.total, counts: result.counts, payers: result.payers });
          setError(null);
          setTick((t) => t + 1);
        })
        .catch((err: unknown) => setError((err as Error).message))
        .finally(() => pending.current.delete(page));
    },
    [key],
  );

  const reload = useCallback(() => {
    generation.current++;
    pages.current.clear();
    pending.current.clear();
    fetchPage(0);
  }, [fetchPage]);

  useEffect(() => {
    reload();
  }, [reload]);

  const rowAt = useCallback(
    (index: number): WorklistRow | undefined => {
      const page = Math.floor(index / PAGE);
      const rows = pages.current.get(page);
      if (!rows) {
        fetchPage(page);
        return undefined;
      }
      return rows[index % PAGE];
    },
    [fetchPage],
  );

  return { total: meta?.total ?? 0, counts: meta?.counts ?? (null as Record<ChartStatus, number> | null), payers: meta?.payers ?? [], loaded: meta !== null, rowAt, reload, error };
}
