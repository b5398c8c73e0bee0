// HIV the note calls asymptomatic is its status, Z21, wherever else it says only "HIV" (guideline
// I.C.1.a.2.d): B20 is for AIDS, HIV disease or an HIV-related illness, and the two exclude each other.
import type { Candidate } from './candidate';
import type { CombineInto } from './combine';

/** Words that name the disease, not the infection: "AIDS", "acquired immunodeficiency syndrome". */
const DISEASE_NAMED = /\b(aids|arc|acquired immunodeficiency|hiv disease)\b/i;

export function asymptomaticHiv(cands: Map<string, Candidate>, combineInto: CombineInto): void {
  const status = cands.get('Z21');
  const disease = cands.get('B20');
  if (!status || !disease || status.via !== 'match' || disease.via !== 'match') return;
  if (!status.mentions.some((m) => m.assertion === 'present') || disease.mentions.some((m) => DISEASE_NAMED.test(m.phrase))) return;
  combineInto(cands, 'Z21', 'HIV the note calls asymptomatic: its status (I.C.1.a.2.d)', [], [disease]);
  cands.delete('B20');
}
