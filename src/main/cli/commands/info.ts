import type { CliCommand } from '../command';
import { openWorkstation } from '../../workstation';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the data folder, database schema and code-set versions',
  usage: 'plumbline info [--data <dir>] [--json]',
  async run(ctx) {
    const ws = openWorkstation({ dataDir: ctx.dataDir });
    try {
      const info = await ws.handlers.appInfo();
      if (ctx.json) ctx.out(JSON.stringify(info));
      else
        ctx.out(
          [
            `Plumbline ${info.appVersion}`,
            `Data folder:     ${info.dataDir}`,
            `Database schema: v${info.dbSchemaVersion}`,
            `Code set:        ${info.codeSetVersion ?? 'not loaded'}`,
            `Fiscal years:    ${info.fiscalYears.join(', ') || 'none'}`,
          ].join('\n'),
        );
      return 0;
    } finally {
      ws.close();
    }
  },
};
