// Excludes1: "NOT CODED HERE" — the two conditions cannot be reported together.
import type { EditContext, EncounterEntry } from '../context';
import { excludes1Override } from '../overrides';
import { parseNoteReferences, referenceMatches } from '../references';
import type { EditResult } from '../types';

interface Conflict {
  a: EncounterEntry;
  b: EncounterEntry;
  sources: string[];
  notes: string[];
}

function levelWord(level: string): string {
  return level === 'code' || level === 'subcategory' ? 'code' : level;
}

export function excludes1Rule(ctx: EditContext): EditResult[] {
  const conflicts = new Map<string, Conflict>();
  const overridden = new Map<string, { a: EncounterEntry; b: EncounterEntry; reason: string; source: string }>();
  const dx = ctx.diagnoses;
  if (dx.length < 2) return [];
  for (const a of dx) {
    for (const note of ctx.notes(a.code)) {
      if (note.kind !== 'excludes1') continue;
      const { references } = parseNoteReferences(note.text);
      for (const ref of references) {
        // A note pointing back into the code's own family is describing a sibling, not a clash.
        if (referenceMatches(ref, a.code, ctx.chapterOf)) continue;
        for (const b of dx) {
          if (b === a || !referenceMatches(ref, b.code, ctx.chapterOf)) continue;
          const [first, second] = a.index <= b.index ? [a, b] : [b, a];
          const key = `${first.code}|${second.code}`;
          const source = `Excludes1 at ${note.source} (${levelWord(note.sourceLevel)})`;
          const override = excludes1Override(a.code, b.code);
          if (override) {
            if (!overridden.has(key)) overridden.set(key, { a: first, b: second, reason: override.reason, source });
            continue;
          }
          const c = conflicts.get(key) ?? { a: first, b: second, sources: [], notes: [] };
          if (!c.sources.includes(source)) {
            c.sources.push(source);
            c.notes.push(`${a.display}: "${note.text}"`);
          }
          conflicts.set(key, c);
        }
      }
    }
  }
  const out: EditResult[] = [];
  for (const c of conflicts.values()) {
    out.push({
      id: 'excludes1', severity: 'error', codes: [c.a.display, c.b.display], source: c.sources.join('; '),
      message: `${c.a.display} and ${c.b.display} cannot be reported together (Excludes1 ${c.notes.join('; ')}).`,
    });
  }
  for (const o of overridden.values()) {
    out.push({
      id: 'excludes1-override', severity: 'info', codes: [o.a.display, o.b.display], source: `${o.source}, overridden for FY2026`,
      message: `${o.a.display} with ${o.b.display} is allowed: ${o.reason}.`,
    });
  }
  return out;
}
