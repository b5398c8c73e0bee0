// Rewrites a text without its identifiers: names, addresses, contacts and numbers become tokens such as
// [NAME]; dates move by the patient's offset in their own format; ages over 89 become "90+".
import type { PhiCounts } from '../chart';
import { detectPhi } from './scan';
import { REPLACEMENT, type DeidentifyContext } from './types';

export function deidentifyText(text: string, ctx: DeidentifyContext): { text: string; counts: PhiCounts } {
  // Dates must be found even when the caller allows shifted ones: this is where they get shifted.
  const detections = detectPhi(text, { ...ctx, shiftedDatesAllowed: false });
  const counts: PhiCounts = {};
  const parts: string[] = [];
  let at = 0;
  for (const d of detections) {
    parts.push(text.slice(at, d.start));
    if (d.rewrite) parts.push(d.rewrite(ctx));
    else parts.push(REPLACEMENT[d.kind]);
    counts[d.kind] = (counts[d.kind] ?? 0) + 1;
    at = d.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), counts };
}

/** Adds `more` into `into` (in place) and returns it. */
export function addCounts(into: PhiCounts, more: PhiCounts): PhiCounts {
  for (const [kind, n] of Object.entries(more) as Array<[keyof PhiCounts, number]>) into[kind] = (into[kind] ?? 0) + n;
  return into;
}
