// A cerebral infarction named with the artery whose occlusion caused it is one code, I63.3–I63.5 by
// the mechanism and the artery: "acute ischemic stroke due to embolism of right middle cerebral
// artery" is I63.411. Read apart, the artery is I66.- ("occlusion and stenosis … not resulting in
// cerebral infarction", which I63's own Excludes1 keeps apart from the infarction) beside I63.9.
import { sentenceKey, shareSentence, type Candidate } from './candidate';
import type { CombineInto } from './combine';
import type { CodeTable } from './code-table';

/** I66's fourth character → I63's artery character ("" for a code with none, I63.x0 / I63.x9). */
const ARTERY: Readonly<Record<string, string>> = { '0': '1', '1': '2', '2': '3', '3': '4', '8': '9', '9': '0' };

export function infarctionByVessel(cands: Map<string, Candidate>, table: CodeTable, combineInto: CombineInto, texts?: ReadonlyMap<string, string>, pastStroke: ReadonlySet<string> = new Set()): void {
  const infarction = cands.get('I639');
  if (!infarction) return;
  if (texts && ![...cands.values()].some((v) => v.code.startsWith('I66') && shareSentence(infarction, v))) {
    infarctionByTerritory(cands, infarction, table, combineInto, texts, pastStroke);
    return;
  }
  for (const vessel of [...cands.values()]) {
    if (!vessel.code.startsWith('I66') || !shareSentence(infarction, vessel)) continue;
    const words = new Set(vessel.mentions.flatMap((m) => m.words));
    const mechanism = words.has('embolism') ? '4' : words.has('thrombosis') ? '3' : '5';
    const artery = ARTERY[vessel.code[3] ?? ''];
    if (artery === undefined) continue;
    // Arteries coded by side take the vessel's (9 where unread: the mention's side fills it in later).
    const sided = ['1', '2', '3', '4'].includes(artery);
    const code = `I63${mechanism}${artery}${sided ? (vessel.code[4] ?? '9') : ''}`;
    const target = table.byCode.get(code);
    if (!target?.billable) continue;
    combineInto(cands, code, `${target.long_desc}: the infarction and the artery its sentence names as its cause`, [infarction, vessel], [infarction, vessel]);
    cands.delete(vessel.code);
    cands.delete('I639');
    return;
  }
}

/**
 * A cerebral artery as notes name a stroke's territory, with I63's artery character: "L MCA", "left
 * middle cerebral artery territory", "M1". Not a PCA pump (patient-controlled analgesia).
 */
const TERRITORY = /\b(?:(left|right|l|r|lt|rt|bilateral)\.?\s+)?(mca|middle cerebral(?: artery)?|m1|m2|aca|anterior cerebral(?: artery)?|pca(?!\s+pump)|posterior cerebral(?: artery)?)\b/i;
const TERRITORY_ARTERY: ReadonlyArray<[RegExp, string]> = [
  [/^(mca|middle|m1|m2)/i, '1'],
  [/^(aca|anterior)/i, '2'],
  [/^(pca|posterior)/i, '3'],
];
const SIDE_CHARACTER: Readonly<Record<string, string>> = { left: '2', l: '2', lt: '2', right: '1', r: '1', rt: '1', bilateral: '3' };
/** How the artery was closed, said of the stroke: an embolus (a cardioembolic stroke is one) or a thrombus; else unstated (I63.5-). */
const EMBOLIC = /\b(cardio)?embol(ic|ism|us|i)\b/i;
const THROMBOTIC = /\b(thrombotic|thrombosis|thrombus)\b/i;

/**
 * A cerebral infarction whose sentence names its territory ("acute ischemic stroke, left MCA
 * territory, cardioembolic") is the infarction of that artery: I63.4- for an embolism, I63.3- for a
 * thrombosis, else I63.5- (occlusion or stenosis not further stated). The embolism the sentence names
 * is the infarction's cause, no arterial embolism (I74.-) of its own. Not the territory of an earlier
 * stroke (`pastStroke`, its sentences).
 */
function infarctionByTerritory(cands: Map<string, Candidate>, infarction: Candidate, table: CodeTable, combineInto: CombineInto, texts: ReadonlyMap<string, string>, pastStroke: ReadonlySet<string>): void {
  for (const m of infarction.mentions) {
    const text = texts.get(m.documentId);
    // An earlier stroke's territory ("9 months after right MCA stroke") is no infarction of this visit.
    if (!text || m.assertion !== 'present' || pastStroke.has(sentenceKey(m))) continue;
    const [from, to] = sentenceAround(text, m.start, m.end);
    const sentence = text.slice(from, to);
    const named = TERRITORY.exec(sentence);
    const artery = named ? TERRITORY_ARTERY.find(([re]) => re.test(named[2]!))?.[1] : undefined;
    if (!named || !artery) continue;
    const mechanism = EMBOLIC.test(sentence) ? '4' : THROMBOTIC.test(sentence) ? '3' : '5';
    const code = `I63${mechanism}${artery}${SIDE_CHARACTER[(named[1] ?? '').toLowerCase()] ?? '9'}`;
    const target = table.byCode.get(code);
    if (!target?.billable) continue;
    const start = from + named.index;
    const territory: Candidate = { code, via: 'match', mentions: [{ ...m, start, end: start + named[0].length, phrase: named[0], words: [] }] };
    combineInto(cands, code, `${target.long_desc}: the infarction and the artery its sentence names`, [infarction], [infarction, territory]);
    cands.delete('I639');
    for (const embolism of [...cands.values()]) if (embolism.code.startsWith('I74') && shareSentence(embolism, infarction)) cands.delete(embolism.code);
    return;
  }
}

/** The sentence around `start`–`end`: from the last full stop or line break before it to the next after it. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(0, start);
  const stop = before.search(/\.\s[^.]*$/);
  const from = Math.max(before.lastIndexOf('\n'), stop >= 0 ? stop + 1 : -1) + 1;
  const after = /\.(\s|$)|\n/.exec(text.slice(end));
  return [from, after ? end + after.index : text.length];
}
