// Coronary atherosclerosis with angina is one code (guideline I.C.9.b): the link is presumed unless
// the note gives the angina another cause, and no separate I20 code is used. I20's Excludes1 would
// otherwise drop the angina and leave "… without angina pectoris" (I25.10) standing.
import type { Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';

/** The angina's kind (I20.-) and the fifth and sixth characters of I25.11- that say it. */
const ANGINA_KINDS: ReadonlyArray<readonly [angina: RegExp, kind: string]> = [
  [/^I200/, '10'], // unstable
  [/^I201/, '11'], // with documented spasm
  [/^I202/, '12'], // refractory
  [/^I208/, '18'], // other forms, stable angina among them
  [/^I209/, '19'], // unspecified
];

export function coronaryWithAngina(cands: Map<string, Candidate>, table: CodeTable, combineInto: CombineInto): void {
  // "… with angina pectoris" read from the tabular's own words is unspecified angina, which a kind said beside it refines.
  const disease = cands.get('I2510') ?? cands.get('I25119');
  if (!disease) return;
  const anginas = [...cands.values()].filter((c) => c.code.startsWith('I20'));
  // The surest kind first: unstable over any other the chart also names.
  const ranked = ANGINA_KINDS.map(([re, kind]) => [anginas.filter((a) => re.test(a.code)), kind] as const).filter(([found]) => found.length > 0);
  // "Angina > with > atherosclerotic heart disease — see Arteriosclerosis, coronary" reads "CAD with
  // angina pectoris" as I25.10 alone: the angina is in the reading's own words.
  const saidWithin = disease.code === 'I2510' && disease.mentions.some((m) => m.words.includes('angina'));
  if (ranked.length === 0 && !saidWithin) return;
  const code = `I251${ranked[0]?.[1] ?? '19'}`;
  if (!table.byCode.get(code)?.billable) return;
  combineInto(cands, code, `${table.byCode.get(code)!.long_desc}: coronary atherosclerosis and its angina are one code (I.C.9.b)`, [disease, ...(ranked[0]?.[0] ?? [])], [disease, ...anginas]);
  if (disease.code !== code) cands.delete(disease.code);
  for (const a of anginas) cands.delete(a.code);
}
