import { readChartsJsonl } from '../../suggest/eval/charts';
import { learnPriors } from '../../suggest/learn/learn';
import { localPriorsFile, savePriors } from '../../suggest/learn/store';
import { UsageError, type CliCommand } from '../command';
import { withCodeSet } from '../with-codeset';
import { basename } from 'node:path';

export const learnCommand: CliCommand = {
  name: 'learn',
  summary: 'Learn phrase→code priors for the local engine from charts with final codes (JSONL)',
  usage: 'plumbline learn --input <file.jsonl> [--out <file>]',
  options: { input: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    if (typeof values.input !== 'string') throw new UsageError('Give the coded charts: --input <file.jsonl>');
    const charts = readChartsJsonl(values.input);
    if (charts.length === 0) throw new UsageError(`${values.input} holds no charts`);
    const out = typeof values.out === 'string' ? values.out : localPriorsFile(ctx.dataDir);
    const priors = await withCodeSet(ctx, (cs) => learnPriors(charts, cs, { source: basename(values.input as string) }));
    savePriors(out, priors);
    const summary = { out, charts: priors.charts, phrases: Object.keys(priors.phrases).length, codes: Object.keys(priors.codes).length, threshold: priors.threshold };
    ctx.out(ctx.json ? JSON.stringify(summary) : `Learned priors from ${summary.charts} charts: ${summary.phrases} phrase/code pairs, ${summary.codes} codes, threshold ${summary.threshold.toFixed(3)} → ${out}`);
    return 0;
  },
};
