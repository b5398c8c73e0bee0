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

/**
 * How much a known name word is trusted on its own. A patient's own names are; words that are also
 * everyday or clinical words ("Hope", "January") and names of staff (practitioners, which a note may
 * share with an eponym such as "Gleason") only count next to another name word.
 */
export type NameStrength = 'strong' | 'staff' | 'common';

export type NameWords = Map<string, NameStrength>;

const RANK: Readonly<Record<NameStrength, number>> = { strong: 2, staff: 1, common: 0 };

function put(into: NameWords, word: string, strength: NameStrength): void {
  const s: NameStrength = COMMON_WORDS.has(word) ? 'common' : strength;
  const had = into.get(word);
  if (had === undefined || RANK[s] > RANK[had]) into.set(word, s);
}

/**
 * Splits names into the lower-cased words the guard looks for, adding Synthea's names without their
 * numeric suffix. A word with Synthea's digits ("Barton704") is unmistakable and always strong.
 */
export function nameWords(names: readonly string[], strength: NameStrength = 'strong', into: NameWords = new Map()): NameWords {
  for (const name of names) {
    for (const [word] of name.matchAll(WORD)) {
      const lower = word.toLowerCase();
      if (lower.length < 2 || TITLES.has(lower) || /^\d+$/.test(lower)) continue;
      const bare = lower.replace(/\d+$/, '');
      if (bare !== lower) {
        put(into, lower, 'strong');
        if (bare.length >= 2) put(into, bare, strength);
      } else put(into, lower, strength);
    }
  }
  return into;
}

function startsUpper(word: string): boolean {
  const first = word[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

// Short upper-case words are mostly acronyms ("NED", "SAM") even when a name shares their letters.
const SHORT_ACRONYM = 4;

/** Finds capitalised occurrences of the given name words; weaker words only next to another name word. */
export function findNameWords(text: string, ...layers: Array<ReadonlyMap<string, NameStrength>>): Detection[] {
  const used = layers.filter((l) => l.size > 0);
  if (used.length === 0) return [];
  // The strongest reading of a word across the layers (patient names over staff names).
  const lookup = (w: string): NameStrength | undefined => {
    let best: NameStrength | undefined;
    for (const layer of used) {
      const s = layer.get(w);
      if (s !== undefined && (best === undefined || RANK[s] > RANK[best])) best = s;
    }
    return best;
  };
  const hits: Array<{ start: number; end: number; strength: NameStrength }> = [];
  CAPITALISED_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITALISED_WORD.exec(text)) !== null) {
    const word = m[0];
    if (!startsUpper(word)) continue;
    const lower = word.toLowerCase();
    let strength = lookup(lower);
    if (strength === undefined) continue;
    const end = m.index + word.length;
    if (EPONYMS.has(lower) && DISEASE_WORDS.test(text.slice(end, end + 40))) continue;
    if (word.length <= SHORT_ACRONYM && word === word.toUpperCase() && !/\d/.test(word)) strength = 'common';
    hits.push({ start: m.index, end, strength });
  }
  const joined = (a: { end: number }, b: { start: number }): boolean => /^[ \t,.]{1,3}$|^\r?\n[ \t]?$/.test(text.slice(a.end, b.start));
  const out: Detection[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    if (hit.strength !== 'strong') {
      const prev = hits[i - 1];
      const next = hits[i + 1];
      // A staff or common word counts beside a patient or staff name word ("Enriqueta Barton", "Hope Murray856").
      const partner = (n: { strength: NameStrength } | undefined): boolean => n !== undefined && n.strength !== 'common';
      const paired = (prev !== undefined && partner(prev) && joined(prev, hit)) || (next !== undefined && partner(next) && joined(hit, next));
      if (!paired) continue;
    }
    out.push({ kind: 'name', start: hit.start, end: hit.end });
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
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

interface Needle {
  needle: string;
  kind: PhiKind;
  capitalised: boolean;
  /** The needle's first word; a needle whose first word is not in the text cannot match. */
  head: string;
}

function needle(value: string, kind: PhiKind, capitalised: boolean): Needle {
  const head = /^[\p{L}\p{N}]+/u.exec(value)?.[0] ?? '';
  return { needle: value, kind, capitalised, head };
}

// Staff lists (and a patient's own lists) are the same arrays for every note of an import; prepare each array once.
const prepared = new WeakMap<readonly unknown[], Needle[]>();

function prepare<T>(list: readonly T[] | undefined, make: (entry: T) => Needle[]): Needle[] {
  if (!list || list.length === 0) return [];
  let needles = prepared.get(list);
  if (!needles) {
    needles = list.flatMap(make);
    prepared.set(list, needles);
  }
  return needles;
}

const phraseNeedles = (phrase: string): Needle[] => {
  const p = normaliseSpace(phrase).toLowerCase();
  return p.length >= 3 ? [needle(p, 'name', false)] : [];
};

// A one-word city ("Lynn", "Hope") is only trusted capitalised.
const addressNeedles = (address: string): Needle[] => {
  const a = normaliseSpace(address).toLowerCase();
  return a.length >= 3 ? [needle(a, 'address', /^\p{L}+$/u.test(a))] : [];
};

const identifierNeedles = (entry: string | KnownIdentifier): Needle[] => {
  const { value, kind } = knownIdentifier(entry);
  const v = normaliseSpace(value).toLowerCase();
  if (v.length < MIN_IDENTIFIER_LENGTH) return [];
  const out: Needle[] = [needle(v, kind, false)];
  const digits = v.replace(/\D/g, '');
  if ((kind === 'ssn' || kind === 'phone' || kind === 'fax') && digits !== v && digits.length >= 7) out.push(needle(digits, kind, false));
  return out;
};

/** Phrases, addresses and identifiers from the context. Names are matched word by word elsewhere. */
export function findKnownValues(text: string, ctx: PhiContext): Detection[] {
  const out: Detection[] = [];
  const staff = ctx.staff ?? {};
  const needles = [
    ...prepare(ctx.knownPhrases, phraseNeedles),
    ...prepare(ctx.knownAddresses, addressNeedles),
    ...prepare(ctx.knownIdentifiers, identifierNeedles),
    ...prepare(staff.phrases, phraseNeedles),
    ...prepare(staff.addresses, addressNeedles),
    ...prepare(staff.identifiers, identifierNeedles),
  ];
  if (needles.length === 0) return out;
  // toLowerCase can change length for a few scripts; fall back to exact matching there.
  const folded = text.toLowerCase();
  const lower = folded.length === text.length ? folded : text;
  const present = new Set(lower.match(/[\p{L}\p{N}]+/gu) ?? []);
  for (const n of needles) if (n.head === '' || present.has(n.head)) findPhrase(text, lower, n.needle, n.kind, n.capitalised, out);
  return out;
}
