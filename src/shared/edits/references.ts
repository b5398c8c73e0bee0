// Reads the code references written inside ICD-10-CM instructional notes ("type 1 diabetes mellitus
// (E10.-)", "(E08-E13 with .44)", "(T36-T50 with fifth or sixth character 5)") into matchers.
//
// The parser is deliberately conservative: a note drives an Excludes1 *error*, so a reference whose
// meaning we cannot pin down (a qualifier in words such as "with ketoacidosis", a bare "with 1") is
// returned in `unresolved` and never matched. A reference to a code includes its subdivisions, as the
// tabular's own convention has it ("E11.9" matches E11.9; "R73.0" matches R73.01…R73.09).

/** Extra condition on the characters of a matched code (all positions counted on the undotted code). */
export type CodeConstraint =
  /** Characters after the 3-character category start with one of these (inclusive) ranges: "with .51-.52". */
  | { kind: 'suffix'; ranges: ReadonlyArray<{ from: string; to: string }> }
  /** Any of `positions` (1-based) holds one of `chars`: "with fifth or sixth character 1-4 or 6". */
  | { kind: 'position'; positions: readonly number[]; chars: readonly string[] }
  /** The characters starting at 1-based `position` read `text`: "with fifth to sixth characters 51". */
  | { kind: 'substring'; position: number; text: string }
  /** The code ends with `text`: "(I69. with final characters -23)". */
  | { kind: 'ending'; text: string };

export type NoteReference =
  | {
      kind: 'codes';
      /** Undotted prefix bounds; a single reference has from === to. */
      from: string;
      to: string;
      constraint?: CodeConstraint;
      /** The reference as written, for messages. */
      text: string;
    }
  | { kind: 'chapter'; chapter: number; text: string };

export interface ParsedNote {
  references: NoteReference[];
  /** Fragments that name codes but whose meaning could not be resolved safely. */
  unresolved: string[];
}

const CODE = String.raw`[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?`;
const SUFFIX = String.raw`(?:\.?-)+\.?|\.`;
const ITEM = new RegExp(String.raw`^(${CODE})(?:${SUFFIX})?(?:\s*(?:-|–|\bto\b)\s*(${CODE})(?:${SUFFIX})?)?$`);
const CHAPTER = /^chapter\s+(\d{1,2})$/i;
/** Something that looks like a code reference: has a dot or dash marker, or is a 3-character category. */
const CODE_LIKE = /\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?(?:\.?-)?(?![0-9A-Z])/;
/** Outside parentheses only dotted codes, dashed categories and "category X" count, so "vitamin B12" or "A1C" stay words. */
// Unanchored, so a dash followed by a code is left for the range ("E08-E10"), not eaten as "E08-".
const BARE_SUFFIX = String.raw`(?:\.?-(?!\s*[A-Z][0-9]))+\.?|\.`;
const BARE_ONE = String.raw`${CODE}(?:${BARE_SUFFIX})?(?:\s*(?:-|–)\s*${CODE}(?:${BARE_SUFFIX})?)?`;
const BARE_REFERENCE = new RegExp(
  String.raw`(?:\b(?:categor(?:y|ies)|codes?|see)\s+)(${BARE_ONE}(?:\s*,\s*${BARE_ONE})*)` +
    String.raw`|\b([A-Z][0-9][0-9A-Z]\.(?:[0-9A-Z]{1,4})?(?:${BARE_SUFFIX})?(?:\s*(?:-|–)\s*${CODE}(?:${BARE_SUFFIX})?)?)`,
  'g',
);

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
  fifth: 5, '5th': 5, sixth: 6, six: 6, '6th': 6, seventh: 7, '7th': 7,
};

function undot(code: string): string {
  return code.replace(/[.\-–\s]/g, '');
}

function parseItem(item: string): NoteReference | undefined {
  const chapter = CHAPTER.exec(item);
  if (chapter) return { kind: 'chapter', chapter: Number(chapter[1]), text: item };
  const m = ITEM.exec(item);
  if (!m) return undefined;
  const from = undot(m[1]!);
  const to = m[2] ? undot(m[2]) : from;
  if (to < from.slice(0, to.length)) return undefined;
  return { kind: 'codes', from, to, text: item };
}

function parseCharSet(spec: string): string[] | undefined {
  const chars: string[] = [];
  for (const part of spec.split(/\s*(?:,|\bor\b|\band\b)\s*/).filter(Boolean)) {
    const range = /^\.?([0-9A-Z])\s*-\s*([0-9A-Z])$/.exec(part);
    if (range) {
      const a = range[1]!.charCodeAt(0);
      const b = range[2]!.charCodeAt(0);
      if (b < a) return undefined;
      for (let c = a; c <= b; c++) chars.push(String.fromCharCode(c));
      continue;
    }
    const single = /^\.?([0-9A-Z])$/.exec(part);
    if (!single) return undefined;
    chars.push(single[1]!);
  }
  return chars.length ? chars : undefined;
}

/** Reads the words after "with" in a reference group; undefined when they are not a character rule. */
export function parseQualifier(raw: string): CodeConstraint | undefined {
  const q = raw.trim().replace(/[.,;]+$/, '').trim();
  const suffixes = q.split(/\s*,\s*|\s+or\s+/);
  if (suffixes.every((s) => /^\.[0-9A-Z]+(?:-?\s*-\s*\.[0-9A-Z]+)?-?$/.test(s))) {
    const ranges = suffixes.map((s) => {
      const [a, b] = s.split(/\s*-\s*(?=\.)/);
      const from = a!.replace(/[.-]/g, '');
      const to = (b ?? a!).replace(/[.-]/g, '');
      return { from, to };
    });
    if (ranges.every((r) => r.from && r.to && r.from.length === r.to.length && r.from <= r.to)) return { kind: 'suffix', ranges };
    return undefined;
  }
  const ending = /^final characters?\s+-?([0-9A-Z]+)$/i.exec(q);
  if (ending) return { kind: 'ending', text: ending[1]! };
  const ord = String.raw`(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|six|6th|seventh|7th)`;
  const span = new RegExp(String.raw`^${ord}\s+to\s+${ord}[- ]characters?\s+\.?([0-9A-Z]+)$`, 'i').exec(q);
  if (span) {
    const start = ORDINALS[span[1]!.toLowerCase()]!;
    const end = ORDINALS[span[2]!.toLowerCase()]!;
    if (end - start + 1 !== span[3]!.length) return undefined;
    return { kind: 'substring', position: start, text: span[3]! };
  }
  const pos = new RegExp(String.raw`^${ord}(?:\s+or\s+${ord})?[- ]characters?\s+(.+)$`, 'i').exec(q);
  if (pos) {
    const positions = [pos[1], pos[2]].filter((p): p is string => !!p).map((p) => ORDINALS[p.toLowerCase()]!);
    const chars = parseCharSet(pos[3]!);
    if (!chars) return undefined;
    return { kind: 'position', positions, chars };
  }
  return undefined;
}

/**
 * Parses a list such as "E10-E13, O24.-" or "E08-E13 with .44" (the inside of a parenthesis).
 * Returns undefined when the text is not a reference list at all ("due to", "in").
 */
export function parseReferenceList(content: string): ParsedNote | undefined {
  let body = content.trim();
  let constraint: CodeConstraint | undefined;
  let qualifierText: string | undefined;
  const withAt = /[\s,]*\bwith\b\s*/i.exec(body);
  if (withAt) {
    qualifierText = body.slice(withAt.index + withAt[0].length);
    body = body.slice(0, withAt.index);
    constraint = parseQualifier(qualifierText);
  }
  // ". " between two codes is a typo for a comma in a few notes ("I82.62-. I82.72-").
  const items = body.split(/\s*(?:,|;|\bor\b|\band\b|\.(?=\s+[A-Z][0-9]))\s*/).filter((s) => s.length > 0);
  if (items.length === 0) return undefined;
  const references: NoteReference[] = [];
  for (const item of items) {
    const ref = parseItem(item);
    if (!ref) return CODE_LIKE.test(content) ? { references: [], unresolved: [content.trim()] } : undefined;
    references.push(ref);
  }
  if (qualifierText !== undefined && !constraint) return { references: [], unresolved: [content.trim()] };
  if (constraint) {
    for (const ref of references) {
      if (ref.kind !== 'codes') continue;
      ref.constraint = constraint;
      ref.text = `${ref.text} with ${qualifierText!.trim()}`;
    }
  }
  return { references, unresolved: [] };
}

function parentheticals(text: string): Array<{ content: string; start: number; end: number }> {
  const out: Array<{ content: string; start: number; end: number }> = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') stack.push(i);
    else if ((ch === ')' || ch === ']') && stack.length) {
      const start = stack.pop()!;
      if (stack.length === 0) out.push({ content: text.slice(start + 1, i), start, end: i + 1 });
    }
  }
  return out;
}

const cache = new Map<string, ParsedNote>();
const CACHE_LIMIT = 20_000;

/** Every code reference in one note text, in order of appearance. */
export function parseNoteReferences(text: string): ParsedNote {
  const hit = cache.get(text);
  if (hit) return hit;
  const references: NoteReference[] = [];
  const unresolved: string[] = [];
  let outside = text;
  for (const group of parentheticals(text)) {
    outside = outside.slice(0, group.start) + ' '.repeat(group.end - group.start) + outside.slice(group.end);
    // Nested groups like "(S52.- with open fracture 7th character)" are read whole.
    const parsed = parseReferenceList(group.content);
    if (!parsed) continue;
    references.push(...parsed.references);
    unresolved.push(...parsed.unresolved);
  }
  for (const m of outside.matchAll(BARE_REFERENCE)) {
    const fragment = (m[1] ?? m[2] ?? '').trim();
    // A qualifier in words right after a bare reference ("E08-E10, E13 with ketoacidosis") makes it unsafe.
    const after = outside.slice((m.index ?? 0) + m[0].length);
    const qualifier = /^\s*with\s+(.*)$/i.exec(after);
    const parsed = parseReferenceList(qualifier ? `${fragment} with ${qualifier[1]}` : fragment);
    if (!parsed) continue;
    references.push(...parsed.references);
    unresolved.push(...parsed.unresolved);
  }
  const result = { references, unresolved };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function constraintHolds(constraint: CodeConstraint, code: string): boolean {
  switch (constraint.kind) {
    case 'suffix': {
      const tail = code.slice(3);
      return constraint.ranges.some((r) => {
        const head = tail.slice(0, r.from.length);
        return head.length === r.from.length && head >= r.from && head <= r.to;
      });
    }
    case 'position':
      return constraint.positions.some((p) => constraint.chars.includes(code.charAt(p - 1)));
    case 'substring':
      return code.slice(constraint.position - 1, constraint.position - 1 + constraint.text.length) === constraint.text;
    case 'ending':
      return code.length > 3 && code.endsWith(constraint.text);
  }
}

/**
 * Does an undotted, upper-case code fall under the reference? `chapterOf` is asked only for chapter
 * references ("code (Chapter 20) to identify external cause").
 */
export function referenceMatches(ref: NoteReference, code: string, chapterOf?: (code: string) => number | null): boolean {
  if (ref.kind === 'chapter') return chapterOf ? chapterOf(code) === ref.chapter : false;
  const low = code.slice(0, ref.from.length);
  const high = code.slice(0, ref.to.length);
  if (low.length < ref.from.length || low < ref.from || high > ref.to) return false;
  return ref.constraint ? constraintHolds(ref.constraint, code) : true;
}
