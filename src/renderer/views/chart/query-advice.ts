import type { ReviewItem } from '../../../shared/review/types';

/**
 * The engine's rationale for a 'query' suggestion, as words the provider can read: its closing
 * instruction to the coder ("…: query the provider", "…. Query the provider") is dropped, since the
 * note is what the provider is asked. Null for other suggestions, or when the engine gave no rationale.
 */
export function queryAdvice(item: ReviewItem): string | null {
  if (item.suggestion?.kind !== 'query') return null;
  const text = (item.suggestion.rationale ?? '').trim();
  const advice = text.replace(/[\s.:;,—-]*query the provider[.!]?$/i, '').trim();
  if (!advice) return null;
  return /[.?!]$/.test(advice) ? advice : `${advice}.`;
}
