// An infection of a joint the chart says has a prosthesis is the prosthesis's complication (T84.5-):
// "Periprosthetic joint infection L THA" is T84.52XA, not pyogenic arthritis (M00.9) beside the left hip
// replacement's status (Z96.642), which the complication code already names.
import { mergeInto, recode, shareSentence, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { titleSide } from './laterality';
import { lineAround } from './text';

/** A joint replacement's status (Z96.6-) by its joint, and the prosthesis infection's code for each side. */
const PROSTHESIS_SITE: ReadonlyArray<[RegExp, { right: string; left: string; unsided: string }]> = [
  [/^Z9664/, { right: 'T8451', left: 'T8452', unsided: 'T8450' }],
  [/^Z9665/, { right: 'T8453', left: 'T8454', unsided: 'T8450' }],
  [/^Z966/, { right: 'T8459', left: 'T8459', unsided: 'T8459' }],
];

/** The side a status's title or mentions name (its side is read from the mentions after combining). */
function sideOf(status: Candidate, table: CodeTable): 'right' | 'left' | undefined {
  const titled = titleSide(table.byCode.get(status.code)?.long_desc ?? '');
  if (titled === 'right' || titled === 'left') return titled;
  const sides = new Set(status.mentions.map((m) => m.side).filter((x): x is 'right' | 'left' => x === 'right' || x === 'left'));
  return sides.size === 1 ? [...sides][0] : undefined;
}

/** Readings of the joint's infection: pyogenic or infective arthritis, an infection after surgery. */
const JOINT_INFECTION = /^(M00|M01|T814)/;

/** A prosthetic joint infection named on its line with the replaced joint: "Periprosthetic joint infection, L TKA". */
const PROSTHETIC_INFECTION = /\b(?:peri-?prosthetic|prosthetic)\s+(?:joint\s+)?infection\b|\bPJI\b/i;
const REPLACED_JOINT = /\b(?:(L|R|left|right|lt|rt)\.?\s+)?(TKA|TKR|THA|THR|(?:knee|hip)\s+(?:replacement|arthroplasty|prosthesis))\b/i;

/** The T84.5- code of the replaced joint a prosthetic joint infection's line names, if it names one. */
function namedJointCode(line: string): string | undefined {
  if (!PROSTHETIC_INFECTION.test(line)) return undefined;
  const joint = REPLACED_JOINT.exec(line);
  if (!joint) return undefined;
  const codes = /^(TKA|TKR|knee)/i.test(joint[2]!) ? PROSTHESIS_SITE[1]![1] : PROSTHESIS_SITE[0]![1];
  const side = joint[1] === undefined ? 'unsided' : /^(L|left|lt)$/i.test(joint[1]) ? 'left' : 'right';
  return codes[side];
}

export function prostheticJointInfection(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  for (const status of [...cands.values()]) {
    const codes = PROSTHESIS_SITE.find(([re]) => re.test(status.code))?.[1];
    if (!codes || !cands.has(status.code)) continue;
    const infections = [...cands.values()].filter((c) => JOINT_INFECTION.test(c.code) && shareSentence(c, status));
    if (infections.length === 0) continue;
    const code = `${codes[sideOf(status, table) ?? 'unsided']}XA`;
    if (!table.byCode.get(code)?.billable) continue;
    const target = cands.get(code) ?? { code, mentions: [], via: 'combination' as const, rationale: `${infections[0]!.code} of the joint ${status.code} says is replaced: infection due to the internal joint prosthesis (T84.5-)`, parts: [status, ...infections] };
    mergeInto(target, ...infections, status);
    for (const c of [...infections, status]) cands.delete(c.code);
    cands.set(code, target);
  }
  // "Periprosthetic joint infection, L TKA": the line names the joint, with no status read beside it.
  for (const infection of [...cands.values()]) {
    if (!JOINT_INFECTION.test(infection.code) || !texts) continue;
    const m = infection.mentions.find((x) => x.assertion === 'present');
    const named = m ? namedJointCode(lineAround(texts, m)) : undefined;
    const code = named ? `${named}XA` : undefined;
    if (!code || !table.byCode.get(code)?.billable) continue;
    recode(cands, { ...infection, via: 'combination', parts: [infection] }, code, `${infection.code} of a replaced joint its line names: infection due to the internal joint prosthesis (T84.5-)`);
  }
}
