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

/** A line that lists the stay's operations: "Procedure 8/3:", "Operations performed:". */
const PROCEDURE_LINE = String.raw`^[ \t]*(?:procedures?|operations?|surgery|surgeries|procedure performed)\b[^:\n]{0,30}:[^\n]*?`;
const SIDE = String.raw`(?:(right|left|R|L)\s+)?`;
/**
 * A hospital stay's own joint replacement, as its procedure line or reason for admission names it:
 * "Procedure 8/3: Right total hip arthroplasty", "Procedures: L TKA", "Elective admission for R THA".
 * Groups: side and joint, for each of the three forms.
 */
const REPLACED_THIS_STAY = new RegExp(
  [
    String.raw`${PROCEDURE_LINE}\b${SIDE}(?:total\s+|partial\s+|reverse\s+(?:total\s+)?)?(hip|knee|shoulder)\s+(?:arthroplasty|replacement)`,
    String.raw`${PROCEDURE_LINE}\b${SIDE}(THA|TKA|TSA)\b`,
    String.raw`\badmi(?:tted|ssion) for (?:an? )?(?:elective )?${SIDE}(THA|TKA|TSA|total (?:hip|knee|shoulder))\b`,
  ].join('|'),
  'gim',
);

/** The joint's digit in Z96.6- (shoulder 1, hip 4, knee 5) and the side's (right 1, left 2). */
const JOINT_DIGIT: Readonly<Record<string, string>> = { shoulder: '1', tsa: '1', hip: '4', tha: '4', knee: '5', tka: '5' };

/**
 * The joint a stay replaces has no "presence of an artificial joint" beside its own replacement: the
 * operation is the stay's procedure, and the status (Z96.6-) belongs to later encounters. A joint replaced
 * before ("L TKA 2019") keeps its status.
 */
export function withoutJointReplacedThisStay(cands: Map<string, Candidate>, texts: ReadonlyMap<string, string>): void {
  for (const text of texts.values()) {
    for (const m of text.matchAll(REPLACED_THIS_STAY)) {
      const side = (m[1] ?? m[3] ?? m[5] ?? '').toLowerCase();
      const joint = JOINT_DIGIT[(m[2] ?? m[4] ?? m[6] ?? '').toLowerCase().replace(/^total /, '')];
      if (!joint) continue;
      const named = side.startsWith('r') ? 'right' : side.startsWith('l') ? 'left' : undefined;
      const sideDigit = named === 'right' ? '1' : named === 'left' ? '2' : undefined;
      for (const [code, c] of [...cands]) {
        if (!code.startsWith(`Z966${joint}`)) continue;
        // Its side still unread (Z96.649), a status of the other side's joint stays.
        const sameSide = !named || code[5] === sideDigit || (code[5] === '9' && c.mentions.every((x) => x.side === undefined || x.side === named));
        if (sameSide) cands.delete(code);
      }
    }
  }
}
