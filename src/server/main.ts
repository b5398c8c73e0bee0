// Stand-alone entry: `tsx src/server/main.ts [--port N] [--data DIR] [--host H]`, or
// `tsx src/server/main.ts user add …` / `team add …` for the admin commands.
import { runAdmin, runServe } from './cli';

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'user' || argv[0] === 'team') return runAdmin(argv);
  const args: { port?: number; data?: string; host?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--port') args.port = Number(value);
    else if (flag === '--data') args.data = value;
    else if (flag === '--host') args.host = value;
    else throw new Error(`Unknown option ${flag}; use --port, --data, --host`);
    i++;
  }
  await runServe(args);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
