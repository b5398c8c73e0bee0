// Encoder search. Three sources of hits, in the order a coder trusts them:
//   1. codes typed as codes ("E11.2", "e112"): the code, then its descendants in tabular order;
//   2. a query that is one chart abbreviation ("CHF"): the code(s) the curated list gives;
//   3. FTS5 over titles, inclusion terms and every Index/table line, reranked in JS.
// For (3) the documents are stored shortest-first, so an unranked MATCH … LIMIT reads the tightest
// matches first and stops early; the candidates are then ranked: exact matches (every level of an
// Index line, or every word of a title, covered by the query) first, billable codes before headers,
// then how much of the document the query covers (Index lines slightly ahead), then tabular order.
import type Database from 'better-sqlite3';
import { normalizeCode } from '../../shared/codeset/format';
import type { SearchHit, SearchMatch, SearchOptions } from '../../shared/codeset/search';
import type { CodeSystemId } from '../../shared/codeset/types';
import type { Abbreviation } from './abbreviations';
import { SYSTEMS } from './lookup';
import { abbreviationTable, ftsBody, parseQuery, PREFIX_EXPANSIONS, type AbbreviationTable, type ParsedQuery } from './query';
import { decodeEssentials } from './text';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
/** Documents read from FTS per query before ranking. */
const CANDIDATES = 100;
/** Longest query that falls back to "all words but one" when nothing matches every word. */
const MAX_RELAXED_GROUPS = 6;

const HIT_COLUMNS = 'c.id AS cid, c.system, c.code, c.display, c.long_desc, c.billable, c.hcc, c.has_notes, c.ord';
const SQL = {
  text: `SELECT d.id, d.code_id AS cid, d.via, d.path, d.ess, d.ntok, d.billable, d.sys, d.ord
         FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ? LIMIT ?`,
  codesById: `SELECT ${HIT_COLUMNS} FROM code c WHERE c.id IN (SELECT value FROM json_each(?))`,
  exactCode: `SELECT ${HIT_COLUMNS} FROM code c WHERE c.system = ? AND c.code = ?`,
  codePrefix: `SELECT ${HIT_COLUMNS} FROM code c WHERE c.system = ? AND c.code > ? AND c.code < ? ORDER BY c.ord LIMIT ?`,
  abbreviations: 'SELECT key, abbreviation, expansion, codes FROM abbreviation',
  vocab: 'SELECT term FROM vocab WHERE term >= ? AND term < ? ORDER BY docs DESC LIMIT ?',
} as const;

interface HitRow {
  cid: number;
  system: CodeSystemId;
  code: string;
  display: string;
  long_desc: string;
  billable: number;
  hcc: string;
  has_notes: number;
  ord: number;
}

interface DocRow {
  id: number;
  cid: number;
  via: 'description' | 'inclusion' | 'index';
  path: string | null;
  ess: string;
  ntok: number;
  billable: number;
  sys: number;
  ord: number;
}

interface Ranked {
  doc: DocRow;
  score: number;
}

const VIA_BONUS: Readonly<Record<DocRow['via'], number>> = { index: 0.15, description: 0.1, inclusion: 0.05 };
const CODE_QUERY = /^[A-Za-z0-9]{1,7}(\.[A-Za-z0-9]{0,4})?-?$/;

function toHit(r: HitRow, via: SearchMatch, score: number, path: string | null): SearchHit {
  const hit: SearchHit = {
    system: r.system, code: r.code, display: r.display, description: r.long_desc, billable: r.billable === 1,
    hcc: r.hcc === '' ? [] : r.hcc.split(' ').map(Number), hasNotes: r.has_notes === 1, matchedVia: via, score: Math.round(score * 1000) / 1000,
  };
  if (path) hit.indexPath = path;
  return hit;
}

export function checkSystem(system: string | undefined): CodeSystemId | undefined {
  if (system === undefined || system === '') return undefined;
  if (!(SYSTEMS as readonly string[]).includes(system)) throw new Error(`Unknown code system "${system}" (use ${SYSTEMS.join(', ')})`);
  return system as CodeSystemId;
}

export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isFinite(limit) || limit < 1) throw new Error(`Limit must be a number from 1 to ${MAX_LIMIT}`);
  return Math.min(MAX_LIMIT, Math.floor(limit));
}

export type SearchFn = (query: string, opts?: SearchOptions) => SearchHit[];

export function createSearch(db: Database.Database): SearchFn {
  const stmt = {
    text: db.prepare(SQL.text),
    exactCode: db.prepare(SQL.exactCode),
    codePrefix: db.prepare(SQL.codePrefix),
    codesById: db.prepare(SQL.codesById),
    vocab: db.prepare(SQL.vocab).pluck(),
  };
  const expand = (prefix: string): string[] => stmt.vocab.all(prefix, `${prefix}\u007f`, PREFIX_EXPANSIONS) as string[];
  const abbreviations: AbbreviationTable = abbreviationTable(
    (db.prepare(SQL.abbreviations).all() as Array<Omit<Abbreviation, 'codes'> & { codes: string }>).map((a) => ({
      ...a, codes: a.codes === '' ? [] : a.codes.split(' '),
    })),
  );

  function codeHits(query: string, systems: readonly CodeSystemId[], limit: number): SearchHit[] {
    const code = normalizeCode(query).replace(/-$/, '');
    const hits: SearchHit[] = [];
    for (const system of systems) {
      const exact = stmt.exactCode.get(system, code) as HitRow | undefined;
      if (exact) hits.push(toHit(exact, 'code', 6, null));
    }
    for (const system of systems) {
      if (hits.length >= limit) break;
      const rows = stmt.codePrefix.all(system, code, `${code}~`, limit - hits.length) as HitRow[];
      rows.forEach((r, i) => hits.push(toHit(r, 'code', 5 + 0.9 * (1 - (i + 1) / (rows.length + 1)), null)));
    }
    return hits.slice(0, limit);
  }

  function candidates(groups: ParsedQuery['groups'], system: CodeSystemId | undefined, indexOnly: boolean, n: number): DocRow[] {
    const body = ftsBody(groups, expand);
    if (!body) return [];
    const tags = [system ? `"s${system}"` : '', indexOnly ? '"vindex"' : ''].filter((t) => t !== '');
    const match = tags.length > 0 ? `tag : ( ${tags.join(' ')} ) AND body : ( ${body} )` : `body : ( ${body} )`;
    try {
      return stmt.text.all(match, n) as DocRow[];
    } catch (err) {
      throw new Error(`Search could not run this query (${(err as Error).message})`);
    }
  }

  function textHits(q: ParsedQuery, system: CodeSystemId | undefined, limit: number): SearchHit[] {
    const best = new Map<number, Ranked>();
    const consider = (rows: readonly DocRow[], penalty: number): void => {
      for (const doc of rows) {
        const score = rank(doc, q) - penalty;
        const prev = best.get(doc.cid);
        if (!prev || score > prev.score || (score === prev.score && doc.ntok < prev.doc.ntok)) best.set(doc.cid, { doc, score });
      }
    };
    consider(candidates(q.groups, system, q.pathSegments !== undefined, CANDIDATES), 0);
    // Nothing has every word ("pressure ulcer sacrum stage 3": the tabular says "sacral"): show what
    // matches all words but one, ranked below any full match.
    if (best.size === 0 && q.groups.length >= 2 && q.groups.length <= MAX_RELAXED_GROUPS) {
      for (let skip = 0; skip < q.groups.length; skip++) {
        const rest = q.groups.filter((_, i) => i !== skip);
        consider(candidates(rest, system, q.pathSegments !== undefined, Math.ceil(CANDIDATES / q.groups.length)), 1);
      }
    }
    // Only the hits shown are read in full, in one query.
    const top = [...best.values()]
      .sort((a, b) => b.score - a.score || a.doc.ntok - b.doc.ntok || a.doc.sys - b.doc.sys || a.doc.ord - b.doc.ord)
      .slice(0, limit);
    const rowsById = new Map((stmt.codesById.all(JSON.stringify(top.map((t) => t.doc.cid))) as HitRow[]).map((r) => [r.cid, r]));
    return top.map(({ doc, score }) => toHit(rowsById.get(doc.cid)!, doc.via, score, doc.via === 'index' ? doc.path : null));
  }

  return function search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const system = checkSystem(opts.system);
    const limit = checkLimit(opts.limit);
    if (typeof query !== 'string') throw new Error('Search query must be text');
    const trimmed = query.trim();
    if (trimmed === '') return [];

    const q = parseQuery(query, abbreviations);
    let exactCodes: SearchHit[] = [];
    if (CODE_QUERY.test(trimmed) && /[0-9]/.test(trimmed) && normalizeCode(trimmed).length >= 2) {
      const hits = codeHits(trimmed, system ? [system] : SYSTEMS, limit);
      // "DM2" is also a PCS table, but a coder typing it means diabetes: the abbreviation leads, the code follows.
      if (hits.length > 0 && !q.wholeAbbreviation) return hits;
      exactCodes = hits.filter((h) => normalizeCode(trimmed) === h.code).map((h) => ({ ...h, score: 4.4 }));
    }
    const out: SearchHit[] = [];
    const seen = new Set<string>();
    const push = (h: SearchHit): void => {
      const key = `${h.system}:${h.code}`;
      if (out.length >= limit || seen.has(key)) return;
      seen.add(key);
      out.push(h);
    };
    if (q.wholeAbbreviation && (!system || system === 'icd10cm')) {
      for (const code of q.wholeAbbreviation.codes) {
        const row = stmt.exactCode.get('icd10cm', code) as HitRow | undefined;
        if (row) push(toHit(row, 'abbreviation', 4.5, null));
      }
    }
    for (const h of exactCodes) push(h);
    for (const h of textHits(q, system, limit)) push(h);
    return out;
  };
}

/** How well one document answers the query: 3+ exact, 1+ partial; +0.5 billable; + up to 0.4 for coverage. */
function rank(r: DocRow, q: ParsedQuery): number {
  let exact: boolean;
  let coverage: number;
  if (q.pathSegments && r.via === 'index') {
    ({ exact, coverage } = pathMatch(decodeEssentials(r.ess), q.pathSegments, q.prefix));
  } else {
    ({ exact, coverage } = wordMatch(r.ess, q.exact, q.prefix));
  }
  const quality = Math.min(1, coverage * 0.85 + VIA_BONUS[r.via]);
  return (exact ? 3 : 1) + (r.billable === 1 ? 0.5 : 0) + 0.4 * quality;
}

/**
 * Exact when every level of the document has a variant whose words the query all covers; coverage is
 * the share of the document's words covered (best variant per level). Hot loop: plain loops, no closures.
 */
function wordMatch(ess: string, words: ReadonlySet<string>, prefix: string | undefined): { exact: boolean; coverage: number } {
  let covered = 0;
  let total = 0;
  let exact = true;
  for (const level of ess.split('|')) {
    if (level === '') continue;
    let bestCovered = 0;
    let bestLen = 0;
    let full = false;
    for (const variant of level.split(',')) {
      const ts = variant.split(' ');
      let n = 0;
      for (const t of ts) if (words.has(t) || (prefix !== undefined && t.startsWith(prefix))) n++;
      if (n === ts.length) full = true;
      if (bestLen === 0 || n * bestLen > bestCovered * ts.length || (n * bestLen === bestCovered * ts.length && ts.length < bestLen)) {
        bestCovered = n;
        bestLen = ts.length;
      }
    }
    if (!full) exact = false;
    covered += bestCovered;
    total += bestLen;
  }
  if (total === 0) return { exact: false, coverage: 0 };
  return { exact, coverage: covered / total };
}

/** An Index line answers "Failure > heart > congestive" when each typed level is covered by the same level of the line. */
function pathMatch(allLevels: string[][][], query: string[][], prefix: string | undefined): { exact: boolean; coverage: number } {
  // Levels made only of connecting words ("with") are not typed; the query drops them too.
  const doc = allLevels.filter((level) => level.length > 0);
  if (doc.length < query.length) return { exact: false, coverage: 0.3 };
  for (let i = 0; i < query.length; i++) {
    const words = new Set(doc[i].flat());
    const isLast = i === query.length - 1;
    const ok = query[i].every((t, j) => words.has(t) || (isLast && j === query[i].length - 1 && prefix !== undefined && [...words].some((w) => w.startsWith(t))));
    if (!ok) return { exact: false, coverage: 0.3 };
  }
  return { exact: doc.length === query.length, coverage: 0.5 + 0.5 * (query.length / doc.length) };
}
