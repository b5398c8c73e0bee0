// "12/300 charts" on an interactive stderr for long model runs; silent when stderr is a file or pipe,
// and never on stdout, which stays machine-readable.
export interface ChartProgress {
  tick(failed: boolean): void;
  end(): void;
}

export function chartProgress(total: number, label: string): ChartProgress {
  if (!process.stderr.isTTY) return { tick: () => undefined, end: () => undefined };
  let done = 0;
  let failed = 0;
  return {
    tick(f) {
      done++;
      if (f) failed++;
      process.stderr.write(`\r\x1b[2K${label}: ${done}/${total} charts${failed ? ` (${failed} failed)` : ''}`);
    },
    end() {
      if (done) process.stderr.write('\r\x1b[2K');
    },
  };
}
