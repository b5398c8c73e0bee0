// The External Cause Index's noun lists, made readable: where an injury happened ("Place of occurrence >
// residence > apartment > kitchen", Y92.030), what the patient was doing ("Activity > soccer", Y93.66),
// what bit them ("Bite, bitten by > dog", W54.0) and what they fell from ("Fall, falling > from, off,
// out of > ladder", W11). Each line becomes a term whose every word group a note must say; a group the
// Index sends elsewhere ("home, see residence") takes the referring words as another way to say it.
import type Database from 'better-sqlite3';

/** One way a note may say a word group: its words, lower-case and singular. */
export type Phrasing = readonly string[];

/** A line of the External Cause Index: its word groups below the main term, and the code it gives. */
export interface CauseTerm {
  /** The groups in Index order; each is said by any one of its phrasings. */
  groups: ReadonlyArray<readonly Phrasing[]>;
  /** The code as the Index gives it, without its dot (W11, Y92030). */
  code: string;
  /**
   * How many of its groups may go unsaid: a place's class ("residence" before "kitchen"), one class of what
   * was fallen from ("monkey bars (jungle gym)" is playground equipment), none of an activity's ("caregiving >
   * lifting" is no plain lifting).
   */
  unsaid: number;
  /**
   * The groups a note must say, where the others may go unsaid: a place ("garage > nursing home" is the
   * nursing home's garage, no fall beside its bed), not a class of places ("residence", "institutional").
   */
  mustSay?: readonly boolean[];
}

export interface ExternalCauseIndex {
  places: CauseTerm[];
  activities: CauseTerm[];
  bites: CauseTerm[];
  fallsFrom: CauseTerm[];
}

interface EindexRow {
  path: string;
  term: string;
  code: string | null;
  see: string | null;
}

/** The main terms read, and the connective subterms under them that name no thing ("from, off, out of"). */
const SECTIONS: ReadonlyArray<[keyof ExternalCauseIndex, string, RegExp?]> = [
  ['places', 'Place of occurrence'],
  ['activities', 'Activity'],
  ['bites', 'Bite, bitten by'],
  ['fallsFrom', 'Fall, falling', /^(from, off, out of|down|in, on|off|into|over)$/],
];
/** How many groups of a section's lines may go unsaid. */
const UNSAID_GROUPS: Readonly<Record<keyof ExternalCauseIndex, number>> = { places: Infinity, fallsFrom: 1, activities: 0, bites: 0 };

/** Lines no note says in these words: the Index's own categories of what was not specified. */
const UNSAID = /\b(NEC|NOS|specified|unspecified|not applicable)\b/;

/** A note's words as terms compare them: lower-case letters, a plural's -s dropped. */
export function causeWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).map(singular);
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Words that name no place or thing alone ("yard, private"), nor add one to a longer name ("local residential street"). */
const GENERIC = new Set(['private', 'public', 'local', 'and']);

/**
 * The ways to say an Index segment: "stairs, steps" either word; "house, single family" either part or
 * both; "ice or snow" either; "residential or business street" either kind of street. "(co-op)" and
 * "NEC" are no words of it.
 */
function phrasings(segment: string): Phrasing[] {
  const plain = segment.replace(/\([^)]*\)/g, ' ').replace(/\b(NEC|NOS)\b/g, ' ');
  const out: Phrasing[] = [];
  for (const part of plain.split(',')) {
    const choices = part.split(/ or /).map((c) => causeWords(c).filter((w) => !GENERIC.has(w)));
    const head = choices[choices.length - 1]!;
    for (const c of choices) {
      const words = c.length === 1 && head.length > 1 && c !== head ? [...c, head[head.length - 1]!] : c;
      if (words.length > 0) out.push(words);
    }
  }
  return out;
}

/** The readable lines of the code set's External Cause Index, by what they name. */
export function buildExternalCauseIndex(db: Database.Database): ExternalCauseIndex {
  const rows = db.prepare("SELECT path, term, code, see FROM index_term WHERE source = 'eindex' ORDER BY id").all() as EindexRow[];
  const out: ExternalCauseIndex = { places: [], activities: [], bites: [], fallsFrom: [] };
  // A segment the Place lines put above others more often than they end on it is a class of places
  // ("residence" heads 120 lines, ends 1), which a note may leave unsaid; one they end on more often is a
  // place itself ("garage" heads 7, ends 11), which it may not.
  const heads = new Map<string, number>();
  const ends = new Map<string, number>();
  for (const r of rows) {
    if (!r.code || !r.path.startsWith('Place of occurrence > ')) continue;
    const segs = r.path.split(' > ').slice(1).map((sg) => sg.toLowerCase());
    ends.set(segs.at(-1)!, (ends.get(segs.at(-1)!) ?? 0) + 1);
    for (const sg of segs.slice(0, -1)) heads.set(sg, (heads.get(sg) ?? 0) + 1);
  }
  const classOfPlaces = (segment: string): boolean => (heads.get(segment.toLowerCase()) ?? 0) > (ends.get(segment.toLowerCase()) ?? 0);
  for (const [key, main, connective] of SECTIONS) {
    const prefix = `${main} > `;
    const lines = rows.filter((r) => r.path.startsWith(prefix));
    // "home, see Place of occurrence, residence": "home" is one more way to say "residence", said with the
    // words of its line's parents ("military > base" is a military base, not any base).
    const aliases = new Map<string, Phrasing[]>();
    for (const r of lines) {
      if (!r.see?.startsWith(`${main}, `)) continue;
      const target = r.see.slice(main.length + 2).split(', ').pop()!.toLowerCase();
      aliases.set(target, [...(aliases.get(target) ?? []), ...phrasings(r.path.slice(prefix.length).split(' > ').join(' '))]);
    }
    for (const r of lines) {
      if (!r.code || r.code.endsWith('-')) continue;
      const below = r.path.slice(prefix.length).split(' > ');
      // Under "Fall, falling" only what one falls from, down, into or onto: "Fall > building" is struck by a collapsing one (W20.1).
      if (connective && !connective.test(below[0]!)) continue;
      const segments = below.filter((s) => !connective?.test(s));
      if (segments.length === 0 || UNSAID.test(segments[segments.length - 1]!)) continue;
      const groups = segments.map((s) => [...phrasings(s), ...(aliases.get(s.toLowerCase()) ?? [])]);
      if (groups.some((g) => g.length === 0)) continue;
      out[key].push({ groups, code: r.code.replace('.', ''), unsaid: UNSAID_GROUPS[key], ...(key === 'places' ? { mustSay: segments.map((sg) => !classOfPlaces(sg)) } : {}) });
    }
  }
  // A word that names what was fallen from ("steps") is no activity of its own ("Activity > step", the step exercise).
  const fallenFrom = new Set(out.fallsFrom.flatMap((t) => t.groups.flat()).filter((p) => p.length === 1).map((p) => p[0]!));
  out.activities = out.activities.map((t) => ({ ...t, groups: t.groups.map((g) => g.filter((p) => p.length > 1 || !fallenFrom.has(p[0]!))) })).filter((t) => t.groups.every((g) => g.length > 0));
  return out;
}
