// The submit gate's answer to re-review flags (`src/main/sync/rechecks.ts`): a code whose evidence
// vanished from a newer server version of the note, or whose claim line the server dropped, rests on
// a decision made against text the chart no longer holds. Submitting it would send that decision on
// as if it had been checked, so submit waits until the coder has decided on each such code again.
import { displayCode } from '../../shared/codeset/format';
import type { OpenRecheckRow } from '../sync/rechecks';
import type { ItemRow } from './store';

/** The code and what the load found gone, as the Re-review note in the list says it. */
function named(item: ItemRow, flag: OpenRecheckRow): string {
  const parts: string[] = [];
  if (flag.lost.length > 0) parts.push('evidence no longer in the note');
  if (flag.codeRemoved) parts.push(`no longer on the ${item.existingSource === 'problem-list' ? 'problem list' : 'claim'}`);
  const code = displayCode(item.system, item.code);
  return parts.length ? `${code} (${parts.join('; ')})` : code;
}

/**
 * The reason submit is refused while flags are open, or null when none is. Only items still on the
 * chart count: an item whose add was undone is gone from the coder's list and cannot be decided again.
 */
export function recheckReason(items: readonly ItemRow[], open: readonly OpenRecheckRow[]): string | null {
  const flags = new Map(open.map((f) => [f.itemId, f]));
  const flagged = items.filter((i) => i.active && flags.has(i.id));
  if (flagged.length === 0) return null;
  const list = flagged.map((i) => named(i, flags.get(i.id)!)).join(', ');
  const one = flagged.length === 1;
  return `${flagged.length} code${one ? ' needs' : 's need'} re-review after the chart was updated: ${list}. Decide on ${one ? 'it' : 'them'} again before submitting.`;
}
