import { runCode, runSearch } from '../../codeset/cli';
import { UsageError, type CliCommand } from '../command';
import { withCodeSet } from '../with-codeset';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search the code sets: words, prefixes, abbreviations (CHF), Index paths (failure > heart), codes (E11.2)',
  usage: 'plumbline search "<query>" [--system icd10cm|icd10pcs|hcpcs|cpt] [--limit N] [--json]',
  options: { system: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const query = positionals.join(' ');
    if (!query.trim()) throw new UsageError('Give a query, e.g. plumbline search "heart attack"');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !Number.isFinite(limit)) throw new UsageError(`--limit must be a number, not "${String(values.limit)}"`);
    const system = typeof values.system === 'string' ? values.system : undefined;
    ctx.out(await withCodeSet(ctx, (codeSet) => runSearch({ query, system, limit, json: ctx.json, codeSet })));
    return 0;
  },
};

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'Show one code: hierarchy, notes with their source, HCC, MCE and V28 edits, valid years',
  usage: 'plumbline code <code> [--system icd10cm|icd10pcs|hcpcs|cpt] [--json]',
  options: { system: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('Give one code, e.g. plumbline code E11.22');
    const system = typeof values.system === 'string' ? values.system : undefined;
    ctx.out(await withCodeSet(ctx, (codeSet) => runCode({ code: positionals[0]!, system, json: ctx.json, codeSet })));
    return 0;
  },
};
