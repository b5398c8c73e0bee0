// Plain-text tables for the CLI: fixed columns, long cells word-wrapped inside their column, so the
// output stays readable in an 80–120 column terminal and diffable in tests.

export interface TableColumn {
  header: string;
  /** Widest the column may grow; longer cells wrap. */
  max: number;
  align?: 'left' | 'right';
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        lines.push(line);
        line = w;
      }
    }
    lines.push(line);
  }
  return lines.length ? lines : [''];
}

export function renderTable(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((c, i) => Math.min(c.max, Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length))));
  const pad = (s: string, i: number): string => (columns[i]!.align === 'right' ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const out: string[] = [];
  out.push(columns.map((c, i) => pad(c.header, i)).join('  ').trimEnd());
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    const cells = columns.map((_, i) => wrap(row[i] ?? '', widths[i]!));
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l++) out.push(cells.map((c, i) => pad(c[l] ?? '', i)).join('  ').trimEnd());
  }
  return out.join('\n');
}
