// V28 model consequences a coder should see while coding: dx edits that change or void a code's HCC
// for this patient, and HCCs that drop out under a higher one in the hierarchy.
import { displayCode } from '../../codeset/format';
import { assignHccs, describeDxEdit } from '../../hcc/assign';
import type { EditContext } from '../context';
import type { EditResult } from '../types';

export function hccRule(ctx: EditContext): EditResult[] {
  const { lookup, encounter } = ctx;
  const patient = { age: encounter.age !== null && Number.isFinite(encounter.age) ? encounter.age : null, sex: encounter.sex };
  const assigned = assignHccs(ctx.diagnoses.map((d) => d.code), patient, lookup);
  const label = (h: number): string => lookup.hccLabel(h) ?? '';
  const show = (code: string): string => displayCode('icd10cm', code);
  const out: EditResult[] = [];
  for (const a of assigned.perCode) {
    if (!a.edit) continue;
    const who = `${patient.sex === 'U' ? '' : patient.sex === 'F' ? 'a female ' : 'a male '}patient${patient.age !== null ? ` aged ${patient.age}` : ''}`;
    if (a.hccs.length === 0) {
      out.push({
        id: 'hcc-dx-edit', severity: 'warning', codes: [show(a.code)], source: describeDxEdit(a.edit),
        message: `${show(a.code)} gives no V28 HCC for ${who} (it would map to HCC ${a.mapped.join(', ')} ${label(a.mapped[0]!)}).`,
      });
    } else {
      out.push({
        id: 'hcc-dx-edit', severity: 'info', codes: [show(a.code)], source: describeDxEdit(a.edit),
        message: `${show(a.code)} maps to HCC ${a.hccs.join(', ')} ${label(a.hccs[0]!)} for ${who}, instead of HCC ${a.mapped.join(', ')}.`,
      });
    }
  }
  for (const [dropped, by] of [...assigned.hierarchy.dropped].sort((x, y) => x[0] - y[0])) {
    const from = (assigned.sources.get(dropped) ?? []).map(show);
    const over = (assigned.sources.get(by) ?? []).map(show);
    out.push({
      id: 'hcc-hierarchy', severity: 'info', codes: [...from, ...over], source: `V28 hierarchy: HCC ${by} drops HCC ${dropped}`,
      message: `HCC ${dropped} ${label(dropped)} (${from.join(', ')}) drops out: HCC ${by} ${label(by)} (${over.join(', ')}) outranks it.`,
    });
  }
  return out;
}
