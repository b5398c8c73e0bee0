// Turns what a coder typed into a safe FTS5 expression plus the token sets ranking needs. User text never
// reaches MATCH: it is split into [a-z0-9] tokens first, and each token is quoted.
import type { Abbreviation } from './abbreviations';
import { rawTokens, stem, STOPWORDS } from './text';

/** More tokens than this add nothing a coder means; a pasted paragraph is cut here instead of failing. */
export const MAX_QUERY_TOKENS = 16;
const MAX_QUERY_CHARS = 2000;

export type QueryGroup =
  | { kind: 'word'; token: string; prefix: boolean }
  | { kind: 'abbreviation'; abbreviation: Abbreviation; literal: string[]; expansion: string[]; prefix: boolean };

export interface ParsedQuery {
  groups: QueryGroup[];
  /** The whole query is one abbreviation ("CHF", "ckd 3a"). */
  wholeAbbreviation: Abbreviation | undefined;
  /** Index term path segments when the query uses ' > ' ("Failure > heart > congestive"). */
  pathSegments: string[][] | undefined;
  /** Exact tokens the query stands for (words, abbreviation letters and their expansions). */
  exact: Set<string>;
  /** The last token when it is still being typed. */
  prefix: string | undefined;
}

export interface AbbreviationTable {
  byKey: ReadonlyMap<string, Abbreviation>;
  longestKey: number;
}

export function abbreviationTable(list: readonly Abbreviation[]): AbbreviationTable {
  return { byKey: new Map(list.map((a) => [a.key, a])), longestKey: Math.max(1, ...list.map((a) => a.key.split(' ').length)) };
}

const meaningful = (t: string): boolean => !STOPWORDS.has(t);

export function parseQuery(query: string, abbreviations: AbbreviationTable): ParsedQuery {
  const text = query.slice(0, MAX_QUERY_CHARS);
  const stillTyping = !/\s$/.test(text);
  const isPath = text.includes('>');
  const raw = rawTokens(text).slice(0, MAX_QUERY_TOKENS * 2);
  const groups: QueryGroup[] = [];
  let wholeAbbreviation: Abbreviation | undefined;

  for (let i = 0; i < raw.length; ) {
    let matched: Abbreviation | undefined;
    let width = 0;
    for (let w = Math.min(abbreviations.longestKey, raw.length - i); w >= 1 && !isPath; w--) {
      const a = abbreviations.byKey.get(raw.slice(i, i + w).join(' '));
      if (a) {
        matched = a;
        width = w;
        break;
      }
    }
    if (matched) {
      if (i === 0 && width === raw.length) wholeAbbreviation = matched;
      groups.push({
        kind: 'abbreviation',
        abbreviation: matched,
        literal: raw.slice(i, i + width).map(stem),
        expansion: rawTokens(matched.expansion).map(stem).filter(meaningful),
        prefix: false,
      });
      i += width;
    } else {
      groups.push({ kind: 'word', token: stem(raw[i]), prefix: false });
      i++;
    }
  }
  // The last token may still be growing: "ca" can be CA or the start of "cardiac", so it stays a prefix too.
  const last = groups[groups.length - 1];
  if (last && stillTyping) last.prefix = true;

  // Stop words are dropped unless nothing else is left ("in" alone still searches for "in").
  let kept = groups.filter((g) => g.kind !== 'word' || meaningful(g.token) || (g.prefix && g.token.length > 2));
  if (kept.length === 0) kept = groups;
  kept = dedupe(kept).slice(0, MAX_QUERY_TOKENS);

  const exact = new Set<string>();
  let prefix: string | undefined;
  for (const g of kept) {
    if (g.kind === 'word') {
      if (g.prefix) prefix = g.token;
      else exact.add(g.token);
    } else {
      for (const t of [...g.literal, ...g.expansion]) exact.add(t);
      if (g.prefix) prefix = g.literal[g.literal.length - 1];
    }
  }
  const pathSegments = isPath
    ? text
        .split('>')
        .map((s) => rawTokens(s).map(stem).filter(meaningful))
        .filter((s) => s.length > 0)
    : undefined;
  return { groups: kept, wholeAbbreviation, pathSegments, exact, prefix };
}

function dedupe(groups: QueryGroup[]): QueryGroup[] {
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = g.kind === 'word' ? `${g.token}${g.prefix ? '*' : ''}` : `abbr:${g.abbreviation.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const quote = (t: string): string => `"${t}"`;

/** Full tokens a still-typed prefix may become, most frequent first; undefined means "use FTS5 prefix syntax". */
export type PrefixExpander = (prefix: string) => string[] | undefined;

/** Prefixes up to this length are served by the FTS5 prefix index (prefix='1 2 3'). */
export const INDEXED_PREFIX = 3;
export const PREFIX_EXPANSIONS = 16;

function prefixTerm(t: string, expand: PrefixExpander | undefined): string {
  const full = t.length > INDEXED_PREFIX && expand ? expand(t) : undefined;
  if (full === undefined) return `${quote(t)}*`;
  if (full.length === 0) return quote(t); // nothing starts with it: a quoted token that matches nothing
  return full.length === 1 ? quote(full[0]) : `( ${full.map(quote).join(' OR ')} )`;
}
const all = (ts: readonly string[], prefixLast = false, expand?: PrefixExpander): string => {
  const quoted = ts.map((t, i) => (prefixLast && i === ts.length - 1 ? prefixTerm(t, expand) : quote(t)));
  return quoted.length === 1 ? quoted[0] : `( ${quoted.join(' AND ')} )`;
};

/** The MATCH expression for the body column, or undefined when nothing searchable is left. */
export function ftsBody(groups: readonly QueryGroup[], expand?: PrefixExpander): string | undefined {
  const parts = groups.map((g) => {
    if (g.kind === 'word') return g.prefix ? prefixTerm(g.token, expand) : quote(g.token);
    return g.expansion.length > 0 ? `( ${all(g.literal, g.prefix, expand)} OR ${all(g.expansion)} )` : all(g.literal, g.prefix, expand);
  });
  // Explicit AND: FTS5 only joins bare phrases implicitly, not parenthesised groups.
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}

/** A bare FTS5 query of the same text: every token quoted, the last one as a prefix; no abbreviations, no stop words. For the benchmark baseline. */
export function bareFtsExpression(query: string): string | undefined {
  const ts = rawTokens(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_TOKENS).map(stem);
  if (ts.length === 0) return undefined;
  return ts.map((t, i) => (i === ts.length - 1 && !/\s$/.test(query) ? `${quote(t)}*` : quote(t))).join(' ');
}
