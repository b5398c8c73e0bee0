// Turns whatever the SDK or the network threw into one sentence a coder can act on. Server messages
// are cut short: they are shown in the UI and must not carry a whole request back.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

const MAX_SERVER_MESSAGE = 200;

function serverMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  const msg = typeof body?.message === 'string' ? body.message : '';
  const clean = msg.replace(/\s+/g, ' ').trim();
  return clean ? `: ${clean.length > MAX_SERVER_MESSAGE ? `${clean.slice(0, MAX_SERVER_MESSAGE)}…` : clean}` : '';
}

export function describeModelError(err: unknown, ctx: { host: string; retries: number }): string {
  const after = ctx.retries > 0 ? ` after ${ctx.retries} ${ctx.retries === 1 ? 'retry' : 'retries'}` : '';
  if (err instanceof APIUserAbortError) return 'The model request was cancelled.';
  if (err instanceof APIConnectionTimeoutError) return `The model endpoint ${ctx.host} did not answer in time${after}.`;
  if (err instanceof APIConnectionError) return `Could not reach the model endpoint ${ctx.host}${after}; suggestions from the local engine still apply.`;
  if (err instanceof APIError) {
    const status = err.status;
    if (status === 401) return `The model endpoint ${ctx.host} refused the API key (401). Check the key in settings.`;
    if (status === 403) return `The model endpoint ${ctx.host} denied access (403)${serverMessage(err)}.`;
    if (status === 404) return `The model or deployment was not found at ${ctx.host} (404). Check the model / deployment name${serverMessage(err)}.`;
    if (status === 429) return `The model endpoint ${ctx.host} is rate-limiting requests (429)${after}. Try again shortly.`;
    if (status !== undefined && status >= 500) return `The model endpoint ${ctx.host} failed (HTTP ${status})${after}.`;
    if (status !== undefined) return `The model endpoint ${ctx.host} rejected the request (HTTP ${status})${serverMessage(err)}.`;
    return `The model endpoint ${ctx.host} sent an error${serverMessage(err)}.`;
  }
  if (err instanceof Error && err.name === 'AbortError') return 'The model request was cancelled.';
  return `The model call failed: ${err instanceof Error ? err.message.slice(0, MAX_SERVER_MESSAGE) : String(err).slice(0, MAX_SERVER_MESSAGE)}`;
}
