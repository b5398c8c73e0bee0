// An arthropathy the chart gives several joints: "Seronegative RA, polyarticular - b/l MCPs/PIPs,
// wrists and MTPs" is "…, multiple sites" (M06.09), not the Index's unspecified site (M06.00); "chronic
// tophaceous gout, polyarticular (bilateral elbows, right foot)" is M1A.09X1; "ankylosing spondylitis
// with involvement of the sacroiliac joints and the lumbar and thoracic spine" is M45.0. And a chronic
// gout the line calls tophaceous has its tophi (the 7th character 1, "with tophus").
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { titleWords } from './code-table';
import { lineAround } from './text';

/** Words that say the arthropathy takes several joints. */
const SEVERAL_JOINTS = /\b(?:poly-?articular|polyarthritis|polyarthropathy|multiple (?:joints|sites|joint sites)|several joints|many joints)\b/i;

/** Joint groups as notes name them; two or more named on the line are several sites. */
const JOINT_GROUPS: readonly RegExp[] = [
  /\b(?:shoulders?|glenohumeral|AC joints?)\b/i,
  /\b(?:elbows?|olecranon)\b/i,
  /\b(?:wrists?)\b/i,
  /\b(?:hands?|fingers?|MCPs?|PIPs?|DIPs?|MCP joints?|PIP joints?|DIP joints?|knuckles?)\b/i,
  /\b(?:hips?)\b/i,
  /\b(?:knees?)\b/i,
  /\b(?:ankles?|feet|foot|toes?|MTPs?|MTP joints?|podagra)\b/i,
];

/** Spinal regions; two or more named on the line are several sites in the spine. */
const SPINE_REGIONS: readonly RegExp[] = [/\bcervical\b|\bC-?spine\b/i, /\bthoracic\b|\bT-?spine\b/i, /\blumbar\b|\bL-?spine\b/i, /\bsacr(?:al|oiliac|um)\b|\bSI joints?\b/i];

/** Arthropathies (M00–M19, M1A) and spondylopathies (M45, M46), whose categories code several joints as one site. */
const ARTHROPATHY = /^M(?:0|1|4[56])/;

const count = (line: string, groups: readonly RegExp[]): number => groups.filter((re) => re.test(line)).length;

/** What a denial in front of the tophi takes away: "no tophi", "without tophi". */
const TOPHI = /\b(?:tophaceous|tophus|tophi)\b/i;
const TOPHI_DENIED = /\b(?:no|without|denies|negative for)\s+(?:\w+\s+){0,2}(?:tophus|tophi)\b/i;

/** The site phrase two titles of one category differ by, as word lists ("unspecified elbow" against "multiple sites"). */
function middles(a: string, b: string): [string[], string[]] {
  const x = titleWords(a);
  const y = titleWords(b);
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return [x.slice(head, x.length - tail), y.slice(head, y.length - tail)];
}

/** Words that make a title's difference more than its site. */
const NOT_A_SITE = new Set(['with', 'without', 'tophus', 'tophi', 'involvement', 'organ', 'systems', 'lung', 'disease', 'vasculitis', 'heart', 'myopathy', 'polyneuropathy', 'factor', 'rheumatoid']);

/** The category's "multiple sites" code for a sited (or unsited) one: the title that differs only in its site. */
function multipleSitesOf(table: CodeTable, code: string): string | undefined {
  const title = table.byCode.get(code)?.long_desc ?? '';
  if (/\bmultiple sites\b/i.test(title)) return undefined;
  for (const r of table.billableIn(code.slice(0, 3))) {
    if (!/\bmultiple sites\b/i.test(r.long_desc)) continue;
    const [mine, theirs] = middles(title, r.long_desc);
    if (theirs.includes('multiple') && mine.length > 0 && !mine.some((w) => NOT_A_SITE.has(w)) && !theirs.some((w) => NOT_A_SITE.has(w))) return r.code;
  }
  return undefined;
}

/** The "with tophus" sibling of a chronic gout code "without tophus". */
function withTophus(table: CodeTable, code: string): string | undefined {
  const title = table.byCode.get(code)?.long_desc ?? '';
  if (!/\bwithout tophus\b/i.test(title)) return undefined;
  const want = title.replace(/\bwithout tophus\b/i, 'with tophus');
  return table.billableIn(code.slice(0, 3)).find((r) => r.long_desc === want)?.code;
}

export function multipleSites(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts) return;
  const linesOf = (c: Candidate): string[] => c.mentions.filter((m) => m.assertion === 'present').map((m) => lineAround(texts, m));
  for (const c of [...cands.values()]) {
    if (!ARTHROPATHY.test(c.code) || !cands.has(c.code)) continue;
    const lines = linesOf(c);
    const spine = /\bspine\b/i.test(table.byCode.get(c.code)?.long_desc ?? '');
    const several = lines.some((l) => SEVERAL_JOINTS.test(l) || count(l, spine ? SPINE_REGIONS : JOINT_GROUPS) >= 2);
    const multiple = several ? multipleSitesOf(table, c.code) : undefined;
    if (multiple) recode(cands, c, multiple, `${c.code} in several joints the chart names: ${table.byCode.get(multiple)?.long_desc ?? multiple}`);
  }
  for (const c of [...cands.values()]) {
    const tophus = withTophus(table, c.code);
    if (!tophus || !linesOf(c).some((l) => TOPHI.test(l) && !TOPHI_DENIED.test(l))) continue;
    recode(cands, c, tophus, `${c.code} whose line names its tophi: ${table.byCode.get(tophus)?.long_desc ?? tophus}`);
  }
}
