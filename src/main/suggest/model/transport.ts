// One chat-completions call through the openai SDK (which owns retries with backoff on 429 / 5xx and
// connection failures). We ask for a stream and accumulate the content deltas, but read the raw
// response ourselves so a server that ignores `stream` and answers with plain JSON still works, and so
// a runaway answer is cut off at a size bound instead of filling memory.
import OpenAI from 'openai';
import { Stream } from 'openai/core/streaming';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';

export interface ChatResult {
  content: string;
  responseId?: string;
  model?: string;
  finishReason?: string;
  refusal?: string;
  /** The answer passed `maxChars` and was cut off. */
  oversized: boolean;
}

export interface CallLimits {
  signal: AbortSignal;
  /** Per attempt, until the response headers arrive (the SDK's timeout). */
  attemptTimeoutMs: number;
  maxRetries: number;
  maxChars: number;
}

async function readCapped(response: Response, maxChars: number): Promise<{ text: string; oversized: boolean }> {
  if (!response.body) return { text: await response.text(), oversized: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    // JSON escaping can double the size of the content, so allow the envelope twice the content bound.
    if (text.length > maxChars * 2) {
      await reader.cancel();
      return { text: '', oversized: true };
    }
  }
  return { text: text + decoder.decode(), oversized: false };
}

async function fromStream(response: Response, signal: AbortSignal, maxChars: number): Promise<ChatResult> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  const out: ChatResult = { content: '', oversized: false };
  let refusal = '';
  try {
    for await (const chunk of Stream.fromSSEResponse<ChatCompletionChunk>(response, controller)) {
      out.responseId ??= chunk.id || undefined;
      out.model ??= chunk.model || undefined;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      if (typeof choice.delta?.content === 'string') out.content += choice.delta.content;
      if (typeof choice.delta?.refusal === 'string') refusal += choice.delta.refusal;
      if (choice.finish_reason) out.finishReason = choice.finish_reason;
      if (out.content.length > maxChars) {
        out.oversized = true;
        out.content = '';
        break; // leaving the loop aborts the stream's controller
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (refusal) out.refusal = refusal;
  return out;
}

async function fromJson(response: Response, maxChars: number): Promise<ChatResult> {
  const { text, oversized } = await readCapped(response, maxChars);
  if (oversized) return { content: '', oversized: true };
  let body: ChatCompletion;
  try {
    body = JSON.parse(text) as ChatCompletion;
  } catch {
    // Not a chat completion at all: hand back nothing, the caller reports an empty answer.
    return { content: '', oversized: false };
  }
  const choice = Array.isArray(body?.choices) ? body.choices[0] : undefined;
  const content = typeof choice?.message?.content === 'string' ? choice.message.content : '';
  const out: ChatResult = { content, oversized: content.length > maxChars };
  if (out.oversized) out.content = '';
  if (typeof body.id === 'string') out.responseId = body.id;
  if (typeof body.model === 'string') out.model = body.model;
  if (typeof choice?.finish_reason === 'string') out.finishReason = choice.finish_reason;
  if (typeof choice?.message?.refusal === 'string' && choice.message.refusal) out.refusal = choice.message.refusal;
  return out;
}

export async function callChat(client: OpenAI, params: ChatCompletionCreateParamsStreaming, limits: CallLimits): Promise<ChatResult> {
  const response = await client.chat.completions
    .create(params, { signal: limits.signal, timeout: limits.attemptTimeoutMs, maxRetries: limits.maxRetries })
    .asResponse();
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/event-stream') ? fromStream(response, limits.signal, limits.maxChars) : fromJson(response, limits.maxChars);
}
