// Reads FHIR R4 Bundles (JSON) and bulk-export NDJSON into a ResourceContext, checking the structure as
// it goes. Any problem throws an ImportError naming the file and the line or entry.
import type { Resource } from '../fhir/types';
import type { ResourceContext } from './context';
import { ImportError } from './errors';
import { parseJson } from './json';

const BUNDLE_TYPES = new Set(['transaction', 'batch', 'collection', 'searchset', 'document', 'message']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asResource(value: unknown, fileName: string, where: string): Resource {
  if (!isRecord(value)) throw new ImportError(fileName, `${where}: expected a FHIR resource (a JSON object)`);
  if (typeof value['resourceType'] !== 'string' || !/^[A-Z][A-Za-z]{1,63}$/.test(value['resourceType'])) {
    throw new ImportError(fileName, `${where}: missing or invalid resourceType`);
  }
  if (value['id'] !== undefined && typeof value['id'] !== 'string') throw new ImportError(fileName, `${where}: resource id must be a string`);
  return value as Resource;
}

export function readBundle(fileName: string, content: string, ctx: ResourceContext): void {
  const root = parseJson(fileName, content);
  if (!isRecord(root)) throw new ImportError(fileName, 'expected a FHIR Bundle (a JSON object)');
  if (root['resourceType'] !== 'Bundle') {
    const found = typeof root['resourceType'] === 'string' && /^[A-Za-z]{1,64}$/.test(root['resourceType']) ? root['resourceType'] : 'none';
    throw new ImportError(fileName, `expected resourceType "Bundle", found ${found === 'none' ? 'none' : `"${found}"`}`);
  }
  const type = root['type'];
  if (typeof type !== 'string' || !BUNDLE_TYPES.has(type)) {
    throw new ImportError(fileName, `unsupported Bundle type ${typeof type === 'string' && /^[a-z-]{1,40}$/.test(type) ? `"${type}"` : '(missing)'}; expected transaction, batch, collection, searchset or document`);
  }
  const entries = root['entry'] ?? [];
  if (!Array.isArray(entries)) throw new ImportError(fileName, 'Bundle.entry must be an array');
  entries.forEach((entry: unknown, i) => {
    const where = `entry ${i + 1}`;
    if (!isRecord(entry)) throw new ImportError(fileName, `${where}: expected an object`);
    const resource = asResource(entry['resource'], fileName, where);
    const fullUrl = typeof entry['fullUrl'] === 'string' ? entry['fullUrl'] : undefined;
    if (resource.resourceType === 'Bundle') throw new ImportError(fileName, `${where}: nested Bundles are not supported`);
    ctx.add(resource, { file: fileName, where }, fullUrl);
  });
}

export function readNdjson(fileName: string, content: string, ctx: ResourceContext): void {
  let lineNo = 0;
  let start = 0;
  while (start <= content.length) {
    const nl = content.indexOf('\n', start);
    const end = nl === -1 ? content.length : nl;
    lineNo++;
    const line = content.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line.trim() !== '') {
      const where = `line ${lineNo}`;
      const value = parseJson(fileName, line, lineNo);
      const resource = asResource(value, fileName, where);
      if (resource.resourceType === 'Bundle') throw new ImportError(fileName, `${where}: a Bundle inside NDJSON is not supported`);
      ctx.add(resource, { file: fileName, where });
    }
    if (nl === -1) break;
  }
}
