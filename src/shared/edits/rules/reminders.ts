// "Code first", "use additional code" and "code also": a note asks for another code. We remind only
// when the note names codes we can read and no listed code satisfies any of them; notes in words
// alone ("underlying condition") are shown with the code's detail, not raised as edits.
import type { InstructionalNote } from '../../codeset/types';
import type { EditContext, EncounterEntry } from '../context';
import { REMINDER_SUPPLEMENTS } from '../overrides';
import { parseNoteReferences, referenceMatches, type NoteReference } from '../references';
import type { EditResult, EditRuleId } from '../types';

type ReminderKind = 'code_first' | 'use_additional_code' | 'code_also';

const KIND: Readonly<Record<ReminderKind, { id: EditRuleId; title: string }>> = {
  code_first: { id: 'code-first', title: 'Code first' },
  use_additional_code: { id: 'use-additional-code', title: 'Use additional code' },
  code_also: { id: 'code-also', title: 'Code also' },
};

interface NoteGroup {
  kind: ReminderKind;
  source: string;
  level: InstructionalNote['sourceLevel'];
  texts: string[];
  references: NoteReference[];
}

function groups(notes: readonly InstructionalNote[], code: EncounterEntry, ctx: EditContext): NoteGroup[] {
  const byKey = new Map<string, NoteGroup>();
  for (const n of notes) {
    if (n.kind !== 'code_first' && n.kind !== 'use_additional_code' && n.kind !== 'code_also') continue;
    const key = `${n.kind}|${n.source}`;
    const g = byKey.get(key) ?? { kind: n.kind, source: n.source, level: n.sourceLevel, texts: [], references: [] };
    g.texts.push(n.text);
    // References back into the code's own family can't be satisfied by another code.
    g.references.push(...parseNoteReferences(n.text).references.filter((r) => !referenceMatches(r, code.code, ctx.chapterOf)));
    byKey.set(key, g);
  }
  for (const g of byKey.values()) {
    for (const s of REMINDER_SUPPLEMENTS) {
      if (s.kind !== g.kind || !s.sources.some((p) => g.source.startsWith(p))) continue;
      const names = g.references.some((r) => r.kind === 'codes' && s.whenGroupNames.includes(r.from));
      if (!names) continue;
      for (const p of s.alsoAccept) g.references.push({ kind: 'codes', from: p, to: p, text: `${p.slice(0, 3)}.${p.slice(3)} (FY2026)` });
    }
  }
  return [...byKey.values()];
}

function summary(texts: readonly string[]): string {
  const joined = texts.join('; ').replace(/:\s*;/g, ':');
  return joined.length > 240 ? `${joined.slice(0, 239)}…` : joined;
}

export function remindersRule(ctx: EditContext): EditResult[] {
  const out: EditResult[] = [];
  const seen = new Set<string>();
  const order = new Map(ctx.diagnoses.map((d, i) => [d, i]));
  for (const a of ctx.diagnoses) {
    for (const g of groups(ctx.notes(a.code), a, ctx)) {
      if (g.references.length === 0) continue;
      const satisfiers = ctx.diagnoses.filter((b) => b !== a && g.references.some((r) => referenceMatches(r, b.code, ctx.chapterOf)));
      const { id, title } = KIND[g.kind];
      const source = `${title} at ${g.source} (${g.level === 'subcategory' ? 'code' : g.level})`;
      if (satisfiers.length === 0) {
        const manifestation = g.kind === 'code_first' && ctx.lookup.isManifestationNotPrincipal(a.code);
        const message = `${a.display}: ${title.toLowerCase()} — ${summary(g.texts)} — none of these is listed.`;
        if (seen.has(message)) continue;
        seen.add(message);
        out.push({ id, severity: manifestation ? 'warning' : 'info', codes: [a.display], source, message });
        continue;
      }
      if (g.kind === 'code_first' && satisfiers.every((b) => order.get(b)! > order.get(a)!)) {
        const names = satisfiers.map((b) => b.display).join(', ');
        out.push({
          id: 'code-first-sequence', severity: 'warning', codes: [a.display, ...satisfiers.map((b) => b.display)], source,
          message: `${a.display} says "code first" ${names}, but ${names} is sequenced after it.`,
        });
      }
    }
  }
  return out;
}
