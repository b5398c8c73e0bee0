// A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: POST /v1/chat/completions (OpenAI and
// compatible servers) and POST /openai/deployments/<name>/chat/completions (Azure), streaming (SSE) or
// plain JSON. Each test scripts how it answers and reads back every request body it received.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Azure deployment from the path, when the Azure route was used. */
  deployment?: string;
  rawBody: string;
  body: ChatRequestBody | null;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  temperature?: number;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

/** One suggestion item as the model would write it (free-form on purpose: tests send broken ones too). */
export type FakeItem = Record<string, unknown>;

export type Behaviour =
  /** A well-formed structured answer. */
  | { kind: 'suggestions'; items: FakeItem[] | ((req: RecordedRequest) => FakeItem[]); stream?: boolean; delayMs?: number }
  /** Any content string as the assistant message (malformed JSON, prose, a huge blob). */
  | { kind: 'content'; content: string; stream?: boolean; finishReason?: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'status'; status: number; message?: string; retryAfterMs?: number }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Sends the stream's headers and first chunk, then goes silent. */
  | { kind: 'stall-stream' }
  /** A gullible model: finds "add code X … quote "Y"" in the prompt and returns exactly that. */
  | { kind: 'obey-injection' };

export interface FakeOpenAIServer {
  /** OpenAI / compatible base URL, ending in /v1. */
  readonly baseUrl: string;
  /** Azure resource endpoint (the SDK appends /openai/deployments/…). */
  readonly azureEndpoint: string;
  readonly requests: RecordedRequest[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Requests the client abandoned before the answer was complete. */
  readonly disconnects: number;
  /** One-shot behaviours, used in order before the default. */
  enqueue(...behaviours: Behaviour[]): void;
  setDefault(behaviour: Behaviour | ((req: RecordedRequest) => Behaviour)): void;
  reset(): void;
  close(): Promise<void>;
}

let counter = 0;

function completionId(): string {
  counter++;
  return `chatcmpl-fake-${process.pid}-${counter}`;
}

const MODEL = 'fake-model-2026-01-01';

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendContent(req: RecordedRequest, res: http.ServerResponse, content: string, wantStream: boolean, finishReason = 'stop'): void {
  const id = completionId();
  const created = Math.floor(Date.now() / 1000);
  if (!wantStream) {
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: MODEL,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
      usage: { prompt_tokens: Math.ceil(req.rawBody.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: 0 },
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }, null));
  // Small deltas like a real model, but no more than ~400 events for a huge answer.
  const step = Math.max(24, Math.ceil(content.length / 400));
  for (let i = 0; i < content.length; i += step) res.write(chunk({ content: content.slice(i, i + step) }, null));
  res.write(chunk({}, finishReason));
  res.end('data: [DONE]\n\n');
}

function userPrompt(req: RecordedRequest): string {
  return (req.body?.messages ?? []).filter((m) => m.role === 'user').map((m) => m.content).join('\n');
}

/** What an instruction-following model would do with "ignore previous instructions and add code X citing "Y"". */
function obeyInjection(req: RecordedRequest): FakeItem[] {
  const text = userPrompt(req);
  const items: FakeItem[] = [];
  for (const m of text.matchAll(/add code ([A-Z0-9.]{3,8})(?:(?:(?!add code)[^"\n])*?quote "([^"]+)")?/gi)) {
    items.push({ system: 'ICD-10-CM', code: m[1], kind: 'add', evidence: [m[2] ?? 'as instructed'], meat: { monitor: [], evaluate: [], assess: [], treat: [] }, rationale: 'The note says to add it.', confidence: 1 });
  }
  return items;
}

export async function startFakeOpenAI(): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const queue: Behaviour[] = [];
  let fallback: Behaviour | ((req: RecordedRequest) => Behaviour) = { kind: 'suggestions', items: [] };
  let inFlight = 0;
  let maxInFlight = 0;
  let disconnects = 0;
  const open = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    open.add(res);
    let settled = false;
    res.on('close', () => {
      if (!settled) {
        settled = true;
        inFlight--;
        open.delete(res);
        if (!res.writableFinished) disconnects++;
      }
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: ChatRequestBody | null = null;
      try {
        body = JSON.parse(rawBody) as ChatRequestBody;
      } catch {
        body = null;
      }
      const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        body,
        at: Date.now(),
        ...(azure ? { deployment: decodeURIComponent(azure[1]!) } : {}),
      };
      requests.push(recorded);
      if (req.method !== 'POST' || (url.pathname !== '/v1/chat/completions' && !azure)) {
        sendJson(res, 404, { error: { message: `No route ${req.method} ${url.pathname}`, type: 'invalid_request_error' } });
        return;
      }
      if (!body) {
        sendJson(res, 400, { error: { message: 'Body is not JSON', type: 'invalid_request_error' } });
        return;
      }
      const b = queue.shift() ?? (typeof fallback === 'function' ? fallback(recorded) : fallback);
      const wantStream = body.stream === true;
      switch (b.kind) {
        case 'suggestions': {
          const items = typeof b.items === 'function' ? b.items(recorded) : b.items;
          const send = () => sendContent(recorded, res, JSON.stringify({ suggestions: items }), wantStream && b.stream !== false);
          if (b.delayMs) setTimeout(() => !res.destroyed && send(), b.delayMs);
          else send();
          return;
        }
        case 'content':
          sendContent(recorded, res, b.content, wantStream && b.stream !== false, b.finishReason);
          return;
        case 'obey-injection':
          sendContent(recorded, res, JSON.stringify({ suggestions: obeyInjection(recorded) }), wantStream);
          return;
        case 'status':
          sendJson(res, b.status, { error: { message: b.message ?? `fake status ${b.status}`, type: 'server_error', code: null } }, b.retryAfterMs !== undefined ? { 'retry-after-ms': String(b.retryAfterMs) } : {});
          return;
        case 'hang':
          return;
        case 'stall-stream':
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(`data: ${JSON.stringify({ id: completionId(), object: 'chat.completion.chunk', created: 0, model: MODEL, choices: [{ index: 0, delta: { role: 'assistant', content: '{"sugg' }, finish_reason: null }] })}\n\n`);
          return;
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    azureEndpoint: `http://127.0.0.1:${port}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get disconnects() {
      return disconnects;
    },
    enqueue: (...b) => void queue.push(...b),
    setDefault: (b) => {
      fallback = b;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      maxInFlight = inFlight;
      disconnects = 0;
      fallback = { kind: 'suggestions', items: [] };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
