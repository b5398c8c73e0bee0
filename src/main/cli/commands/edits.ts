import type { Setting, Sex } from '../../../shared/chart';
import { runEdits } from '../../../shared/edits';
import { formatEditsTable } from '../../../shared/edits/format';
import { UsageError, type CliCommand } from '../command';
import { withCodeSet } from '../with-codeset';
import { parseAge, parseSex } from './patient-args';

const SETTINGS: readonly Setting[] = ['inpatient', 'outpatient', 'professional'];

export const editsCommand: CliCommand = {
  name: 'edits',
  summary: 'Check an encounter\'s codes: Excludes1, MCE age, headers, 7th characters, reminders, V28 edits',
  usage: 'plumbline edits <codes…> [--age N] [--sex F|M] [--setting inpatient|outpatient|professional] [--dos YYYY-MM-DD] [--json]',
  options: { age: { type: 'string' }, sex: { type: 'string' }, setting: { type: 'string' }, dos: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new UsageError('Give at least one code, e.g. plumbline edits E10.9 E11.9');
    const setting = (values.setting ?? 'outpatient') as Setting;
    if (!SETTINGS.includes(setting)) throw new UsageError(`Unknown setting "${String(values.setting)}" (use ${SETTINGS.join(', ')})`);
    const age = values.age === undefined ? null : parseAge(values.age);
    const sex: Sex = values.sex === undefined ? 'U' : parseSex(values.sex);
    const dos = typeof values.dos === 'string' ? values.dos : undefined;
    const results = await withCodeSet(ctx, (cs) =>
      runEdits({ codes: positionals.map((code, i) => ({ system: 'icd10cm' as const, code, principal: i === 0 })), age, sex, setting, ...(dos ? { dateOfService: dos } : {}) }, cs),
    );
    ctx.out(ctx.json ? JSON.stringify(results) : formatEditsTable(results, { width: process.stdout.columns }));
    return results.some((r) => r.severity === 'error') ? 3 : 0;
  },
};
