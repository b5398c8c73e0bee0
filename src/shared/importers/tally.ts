// Collects counts of skipped and ignored things during an import and writes them as warnings at the end,
// so warnings are few, readable and never carry a value from the data.
export class Tally {
  private readonly counts = new Map<string, number>();

  add(message: string, n = 1): void {
    if (n > 0) this.counts.set(message, (this.counts.get(message) ?? 0) + n);
  }

  /** "12 × encounter without documents skipped" style lines, in first-seen order. */
  lines(): string[] {
    return [...this.counts].map(([message, n]) => `${n} × ${message}`);
  }
}
