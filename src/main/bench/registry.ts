import type { CliContext } from '../cli/command';
import { benchFirstPaint, benchOpenMigrate } from './foundation';
import type { Metric } from './metric';

export interface Bench {
  name: string;
  /** Metric name prefixes it produces, for `plumbline bench --only`. */
  prefixes: string[];
  run(ctx: CliContext): Metric[] | Promise<Metric[]>;
}

export const BENCHES: readonly Bench[] = [
  { name: 'database', prefixes: ['db.'], run: () => benchOpenMigrate() },
  { name: 'renderer', prefixes: ['renderer.'], run: () => benchFirstPaint() },
];
