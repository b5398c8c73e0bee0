// A lipoma of the skin or subcutaneous tissue by the body region its line names (Index: "Lipoma > site
// classification > face, head, neck / trunk / arms / legs", D17.0–D17.2-): "Subcutaneous lipoma, right upper
// back" is the trunk's (D17.1), "lipoma L forearm" the left arm's (D17.22). The Index reads a bare "lipoma" as
// D17.9 and a "subcutaneous lipoma" as D17.30, which name no site.
import { recode, type Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineOf } from './text';

const UNSITED = new Set(['D179', 'D1730']);
const REGIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(face|facial|forehead|cheek|scalp|head|neck|nuchal|jaw|chin|temple|ear|nose|lip|eyelid|brow)\b/i, 'D170'],
  [/\b(back|upper back|lower back|chest|chest wall|abdomen|abdominal wall|abdominal|flank|trunk|scapula\w*|shoulder blade|axilla\w*|breast|buttock|gluteal|groin|lumbar|thoracic|truncal|torso|periumbilical)\b/i, 'D171'],
  [/\b(arm|forearm|upper arm|elbow|wrist|hand|finger|thumb|shoulder|upper (?:limb|extremity)|antecubital|deltoid)\b/i, 'D172A'],
  [/\b(thigh|leg|knee|calf|shin|ankle|foot|toe|lower (?:limb|extremity)|popliteal|heel)\b/i, 'D172L'],
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
      const line = lineOf(text, m.start, m.end);
      const after = line.slice(line.indexOf(text.slice(m.start, m.end)) + (m.end - m.start)).split(/[.;(]/)[0] ?? '';
      const region = REGIONS.find(([re]) => re.test(after))?.[1];
      if (!region) continue;
      const side = RIGHT.test(after) && !LEFT.test(after) ? 'right' : LEFT.test(after) && !RIGHT.test(after) ? 'left' : undefined;
      const code = region === 'D172A' ? (side === 'right' ? 'D1721' : side === 'left' ? 'D1722' : 'D1720') : region === 'D172L' ? (side === 'right' ? 'D1723' : side === 'left' ? 'D1724' : 'D1720') : region;
      if (!table.byCode.get(code)?.billable) continue;
      recode(cands, c, code, `A lipoma of the site its line names: ${table.byCode.get(code)!.long_desc}`);
      break;
    }
  }
}
