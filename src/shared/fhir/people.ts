// What a FHIR Patient, Practitioner or Organization tells the PHI guard (the values to look for in notes),
// and the little of a Patient a de-identified chart keeps (birth year, sex).
import type { PhiKind, Sex } from '../chart';
import type { KnownIdentifier } from '../phi/types';
import type { Address, ContactPoint, Extension, HumanName, Identifier, Organization, Patient, Practitioner } from './types';

export interface KnownValues {
  names: string[];
  phrases: string[];
  addresses: string[];
  identifiers: KnownIdentifier[];
}

export function emptyKnownValues(): KnownValues {
  return { names: [], phrases: [], addresses: [], identifiers: [] };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function addName(into: KnownValues, name: HumanName | undefined): void {
  if (!name || typeof name !== 'object') return;
  const parts = [...strings(name.given), ...(typeof name.family === 'string' ? [name.family] : [])];
  if (parts.length > 0) into.names.push(parts.join(' '));
  if (typeof name.text === 'string') into.names.push(name.text);
}

function addAddress(into: KnownValues, address: Address | undefined): void {
  if (!address || typeof address !== 'object') return;
  // The state and country stay: Safe Harbor allows them.
  for (const line of strings(address.line)) into.addresses.push(line);
  for (const part of [address.city, address.district, address.postalCode]) {
    if (typeof part === 'string') into.addresses.push(part);
  }
  if (typeof address.postalCode === 'string' && /^\d{5}-\d{4}$/.test(address.postalCode)) into.addresses.push(address.postalCode.slice(0, 5));
  if (typeof address.text === 'string') into.addresses.push(address.text);
}

function addTelecom(into: KnownValues, telecom: ContactPoint[] | undefined): void {
  if (!Array.isArray(telecom)) return;
  for (const t of telecom) {
    if (!t || typeof t.value !== 'string') continue;
    const kind: PhiKind = t.system === 'email' ? 'email' : t.system === 'fax' ? 'fax' : t.system === 'url' ? 'url' : 'phone';
    into.identifiers.push({ value: t.value.replace(/^(?:tel|mailto):/i, ''), kind });
  }
}

const IDENTIFIER_KIND: Readonly<Record<string, PhiKind>> = {
  SS: 'ssn',
  SB: 'ssn',
  MR: 'mrn',
  MRT: 'mrn',
  PI: 'mrn',
  DL: 'license',
  PPN: 'license',
  DR: 'license',
  LN: 'license',
  MB: 'account',
  MA: 'account',
  MC: 'account',
  AN: 'account',
  SN: 'account',
  NPI: 'license',
  UDI: 'device',
  SNO: 'device',
};

function addIdentifiers(into: KnownValues, identifiers: Identifier[] | undefined): void {
  if (!Array.isArray(identifiers)) return;
  for (const ident of identifiers) {
    if (!ident || typeof ident.value !== 'string') continue;
    const code = ident.type?.coding?.find((c) => typeof c?.code === 'string')?.code;
    const bySystem = /us-ssn/i.test(ident.system ?? '') ? 'ssn' : /us-npi/i.test(ident.system ?? '') ? 'license' : undefined;
    const byType = code !== undefined ? IDENTIFIER_KIND[code] : undefined;
    into.identifiers.push({ value: ident.value, kind: byType ?? bySystem ?? 'mrn' });
  }
}

function addExtensions(into: KnownValues, extensions: Extension[] | undefined): void {
  if (!Array.isArray(extensions)) return;
  for (const ext of extensions) {
    if (!ext || typeof ext.url !== 'string') continue;
    if (/mothersMaidenName/i.test(ext.url) && typeof ext.valueString === 'string') into.names.push(ext.valueString);
    if (/birthPlace/i.test(ext.url)) addAddress(into, ext.valueAddress);
  }
}

export function patientKnownValues(patient: Patient): KnownValues {
  const into = emptyKnownValues();
  if (Array.isArray(patient.name)) for (const n of patient.name) addName(into, n);
  if (Array.isArray(patient.address)) for (const a of patient.address) addAddress(into, a);
  addTelecom(into, patient.telecom);
  addIdentifiers(into, patient.identifier);
  addExtensions(into, patient.extension);
  if (Array.isArray(patient.contact)) {
    for (const c of patient.contact) {
      addName(into, c?.name);
      addTelecom(into, c?.telecom);
      addAddress(into, c?.address);
    }
  }
  if (typeof patient.id === 'string') into.identifiers.push({ value: patient.id, kind: 'mrn' });
  return into;
}

export function practitionerKnownValues(practitioner: Practitioner, into: KnownValues): void {
  if (Array.isArray(practitioner.name)) for (const n of practitioner.name) addName(into, n);
  addTelecom(into, practitioner.telecom);
  addIdentifiers(into, practitioner.identifier);
}

export function organizationKnownValues(org: Organization, into: KnownValues): void {
  if (typeof org.name === 'string') into.phrases.push(org.name);
  for (const alias of strings(org.alias)) into.phrases.push(alias);
  addTelecom(into, org.telecom);
  const addresses = Array.isArray(org.address) ? org.address : org.address ? [org.address] : [];
  for (const a of addresses) for (const line of strings(a?.line)) into.addresses.push(line);
}

export function sexOf(patient: Patient): Sex {
  if (patient.gender === 'female') return 'F';
  if (patient.gender === 'male') return 'M';
  return 'U';
}
