// Medicare Code Editor checks: age conflicts, manifestation codes and unacceptable codes as principal.
import type { EditContext } from '../context';
import type { EditResult } from '../types';

const CATEGORY_WORDS = { newborn: 'a newborn', pediatric: 'a pediatric', maternity: 'a maternity', adult: 'an adult' } as const;

export function duplicateRule(ctx: EditContext): EditResult[] {
  return ctx.entries
    .filter((e) => e.duplicate)
    .map((e) => ({
      id: 'duplicate' as const, severity: 'warning' as const, codes: [e.display], source: 'Encounter code list',
      message: `${e.display} is listed more than once; report it once.`,
    }));
}

export function mceAgeRule(ctx: EditContext): EditResult[] {
  const age = ctx.encounter.age;
  if (age === null || !Number.isFinite(age)) return [];
  const out: EditResult[] = [];
  for (const d of ctx.diagnoses) {
    const edit = ctx.lookup.mceAge(d.code);
    if (!edit || (age >= edit.minAge && age <= edit.maxAge)) continue;
    out.push({
      id: 'mce-age', severity: 'error', codes: [d.display], source: `MCE age edit (${edit.category} ${edit.minAge}-${edit.maxAge})`,
      message: `${d.display} is ${CATEGORY_WORDS[edit.category]} diagnosis (ages ${edit.minAge}–${edit.maxAge}); the patient is ${age}.`,
    });
  }
  return out;
}

export function principalRule(ctx: EditContext): EditResult[] {
  const p = ctx.principal;
  if (!p) return [];
  const out: EditResult[] = [];
  const role = ctx.encounter.setting === 'inpatient' ? 'principal' : 'first-listed';
  if (ctx.lookup.isManifestationNotPrincipal(p.code)) {
    out.push({
      id: 'manifestation-principal', severity: 'error', codes: [p.display], source: 'MCE manifestation code as principal diagnosis',
      message: `${p.display} is a manifestation code and cannot be the ${role} diagnosis: sequence the underlying condition first.`,
    });
  }
  // The MCE unacceptable-principal list is an inpatient claim edit; outpatient first-listing rules differ.
  if (ctx.encounter.setting === 'inpatient') {
    const verdict = ctx.lookup.unacceptablePrincipal(p.code);
    const others = ctx.diagnoses.length > 1;
    if (verdict === 'unacceptable' || (verdict === 'unacceptable_unless_secondary_dx_present' && !others)) {
      out.push({
        id: 'unacceptable-principal', severity: 'error', codes: [p.display], source: 'MCE unacceptable principal diagnosis',
        message:
          verdict === 'unacceptable'
            ? `${p.display} is not acceptable as the principal diagnosis of an inpatient claim.`
            : `${p.display} is acceptable as principal diagnosis only with a secondary diagnosis, and none is listed.`,
      });
    }
  }
  return out;
}
