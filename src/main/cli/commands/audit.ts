import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { iterateAudit } from '../../audit/log';
import { verifyAudit } from '../../audit/verify';
import { openDataDatabase } from '../../importing/database';
import { writeJsonLines } from '../jsonl-output';

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Verify the tamper-evident audit trail, or export it as JSONL',
  usage: 'plumbline audit verify [--json] | plumbline audit export [--out <file>]',
  options: { out: { type: 'string' } },
  run(ctx, { values, positionals }) {
    const [sub, ...rest] = positionals;
    if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    if (sub !== 'verify' && sub !== 'export') throw new UsageError('Say what to do: plumbline audit verify, or plumbline audit export.');
    const db = openDataDatabase(ctx.dataDir);
    try {
      if (sub === 'verify') {
        const r = verifyAudit(db);
        if (ctx.json) ctx.out(JSON.stringify(r));
        else ctx.out(r.ok ? `Audit trail intact: ${r.events} events, head ${r.headHash.slice(0, 16)}…` : `Audit trail BROKEN at event ${r.firstBadSeq}: ${r.problem}.`);
        return r.ok ? 0 : 1;
      }
      const out = typeof values.out === 'string' ? values.out : undefined;
      const n = writeJsonLines(ctx, iterateAudit(db), out);
      if (out) ctx.err(`Exported ${n} audit events to ${out}.`);
      return 0;
    } finally {
      db.close();
    }
  },
};
