// Sinusitis of several sinuses is one code: "involving more than one sinus but not pansinusitis"
// (J01.8-, J32.8), or pansinusitis (J01.4-, J32.4) when all four are named. The Index reads each sinus
// a note names on its own ("acute maxillary and frontal sinusitis" as J01.00 and J01.10).
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';
import { spansOf, type EvidenceSpan } from './shown-together';

/** Acute (J01.0- … J01.3-) and chronic (J32.0 … J32.3) sinusitis of one named sinus. */
const ONE_SINUS = /^(J01[0-3][01]|J32[0-3])$/;
/** Evidence this close together speaks of one sinusitis. */
const NEAR = 60;

const near = (a: EvidenceSpan, b: EvidenceSpan): boolean => a.documentId === b.documentId && a.start < b.end + NEAR && b.start < a.end + NEAR;

/** The one code for sinusitis of the sinuses `group` names (acute or chronic), or undefined. */
function combinedCode(group: readonly RawSuggestion[]): string | undefined {
  const sites = new Set(group.map((r) => r.code.charAt(3)));
  if (sites.size < 2) return undefined;
  const chronic = group[0]!.code.startsWith('J32');
  if (chronic) return sites.size === 4 ? 'J324' : 'J328';
  const recurrent = group.some((r) => r.code.endsWith('1'));
  return `${sites.size === 4 ? 'J014' : 'J018'}${recurrent ? '1' : '0'}`;
}

/** Replaces sinusitis read sinus by sinus, in one statement, with the code for several sinuses. */
export function withMultipleSinuses(table: CodeTable, raw: readonly RawSuggestion[]): RawSuggestion[] {
  const out = [...raw];
  for (const kind of ['J01', 'J32']) {
    const singles = out.filter((r) => r.kind === 'add' && r.code.startsWith(kind) && ONE_SINUS.test(r.code));
    if (singles.length < 2) continue;
    const group = singles.filter((r) => singles.some((o) => o !== r && spansOf(r).some((a) => spansOf(o).some((b) => near(a, b)))));
    const code = combinedCode(group);
    if (!code || !table.byCode.get(code)?.billable || out.some((r) => r.code === code)) continue;
    const quotes = group.flatMap((r) => r.quotes ?? []);
    const confidence = Math.max(...group.map((r) => r.confidence ?? 0));
    const first = out.indexOf(group[0]!);
    out.splice(first, 1, { system: 'icd10cm', code, kind: 'add', quotes, assertion: group[0]!.assertion ?? 'present', confidence, rationale: `Sinusitis of several sinuses is one code: ${table.byCode.get(code)!.long_desc}` });
    for (const r of group.slice(1)) out.splice(out.indexOf(r), 1);
  }
  return out;
}
