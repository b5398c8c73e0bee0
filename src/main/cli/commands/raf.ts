import { scoreRaf, RAF_SEGMENTS } from '../../../shared/hcc';
import { formatRafTable } from '../../../shared/hcc/format';
import type { RafSegment } from '../../../shared/hcc/types';
import { UsageError, type CliCommand } from '../command';
import { withCodeSet } from '../with-codeset';
import { parseAge, parseSex } from './patient-args';

export const rafCommand: CliCommand = {
  name: 'raf',
  summary: 'CMS-HCC V28 HCCs after hierarchies and the raw risk score, with each code\'s contribution',
  usage: 'plumbline raf <codes…> --age N --sex F|M [--segment CNA|CND|CFA|CFD|CPA|CPD|INS] [--json]',
  options: { age: { type: 'string' }, sex: { type: 'string' }, segment: { type: 'string' }, 'originally-disabled': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    if (values.age === undefined || values.sex === undefined) throw new UsageError('raf needs --age and --sex');
    const segment = String(values.segment ?? 'CNA').toUpperCase() as RafSegment;
    if (!RAF_SEGMENTS.includes(segment)) throw new UsageError(`Unknown segment "${String(values.segment)}" (use ${RAF_SEGMENTS.join(', ')})`);
    const result = await withCodeSet(ctx, (cs) =>
      scoreRaf({ codes: positionals, age: parseAge(values.age), sex: parseSex(values.sex), segment, originallyDisabled: values['originally-disabled'] === true }, cs),
    );
    ctx.out(ctx.json ? JSON.stringify(result) : formatRafTable(result));
    return 0;
  },
};
