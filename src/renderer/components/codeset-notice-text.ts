// The words for a code-set release the organisation announced and this install lacks, shared by the
// status bar and Settings so both say the same thing.
import type { CodeSetNotice } from '../../shared/sync/status';

export function noticeHeadline(n: CodeSetNotice): string {
  return `${n.system} FY${n.fiscalYear} (version ${n.codeSetVersion}) announced by your organisation; this install has ${n.installed}`;
}

/** ICD-10-CM and ICD-10-PCS editions run by US federal fiscal year: FY2027 is 1 October 2026 to 30 September 2027. */
export function fiscalYearSpan(n: CodeSetNotice): string | null {
  if (n.systemId !== 'icd10cm' && n.systemId !== 'icd10pcs') return null;
  return `FY${n.fiscalYear} covers dates of service from 1 October ${n.fiscalYear - 1} to 30 September ${n.fiscalYear}.`;
}
