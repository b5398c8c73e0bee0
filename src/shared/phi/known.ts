// Matching the identifiers the source record tells us about: the patient's and practitioners' names
// (word by word), organisation names (as phrases), street lines, cities, ZIP codes and identifier values.
import type { PhiKind } from '../chart';
import type { Detection, KnownIdentifier, PhiContext } from './types';
import { COMMON_WORDS, DISEASE_WORDS, EPONYMS, TITLES } from './words';

const WORD = /[\p{L}\p{N}]+/gu;
// Capitalised words only, with plain character ranges: unicode property classes are several times
// slower and this runs over every word of every note. startsUpper() settles the non-Latin cases.
const LETTERS = String.raw`A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFDFF\uFE70-\uFEFF`;
const CAPITALISED_WORD = new RegExp(String.raw`(?<![${LETTERS}])[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u1FFF\u2C00-\uD7FF][${LETTERS}]*`, 'g');
const MIN_IDENTIFIER_LENGTH = 4;

/** Splits names into the lower-cased words the guard looks for, adding Synthea's names without their numeric suffix. */
export function nameWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (const [word] of name.matchAll(WORD)) {
      const lower = word.toLowerCase();
      if (lower.length < 2 || TITLES.has(lower) || /^\d+$/.test(lower)) continue;
      out.add(lower);
      const bare = lower.replace(/\d+$/, '');
      if (bare !== lower && bare.length >= 2) out.add(bare);
    }
  }
  return out;
}

function startsUpper(word: string): boolean {
  const first = word[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Finds capitalised occurrences of the given name words; common words only next to another name word. */
export function findNameWords(text: string, words: ReadonlySet<string>): Detection[] {
  if (words.size === 0) return [];
  const hits: Array<{ start: number; end: number; weak: boolean }> = [];
  CAPITALISED_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITALISED_WORD.exec(text)) !== null) {
    const word = m[0];
    if (!startsUpper(word)) continue;
    const lower = word.toLowerCase();
    if (!words.has(lower)) continue;
    const end = m.index + word.length;
    if (EPONYMS.has(lower) && DISEASE_WORDS.test(text.slice(end, end + 40))) continue;
    hits.push({ start: m.index, end, weak: COMMON_WORDS.has(lower) });
  }
  const out: Detection[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    if (hit.weak) {
      const prev = hits[i - 1];
      const next = hits[i + 1];
      const joined = (a: { end: number } | undefined, b: { start: number } | undefined): boolean =>
        a !== undefined && b !== undefined && /^[\s,.]{1,3}$/.test(text.slice(a.end, b.start));
      const strongNeighbour = (prev && !prev.weak && joined(prev, hit)) || (next && !next.weak && joined(hit, next));
      if (!strongNeighbour) continue;
    }
    out.push({ kind: 'name', start: hit.start, end: hit.end });
  }
  return out;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Every whole-word, case-insensitive occurrence of `needle` (already lower-case) in `lower`. */
function findPhrase(text: string, lower: string, needle: string, kind: PhiKind, capitalised: boolean, out: Detection[]): void {
  if (needle.length === 0) return;
  let at = lower.indexOf(needle);
  while (at !== -1) {
    const end = at + needle.length;
    const bounded = !isWordChar(lower[at - 1]) && !isWordChar(lower[end]);
    if (bounded && (!capitalised || startsUpper(text.slice(at, at + 1)))) out.push({ kind, start: at, end });
    at = lower.indexOf(needle, at + 1);
  }
}

function normaliseSpace(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function identifierKind(value: string): PhiKind {
  if (/^\d{3}-?\d{2}-?\d{4}$/.test(value)) return 'ssn';
  if (value.includes('@')) return 'email';
  if (/^\+?[\d ().-]{7,20}$/.test(value) && value.replace(/\D/g, '').length >= 7) return 'phone';
  if (/^(?:https?:|www\.)/i.test(value)) return 'url';
  return 'mrn';
}

function knownIdentifier(entry: string | KnownIdentifier): KnownIdentifier {
  return typeof entry === 'string' ? { value: entry, kind: identifierKind(entry) } : entry;
}

/** Phrases, addresses and identifiers from the context. Names are matched word by word elsewhere. */
export function findKnownValues(text: string, ctx: PhiContext): Detection[] {
  const out: Detection[] = [];
  const hasAny = (ctx.knownPhrases?.length ?? 0) + (ctx.knownAddresses?.length ?? 0) + (ctx.knownIdentifiers?.length ?? 0) > 0;
  if (!hasAny) return out;
  // toLowerCase can change length for a few scripts; fall back to exact matching there.
  const folded = text.toLowerCase();
  const lower = folded.length === text.length ? folded : text;
  for (const phrase of ctx.knownPhrases ?? []) {
    const p = normaliseSpace(phrase).toLowerCase();
    if (p.length >= 3) findPhrase(text, lower, p, 'name', false, out);
  }
  for (const address of ctx.knownAddresses ?? []) {
    const a = normaliseSpace(address).toLowerCase();
    if (a.length < 3) continue;
    // A one-word city ("Lynn", "Hope") is only trusted capitalised.
    findPhrase(text, lower, a, 'address', /^\p{L}+$/u.test(a), out);
  }
  for (const entry of ctx.knownIdentifiers ?? []) {
    const { value, kind } = knownIdentifier(entry);
    const v = normaliseSpace(value).toLowerCase();
    if (v.length < MIN_IDENTIFIER_LENGTH) continue;
    findPhrase(text, lower, v, kind, false, out);
    const digits = v.replace(/\D/g, '');
    if ((kind === 'ssn' || kind === 'phone' || kind === 'fax') && digits !== v && digits.length >= 7) {
      findPhrase(text, lower, digits, kind, false, out);
    }
  }
  return out;
}
