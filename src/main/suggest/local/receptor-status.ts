// A breast cancer's receptor status, coded after it as C50 asks ("use additional code to identify
// receptor status", Z17.-): "ER/PR positive, HER2 negative" is hormone receptor positive with HER2
// negative status (Z17.411). Hormone receptor positive means estrogen or progesterone receptor
// positive; negative means both negative. With the HER2 status unknown, or the hormone status
// only half known, each documented receptor is coded alone (Z17.0/Z17.1, Z17.21/Z17.22, Z17.31/Z17.32).

type Status = 'pos' | 'neg';

export interface ReceptorStatus {
  code: string;
  /** Document span of the receptor words read. */
  start: number;
  end: number;
}

const RESULT = String.raw`\s*(\+|positive\b|pos\b|-(?![A-Za-z0-9])|negative\b|neg\b|not amplified\b|amplified\b)`;
const ER_PR_TOGETHER = new RegExp(String.raw`\b(?:ER|estrogen receptor)\s*(?:\/|and)\s*(?:PR|PgR|progesterone receptor)${RESULT}`, 'gi');
const ER = new RegExp(String.raw`\b(?:ER|[Ee]strogen receptor)${RESULT}`, 'g');
const PR = new RegExp(String.raw`\b(?:PR|PgR|[Pp]rogesterone receptor)${RESULT}`, 'g');
const HR = new RegExp(String.raw`\b(?:HR|hormone receptor)${RESULT}`, 'gi');
const HER2 = new RegExp(String.raw`\bHER-?2(?:\s*\/\s*neu)?(?:\s+IHC)?${RESULT}`, 'gi');
const TRIPLE_NEGATIVE = /\btriple[- ]negative\b/gi;

function statusOf(result: string): Status {
  return /^(\+|pos|positive|amplified)$/i.test(result.trim()) ? 'pos' : 'neg';
}

/** The receptor-status codes a sentence states, with the span covering their words. */
export function receptorStatus(text: string, from: number, to: number): ReceptorStatus[] {
  const sentence = text.slice(from, to);
  const spans: Array<[number, number]> = [];
  const read = (re: RegExp): Status | undefined => {
    let found: Status | undefined;
    for (const m of sentence.matchAll(re)) {
      found = statusOf(m[1] ?? 'negative');
      spans.push([from + m.index, from + m.index + m[0].length]);
    }
    return found;
  };
  const together = read(ER_PR_TOGETHER);
  let er = read(ER) ?? together;
  let pr = read(PR) ?? together;
  const hr = read(HR);
  let her2 = read(HER2);
  if (read(TRIPLE_NEGATIVE)) {
    er ??= 'neg';
    pr ??= 'neg';
    her2 ??= 'neg';
  }
  if (spans.length === 0) return [];
  const start = Math.min(...spans.map((s) => s[0]));
  const end = Math.max(...spans.map((s) => s[1]));
  const at = (code: string): ReceptorStatus => ({ code, start, end });
  const hormone: Status | undefined = er === 'pos' || pr === 'pos' || hr === 'pos' ? 'pos' : hr === 'neg' || (er === 'neg' && pr === 'neg') ? 'neg' : undefined;
  if (hormone && her2) return [at(`Z174${hormone === 'pos' ? '1' : '2'}${her2 === 'pos' ? '0' : '1'}`)];
  const out: ReceptorStatus[] = [];
  if (er) out.push(at(er === 'pos' ? 'Z170' : 'Z171'));
  if (pr) out.push(at(pr === 'pos' ? 'Z1721' : 'Z1722'));
  if (her2) out.push(at(her2 === 'pos' ? 'Z1731' : 'Z1732'));
  return out;
}
