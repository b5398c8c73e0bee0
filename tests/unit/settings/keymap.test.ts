import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src/main/workstation';
import { chordFromEvent, normalizeChord } from '../../../src/shared/keys';
import { TEST_CODESET_DIR } from '../../helpers/codeset';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plumbline-keymap-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('keymap', () => {
  it('normalises chords so equal chords compare equal', () => {
    expect(normalizeChord('shift+mod+k')).toBe('Mod+Shift+K');
    expect(normalizeChord('?')).toBe('?');
    expect(normalizeChord('mod+arrowdown')).toBe('Mod+ArrowDown');
    expect(() => normalizeChord('Hyper+K')).toThrow(/Unknown modifier/);
    expect(() => normalizeChord('')).toThrow(/empty/);
  });

  it('reads key events the way the keymap writes them', () => {
    const ev = { key: 'k', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };
    expect(chordFromEvent(ev, false)).toBe('Mod+K');
    expect(chordFromEvent({ ...ev, ctrlKey: false, metaKey: true }, true)).toBe('Mod+K');
    expect(chordFromEvent({ key: '?', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true }, false)).toBe('?');
  });

  it('stores a rebinding in the database so it survives a restart', async () => {
    const dataDir = tempDir();
    const ws = openWorkstation({ dataDir, codeSetDir: TEST_CODESET_DIR });
    await ws.handlers.keymapSet({ command: 'view.encoder', keys: ['mod+shift+e'] });
    ws.close();
    const again = openWorkstation({ dataDir, codeSetDir: TEST_CODESET_DIR });
    const binding = (await again.handlers.keymapList()).find((b) => b.command === 'view.encoder')!;
    expect(binding).toMatchObject({ keys: ['Mod+Shift+E'], isDefault: false });
    const reset = (await again.handlers.keymapReset({ command: 'view.encoder' })).find((b) => b.command === 'view.encoder')!;
    expect(reset).toMatchObject({ keys: ['Mod+2'], isDefault: true });
    again.close();
  });

  it('refuses unknown commands, bad chords and clashes, changing nothing', async () => {
    const ws = openWorkstation({ dataDir: tempDir(), codeSetDir: TEST_CODESET_DIR });
    const before = await ws.handlers.keymapList();
    expect(() => ws.handlers.keymapSet({ command: 'rm -rf', keys: ['x'] })).toThrow(/Unknown command/);
    expect(() => ws.handlers.keymapSet({ command: 'view.encoder', keys: ['Super+X'] })).toThrow(/Unknown modifier/);
    expect(() => ws.handlers.keymapSet({ command: 'view.encoder', keys: ['Mod+K'] })).toThrow(/already bound to "Open command palette"/);
    expect(() => ws.handlers.keymapSet({ command: 'view.encoder', keys: 'Mod+E' as unknown as string[] })).toThrow(/list of key chords/);
    expect(await ws.handlers.keymapList()).toEqual(before);
    ws.close();
  });
});
