// Encounter class → the setting a chart is coded under, and its date of service.
import type { Setting } from '../chart';
import type { Encounter } from './types';

// v3 ActCode encounter classes. Everything that is not an inpatient stay is coded under the
// outpatient rules (Section IV), so unknown classes fall back to outpatient with a warning.
const INPATIENT = new Set(['IMP', 'ACUTE', 'NONAC', 'INPATIENT', 'INPATIENT ENCOUNTER']);
const OUTPATIENT = new Set(['AMB', 'EMER', 'HH', 'VR', 'FLD', 'OBSENC', 'SS', 'PRENC', 'OUTPATIENT', 'AMBULATORY', 'EMERGENCY', 'WELLNESS', 'URGENTCARE']);

export function settingOf(encounter: Encounter): { setting: Setting; known: boolean } {
  const code = typeof encounter.class?.code === 'string' ? encounter.class.code.toUpperCase() : '';
  if (INPATIENT.has(code)) return { setting: 'inpatient', known: true };
  if (OUTPATIENT.has(code)) return { setting: 'outpatient', known: true };
  return { setting: 'outpatient', known: false };
}

/** The unshifted date of service: the discharge date for inpatient stays, the start otherwise. */
export function dateOfServiceOf(encounter: Encounter, setting: Setting): string | null {
  const start = typeof encounter.period?.start === 'string' ? encounter.period.start : undefined;
  const end = typeof encounter.period?.end === 'string' ? encounter.period.end : undefined;
  const pick = setting === 'inpatient' ? end ?? start : start ?? end;
  return pick && /^\d{4}-\d{2}-\d{2}/.test(pick) ? pick.slice(0, 10) : null;
}
