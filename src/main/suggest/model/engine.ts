// The model engine: PHI guard → prompt → one chat-completions call (streamed, bounded in time and size,
// retried by the SDK on 429 / 5xx) → defensive parse → grounding. It never throws: every failure
// becomes `run.error`, and only grounded suggestions ever leave it.
import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { CodeSetLookup } from '../../../shared/codeset/types';
import { assertSendable } from '../../../shared/phi/index';
import type { PhiKind } from '../../../shared/chart';
import type { SuggestionProvenance } from '../../../shared/review/types';
import { emptyDrops, groundSuggestions } from '../../../shared/suggest/grounding';
import type { SuggestInput, SuggestionRun } from '../../../shared/suggest/types';
import { collectCandidates, type SearchFn } from './candidates';
import { checkEndpointUrl, endpointHost, MODEL_LIMITS, type ModelEngineConfig } from './config';
import { describeModelError } from './errors';
import { buildPrompt, PROMPT_TEMPLATE_HASH, type ModelCandidate } from './prompt';
import { parseModelOutput, SCHEMA_NAME, SUGGESTION_SCHEMA } from './schema';
import { Semaphore, type Priority } from './semaphore';
import { withoutTamperedEvidence } from './tamper';
import { callChat } from './transport';

/** Structured answers for one chart are a few kilobytes; far beyond that is runaway output. */
export const MAX_ANSWER_CHARS = 400_000;

export interface ModelEngineDeps {
  /** The loaded code set; `search` (the encoder) adds candidate codes to the prompt when present. */
  codeSet: CodeSetLookup & { search?: SearchFn };
  fetch?: typeof fetch;
}

export interface ModelSuggestOptions {
  /** Codes the local engine (or the coder's encoder) already found; hints for the model. */
  candidates?: readonly ModelCandidate[];
  /** Background prefetch yields to a chart the coder has open. Default 'interactive'. */
  priority?: Priority;
}

export interface ModelEngine {
  readonly model: string;
  readonly endpointHost: string;
  /** Calls holding a slot right now / waiting for one. */
  readonly inFlight: number;
  readonly waiting: number;
  suggest(input: SuggestInput, signal?: AbortSignal, options?: ModelSuggestOptions): Promise<SuggestionRun>;
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

function checkConfig(config: ModelEngineConfig): void {
  const bad = checkEndpointUrl(config.baseUrl);
  if (bad) throw new Error(bad);
  if (!config.model.trim()) throw new Error(config.provider === 'azure' ? 'Set the Azure deployment name.' : 'Set the model name.');
  if (config.provider === 'azure' && !config.apiVersion) throw new Error('Set the Azure API version (e.g. 2024-10-21).');
  const { timeoutMs, maxConcurrency, maxRetries } = MODEL_LIMITS;
  if (!(config.timeoutMs >= timeoutMs.min && config.timeoutMs <= timeoutMs.max)) throw new Error(`Timeout must be ${timeoutMs.min}–${timeoutMs.max} ms.`);
  if (!Number.isInteger(config.maxConcurrency) || config.maxConcurrency < maxConcurrency.min || config.maxConcurrency > maxConcurrency.max) {
    throw new Error(`Concurrency must be ${maxConcurrency.min}–${maxConcurrency.max}.`);
  }
  if (!Number.isInteger(config.maxRetries) || config.maxRetries < maxRetries.min || config.maxRetries > maxRetries.max) throw new Error(`Retries must be ${maxRetries.min}–${maxRetries.max}.`);
}

function inputProblem(input: SuggestInput): string | null {
  if (!input || !Array.isArray(input.documents)) return 'The chart has no documents.';
  if (!input.documents.every((d) => typeof d?.id === 'string' && typeof d.text === 'string')) return 'The chart has a document without text.';
  if (!input.documents.some((d) => d.text.trim() !== '')) return 'The chart has no text to read.';
  if (!Array.isArray(input.existingCodes) || !Array.isArray(input.priorCodes)) return 'The chart’s code lists are missing.';
  if (typeof input.dateOfService !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.dateOfService)) return 'The chart has no valid date of service.';
  return null;
}

function phiKinds(input: SuggestInput): PhiKind[] {
  const kinds = new Set<PhiKind>();
  for (const d of input.documents) {
    const verdict = assertSendable(d.text);
    if (!verdict.ok) for (const k of verdict.kinds) kinds.add(k);
  }
  return [...kinds].sort();
}

const PHI_LABELS: Readonly<Record<PhiKind, string>> = {
  name: 'names',
  address: 'addresses',
  date: 'dates',
  phone: 'phone numbers',
  fax: 'fax numbers',
  email: 'e-mail addresses',
  ssn: 'Social Security numbers',
  mrn: 'medical record numbers',
  account: 'account numbers',
  license: 'licence numbers',
  url: 'web addresses',
  ip: 'IP addresses',
  device: 'device identifiers',
  age_over_89: 'ages over 89',
};

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export function createModelEngine(config: ModelEngineConfig, deps: ModelEngineDeps): ModelEngine {
  checkConfig(config);
  const host = endpointHost(config.baseUrl);
  const slots = new Semaphore(config.maxConcurrency);
  const baseFetch = deps.fetch ?? globalThis.fetch;
  const describe = (system: Parameters<CodeSetLookup['code']>[0], code: string) => deps.codeSet.code(system, code)?.description;

  /** One client per call, so the attempt count (for the error message) belongs to that call alone. */
  function clientFor(counter: { attempts: number; lastStatus?: number }): OpenAI {
    const countingFetch: typeof fetch = async (url, init) => {
      counter.attempts++;
      const response = await baseFetch(url, init);
      counter.lastStatus = response.status;
      return response;
    };
    const common = { apiKey: config.apiKey || 'none', maxRetries: config.maxRetries, timeout: config.timeoutMs, fetch: countingFetch };
    return config.provider === 'azure'
      ? new AzureOpenAI({ ...common, endpoint: config.baseUrl, apiVersion: config.apiVersion, deployment: config.model })
      : new OpenAI({ ...common, baseURL: config.baseUrl });
  }

  async function suggest(input: SuggestInput, signal?: AbortSignal, options: ModelSuggestOptions = {}): Promise<SuggestionRun> {
    const t0 = performance.now();
    const run = (part: Partial<SuggestionRun>): SuggestionRun => ({
      engine: 'model',
      suggestions: [],
      drops: emptyDrops(),
      proposed: 0,
      ...part,
      elapsedMs: Math.round((performance.now() - t0) * 10) / 10,
    });
    const problem = inputProblem(input);
    if (problem) return run({ error: problem });
    // The guard runs before anything is built or queued: a chart with identifiers never leaves this function.
    const kinds = phiKinds(input);
    if (kinds.length > 0) {
      return run({ error: `Not sent to the model: the chart still contains ${kinds.map((k) => PHI_LABELS[k]).join(', ')}. Re-import it so the PHI guard can de-identify it.` });
    }
    if (signal?.aborted) return run({ error: 'The model request was cancelled.' });

    const candidates = collectCandidates(input, options.candidates ?? [], deps.codeSet.search);
    const prompt = buildPrompt(input, candidates, describe);
    const params: ChatCompletionCreateParamsStreaming = {
      model: config.model,
      messages: prompt.messages,
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: SCHEMA_NAME, strict: true, schema: SUGGESTION_SCHEMA } },
      ...(config.temperature === null ? {} : { temperature: config.temperature }),
    };

    let release: () => void;
    try {
      release = await slots.acquire(options.priority ?? 'interactive', signal);
    } catch {
      return run({ error: 'The model request was cancelled.' });
    }
    const controller = new AbortController();
    const onCallerAbort = (): void => controller.abort(new Cancelled());
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    // The SDK's timeout covers each attempt up to the response headers; this bounds the whole call,
    // retries, backoff and a stalled stream included.
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort(new Cancelled());
    }, config.timeoutMs);
    const counter: { attempts: number; lastStatus?: number } = { attempts: 0 };
    try {
      const call = callChat(clientFor(counter), params, { signal: controller.signal, attemptTimeoutMs: config.timeoutMs, maxRetries: config.maxRetries, maxChars: MAX_ANSWER_CHARS });
      call.catch(() => undefined); // once we stop waiting, the abandoned call may still settle
      const answer = await Promise.race([call, untilAborted(controller.signal)]);
      if (answer.oversized) return run({ error: `The model’s answer was longer than ${MAX_ANSWER_CHARS.toLocaleString('en-US')} characters and was discarded.` });
      if (!answer.content && answer.refusal) return run({ error: `The model declined to answer: ${answer.refusal.slice(0, 200)}` });
      const parsed = parseModelOutput(answer.content);
      if (!parsed.ok) {
        const cut = answer.finishReason === 'length' ? ' The answer was cut off at the token limit.' : '';
        return run({ error: parsed.error + cut });
      }
      const provenance: SuggestionProvenance = {
        engine: 'model',
        model: answer.model ?? config.model,
        endpointHost: host,
        promptTemplateHash: PROMPT_TEMPLATE_HASH,
        codeSetVersion: deps.codeSet.version,
        createdAt: new Date().toISOString(),
      };
      if (answer.responseId) provenance.responseId = answer.responseId;
      if (config.temperature !== null) provenance.temperature = config.temperature;
      const grounded = groundSuggestions(parsed.raw, input, deps.codeSet, provenance);
      grounded.drops.malformed += parsed.malformed;
      const clean = withoutTamperedEvidence(grounded.suggestions, input.documents);
      // Evidence planted in an instruction-like passage is not evidence: the suggestion has none left.
      grounded.drops.noEvidence += clean.dropped;
      return run({ suggestions: clean.kept, drops: grounded.drops, proposed: parsed.raw.length + parsed.malformed });
    } catch (err) {
      const limit = `${Math.round(config.timeoutMs / 100) / 10} s`;
      // A server that answers 429 with a long Retry-After keeps the SDK waiting; say so rather than "timeout".
      if (timedOut && counter.lastStatus === 429) return run({ error: `The model endpoint ${host} is rate-limiting requests (429); gave up after ${limit}. Try again shortly.` });
      if (timedOut) return run({ error: `The model endpoint ${host} did not finish within ${limit}; try again or raise the timeout in settings.` });
      if (signal?.aborted) return run({ error: 'The model request was cancelled.' });
      return run({ error: describeModelError(err, { host, retries: Math.max(0, counter.attempts - 1) }) });
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onCallerAbort);
      release();
    }
  }

  return {
    model: config.model,
    endpointHost: host,
    get inFlight() {
      return slots.inFlight;
    },
    get waiting() {
      return slots.waiting;
    },
    suggest,
  };
}
