// Turns the encounters of a FHIR import into de-identified charts: one chart per encounter that has at
// least one note, with its notes run through the PHI guard, dates shifted by the patient's offset,
// and ICD-10-CM/PCS, HCPCS and CPT codes from its conditions, procedures and claims.
import type { ChartDocument, ExistingCode, ImportedChart, Sex } from '../chart';
import { fiscalYearOf } from '../codeset/format';
import { codesOf, type ExtractedCodes } from '../fhir/codes';
import { documentText } from '../fhir/document';
import { dateOfServiceOf, settingOf } from '../fhir/encounter';
import { patientKnownValues, sexOf, type KnownValues } from '../fhir/people';
import type { ClaimLike, Condition, DocumentReference, Encounter, Patient, Procedure, Reference } from '../fhir/types';
import { addCounts, dateShiftDaysFor, deidentifyText, pseudonymousId, shiftIsoDate } from '../phi/index';
import type { DeidentifyContext, StaffValues } from '../phi/types';
import type { Located, Origin, ResourceContext } from './context';
import { ImportError } from './errors';
import type { Tally } from './tally';
import type { ImportOptions, ImportResult } from './types';

const SOURCE = 'fhir';
/** Safe Harbor: ages over 89 are aggregated, so birth years are capped at 90 years before the visit. */
const OLDEST_AGE = 90;

interface PatientFacts {
  id: string;
  shift: number;
  birthYear: number | null;
  sex: Sex;
  known: KnownValues;
}

function patientFacts(patient: Located<Patient>, secret: string): PatientFacts {
  const sourceId = patient.resource.id ?? patient.key;
  const shift = dateShiftDaysFor(secret, `${SOURCE}/Patient/${sourceId}`);
  const birth = typeof patient.resource.birthDate === 'string' ? shiftIsoDate(patient.resource.birthDate, shift) : null;
  return {
    id: pseudonymousId(secret, `${SOURCE}/Patient`, sourceId),
    shift,
    birthYear: birth ? Number(birth.slice(0, 4)) : null,
    sex: sexOf(patient.resource),
    known: patientKnownValues(patient.resource),
  };
}

function displays(refs: Array<Reference | undefined>): string[] {
  return refs.map((r) => r?.display).filter((d): d is string => typeof d === 'string');
}

function guardContext(facts: PatientFacts, staff: StaffValues, names: string[], phrases: string[], refYear: number): DeidentifyContext {
  return {
    // The note's own author and participants are named as strongly as the patient.
    knownNames: [...facts.known.names, ...names],
    knownPhrases: [...facts.known.phrases, ...phrases],
    knownAddresses: facts.known.addresses,
    knownIdentifiers: facts.known.identifiers,
    staff,
    dateShiftDays: facts.shift,
    refYear,
  };
}

function where(origin: Origin, guard: DeidentifyContext): string {
  // File names often carry the patient's name (Synthea: "Alvin56_Jerde200_<id>.json").
  return `${deidentifyText(origin.file, guard).text} ${origin.where}`;
}

function documentType(doc: DocumentReference): string {
  const text = doc.type?.text;
  if (typeof text === 'string' && text.trim() !== '') return text.trim();
  const display = doc.type?.coding?.find((c) => typeof c?.display === 'string')?.display;
  return display ?? 'clinical note';
}

function authorRole(doc: DocumentReference): string | null {
  const ref = Array.isArray(doc.author) ? doc.author[0]?.reference : undefined;
  if (typeof ref !== 'string') return null;
  if (/^(?:.*\/)?(?:Practitioner|PractitionerRole)\b/.test(ref)) return 'practitioner';
  if (/^(?:.*\/)?Organization\b/.test(ref)) return 'organization';
  if (/^(?:.*\/)?(?:Patient|RelatedPerson)\b/.test(ref)) return 'patient';
  return null;
}

function claimCodes(claim: ClaimLike, ctx: ResourceContext, into: ExtractedCodes): void {
  for (const d of Array.isArray(claim.diagnosis) ? claim.diagnosis : []) {
    codesOf(d?.diagnosisCodeableConcept, into);
    const target = ctx.resolve(d?.diagnosisReference?.reference);
    if (target?.resource.resourceType === 'Condition') codesOf((target.resource as Condition).code, into);
  }
  for (const p of Array.isArray(claim.procedure) ? claim.procedure : []) {
    codesOf(p?.procedureCodeableConcept, into);
    const target = ctx.resolve(p?.procedureReference?.reference);
    if (target?.resource.resourceType === 'Procedure') codesOf((target.resource as Procedure).code, into);
  }
  for (const item of Array.isArray(claim.item) ? claim.item : []) codesOf(item?.productOrService, into);
}

function payerOf(claims: ClaimLike[]): string | null {
  for (const claim of claims) {
    const fromCoverage = Array.isArray(claim.insurance) ? claim.insurance.find((i) => typeof i?.coverage?.display === 'string')?.coverage?.display : undefined;
    const payer = fromCoverage ?? claim.insurer?.display;
    if (typeof payer === 'string' && payer.trim() !== '') return payer.trim();
  }
  return null;
}

function existingCodes(encounter: Located<Encounter>, ctx: ResourceContext, tally: Tally): { codes: ExistingCode[]; payer: string | null } {
  const problem: ExtractedCodes = { codes: [], clinical: 0 };
  const claimed: ExtractedCodes = { codes: [], clinical: 0 };
  for (const c of ctx.linked('conditions', encounter)) codesOf((c.resource as Condition).code, problem);
  for (const p of ctx.linked('procedures', encounter)) codesOf((p.resource as Procedure).code, claimed);
  const claims = ctx.linked('claims', encounter).map((c) => c.resource as ClaimLike);
  for (const claim of claims) claimCodes(claim, ctx, claimed);
  tally.add('SNOMED CT / LOINC / RxNorm / CVX codings ignored (not a code set Plumbline codes)', problem.clinical + claimed.clinical);
  const seen = new Set<string>();
  const codes: ExistingCode[] = [];
  for (const [source, list] of [['claim', claimed.codes], ['problem-list', problem.codes]] as const) {
    for (const c of list) {
      const k = `${c.system}|${c.code}`;
      if (seen.has(k) || c.code === '') continue;
      seen.add(k);
      codes.push({ system: c.system, code: c.code, source });
    }
  }
  return { codes, payer: payerOf(claims) };
}

export function chartsFromFhir(ctx: ResourceContext, opts: ImportOptions, result: ImportResult, tally: Tally): void {
  const known = ctx.allStaff();
  const staff: StaffValues = { names: known.names, phrases: known.phrases, addresses: known.addresses, identifiers: known.identifiers };
  const facts = new Map<Located, PatientFacts>();
  const usedDocuments = new Set<Located>();

  for (const encounter of ctx.encounters) {
    const enc = encounter.resource;
    const subject = enc.subject?.reference;
    if (typeof subject !== 'string') throw new ImportError(encounter.origin.file, `${encounter.origin.where}: Encounter has no subject`);
    const patient = ctx.resolve(subject);
    if (!patient || patient.resource.resourceType !== 'Patient') {
      throw new ImportError(encounter.origin.file, `${encounter.origin.where}: Encounter.subject points at no Patient in this import`);
    }
    let pf = facts.get(patient);
    if (!pf) {
      pf = patientFacts(patient as Located<Patient>, opts.secret);
      facts.set(patient, pf);
    }

    const { setting, known } = settingOf(enc);
    if (!known) tally.add('encounters with an unknown class coded as outpatient');
    const rawDos = dateOfServiceOf(enc, setting);
    if (!rawDos) throw new ImportError(encounter.origin.file, `${encounter.origin.where}: Encounter has no period date`);
    const dos = shiftIsoDate(rawDos, pf.shift);
    if (!dos) throw new ImportError(encounter.origin.file, `${encounter.origin.where}: Encounter period is not a valid date`);
    if (fiscalYearOf(dos) !== fiscalYearOf(rawDos)) tally.add('encounters moved into the previous fiscal year by the date shift (coded against that year’s code set)');
    const dosYear = Number(dos.slice(0, 4));

    const encNames = displays((Array.isArray(enc.participant) ? enc.participant : []).map((p) => p?.individual));
    const encPhrases = displays([enc.serviceProvider, ...(Array.isArray(enc.location) ? enc.location : []).map((l) => l?.location)]);

    const documents: ChartDocument[] = [];
    for (const located of ctx.linked('documents', encounter)) {
      usedDocuments.add(located);
      const doc = located.resource as DocumentReference;
      const docText = documentText(doc);
      if (!docText.ok) {
        if ('error' in docText) throw new ImportError(located.origin.file, `${located.origin.where}: ${docText.error}`);
        tally.add(`documents skipped (${docText.skip})`);
        continue;
      }
      const guard = guardContext(pf, staff, [...encNames, ...displays(Array.isArray(doc.author) ? doc.author : [])], [...encPhrases, ...displays([doc.custodian])], dosYear);
      const clean = deidentifyText(docText.text, guard);
      const identifierKinds = Object.keys(clean.counts).filter((k) => k !== 'date').sort() as Array<keyof typeof clean.counts>;
      if (opts.phiMode === 'refuse' && identifierKinds.length > 0) {
        result.refused.push({ ref: where(located.origin, guard), reason: 'document holds identifiers (refuse mode)', kinds: identifierKinds });
        continue;
      }
      addCounts(result.counts, clean.counts);
      documents.push({
        id: pseudonymousId(opts.secret, `${SOURCE}/DocumentReference`, doc.id ?? located.key),
        // Short coded labels: the patient's own values suffice, the import-wide staff lists are not needed.
        type: deidentifyText(documentType(doc), { ...guard, staff: undefined }).text,
        authorRole: authorRole(doc),
        date: typeof doc.date === 'string' ? shiftIsoDate(doc.date, pf.shift) : null,
        text: clean.text,
      });
    }
    if (documents.length === 0) {
      tally.add('encounters without documents skipped');
      continue;
    }

    const guard = guardContext(pf, staff, encNames, encPhrases, dosYear);
    const { codes, payer } = existingCodes(encounter, ctx, tally);
    let birthYear = pf.birthYear;
    if (birthYear !== null && dosYear - birthYear > OLDEST_AGE) {
      birthYear = dosYear - OLDEST_AGE;
      addCounts(result.counts, { age_over_89: 1 });
    }
    const chart: ImportedChart = {
      patient: { id: pf.id, birthYear, sex: pf.sex },
      encounter: {
        id: pseudonymousId(opts.secret, `${SOURCE}/Encounter`, enc.id ?? encounter.key),
        setting,
        dateOfService: dos,
        payer: payer === null ? null : deidentifyText(payer, { ...guard, staff: undefined }).text,
      },
      documents,
      existingCodes: codes,
      finalCodes: [],
    };
    result.charts.push(chart);
  }

  tally.add('documents not linked to an encounter in the import skipped', ctx.documents.filter((d) => !usedDocuments.has(d)).length);
  for (const [type, n] of ctx.ignored) tally.add(`${type} resources not used`, n);
}
