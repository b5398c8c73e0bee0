// Is each listed code a real, billable code of the loaded edition for the date of service?
import { SYSTEM_LABELS, displayCode, fiscalYearOf } from '../../codeset/format';
import type { CodeSetLookup, CodeSystemId } from '../../codeset/types';
import { isWellFormed, type EditContext, type EncounterEntry } from '../context';
import type { EditResult } from '../types';

function loadedYears(lookup: CodeSetLookup): string {
  return lookup.fiscalYears.length ? lookup.fiscalYears.map((y) => `FY${y}`).join(', ') : 'none';
}

/** The longest existing ancestor of an unknown ICD-10-CM code, to say what the coder may have meant. */
function nearestAncestor(ctx: EditContext, entry: EncounterEntry): string | undefined {
  if (entry.system !== 'icd10cm') return undefined;
  for (let n = entry.code.length - 1; n >= 3; n--) {
    const r = ctx.lookup.code('icd10cm', entry.code.slice(0, n));
    if (r) return `${r.display} ${r.shortDescription || r.description}`;
  }
  return undefined;
}

function childList(ctx: EditContext, system: CodeSystemId, code: string): string {
  const kids = ctx.lookup.children(system, code);
  if (kids.length === 0) return '';
  const shown = kids.slice(0, 12).map((k) => k.display);
  return `: choose from ${shown.join(', ')}${kids.length > shown.length ? ` … (${kids.length} in all)` : ''}`;
}

export function validityRule(ctx: EditContext): EditResult[] {
  const out: EditResult[] = [];
  const { lookup } = ctx;
  for (const e of ctx.entries) {
    if (e.duplicate) continue;
    const label = SYSTEM_LABELS[e.system] ?? e.system;
    if (!isWellFormed(e.system, e.code)) {
      out.push({
        id: 'malformed-code', severity: 'error', codes: [e.display], source: `${label} code format`,
        message: `"${e.display}" is not a well-formed ${label} code.`,
      });
      continue;
    }
    if (!e.record) {
      const near = nearestAncestor(ctx, e);
      out.push({
        id: 'code-not-found', severity: 'error', codes: [e.display], source: `${label} code set ${lookup.version}`,
        message: `${e.display} is not ${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} code in the loaded code set (${loadedYears(lookup)})${near ? `; nearest existing: ${near}` : ''}${
          e.system === 'cpt' ? ' (CPT is not shipped: import your licensed CPT file)' : ''
        }.`,
      });
      continue;
    }
    if (e.record.billable) continue;
    if (e.record.kind === 'modifier') {
      out.push({
        id: 'non-billable', severity: 'error', codes: [e.display], source: `${label} modifier list`,
        message: `${e.display} is a ${label} modifier, not a code: attach it to the code it modifies.`,
      });
      continue;
    }
    const seventh = e.system === 'icd10cm' ? lookup.seventhCharacters(e.code) : [];
    if (seventh.length > 0 && e.code.length === 6) {
      const chars = seventh.slice(0, 4).map((s) => `${s.character} ${s.meaning}`).join('; ');
      out.push({
        id: 'missing-7th-character', severity: 'error', codes: [e.display], source: `7th characters at ${seventh[0]!.source}`,
        message: `${e.display} needs a 7th character (${chars}${seventh.length > 4 ? `; … ${seventh.length} in all` : ''}).`,
      });
      continue;
    }
    out.push({
      id: 'non-billable', severity: 'error', codes: [e.display], source: `${label} billable flag (${loadedYears(lookup)})`,
      message: `${e.display} ${e.record.shortDescription || e.record.description} is a header, not a billable code${childList(ctx, e.system, e.code)}${seventh.length ? '; codes here also take a 7th character' : ''}.`,
    });
  }
  return out;
}

/** Checks the date of service against the loaded fiscal years: a code can't be validated for a year that isn't loaded. */
export function dateOfServiceRule(ctx: EditContext): EditResult[] {
  const dos = ctx.encounter.dateOfService;
  if (dos === undefined || dos === '') return [];
  let fy: number;
  try {
    fy = fiscalYearOf(dos);
  } catch {
    return [{
      id: 'date-of-service-invalid', severity: 'error', codes: [], source: 'Encounter date of service',
      message: `Date of service "${dos.slice(0, 40)}" is not an ISO date (YYYY-MM-DD); codes cannot be checked for their fiscal year.`,
    }];
  }
  if (ctx.lookup.fiscalYears.includes(fy)) return [];
  // ICD-10-CM/PCS change every October; HCPCS is versioned by quarter and not checked here.
  const affected = ctx.entries.filter((e) => !e.duplicate && (e.system === 'icd10cm' || e.system === 'icd10pcs') && e.record);
  if (affected.length === 0) return [];
  return [{
    id: 'fiscal-year-not-loaded', severity: 'error', codes: affected.map((e) => e.display), source: `Code set ${ctx.lookup.version}`,
    message: `Date of service ${dos.slice(0, 10)} falls in FY${fy}, but only ${loadedYears(ctx.lookup)} ICD-10 codes are loaded: ${affected
      .map((e) => displayCode(e.system, e.code))
      .join(', ')} cannot be confirmed valid for that date.`,
  }];
}
