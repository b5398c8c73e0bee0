// Writes a grounded suggestion run onto a chart's review items, in one transaction with the run's
// diagnostics row. Suggestions attach to the code already on the chart when there is one; new codes
// become 'suggested' items the coder must accept before they count. A model run replaces the local
// engine's untouched suggestions (never anything a coder acted on).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { Suggestion, SuggestionRun } from '../../shared/suggest/types';

const SQL = {
  items: `SELECT id, origin, system, code, disposition, suggestion,
                 EXISTS (SELECT 1 FROM review_decisions d WHERE d.item_id = review_items.id) AS touched
          FROM review_items WHERE encounter_id = ? AND active = 1`,
  documents: 'SELECT id, text FROM documents WHERE encounter_id = ?',
  nextOrdinal: 'SELECT coalesce(max(ordinal), -1) + 1 AS n FROM review_items WHERE encounter_id = ?',
  insertSuggested: `INSERT INTO review_items (id, encounter_id, ordinal, origin, system, code, disposition, evidence, suggestion, created_at, updated_at)
                    VALUES (?, ?, ?, 'suggested', ?, ?, 'pending', ?, ?, ?, ?)`,
  attach: 'UPDATE review_items SET suggestion = ?, evidence = CASE WHEN evidence = \'[]\' THEN ? ELSE evidence END, version = version + 1, updated_at = ? WHERE id = ?',
  retire: "UPDATE review_items SET active = 0, version = version + 1, updated_at = ? WHERE id = ?",
  insertRun: `INSERT INTO suggestion_runs (id, encounter_id, engine, proposed, kept, drops, elapsed_ms, error, provenance, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

interface ItemRow {
  id: string;
  origin: 'existing' | 'added' | 'suggested';
  system: string;
  code: string;
  disposition: string;
  suggestion: string | null;
  touched: number;
}

function engineOf(json: string | null): string | null {
  if (!json) return null;
  try {
    return (JSON.parse(json) as { provenance?: { engine?: string } }).provenance?.engine ?? null;
  } catch {
    return null;
  }
}

function suggestionJson(s: Suggestion): string {
  return JSON.stringify({ kind: s.kind, confidence: s.confidence, assertion: s.assertion, rationale: s.rationale, meat: s.meat, provenance: s.provenance });
}

export function applySuggestionRun(db: Db, encounterId: string, run: SuggestionRun, now = new Date()): void {
  const at = now.toISOString();
  const stmt = Object.fromEntries(Object.entries(SQL).map(([k, q]) => [k, db.prepare(q)])) as { [K in keyof typeof SQL]: Database.Statement };
  db.transaction(() => {
    // A run computed on text the chart no longer holds (a newer version replaced it while the model
    // was reading) would point its highlights at the wrong words: such suggestions are dropped here,
    // against the text as it is at write time, and counted as quotes not found.
    const texts = new Map((stmt.documents.all(encounterId) as Array<{ id: string; text: string }>).map((d) => [d.id, d.text]));
    const quotes = (s: Suggestion): boolean => s.evidence.every((e) => texts.get(e.documentId)?.slice(e.start, e.end) === e.quote);
    const current = run.suggestions.filter(quotes);
    const drops = { ...run.drops, quoteNotFound: run.drops.quoteNotFound + run.suggestions.length - current.length };
    let items = stmt.items.all(encounterId) as ItemRow[];
    if (run.engine === 'model' && !run.error) {
      // The model's reading supersedes the local engine's untouched suggestions.
      for (const item of items) {
        if (item.origin === 'suggested' && item.touched === 0 && item.disposition === 'pending' && engineOf(item.suggestion) === 'local') stmt.retire.run(at, item.id);
      }
      items = stmt.items.all(encounterId) as ItemRow[];
    }
    let ordinal = (stmt.nextOrdinal.get(encounterId) as { n: number }).n;
    for (const s of current) {
      const evidence = JSON.stringify(s.evidence);
      const same = items.find((i) => i.system === s.system && i.code === s.code);
      if (same) {
        // Never overwrite what a coder already acted on, and never let the local engine overwrite the model.
        if (same.touched === 0 && !(run.engine === 'local' && engineOf(same.suggestion) === 'model')) stmt.attach.run(suggestionJson(s), evidence, at, same.id);
        continue;
      }
      if (s.kind === 'keep' || s.kind === 'delete-unsupported') continue; // only meaningful for codes on the chart
      stmt.insertSuggested.run(randomUUID(), encounterId, ordinal++, s.system, s.code, evidence, suggestionJson(s), at, at);
    }
    const provenance = run.suggestions[0]?.provenance ?? null;
    stmt.insertRun.run(randomUUID(), encounterId, run.engine, run.proposed, current.length, JSON.stringify(drops), run.elapsedMs, run.error ?? null, provenance ? JSON.stringify(provenance) : null, at);
  })();
}
