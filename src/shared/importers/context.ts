// Everything read from FHIR files so far, indexed for the reference lookups that turn resources into
// charts. One context can span many files: a bulk-export directory (one NDJSON file per resource type),
// or support bundles such as Synthea's hospitalInformation.json / practitionerInformation.json loaded
// before the patient bundles that reference them. Each import works on a child context and merges into
// its parent only when the whole import succeeded, so a failed file leaves nothing behind.
import type { ClaimLike, Condition, DocumentReference, Encounter, Organization, Patient, Practitioner, Procedure, Resource } from '../fhir/types';
import { emptyKnownValues, organizationKnownValues, practitionerKnownValues, type KnownValues } from '../fhir/people';
import { identifierKeys, referenceKey, resourceKeys } from '../fhir/reference';

export interface Origin {
  file: string;
  /** "line 12" or "entry 5". */
  where: string;
}

export interface Located<T extends Resource = Resource> {
  resource: T;
  /** Where to find it, for messages. */
  origin: Origin;
  /** Canonical key ("Encounter/abc"). */
  key: string;
  /** Every key it can be referenced by. */
  aliases: string[];
}

type LinkKind = 'documents' | 'conditions' | 'procedures' | 'claims';

export class ResourceContext {
  private readonly parent: ResourceContext | null;
  private readonly byKey = new Map<string, Located>();
  private readonly links = new Map<string, Located[]>();
  readonly patients: Array<Located<Patient>> = [];
  readonly encounters: Array<Located<Encounter>> = [];
  readonly documents: Array<Located<DocumentReference>> = [];
  /** Names, organisation phrases and contact details of practitioners and organisations, for every note. */
  readonly staff: KnownValues = emptyKnownValues();
  /** Resources ignored because Plumbline does not read their type, by type. */
  readonly ignored = new Map<string, number>();

  constructor(parent: ResourceContext | null = null) {
    this.parent = parent;
  }

  child(): ResourceContext {
    return new ResourceContext(this);
  }

  /** Folds this child's resources into its parent. */
  commit(): void {
    const p = this.parent;
    if (!p) return;
    for (const [k, v] of this.byKey) p.byKey.set(k, v);
    for (const [k, v] of this.links) p.links.set(k, [...(p.links.get(k) ?? []), ...v]);
    p.patients.push(...this.patients);
    p.encounters.push(...this.encounters);
    p.documents.push(...this.documents);
    for (const key of Object.keys(this.staff) as Array<keyof KnownValues>) {
      (p.staff[key] as unknown[]).push(...(this.staff[key] as unknown[]));
    }
    for (const [t, n] of this.ignored) p.ignored.set(t, (p.ignored.get(t) ?? 0) + n);
  }

  add(resource: Resource, origin: Origin, fullUrl?: string): void {
    const type = resource.resourceType;
    const keys = [...resourceKeys(type, resource.id, fullUrl), ...identifierKeys(type, resource['identifier'])];
    const key = keys[0] ?? `${type}#${origin.file}#${origin.where}`;
    const located: Located = { resource, origin, key, aliases: keys };
    for (const k of keys) this.byKey.set(k, located);
    switch (type) {
      case 'Patient':
        this.patients.push(located as Located<Patient>);
        break;
      case 'Encounter':
        this.encounters.push(located as Located<Encounter>);
        break;
      case 'DocumentReference': {
        this.documents.push(located as Located<DocumentReference>);
        const doc = resource as DocumentReference;
        for (const ref of Array.isArray(doc.context?.encounter) ? doc.context.encounter : []) this.link('documents', ref?.reference, located);
        break;
      }
      case 'Condition':
        this.link('conditions', (resource as Condition).encounter?.reference, located);
        break;
      case 'Procedure':
        this.link('procedures', (resource as Procedure).encounter?.reference, located);
        break;
      case 'Claim':
      case 'ExplanationOfBenefit': {
        const claim = resource as ClaimLike;
        const encounters = new Set<string>();
        for (const item of Array.isArray(claim.item) ? claim.item : []) {
          for (const ref of Array.isArray(item?.encounter) ? item.encounter : []) {
            if (typeof ref?.reference === 'string') encounters.add(ref.reference);
          }
        }
        for (const ref of encounters) this.link('claims', ref, located);
        break;
      }
      case 'Practitioner':
        practitionerKnownValues(resource as Practitioner, this.staff);
        break;
      case 'Organization':
      case 'Location':
        organizationKnownValues(resource as Organization, this.staff);
        break;
      default:
        this.ignored.set(type, (this.ignored.get(type) ?? 0) + 1);
    }
  }

  private link(kind: LinkKind, reference: string | undefined, located: Located): void {
    const target = referenceKey(reference);
    if (!target) return;
    const k = `${kind}|${target}`;
    const list = this.links.get(k);
    if (list) list.push(located);
    else this.links.set(k, [located]);
  }

  resolve(reference: string | undefined): Located | undefined {
    const k = referenceKey(reference);
    if (!k) return undefined;
    return this.byKey.get(k) ?? this.parent?.resolve(reference);
  }

  /** Resources of `kind` that point at the encounter, under any of the keys it can be referenced by. */
  linked(kind: LinkKind, encounter: Located<Encounter>): Located[] {
    const out = new Map<Located, true>();
    const aliases = encounter.aliases;
    for (const ctx of this.lineage()) {
      for (const alias of aliases) for (const l of ctx.links.get(`${kind}|${alias}`) ?? []) out.set(l, true);
    }
    return [...out.keys()];
  }

  /** This context, then its parent, grandparent… */
  private *lineage(): Generator<ResourceContext> {
    yield this;
    if (this.parent) yield* this.parent.lineage();
  }

  /** Practitioner and organisation values of this context and its ancestors. */
  allStaff(): KnownValues {
    const out = emptyKnownValues();
    for (const ctx of this.lineage()) {
      out.names.push(...ctx.staff.names);
      out.phrases.push(...ctx.staff.phrases);
      out.addresses.push(...ctx.staff.addresses);
      out.identifiers.push(...ctx.staff.identifiers);
    }
    return out;
  }
}

export function createResourceContext(): ResourceContext {
  return new ResourceContext();
}
