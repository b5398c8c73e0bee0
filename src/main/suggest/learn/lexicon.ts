// Learning phrasings the Index does not know: on charts with final codes, the codes no dictionary
// match explains are paired with the short word runs the chart states as present. A pairing that
// recurs across charts, and accounts for a fair share of the charts using the phrasing, becomes a
// lexicon entry; its phrase counts (learned like any match) then say how far to trust it.
import type { Dictionary } from '../local/dictionary';
import { BACKGROUND_SECTIONS } from '../local/candidate';
import { readSentence } from '../local/match';
import { phraseWords, splitSentences, tokenize } from '../local/text';

export interface LexiconOptions {
  /** Charts a (phrasing, code) pair must share. */
  minCharts?: number;
  /** Share of the charts stating the phrasing that carry the code. */
  minShare?: number;
  /** Longest phrasing, in words. */
  maxWords?: number;
}

export interface LexiconChart {
  /** The chart's `presentPhrasings`, read once however many lexicons are learned from it. */
  phrasings: ReadonlySet<string>;
  /** Billable codes the chart was coded with that no dictionary candidate explains. */
  unexplained: readonly string[];
}

const DEFAULTS: Required<LexiconOptions> = { minCharts: 2, minShare: 0.25, maxWords: 3 };
/** Words that never carry a diagnosis on their own, at either end of a phrasing. */
const EDGE_STOP = new Set(
  ('a an the of and in to by for on at as or with from into its is was were be been are this that which who whom he she his her it they their them ' +
    'we our us patient case year month day week old time also after before during then there these those than so very other some all any both each ' +
    'left right side one two first second due well may can could would should has had have having showed shown show revealed found performed ' +
    'presented presenting presents reported reports complained developed diagnosed admitted')
    .split(' '),
);
const WORD_RE = /^[a-z][a-z0-9]*$/;

/** Distinct phrasings (normalised word runs) a chart states as present outside its background sections. */
export function presentPhrasings(text: string, dict: Dictionary, maxWords = DEFAULTS.maxWords): Set<string> {
  const out = new Set<string>();
  for (const s of splitSentences(text)) {
    if (BACKGROUND_SECTIONS.has(s.section)) continue;
    const tokens = tokenize(text, s.start, s.end, dict.normalize);
    if (tokens.length === 0) continue;
    const words = readSentence(text, { ...s, tokens }, dict).tokens;
    const usable = (w: (typeof words)[number]): boolean => w.assertion === 'present' && WORD_RE.test(w.norm);
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!;
      if (!usable(first) || EDGE_STOP.has(first.norm) || first.norm.length < 3) continue;
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        const last = words[i + n - 1]!;
        if (!usable(last)) break;
        if (EDGE_STOP.has(last.norm)) continue;
        out.add(words.slice(i, i + n).map((w) => w.norm).join(' '));
      }
    }
  }
  return out;
}

/** Words that say how, where or how long, not what: sharing one does not make a phrasing about a condition. */
const GENERIC = new Set(
  ('acute chronic disease disorder syndrome function finding abnormal unspecified specified other left right bilateral upper lower ' +
    'primary secondary multiple single type stage grade site level body part organ system total partial complete severe mild moderate viral bacterial').split(' '),
);

/** A word that can say what a condition is. */
function isTelling(w: string): boolean {
  return w.length >= 3 && !GENERIC.has(w) && !/^\d/.test(w);
}

const codeWordCache = new WeakMap<Dictionary, Map<string, Set<string>>>();

/** Per code, the words of every dictionary entry (Index path, title, inclusion term) that leads to it. */
function codeWords(dict: Dictionary): Map<string, Set<string>> {
  let m = codeWordCache.get(dict);
  if (m) return m;
  m = new Map();
  for (const e of dict.entries) {
    let set = m.get(e.code);
    if (!set) m.set(e.code, (set = new Set()));
    for (const w of e.words) if (isTelling(w)) set.add(w);
  }
  codeWordCache.set(dict, m);
  return m;
}

/** A code's title, when the caller can look it up. */
export type DescribeCode = (code: string) => string | undefined;

/**
 * Whether a phrasing names the condition the code set itself says the code is about: one of its
 * words both names a condition and belongs to the code's Index entries or title. "cervical
 * adenopathy" is about R59.0 (Adenopathy, localized); "abdomen examination" is not about R10.9,
 * though "abdomen" is in its title.
 */
export function namesCodeCondition(dict: Dictionary, phrase: string, code: string, describe?: DescribeCode): boolean {
  const words = codeWords(dict).get(code);
  const title = new Set(phraseWords(describe?.(code) ?? '', dict.normalize));
  const conditions = conditionWords(dict);
  return phrase.split(' ').some((w) => conditions.has(w) && ((words?.has(w) ?? false) || (title.has(w) && isTelling(w))));
}

const conditionWordCache = new WeakMap<Dictionary, Set<string>>();

/** Words that name a condition on their own: the dictionary reads them alone as a code ("adenopathy", "pain"). */
function conditionWords(dict: Dictionary): Set<string> {
  let set = conditionWordCache.get(dict);
  if (!set) {
    set = new Set(dict.entries.filter((e) => e.words.length === 1 && e.source !== 'learned').map((e) => e.words[0]!));
    conditionWordCache.set(dict, set);
  }
  return set;
}

export function learnLexicon(charts: readonly LexiconChart[], dict: Dictionary, opts: LexiconOptions = {}, describe?: DescribeCode): Record<string, string[]> {
  const o = { ...DEFAULTS, ...opts };
  const charted = new Map<string, number>();
  const paired = new Map<string, Map<string, number>>();
  for (const chart of charts) {
    for (const p of chart.phrasings) {
      charted.set(p, (charted.get(p) ?? 0) + 1);
      if (chart.unexplained.length === 0) continue;
      let codes = paired.get(p);
      if (!codes) paired.set(p, (codes = new Map()));
      for (const c of chart.unexplained) codes.set(c, (codes.get(c) ?? 0) + 1);
    }
  }
  const lexicon: Record<string, string[]> = {};
  for (const [phrase, codes] of paired) {
    const n = charted.get(phrase)!;
    // Co-occurrence alone pairs "January" with a code, and "cervical" or "ankle" alone once read as
    // enlarged lymph nodes and ankle pain wherever a note said them: the phrasing must name the
    // code's condition.
    const keep = [...codes].filter(([c, k]) => k >= o.minCharts && k / n >= o.minShare && namesCodeCondition(dict, phrase, c, describe)).map(([c]) => c).sort();
    if (keep.length > 0) lexicon[phrase] = keep;
  }
  return lexicon;
}
