// The gate in front of every model call. Stored charts were de-identified on import, with dates shifted
// by the patient's offset; the guard cannot tell a shifted date from a real one, so dates pass here and
// everything else Safe Harbor lists must be absent.
import type { PhiKind } from '../chart';
import { scanPhi } from './scan';
import type { PhiContext } from './types';

export type Sendable = { ok: true } | { ok: false; kinds: PhiKind[] };

export function assertSendable(text: string, ctx: PhiContext = {}): Sendable {
  const kinds = new Set<PhiKind>();
  for (const f of scanPhi(text, { ...ctx, shiftedDatesAllowed: true })) kinds.add(f.kind);
  return kinds.size === 0 ? { ok: true } : { ok: false, kinds: [...kinds].sort() };
}
