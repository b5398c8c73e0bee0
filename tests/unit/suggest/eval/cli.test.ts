import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs, type CliCommand, type CliContext } from '../../../../src/main/cli/command';
import { learnCommand } from '../../../../src/main/cli/commands/learn';
import { suggestCommand } from '../../../../src/main/cli/commands/suggest';
import { loadPriors } from '../../../../src/main/suggest/learn/priors';
import { ensureTestCodeSet, TEST_CODESET_DIR } from '../../../helpers/codeset';

const NOTE = 'Assessment: Type 2 diabetes with diabetic chronic kidney disease stage 3a - continue metformin, eGFR 52. Denies chest pain.';
let dir: string;
let input: string;

beforeAll(() => {
  ensureTestCodeSet();
  process.env.PLUMBLINE_CODESET_DIR = TEST_CODESET_DIR;
  dir = mkdtempSync(join(tmpdir(), 'plumbline-cli-suggest-'));
  input = join(dir, 'charts.jsonl');
  writeFileSync(input, `${JSON.stringify({ id: 'c1', text: NOTE, setting: 'professional', codes: [{ system: 'ICD-10-CM', code: 'E1122' }, { system: 'ICD-10-CM', code: 'N1831' }] })}\n`);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(cmd: CliCommand, argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const ctx: CliContext = { dataDir: join(dir, 'data'), json: false, out: (t) => lines.push(...t.split('\n')), err: () => undefined };
  const code = await cmd.run(ctx, parseCommandArgs(cmd, argv));
  return { code, lines };
}

describe('plumbline suggest / learn', () => {
  it('writes one JSON line per chart with undotted codes and evidence offsets into the note', async () => {
    const { code, lines } = await run(suggestCommand, ['--input', input, '--jsonl']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0]!) as { id: string; codes: Array<{ system: string; code: string; confidence: number; evidence: Array<[number, number]> }> };
    expect(row.id).toBe('c1');
    const e1122 = row.codes.find((c) => c.code === 'E1122');
    expect(e1122?.system).toBe('ICD-10-CM');
    expect(e1122!.confidence).toBeGreaterThan(0);
    const [s, e] = e1122!.evidence[0]!;
    expect(NOTE.slice(s, e)).toMatch(/diabetes/i);
    expect(row.codes.every((c) => !c.code.includes('.'))).toBe(true);
    expect(row.codes.some((c) => c.code.startsWith('R07'))).toBe(false);
  }, 120_000);

  it('learns priors into the given file and refuses a malformed input without writing', async () => {
    const out = join(dir, 'learned.json');
    await run(learnCommand, ['--input', input, '--out', out]);
    const p = loadPriors(out);
    expect(p.charts).toBe(1);
    expect(Object.keys(p.codes)).toContain('E1122');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"x","text":"ok","codes":[]}\n{"id":"y", oops\n');
    const before = readFileSync(out, 'utf8');
    await expect(run(learnCommand, ['--input', bad, '--out', out])).rejects.toThrow(/line 2/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    await expect(run(suggestCommand, ['--input', input, '--engine', 'gpt'])).rejects.toThrow(/Unknown engine/);
  }, 120_000);
});
