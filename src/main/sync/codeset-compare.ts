// Whether a code-set release the organisation announced is the one this install has loaded. The
// install has one code-set file: its version string (the `codeSetVersion` stamped on every decision
// and suggestion, shown in the status bar) and its fiscal years cover every system in it. So a notice
// is met when the file holds the system, covers the announced fiscal year and has the announced
// version; anything else (newer, older or differently named) is the coder's to know about.
import type { CodeSetNotice } from '../../shared/sync/status';

export interface InstalledCodeSet {
  version: string;
  fiscalYears: readonly number[];
  /** Normalised ids of the systems the file holds ('cpt' only once a licensed file was imported). */
  systems: readonly string[];
}

/** A notice as stored: the announced system's name and what the organisation moved to. */
export interface AnnouncedRelease {
  systemId: string;
  systemName: string;
  fiscalYear: number;
  codeSetVersion: string;
  note: string | null;
  announcedAt: string;
}

// The system field is free text on the server (admins write "ICD-10-CM" as often as "icd10cm").
const ALIASES: Readonly<Record<string, string>> = {
  icd10cm: 'icd10cm',
  icd10pcs: 'icd10pcs',
  hcpcs: 'hcpcs',
  hcpcsii: 'hcpcs',
  hcpcslevelii: 'hcpcs',
  hcpcslevel2: 'hcpcs',
  cpt: 'cpt',
  hcc: 'hcc',
  cmshcc: 'hcc',
  hccv28: 'hcc',
  cmshccv28: 'hcc',
  v28: 'hcc',
};

const LABELS: Readonly<Record<string, string>> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS Level II',
  cpt: 'CPT',
  hcc: 'CMS-HCC',
};

export function normaliseSystem(name: string): string {
  const squeezed = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ALIASES[squeezed] ?? (squeezed || name.trim().toLowerCase());
}

const sameVersion = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function isOutstanding(n: Pick<AnnouncedRelease, 'systemId' | 'fiscalYear' | 'codeSetVersion'>, installed: InstalledCodeSet | null): boolean {
  if (!installed || !installed.systems.includes(n.systemId)) return true;
  return !installed.fiscalYears.includes(n.fiscalYear) || !sameVersion(installed.version, n.codeSetVersion);
}

function describeInstalled(systemId: string, label: string, installed: InstalledCodeSet | null): string {
  if (!installed) return 'no code set loaded';
  if (!installed.systems.includes(systemId)) return systemId === 'cpt' ? 'no CPT file imported' : `no ${label} code set`;
  const edition = `${installed.fiscalYears.map((y) => `FY${y}`).join(', ') || 'no fiscal year'} (${installed.version})`;
  // An imported CPT file carries no edition of its own; the install cannot say which one it is.
  return systemId === 'cpt' ? `${edition}, with an imported CPT file whose edition is not recorded` : edition;
}

export function toNotice(n: AnnouncedRelease, installed: InstalledCodeSet | null): CodeSetNotice {
  const system = LABELS[n.systemId] ?? n.systemName.trim();
  return {
    systemId: n.systemId,
    system,
    fiscalYear: n.fiscalYear,
    codeSetVersion: n.codeSetVersion,
    note: n.note,
    announcedAt: n.announcedAt,
    installed: describeInstalled(n.systemId, system, installed),
  };
}
