// Suggestions on the desktop: the local engine runs the moment a chart opens (milliseconds, offline);
// when a model is configured its suggestions are fetched in the background — for the open chart at
// interactive priority and for the next charts in the queue ahead of time — and replace the local
// ones when they arrive. Nothing here ever blocks a coder on the network.
import type { Db } from '../db/open';
import type { SuggestDiagnostics } from '../../shared/api';
import type { SuggestInput, SuggestionRun } from '../../shared/suggest/types';
import type { CodeSet } from '../codeset/open';
import { createLocalEngine, type LocalEngine } from './local/engine';
import { loadEnginePriors, localPriorsFile, savePriors } from './learn/store';
import { emptyPriors, loadPriors, priorPhrase, recordDecision } from './learn/priors';
import type { ReviewItem } from '../../shared/review/types';
import { existsSync } from 'node:fs';
import { createModelEngine, type ModelEngine } from './model';
import type { ModelSettingsStore, ResolvedModelConfig } from './settings';
import { createPrefetcher, type Prefetcher } from './prefetch';
import { applySuggestionRun } from './apply';
import { buildSuggestInput } from './input';
import { localEngineHints } from './local-hints';
import { queryWorklist } from '../worklist/query';

const SQL = {
  hasRun: 'SELECT 1 FROM suggestion_runs WHERE encounter_id = ? AND engine = ? AND error IS NULL LIMIT 1',
  // A failed model call is not retried for a minute, so an unreachable endpoint is not hammered on every reload.
  recentFailure: "SELECT 1 FROM suggestion_runs WHERE encounter_id = ? AND engine = 'model' AND error IS NOT NULL AND created_at > ? LIMIT 1",
  runs: `SELECT engine, proposed, kept, drops, elapsed_ms AS elapsedMs, error, created_at AS at FROM suggestion_runs
         WHERE encounter_id = ? ORDER BY created_at DESC LIMIT 10`,
  actedByEngine: `SELECT json_extract(i.suggestion, '$.provenance.engine') AS engine,
                         count(*) AS acted, sum(i.disposition = 'accepted') AS accepted, sum(i.disposition IN ('rejected', 'delete_proposed')) AS rejected
                  FROM review_items i
                  WHERE i.suggestion IS NOT NULL AND EXISTS (SELECT 1 FROM review_decisions d WHERE d.item_id = i.id AND d.undone_audit_seq IS NULL)
                    AND (@encounter IS NULL OR i.encounter_id = @encounter)
                  GROUP BY engine`,
} as const;

export interface SuggestionServiceDeps {
  db: Db;
  codeSet: CodeSet;
  dataDir: string;
  modelSettings: ModelSettingsStore;
  userId: () => string;
  /** How many upcoming charts get model suggestions ahead of time. */
  prefetchDepth?: number;
}

export class SuggestionService {
  private local: LocalEngine | null = null;
  private model: { key: string; engine: ModelEngine } | null = null;
  private prefetcher: Prefetcher | null = null;
  private readonly inFlight = new Map<string, AbortController>();

  constructor(private readonly deps: SuggestionServiceDeps) {}

  private localEngine(): LocalEngine {
    // Built on first use: reading the Index into the matcher takes a moment, once per session.
    this.local ??= createLocalEngine(this.deps.codeSet, loadEnginePriors(this.deps.dataDir));
    return this.local;
  }

  private modelEngine(): ModelEngine | null {
    let config: ResolvedModelConfig | null;
    try {
      config = this.deps.modelSettings.resolve();
    } catch {
      config = null;
    }
    if (!config) {
      this.stopPrefetch();
      this.model = null;
      return null;
    }
    const key = JSON.stringify(config);
    if (this.model?.key !== key) {
      this.stopPrefetch();
      this.model = { key, engine: createModelEngine(config, { codeSet: this.deps.codeSet }) };
    }
    return this.model.engine;
  }

  /** Runs the local engine on a chart that has no local suggestions yet. Synchronous and offline. */
  ensureLocal(encounterId: string): void {
    if (this.deps.db.prepare(SQL.hasRun).get(encounterId, 'local')) return;
    const input = buildSuggestInput(this.deps.db, encounterId);
    if (!input) return;
    let run: SuggestionRun;
    try {
      run = this.localEngine().suggest(input);
    } catch (err) {
      run = { engine: 'local', suggestions: [], drops: { unknownCode: 0, invalidForDate: 0, headerCode: 0, quoteNotFound: 0, noEvidence: 0, malformed: 0 }, proposed: 0, elapsedMs: 0, error: (err as Error).message };
    }
    applySuggestionRun(this.deps.db, encounterId, run);
  }

  /** Asks the model for the open chart (if configured and not already done) without waiting for it. */
  requestModel(encounterId: string, onDone?: () => void): void {
    const engine = this.modelEngine();
    if (!engine || this.inFlight.has(encounterId) || this.deps.db.prepare(SQL.hasRun).get(encounterId, 'model')) return;
    if (this.deps.db.prepare(SQL.recentFailure).get(encounterId, new Date(Date.now() - 60_000).toISOString())) return;
    const input = buildSuggestInput(this.deps.db, encounterId);
    if (!input) return;
    // Moving to another chart cancels the previous chart's interactive call.
    for (const [id, controller] of this.inFlight) if (id !== encounterId) controller.abort();
    const controller = new AbortController();
    this.inFlight.set(encounterId, controller);
    const candidates = this.localCandidates(input);
    engine
      .suggest(input, controller.signal, { candidates, priority: 'interactive' })
      .then((run) => {
        if (!controller.signal.aborted) applySuggestionRun(this.deps.db, encounterId, run);
      })
      .catch(() => undefined)
      .finally(() => {
        this.inFlight.delete(encounterId);
        onDone?.();
      });
    this.refreshPrefetch();
  }

  /** The local engine's codes for a chart, as hints for the model (the input is already read). */
  private localCandidates(input: SuggestInput) {
    return localEngineHints(() => this.localEngine(), input);
  }

  private refreshPrefetch(): void {
    const engine = this.model?.engine;
    if (!engine) return;
    this.prefetcher ??= createPrefetcher({
      engine,
      depth: this.deps.prefetchDepth ?? 5,
      listNext: () =>
        queryWorklist(this.deps.db, this.deps.userId(), { status: 'new', sort: 'priority', direction: 'asc', limit: (this.deps.prefetchDepth ?? 5) + 1 })
          .rows.map((r) => r.encounterId)
          .filter((id) => !this.deps.db.prepare(SQL.hasRun).get(id, 'model')),
      buildInput: (id) => buildSuggestInput(this.deps.db, id),
      candidatesFor: (input) => this.localCandidates(input),
      sink: (id, run) => applySuggestionRun(this.deps.db, id, run),
    });
    this.prefetcher.refresh();
  }

  private stopPrefetch(): void {
    this.prefetcher?.stop();
    this.prefetcher = null;
  }

  diagnostics(encounterId: string): SuggestDiagnostics {
    const runs = this.deps.db.prepare(SQL.runs).all(encounterId) as Array<{ engine: 'local' | 'model'; proposed: number; kept: number; drops: string; elapsedMs: number; error: string | null; at: string }>;
    const acted = (encounter: string | null) =>
      this.deps.db.prepare(SQL.actedByEngine).all({ encounter }) as Array<{ engine: 'local' | 'model' | null; acted: number; accepted: number; rejected: number }>;
    const onChart = acted(encounterId);
    return {
      runs: runs.map((r) => {
        const mine = onChart.find((a) => a.engine === r.engine);
        return {
          engine: r.engine,
          proposed: r.proposed,
          drops: JSON.parse(r.drops) as SuggestionRun['drops'],
          elapsedMs: r.elapsedMs,
          at: r.at,
          accepted: mine?.accepted ?? 0,
          rejected: mine?.rejected ?? 0,
          ...(r.error ? { error: r.error } : {}),
        };
      }),
      modelPending: this.inFlight.has(encounterId),
      acceptance: acted(null)
        .filter((a): a is { engine: 'local' | 'model'; acted: number; accepted: number; rejected: number } => a.engine === 'local' || a.engine === 'model')
        .map((a) => ({ engine: a.engine, acted: a.acted, accepted: a.accepted })),
    };
  }

  /**
   * A coder accepted or rejected one of the local engine's suggestions: count it in this install's own
   * priors (the data folder's priors.json, loaded on top of the shipped ones) and in the running engine.
   */
  learnFromDecision(item: ReviewItem, accepted: boolean): void {
    if (item.suggestion?.provenance.engine !== 'local') return;
    const quote = item.evidence[0]?.quote;
    if (!quote) return;
    const phrase = priorPhrase(quote, item.suggestion.assertion);
    try {
      const file = localPriorsFile(this.deps.dataDir);
      const local = existsSync(file) ? loadPriors(file) : emptyPriors('coder decisions');
      recordDecision(local, phrase, item.code, accepted);
      savePriors(file, local);
      if (this.local) recordDecision(this.local.priors, phrase, item.code, accepted);
    } catch (err) {
      // Learning is a bonus; the decision itself is already committed and must not be reported as failed.
      console.warn(`Could not update local priors: ${(err as Error).message}`);
    }
  }

  close(): void {
    this.stopPrefetch();
    for (const c of this.inFlight.values()) c.abort();
  }
}
