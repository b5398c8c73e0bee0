// Puts an outbox row into the words the review screen uses ("keep E11.9", "submit chart"), so a
// coder can recognise a refused change without reading its JSON. The facts come from the row's
// payload as review actions write it (src/main/review/actions.ts).
import { displayCode, SYSTEM_LABELS } from '../../shared/codeset/format';
import type { CodeSystemId } from '../../shared/codeset/types';
import { REJECT_REASON_LABELS, type RejectReason } from '../../shared/review/types';
import { STATUS_LABELS } from '../../shared/worklist/types';

/** The few payload fields a description needs; anything missing is null. */
export interface ChangeFacts {
  entity: string;
  op: string;
  system: string | null;
  code: string | null;
  replacedCode: string | null;
  reason: string | null;
  toStatus: string | null;
  codeCount: number | null;
  /** The server version a load brought onto the chart. */
  version: number | null;
}

function codeText(system: string | null, code: string | null): string {
  if (!code) return 'a code';
  return system && system in SYSTEM_LABELS ? displayCode(system as CodeSystemId, code) : code;
}

function reasonText(reason: string | null): string {
  return reason && reason in REJECT_REASON_LABELS ? ` (${REJECT_REASON_LABELS[reason as RejectReason].toLowerCase()})` : '';
}

function statusText(status: string | null): string {
  return status && status in STATUS_LABELS ? STATUS_LABELS[status as keyof typeof STATUS_LABELS].toLowerCase() : (status ?? 'another status');
}

export function describeChange(f: ChangeFacts): string {
  const code = codeText(f.system, f.code);
  if (f.entity === 'review_decision') {
    switch (f.op) {
      case 'accept':
        return `keep ${code}`;
      case 'reject':
        return `reject ${code}${reasonText(f.reason)}`;
      case 'delete':
        return `propose deleting ${code}${reasonText(f.reason)}`;
      case 'change':
        return f.replacedCode ? `change ${codeText(f.system, f.replacedCode)} to ${code}` : `change the code to ${code}`;
      case 'add':
        return `add ${code}`;
      case 'query':
        return `query the provider about ${code}`;
      case 'undo':
        return `undo the last decision on ${code}`;
    }
  }
  if (f.entity === 'encounter') {
    if (f.op === 'submit') return f.codeCount === null ? 'submit chart' : `submit chart (${f.codeCount} code${f.codeCount === 1 ? '' : 's'})`;
    if (f.op === 'status') return `set chart to ${statusText(f.toStatus)}`;
    if (f.op === 'load_update') return f.version === null ? "load the server's newer version" : `load the server's version ${f.version}`;
  }
  return `${f.entity.replace(/_/g, ' ')} ${f.op}`;
}
