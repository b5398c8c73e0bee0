import type { CliCommand } from '../command';
import type { Metric } from '../../bench/metric';
import { BENCHES } from '../../bench/registry';

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'Run the benchmarks; prints one JSON object per line',
  usage: 'plumbline bench [--only <metric-prefix>]',
  options: { only: { type: 'string' } },
  async run(ctx, { values }) {
    const only = typeof values.only === 'string' ? values.only : undefined;
    let failures = 0;
    for (const bench of BENCHES) {
      if (only && !bench.prefixes.some((p) => p.startsWith(only) || only.startsWith(p))) continue;
      try {
        const metrics: Metric[] = await bench.run(ctx);
        for (const m of metrics) ctx.out(JSON.stringify(m));
      } catch (err) {
        failures++;
        ctx.err(`bench ${bench.name} failed: ${(err as Error).message}`);
      }
    }
    return failures ? 1 : 0;
  },
};
