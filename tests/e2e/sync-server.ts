// A real sync server (PGlite, 127.0.0.1) with one team for a single e2e test: `run` gets its URL and
// team; afterwards the desktop signs out (when asked to) and the server is torn down, whatever happened.
import { Harness, type Team } from '../server/harness';

export async function withSyncServer(run: (s: { h: Harness; url: string; t: Team }) => Promise<void>, signOut?: () => unknown): Promise<void> {
  const h = new Harness('pglite');
  await h.setup();
  try {
    const url = await h.startServer();
    const t = await h.team();
    await run({ h, url, t });
  } finally {
    await signOut?.();
    await h.teardown();
  }
}
