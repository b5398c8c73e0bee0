// The coder tests' per-test setup (vitest hooks; fixtures.ts stays free of them, as the crash test's
// child process imports it outside vitest).
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { createCoderHandlers, type CoderHandlers } from '../../../src/main/review/handlers';
import { codeSet, CODER, tempDb, type TempDb } from './fixtures';

/**
 * Each test gets a fresh database with the demo charts loaded and coder handlers on it; `use` receives
 * them before every test (the file keeps them in its own variables).
 */
export function useDemoHandlers(use: (t: TempDb, h: CoderHandlers) => void): void {
  let current: TempDb | undefined;
  beforeAll(() => {
    codeSet();
  }, 60_000);
  beforeEach(() => {
    current = tempDb();
    const h = createCoderHandlers({ db: current.db, codeSet: codeSet(), user: CODER, dataDir: current.dir });
    h.demoLoad();
    use(current, h);
  });
  afterEach(() => current?.cleanup());
}
