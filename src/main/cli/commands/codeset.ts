import fs from 'node:fs';
import path from 'node:path';
import { importCpt } from '../../codeset/cpt';
import { codeSetFileName, ensureCodeSet, openCodeSet, prebuiltCodeSetFile } from '../../codeset/open';
import { codeSetDirFor } from '../../paths';
import { UsageError, type CliCommand } from '../command';

const USAGE = 'plumbline codeset build [--out <dir>] | codeset prebuild | codeset import-cpt <file> | codeset info';

export const codesetCommand: CliCommand = {
  name: 'codeset',
  summary: 'Build the code-set database, import a licensed CPT file, or show what is loaded',
  usage: USAGE,
  options: { out: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const [verb, arg] = positionals;
    const progress = (step: string) => ctx.err(`code set: ${step}`);
    switch (verb) {
      case 'build': {
        const dir = typeof values.out === 'string' ? values.out : codeSetDirFor(ctx.dataDir);
        const file = ensureCodeSet(dir, undefined, progress);
        ctx.out(ctx.json ? JSON.stringify({ file }) : `Code set ready: ${file}`);
        return 0;
      }
      case 'prebuild': {
        // For installers: the built file goes into resources/, so a first start copies it.
        const target = prebuiltCodeSetFile();
        const file = ensureCodeSet(path.dirname(target), undefined, progress);
        ctx.out(ctx.json ? JSON.stringify({ file }) : `Prebuilt code set for installers: ${file}`);
        return 0;
      }
      case 'import-cpt': {
        if (!arg) throw new UsageError('Give the licensed CPT file: plumbline codeset import-cpt <file> (TSV: code, short description, long description)');
        const file = ensureCodeSet(codeSetDirFor(ctx.dataDir), undefined, progress);
        const result = importCpt(file, arg);
        ctx.out(ctx.json ? JSON.stringify(result) : `Imported ${result.rows} CPT codes (file SHA-256 ${result.sha256.slice(0, 12)}…) into ${file}`);
        return 0;
      }
      case 'info': {
        const file = path.join(codeSetDirFor(ctx.dataDir), codeSetFileName());
        if (!fs.existsSync(file)) throw new Error(`No code set built yet in ${path.dirname(file)}; run plumbline codeset build`);
        const cs = openCodeSet(file);
        try {
          const info = { file, version: cs.version, fiscalYears: cs.fiscalYears, inputsHash: cs.inputsHash };
          ctx.out(ctx.json ? JSON.stringify(info) : `${info.version} (FY ${info.fiscalYears.join(', ')})\n${file}`);
        } finally {
          cs.close();
        }
        return 0;
      }
      default:
        throw new UsageError(`Usage: ${USAGE}`);
    }
  },
};
