// FHIR references come as "Patient/123", "urn:uuid:…", absolute URLs or conditional
// "Practitioner?identifier=system|value". These turn each into a lookup key.

/** Lookup keys under which a resource can be referenced. */
export function resourceKeys(resourceType: string, id: string | undefined, fullUrl: string | undefined): string[] {
  const keys: string[] = [];
  if (id) keys.push(`${resourceType}/${id}`, `urn:uuid:${id}`);
  if (fullUrl) {
    keys.push(fullUrl);
    const tail = /([A-Za-z]+)\/([^/]+)$/.exec(fullUrl);
    if (tail) keys.push(`${tail[1]}/${tail[2]}`);
  }
  return keys;
}

/** The key a reference string points at, or null when it cannot point at anything in an import. */
export function referenceKey(reference: string | undefined): string | null {
  if (typeof reference !== 'string' || reference === '' || reference.startsWith('#')) return null;
  if (reference.startsWith('urn:')) return reference;
  const conditional = /^([A-Za-z]+)\?identifier=(.*)$/.exec(reference);
  if (conditional) return `${conditional[1]}?identifier=${decodeURIComponentSafe(conditional[2]!)}`;
  const tail = /([A-Za-z]+)\/([^/]+)$/.exec(reference);
  return tail ? `${tail[1]}/${tail[2]}` : reference;
}

/** Keys for conditional references by identifier ("Practitioner?identifier=system|value"). */
export function identifierKeys(resourceType: string, identifiers: unknown): string[] {
  if (!Array.isArray(identifiers)) return [];
  const keys: string[] = [];
  for (const ident of identifiers as Array<{ system?: unknown; value?: unknown }>) {
    if (!ident || typeof ident.value !== 'string') continue;
    if (typeof ident.system === 'string') keys.push(`${resourceType}?identifier=${ident.system}|${ident.value}`);
    keys.push(`${resourceType}?identifier=${ident.value}`);
  }
  return keys;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
