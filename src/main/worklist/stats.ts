// Query-planner statistics. Without them SQLite can pick a worse index for the worklist's filter +
// sort (measured at 100k charts: 35 ms instead of 9 ms for a filtered first page), so they are
// refreshed after bulk writes. analysis_limit keeps this around a second even at 100k charts.
import type { Db } from '../db/open';

export function refreshQueryStats(db: Db): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}
