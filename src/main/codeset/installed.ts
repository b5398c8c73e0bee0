// What the loaded code-set file is, in the terms the organisation announces releases in (sync's
// code-set notices): its version string, fiscal years and the systems it holds.
import type { InstalledCodeSet } from '../sync/codeset-compare';
import type { CodeSet } from './open';

const SQL = {
  meta: "SELECT key, value FROM meta WHERE key IN ('hcc_model', 'cpt_rows')",
} as const;

export function installedCodeSet(codeSet: CodeSet): InstalledCodeSet {
  const meta = new Map((codeSet.db.prepare(SQL.meta).all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
  // Every build holds ICD-10-CM, ICD-10-PCS and HCPCS; CPT only after an organisation imported its licensed file.
  const systems = ['icd10cm', 'icd10pcs', 'hcpcs'];
  if (meta.get('hcc_model')) systems.push('hcc');
  if (Number(meta.get('cpt_rows') ?? 0) > 0) systems.push('cpt');
  return { version: codeSet.version, fiscalYears: [...codeSet.fiscalYears], systems };
}
