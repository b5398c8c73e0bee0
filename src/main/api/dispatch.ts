import { isApiMethod, type ApiEnvelope, type ApiHandlers } from '../../shared/api';

/**
 * Runs one contract call and turns the outcome into an envelope. Used by the Electron IPC wiring and
 * the test bridge alike, so both report errors the same way.
 */
export async function dispatch(handlers: ApiHandlers, method: unknown, request: unknown): Promise<ApiEnvelope<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { name: 'UnknownMethod', message: `Unknown API method "${String(method)}".` } };
  try {
    const handler = handlers[method] as (req: unknown) => unknown;
    return { ok: true, value: await handler(request) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { ok: false, error: { name: e.name, message: e.message } };
  }
}
