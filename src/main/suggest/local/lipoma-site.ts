// A lipoma of the skin or subcutaneous tissue by the body region its line names (Index: "Lipoma > site
// classification > face, head, neck / trunk / arms / legs", D17.0–D17.2-): "Subcutaneous lipoma, right upper
// back" is the trunk's (D17.1), "lipoma L forearm" the left arm's (D17.22). The Index reads a bare "lipoma" as
// D17.9 and a "subcutaneous lipoma" as D17.30, which name no site.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineEndAt } from './text';

const UNSITED = new Set(['D179', 'D1730']);
/** Regions by the words a line names them with, and each one's code: unsided, right, left (a limb's side splits it). */
const REGIONS: ReadonlyArray<readonly [RegExp, { unsided: string; right?: string; left?: string }]> = [
  [/\b(face|facial|forehead|cheek|scalp|head|neck|nuchal|jaw|chin|temple|ear|nose|lip|eyelid|brow)\b/i, { unsided: 'D170' }],
  [/\b(back|upper back|lower back|chest|chest wall|abdomen|abdominal wall|abdominal|flank|trunk|scapula\w*|shoulder blade|axilla\w*|breast|buttock|gluteal|groin|lumbar|thoracic|truncal|torso|periumbilical)\b/i, { unsided: 'D171' }],
  [/\b(arm|forearm|upper arm|elbow|wrist|hand|finger|thumb|shoulder|upper (?:limb|extremity)|antecubital|deltoid)\b/i, { unsided: 'D1720', right: 'D1721', left: 'D1722' }],
  [/\b(thigh|leg|knee|calf|shin|ankle|foot|toe|lower (?:limb|extremity)|popliteal|heel)\b/i, { unsided: 'D1720', right: 'D1723', left: 'D1724' }],
];
const RIGHT = /\b(right|rt|r)\b/i;
const LEFT = /\b(left|lt|l)\b/i;

export function lipomaSite(cands: Map<string, Candidate>, table: CodeTable, texts: ReadonlyMap<string, string> | undefined): void {
  if (!texts) return;
  for (const c of [...cands.values()]) {
    if (!UNSITED.has(c.code) || c.via !== 'match') continue;
    for (const m of c.mentions) {
      const text = texts.get(m.documentId);
      if (!text || m.assertion !== 'present') continue;
      // The words after the lipoma on its line: "lipoma, right upper back, ~4.5 cm", "lipoma of the L forearm".
      const after = text.slice(m.end, lineEndAt(text, m.end)).split(/[.;(]/)[0] ?? '';
      const region = REGIONS.find(([re]) => re.test(after))?.[1];
      if (!region) continue;
      const side = RIGHT.test(after) && !LEFT.test(after) ? 'right' : LEFT.test(after) && !RIGHT.test(after) ? 'left' : undefined;
      const code = (side ? region[side] : undefined) ?? region.unsided;
      if (!table.byCode.get(code)?.billable) continue;
      recode(cands, c, code, `A lipoma of the site its line names: ${table.byCode.get(code)!.long_desc}`);
      break;
    }
  }
}
