// Keymap syntax shared by the renderer (matching key presses), the core (validating rebindings) and
// the shell (menu accelerators). A chord is "Mod+Shift+Alt+Key" in that order; single printable
// characters ("?", "/", "j") are written bare and match regardless of Shift, because Shift is how
// they are typed on most layouts.

const MODIFIER_ORDER = ['Mod', 'Ctrl', 'Alt', 'Shift'] as const;
const NAMED_KEYS = new Set([
  'Enter', 'Escape', 'Tab', 'Space', 'Backspace', 'Delete', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  'Home', 'End', 'PageUp', 'PageDown', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12',
]);

export class KeyChordError extends Error {}

/** Parses and re-serialises a chord so that equal chords compare equal ("shift+mod+k" → "Mod+Shift+K"). */
export function normalizeChord(input: string): string {
  const raw = input.trim();
  if (!raw) throw new KeyChordError('A key binding cannot be empty.');
  if (raw.length === 1) return raw;
  const parts = raw.split('+');
  // A literal "+" key is written as "Mod++".
  if (raw.endsWith('++')) parts.splice(parts.length - 2, 2, '+');
  const key = parts.pop()!;
  const mods = new Set<string>();
  for (const p of parts) {
    const m = MODIFIER_ORDER.find((x) => x.toLowerCase() === p.toLowerCase());
    if (!m) throw new KeyChordError(`Unknown modifier "${p}" in "${input}". Use Mod, Ctrl, Alt or Shift.`);
    mods.add(m);
  }
  let keyName: string;
  if (key.length === 1) keyName = key.toUpperCase();
  else {
    const named = [...NAMED_KEYS].find((k) => k.toLowerCase() === key.toLowerCase());
    if (!named) throw new KeyChordError(`Unknown key "${key}" in "${input}".`);
    keyName = named;
  }
  if (mods.size === 0) return key.length === 1 ? key : keyName;
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), keyName].join('+');
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The chord a key event stands for, in keymap syntax; `isMac` decides whether Cmd or Ctrl is "Mod". */
export function chordFromEvent(e: KeyEventLike, isMac: boolean): string {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const ctrl = isMac ? e.ctrlKey : false;
  const key = e.key === ' ' ? 'Space' : e.key;
  if (!mod && !ctrl && !e.altKey && key.length === 1) return key;
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (ctrl) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(key.length === 1 ? key.toUpperCase() : key);
  return parts.join('+');
}

/** Electron accelerator syntax for a chord ("Mod+K" → "CmdOrCtrl+K"); bare keys have none. */
export function chordToAccelerator(chord: string): string | undefined {
  if (!chord.includes('+') || chord.length === 1) return undefined;
  return chord.replace(/^Mod\+/, 'CmdOrCtrl+').replace('ArrowUp', 'Up').replace('ArrowDown', 'Down');
}

/** Human label: "Mod+K" → "Ctrl+K" / "⌘K". */
export function chordLabel(chord: string, isMac: boolean): string {
  if (chord.length === 1) return chord;
  return isMac ? chord.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥') : chord.replace('Mod+', 'Ctrl+');
}
