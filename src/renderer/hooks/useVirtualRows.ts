import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Fixed-height row virtualisation: only the rows in view (plus a small overscan) are rendered, so a
 * list of 100,000 charts or 10,000 codes scrolls like a list of 20.
 */
export function useVirtualRows(count: number, rowHeight: number, overscan = 8) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => setScrollTop(containerRef.current?.scrollTop ?? 0), []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  /** Scrolls just enough to show row `index`. */
  const reveal = useCallback(
    (index: number) => {
      const el = containerRef.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [rowHeight],
  );

  return { containerRef, onScroll, first, last, totalHeight: count * rowHeight, reveal };
}
