// What changed between the chart a coder has and a newer server version of it, in plain words for
// the chart view's banner. Pure: the desktop and any other reader get the same sentences.
import type { ChartDocument, ImportedChart } from '../chart';
import { displayCode } from '../codeset/format';

/** What the chart view shows when a newer server version waits because the coder already worked on the chart (they may load it: `chartLoadServerUpdate`). */
export interface ServerUpdateNotice {
  /** The server's version number of the waiting chart. */
  version: number;
  receivedAt: string;
  /** One sentence per change, e.g. "Date of service changed from 2025-11-03 to 2025-11-05." */
  changes: string[];
  /**
   * How many codes on the chart loading this version would flag for re-review: a quote of their
   * evidence is no longer in the text, or the version no longer lists the existing code.
   */
  itemsToRecheck: number;
}

const docLabel = (d: ChartDocument): string => `“${d.type}”${d.date ? ` of ${d.date}` : ''}`;

function list(items: string[]): string {
  return items.join(', ');
}

function codeDelta<T extends { system: ImportedChart['finalCodes'][number]['system']; code: string }>(
  before: readonly T[],
  after: readonly T[],
  key: (c: T) => string,
  label: (c: T) => string,
): { added: string[]; removed: string[] } {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return { added: after.filter((c) => !had.has(key(c))).map(label), removed: before.filter((c) => !has.has(key(c))).map(label) };
}

export function describeChartChanges(local: ImportedChart, server: ImportedChart): string[] {
  const out: string[] = [];
  const a = local.encounter;
  const b = server.encounter;
  if (a.dateOfService !== b.dateOfService) out.push(`Date of service changed from ${a.dateOfService} to ${b.dateOfService}.`);
  if (a.setting !== b.setting) out.push(`Setting changed from ${a.setting} to ${b.setting}.`);
  if (a.payer !== b.payer) out.push(`Payer changed from ${a.payer ?? 'none'} to ${b.payer ?? 'none'}.`);
  if (local.patient.id !== server.patient.id) out.push('The chart now belongs to a different patient record.');
  else {
    if (local.patient.birthYear !== server.patient.birthYear) out.push(`Patient birth year changed from ${local.patient.birthYear ?? 'unknown'} to ${server.patient.birthYear ?? 'unknown'}.`);
    if (local.patient.sex !== server.patient.sex) out.push(`Patient sex changed from ${local.patient.sex} to ${server.patient.sex}.`);
  }

  const before = new Map(local.documents.map((d) => [d.id, d]));
  const after = new Map(server.documents.map((d) => [d.id, d]));
  const added = server.documents.filter((d) => !before.has(d.id));
  const removed = local.documents.filter((d) => !after.has(d.id));
  if (added.length) out.push(`${added.length === 1 ? 'Document' : `${added.length} documents`} added: ${list(added.map(docLabel))}.`);
  if (removed.length) out.push(`${removed.length === 1 ? 'Document' : `${removed.length} documents`} removed: ${list(removed.map(docLabel))}.`);
  for (const d of local.documents) {
    const n = after.get(d.id);
    if (!n) continue;
    if (n.text !== d.text) out.push(`Text changed in ${docLabel(n)}.`);
    if (n.type !== d.type || n.date !== d.date || n.authorRole !== d.authorRole) out.push(`Type, date or author changed for ${docLabel(d)} (now ${docLabel(n)}).`);
  }
  const kept = local.documents.filter((d) => after.has(d.id)).map((d) => d.id);
  const keptAfter = server.documents.filter((d) => before.has(d.id)).map((d) => d.id);
  if (kept.join() !== keptAfter.join()) out.push('Documents are in a different order.');

  const existing = codeDelta(local.existingCodes, server.existingCodes, (c) => `${c.system}:${c.code}:${c.source}`, (c) => `${displayCode(c.system, c.code)} (${c.source})`);
  if (existing.added.length) out.push(`Existing code${existing.added.length === 1 ? '' : 's'} added: ${list(existing.added)}.`);
  if (existing.removed.length) out.push(`Existing code${existing.removed.length === 1 ? '' : 's'} removed: ${list(existing.removed)}.`);
  const final = codeDelta(local.finalCodes, server.finalCodes, (c) => `${c.system}:${c.code}`, (c) => displayCode(c.system, c.code));
  if (final.added.length) out.push(`Final code${final.added.length === 1 ? '' : 's'} from the source added: ${list(final.added)}.`);
  if (final.removed.length) out.push(`Final code${final.removed.length === 1 ? '' : 's'} from the source removed: ${list(final.removed)}.`);
  const sameCodeSets = existing.added.length + existing.removed.length + final.added.length + final.removed.length === 0;
  if (sameCodeSets && (orderKey(local.existingCodes) !== orderKey(server.existingCodes) || orderKey(local.finalCodes) !== orderKey(server.finalCodes))) {
    out.push('The codes that came with the chart are listed in a different order.');
  }
  return out;
}

function orderKey(codes: ReadonlyArray<{ system: string; code: string }>): string {
  return codes.map((c) => `${c.system}:${c.code}`).join();
}
