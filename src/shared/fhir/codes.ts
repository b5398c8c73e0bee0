// Which FHIR coding systems carry codes Plumbline codes with. Synthea writes SNOMED CT, LOINC, RxNorm and
// CVX; those are clinical vocabularies, not billing code sets, and are only counted.
import type { CodeSystemId } from '../codeset/types';
import { normalizeCode } from '../codeset/format';
import type { CodeableConcept } from './types';

const SYSTEMS: ReadonlyArray<[RegExp, CodeSystemId]> = [
  [/^http:\/\/hl7\.org\/fhir\/sid\/icd-10-cm$/i, 'icd10cm'],
  [/^urn:oid:2\.16\.840\.1\.113883\.6\.90$/, 'icd10cm'],
  [/^http:\/\/www\.cms\.gov\/Medicare\/Coding\/ICD10$/i, 'icd10pcs'],
  [/^http:\/\/hl7\.org\/fhir\/sid\/icd-10-pcs$/i, 'icd10pcs'],
  [/^urn:oid:2\.16\.840\.1\.113883\.6\.4$/, 'icd10pcs'],
  [/^https?:\/\/www\.cms\.gov\/Medicare\/Coding\/HCPCSReleaseCodeSets$/i, 'hcpcs'],
  [/^urn:oid:2\.16\.840\.1\.113883\.6\.285$/, 'hcpcs'],
  [/^http:\/\/www\.ama-assn\.org\/go\/cpt$/i, 'cpt'],
  [/^urn:oid:2\.16\.840\.1\.113883\.6\.12$/, 'cpt'],
];

export function codeSystemOf(systemUrl: string | undefined): CodeSystemId | null {
  if (!systemUrl) return null;
  for (const [re, id] of SYSTEMS) if (re.test(systemUrl)) return id;
  return null;
}

/** Vocabularies whose codes are clinical, not billing: ignored, but counted so the user knows. */
export function isClinicalVocabulary(systemUrl: string | undefined): boolean {
  return !!systemUrl && /snomed\.info\/sct|loinc\.org|rxnorm|\/sid\/cvx|urn:oid:2\.16\.840\.1\.113883\.6\.96/i.test(systemUrl);
}

export interface ExtractedCodes {
  codes: Array<{ system: CodeSystemId; code: string }>;
  /** Codings in SNOMED CT, LOINC, RxNorm or CVX. */
  clinical: number;
}

export function codesOf(concept: CodeableConcept | undefined, into: ExtractedCodes): void {
  if (!concept || !Array.isArray(concept.coding)) return;
  for (const coding of concept.coding) {
    if (!coding || typeof coding.code !== 'string') continue;
    const system = codeSystemOf(coding.system);
    if (system) into.codes.push({ system, code: normalizeCode(coding.code) });
    else if (isClinicalVocabulary(coding.system)) into.clinical++;
  }
}
