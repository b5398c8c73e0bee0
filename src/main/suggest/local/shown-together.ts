// Codes judged by the other codes a chart shows: what a shown diagnosis makes part of itself (its
// pain, the counseling that is its standard treatment) and drugs coded by the diabetes shown.
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import type { CodeTable } from './code-table';

/** Chapter 18's symptoms and signs; SIRS and severe sepsis (R65) are no symptom but the infection's severity. */
export const isSymptom = (code: string): boolean => code.startsWith('R') && !code.startsWith('R65');

/**
 * Diabetes drugs by the diabetes shown: type 1 is insulin-treated by definition (E10 asks for no
 * Z79.4, unlike E08, E09, E11 and E13), and an SGLT2 inhibitor or GLP-1 agonist without diabetes
 * (heart failure, CKD, weight) is "other long term drug therapy", Z79.899.
 */
export function diabetesDrugCodes(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const shows = (re: RegExp): boolean => raw.some((r) => r.kind !== 'delete-unsupported' && re.test(r.code));
  const typeOneOnly = shows(/^E10/) && !shows(/^E(08|09|11|13)/);
  const noDiabetes = !shows(/^E(08|09|10|11|13)/);
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    if (r.kind !== 'add') out.push(r);
    else if (r.code === 'Z794' && typeOneOnly) continue;
    else if ((r.code === 'Z7984' || r.code === 'Z7985') && noDiabetes) {
      if (!out.some((o) => o.code === 'Z79899') && !raw.some((o) => o.code === 'Z79899')) out.push({ ...r, code: 'Z79899', rationale: 'A diabetes drug with no diabetes on the chart: other long term drug therapy' });
    } else out.push(r);
  }
  return out;
}

/** Pain in a joint or limb (M25.5-, M79.6-): a symptom code outside chapter 18. */
const PAIN_CODE = /^(M255|M796)/;

/**
 * Pain at the site of a diagnosis shown for that site is part of it (I.B.5): "right knee pain" beside
 * primary osteoarthritis of the right knee (M17.11) or a right knee sprain. The site is what the pain
 * title names after "Pain in" ("right knee"); the other title must name it.
 */
export function withoutIntegralPain(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  const title = (code: string): string => table.byCode.get(code)?.long_desc.toLowerCase() ?? '';
  const explained = (pain: RawSuggestion): boolean => {
    const site = /^pain in (.+)$/.exec(title(pain.code))?.[1];
    return site !== undefined && !/unspecified/.test(site) && raw.some((o) => o !== pain && o.kind !== 'delete-unsupported' && !PAIN_CODE.test(o.code) && !isSymptom(o.code) && title(o.code).includes(site));
  };
  return raw.filter((r) => r.kind !== 'add' || !PAIN_CODE.test(r.code) || !explained(r));
}

/** A diagnosis: neither a symptom (R) nor a factor or service (Z). */
const DIAGNOSIS = /^[A-QS-Y]/;

/**
 * Counseling (Z71) in a visit that shows a diagnosis is part of that diagnosis's standard treatment,
 * and not coded beside it (guideline I.C.21.c.10): smoking-cessation counseling for nicotine
 * dependence, dietary counseling for CKD. A visit for counseling alone keeps it.
 */
export function withoutIntegralCounseling(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const diagnosed = raw.some((r) => r.kind !== 'delete-unsupported' && DIAGNOSIS.test(r.code));
  return raw.filter((r) => r.kind !== 'add' || !diagnosed || !r.code.startsWith('Z71'));
}
