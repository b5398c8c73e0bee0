// The model engine: suggestions from an OpenAI / Azure OpenAI / OpenAI-compatible endpoint, grounded.
export { createModelEngine, MAX_ANSWER_CHARS, type ModelEngine, type ModelEngineDeps, type ModelSuggestOptions } from './engine';
export { checkEndpointUrl, endpointHost, MODEL_DEFAULTS, MODEL_LIMITS, type ModelEngineConfig, type ModelProvider } from './config';
export { PROMPT_TEMPLATE_HASH, PROMPT_TEMPLATE_VERSION, type ModelCandidate } from './prompt';
export { SUGGESTION_SCHEMA } from './schema';
export type { Priority } from './semaphore';
