// Fractures in osteoporosis. A fracture from minor trauma in osteoporosis is the osteoporosis with a
// current pathological fracture (M80, guideline I.C.13.d.1), at the site the injury code names; a healed
// one is the osteoporosis fracture's history (Z87.310, which M81's "use additional code" names), not a
// healed traumatic fracture's (Z87.81).
import { mergeInto, recode, shareSentence, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { titleSide } from './laterality';

const OSTEOPOROSIS = /^M8[01]/;
const TRAUMATIC_HISTORY = 'Z8781';
/** Osteoporosis with a current pathological fracture. */
const CURRENT_FRACTURE = /^M80/;
const OSTEOPOROSIS_HISTORY = 'Z87310';

/**
 * "She fractured her left hip in a fragility fall in 2021; it is healed", with "age-related osteoporosis":
 * Z87.310.
 */
export function osteoporoticFractureHistory(cands: Map<string, Candidate>, table: CodeTable): void {
  const healed = cands.get(TRAUMATIC_HISTORY);
  if (!healed || !table.byCode.get(OSTEOPOROSIS_HISTORY)?.billable || ![...cands.keys()].some((code) => OSTEOPOROSIS.test(code))) return;
  cands.delete(TRAUMATIC_HISTORY);
  // A fracture the note follows now ("6 wk follow-up … s/p nail for intertrochanteric fracture … fragility
  // fracture, healing") is the current one (M80, 7th character D), not a healed one's history.
  if ([...cands.values()].some((c) => CURRENT_FRACTURE.test(c.code) && c.mentions.some((m) => m.assertion === 'present'))) return;
  recode(cands, healed, OSTEOPOROSIS_HISTORY, 'A healed fracture in osteoporosis: personal history of (healed) osteoporosis fracture (M81 "use additional code")');
}

/** An osteoporosis fracture: M80.0- (age-related) or M80.8- (other), with its site in the fifth character. */
const OSTEOPOROTIC_FRACTURE = /^M80[08]([0-9AB])/;
/** The M80 site of an injury code's fracture: its fifth character. Sacrum and coccyx have none of their own. */
const SITE_OF_INJURY: ReadonlyArray<[RegExp, string]> = [
  [/^S42[01]/, '1'],
  [/^S42[2-4]/, '2'],
  [/^S52/, '3'],
  [/^S62/, '4'],
  [/^S72/, '5'],
  [/^S82(?:[56]|8[45])/, '7'],
  [/^S82/, '6'],
  [/^S92/, '7'],
  [/^(?:S12|S220|S320)/, '8'],
  [/^S32[3-8]/, 'B'],
  // A pathological fracture the chart names apart from its osteoporosis ("osteoporosis with new pathologic
  // (fragility) compression fracture of L1", read as M84.48XA beside M80.00XA).
  [/^M8441/, '1'],
  [/^M8442/, '2'],
  [/^M8443/, '3'],
  [/^M8444/, '4'],
  [/^M8445[0-3]/, '5'],
  [/^M84454/, 'B'],
  [/^M8446/, '6'],
  [/^M8447/, '7'],
];
/** A pathological fracture of another site: the vertebra's where the chart names one, else M80's other site. */
const OTHER_SITE_PATHOLOGICAL = /^M8448/;

function siteOfInjury(code: string, c?: Candidate): string | undefined {
  if (OTHER_SITE_PATHOLOGICAL.test(code)) return c?.mentions.some((m) => m.words.includes('vertebra')) ? '8' : 'A';
  return SITE_OF_INJURY.find(([re]) => re.test(code))?.[1];
}

/**
 * "Closed L distal radius (Colles') fracture … in pt with known osteoporosis, i.e., fragility fracture":
 * the fracture the sentence names with the osteoporosis fracture is that fracture's site (M80.032A), and
 * no injury code beside it. Only one said with it: a fracture elsewhere in the chart may be traumatic.
 */
export function osteoporoticFractureSite(cands: Map<string, Candidate>, table: CodeTable): void {
  for (const porotic of [...cands.values()]) {
    const kind = OSTEOPOROTIC_FRACTURE.exec(porotic.code);
    if (!kind || !cands.has(porotic.code)) continue;
    const injuries = [...cands.values()].filter((c) => c.via === 'match' && siteOfInjury(c.code, c) !== undefined && /\bfracture\b/i.test(table.byCode.get(c.code)?.long_desc ?? '') && shareSentence(c, porotic));
    // Readings of one fracture ("distal radius fracture", "Colles' fracture") name one site and side.
    const sites = new Set(injuries.map((c) => siteOfInjury(c.code, c)));
    const sides = new Set(injuries.map((c) => titleSide(table.byCode.get(c.code)?.long_desc ?? '')));
    if (sites.size !== 1 || sides.size !== 1) continue;
    const site = [...sites][0]!;
    const injurySide = [...sides][0];
    const side = site === '8' || site === 'A' ? 'X' : injurySide === 'right' ? '1' : injurySide === 'left' ? '2' : '9';
    // A site the osteoporosis reading named itself stays ("femur -- fragility fracture", M80.051A) if it is the injury's.
    if (kind[1] !== '0' && kind[1] !== site) continue;
    const code = kind[1] === '0' ? `${porotic.code.slice(0, 4)}${site}${side}${porotic.code.slice(6)}` : porotic.code;
    if (!table.byCode.get(code)?.billable) continue;
    const target = cands.get(code) ?? { ...porotic, code, mentions: [...porotic.mentions], rationale: `${injuries[0]!.code} in osteoporosis: the osteoporosis with a current pathological fracture at its site (I.C.13.d.1)` };
    mergeInto(target, porotic, ...injuries);
    for (const injury of injuries) cands.delete(injury.code);
    if (code !== porotic.code) cands.delete(porotic.code);
    cands.set(code, target);
  }
}
