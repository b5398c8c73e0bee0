// The few FHIR R4 shapes Plumbline reads. Everything is optional: the input is untrusted JSON and every
// reader checks what it uses.

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Identifier {
  system?: string;
  value?: string;
  type?: CodeableConcept;
}

export interface HumanName {
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
}

export interface Address {
  text?: string;
  line?: string[];
  city?: string;
  district?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface ContactPoint {
  system?: string;
  value?: string;
}

export interface Extension {
  url?: string;
  valueString?: string;
  valueAddress?: Address;
  extension?: Extension[];
}

export interface Attachment {
  contentType?: string;
  data?: string;
  url?: string;
}

export interface Resource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}

export interface Patient extends Resource {
  resourceType: 'Patient';
  name?: HumanName[];
  telecom?: ContactPoint[];
  gender?: string;
  birthDate?: string;
  address?: Address[];
  identifier?: Identifier[];
  extension?: Extension[];
  contact?: Array<{ name?: HumanName; telecom?: ContactPoint[]; address?: Address }>;
}

export interface Encounter extends Resource {
  resourceType: 'Encounter';
  class?: Coding;
  subject?: Reference;
  period?: Period;
  participant?: Array<{ individual?: Reference }>;
  serviceProvider?: Reference;
  location?: Array<{ location?: Reference }>;
}

export interface DocumentReference extends Resource {
  resourceType: 'DocumentReference';
  text?: { status?: string; div?: string };
  type?: CodeableConcept;
  subject?: Reference;
  date?: string;
  author?: Reference[];
  custodian?: Reference;
  content?: Array<{ attachment?: Attachment }>;
  context?: { encounter?: Reference[]; period?: Period };
}

export interface Condition extends Resource {
  resourceType: 'Condition';
  code?: CodeableConcept;
  subject?: Reference;
  encounter?: Reference;
}

export interface Procedure extends Resource {
  resourceType: 'Procedure';
  code?: CodeableConcept;
  subject?: Reference;
  encounter?: Reference;
}

/** Claim and ExplanationOfBenefit share the parts Plumbline reads. */
export interface ClaimLike extends Resource {
  resourceType: 'Claim' | 'ExplanationOfBenefit';
  patient?: Reference;
  diagnosis?: Array<{ diagnosisCodeableConcept?: CodeableConcept; diagnosisReference?: Reference }>;
  procedure?: Array<{ procedureCodeableConcept?: CodeableConcept; procedureReference?: Reference }>;
  item?: Array<{ productOrService?: CodeableConcept; encounter?: Reference[] }>;
  insurance?: Array<{ coverage?: Reference }>;
  insurer?: Reference;
  claim?: Reference;
}

export interface Practitioner extends Resource {
  resourceType: 'Practitioner';
  name?: HumanName[];
  telecom?: ContactPoint[];
  address?: Address[];
  identifier?: Identifier[];
}

export interface Organization extends Resource {
  resourceType: 'Organization' | 'Location';
  name?: string;
  alias?: string[];
  telecom?: ContactPoint[];
  address?: Address[] | Address;
}
