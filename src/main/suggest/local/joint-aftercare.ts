// A routine visit weeks after a joint replacement is its aftercare (Z47.1, "Aftercare > following surgery >
// joint replacement"), coded with the joint's status the chart reads (Z96.6-, as Z47.1's note asks):
// "Ortho f/u - R hip, 6 wks post-op … S/p R THA - excellent early recovery". Not after a fracture the
// replacement treated, whose follow-up is the fracture's own code (7th character D).
import type { Candidate } from './candidate';
import type { CodeTable } from './code-table';

const AFTERCARE = 'Z471';
const JOINT_STATUS = /^Z966/;
const FRACTURE = /^(S[0-9]2|M80|M84)/;
/** A post-operative follow-up, counted from the operation or named as such. */
const POST_OP_VISIT = /\b(?:\d+|one|two|three|four|five|six|eight|ten|twelve)[\s-]*(?:wks?|weeks?|days?|mos?|months?)\s+(?:post-?op(?:eratively)?|after (?:surgery|(?:his|her|the) (?:TKA|THA|surgery)))\b|\bpost-?op(?:erative)?\s+(?:visit|check|f\/u|follow-?up)\b/i;

export function jointAftercare(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts || cands.has(AFTERCARE) || !table.byCode.get(AFTERCARE)?.billable) return;
  const status = [...cands.values()].find((c) => JOINT_STATUS.test(c.code));
  if (!status || [...cands.keys()].some((k) => FRACTURE.test(k))) return;
  // Read in the status's own document; the evidence is the visit's words, grouped with the status's sentence.
  const anchor = status.mentions[0]!;
  const said = POST_OP_VISIT.exec(texts.get(anchor.documentId) ?? '');
  if (!said) return;
  cands.set(AFTERCARE, {
    code: AFTERCARE,
    via: 'combination',
    mentions: [{ ...anchor, start: said.index, end: said.index + said[0].length, phrase: said[0], words: [], assertion: 'present', section: 'subjective' }],
    rationale: `A post-operative visit after the joint replacement ${status.code} names: aftercare following joint replacement surgery (Z47.1)`,
    parts: [status],
  });
}
