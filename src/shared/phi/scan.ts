// Runs every detector over a text and settles overlaps, so each character belongs to at most one finding.
import { findAddresses } from './addresses';
import { findAgesOver89 } from './ages';
import { findContacts } from './contacts';
import { findDates } from './dates';
import { findKnownValues, findNameWords, nameWords, type NameWords } from './known';
import { findLabeledIds } from './labeled-ids';
import { findNamesByShape } from './names';
import type { Detection, PhiContext, PhiFinding } from './types';

/**
 * Longest first at each position, then left to right. Overlapping findings are merged into one span
 * (the longer one's kind) so no identifier is left half-covered; a merged span loses its rewrite and
 * becomes a token.
 */
function settle(text: string, found: Detection[]): Detection[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (d.end <= d.start) continue;
    const last = kept[kept.length - 1];
    // "Alvin56 Jerde200" is one name, not two.
    if (last && last.kind === 'name' && d.kind === 'name' && d.start >= last.end && /^[ \t]{1,2}$/.test(text.slice(last.end, d.start))) {
      kept[kept.length - 1] = { kind: 'name', start: last.start, end: Math.max(last.end, d.end) };
      continue;
    }
    if (!last || d.start >= last.end) {
      kept.push(d);
      continue;
    }
    if (d.end <= last.end) continue;
    const longer = d.end - d.start > last.end - last.start ? d : last;
    kept[kept.length - 1] = { kind: longer.kind, start: last.start, end: d.end };
  }
  return kept;
}

// An import passes the same staff list (hundreds of practitioners) for every note; split it once.
const staffCache = new WeakMap<readonly string[], NameWords>();

function staffWords(names: readonly string[] | undefined): NameWords {
  if (!names || names.length === 0) return new Map();
  let words = staffCache.get(names);
  if (!words) {
    words = nameWords(names, 'staff');
    staffCache.set(names, words);
  }
  return words;
}

/** Internal: every detection with its rewrite, overlaps settled. */
export function detectPhi(text: string, ctx: PhiContext = {}): Detection[] {
  const shape = findNamesByShape(text);
  const words = nameWords(ctx.knownNames ?? [], 'strong');
  nameWords([...shape.words], 'strong', words);
  const found: Detection[] = [
    ...findKnownValues(text, ctx),
    ...findNameWords(text, words, staffWords(ctx.staff?.names)),
    ...shape.detections,
    ...findContacts(text),
    ...findLabeledIds(text),
    ...findAddresses(text),
    ...findAgesOver89(text),
  ];
  if (!ctx.shiftedDatesAllowed) found.push(...findDates(text));
  return settle(text, found);
}

/** Safe Harbor identifiers in `text`: kind and offsets only, never the values. */
export function scanPhi(text: string, ctx: PhiContext = {}): PhiFinding[] {
  return detectPhi(text, ctx).map(({ kind, start, end }) => ({ kind, start, end }));
}
