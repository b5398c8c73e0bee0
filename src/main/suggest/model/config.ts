// What the model engine needs to reach an endpoint. Built by the settings store (with the key from the
// OS vault or the environment) or by hand in the CLI and tests; never persisted in this form.

import type { ModelProvider } from '../../../shared/suggest/model-settings';

export type { ModelProvider };

export interface ModelEngineConfig {
  provider: ModelProvider;
  /**
   * openai / compatible: the API base URL including its version path ("https://api.openai.com/v1",
   * "http://127.0.0.1:11434/v1"). azure: the resource endpoint ("https://x.openai.azure.com").
   */
  baseUrl: string;
  /** Model name, or the deployment name on Azure. */
  model: string;
  /** Azure only, e.g. "2024-10-21". */
  apiVersion?: string;
  apiKey: string;
  /** Null leaves the parameter out (some reasoning models refuse any value). */
  temperature: number | null;
  /** Upper bound on one suggest call, retries and streaming included. */
  timeoutMs: number;
  /** Requests in flight at once across every caller of one engine. */
  maxConcurrency: number;
  /** Retries of 429 / 5xx / connection failures, with the SDK's exponential backoff. */
  maxRetries: number;
}

export const MODEL_DEFAULTS = {
  provider: 'openai' as ModelProvider,
  baseUrl: 'https://api.openai.com/v1',
  temperature: 0,
  timeoutMs: 60_000,
  maxConcurrency: 2,
  maxRetries: 2,
} as const;

export const MODEL_LIMITS = {
  timeoutMs: { min: 1_000, max: 600_000 },
  maxConcurrency: { min: 1, max: 16 },
  maxRetries: { min: 0, max: 6 },
  temperature: { min: 0, max: 2 },
} as const;

/** Host only (never path, query or credentials): what provenance and diagnostics may show. */
export function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return '';
  }
}

/**
 * Charts travel in clear text to the endpoint, so plain http is only accepted on this machine
 * (a local Ollama / vLLM); anything else must be https.
 */
export function checkEndpointUrl(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `"${baseUrl}" is not a URL.`;
  }
  if (url.username || url.password) return 'The endpoint URL must not carry credentials; set the API key instead.';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return `Unsupported scheme "${url.protocol}"; use https.`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) return null;
  return 'Plain http is only allowed to this machine (localhost); use https for a remote endpoint.';
}
