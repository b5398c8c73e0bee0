// A newborn's own record of the stay it was born in opens with its liveborn code (Z38.-, guideline
// I.C.16.a.2): born in this hospital, by cesarean (Z38.01) or not (Z38.00); a twin is Z38.30/Z38.31.
// A baby born elsewhere or transferred in is not this hospital's birth episode, and triplets or more
// are left to the coder. A suspected condition the stay rules out in a newborn is its observation code
// (Z05.-, I.C.16.a.6), not the condition.
import type { CodeTable } from './code-table';

/** Words that say the stay is the one the baby was born in. */
const BIRTH_STAY = /\b(?:admitted (?:to the (?:well[- ]baby |newborn )?nursery )?at birth|(?:well[- ]baby|well[- ]newborn|newborn) nursery|born (?:here|at this (?:hospital|facility)|in (?:this|our) (?:hospital|facility))|birth (?:hospitali[sz]ation|stay|episode)|delivered (?:here|at this (?:hospital|facility)))\b/i;
/** A birth elsewhere, or a baby brought in from another hospital. */
const BORN_ELSEWHERE = /\b(?:transferred (?:in )?from|transfer from|outborn|born at (?:home|an? outside)|home birth|born en route|born in (?:the )?(?:car|ambulance))\b/i;
const CESAREAN = /\b(?:cesarean|caesarean|c-?section|c\/s|LTCS|(?:primary|repeat) CS)\b/i;
const TWIN = /\btwins?\b|\bbaby [AB]\b/i;
const MORE_THAN_TWINS = /\b(?:triplets?|quadruplets?|quintuplets?)\b/i;

export interface NewbornBirth {
  code: string;
  documentId: string;
  start: number;
  end: number;
}

/** The liveborn code of a newborn's birth stay, with the words that say it was born here. */
export function newbornBirth(table: CodeTable, texts: ReadonlyMap<string, string>): NewbornBirth | undefined {
  const all = [...texts.values()];
  if (all.some((t) => BORN_ELSEWHERE.test(t) || MORE_THAN_TWINS.test(t))) return undefined;
  const cesarean = all.some((t) => CESAREAN.test(t));
  const code = all.some((t) => TWIN.test(t)) ? (cesarean ? 'Z3831' : 'Z3830') : cesarean ? 'Z3801' : 'Z3800';
  if (!table.byCode.get(code)?.billable) return undefined;
  for (const [documentId, text] of texts) {
    const said = BIRTH_STAY.exec(text);
    if (said) return { code, documentId, start: said.index, end: said.index + said[0].length };
  }
  return undefined;
}

/** A newborn's suspected condition ruled out, by the chapter of the condition it was suspected to be. */
const OBSERVATION_OF: ReadonlyArray<[RegExp, string]> = [
  [/^(?:[AB]|P3[5-9])/, 'Z051'],
  [/^(?:I|Q2[0-8])/, 'Z050'],
  [/^(?:G|P9[01])/, 'Z052'],
  [/^(?:J|P2[2-8])/, 'Z053'],
];

/** The observation code of a newborn for a condition the chart rules out (category given), if one fits. */
export function newbornObservation(table: CodeTable, ruledOutCategory: string): string | undefined {
  const code = OBSERVATION_OF.find(([of]) => of.test(ruledOutCategory))?.[1];
  return code && table.byCode.get(code)?.billable ? code : undefined;
}
