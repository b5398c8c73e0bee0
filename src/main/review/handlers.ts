// The coder's part of the API contract: worklist, demo charts, chart view and review actions. The
// composition root (workstation.ts) creates this with the open database, the loaded code set and the
// signed-in user, and merges it into the handler table.
import type { ApiHandlers, ApiRequest, ApiResponse } from '../../shared/api';
import type { CodeSetLookup } from '../../shared/codeset/types';
import type { Db } from '../db/open';
import { demoStatus, loadDemo } from '../importing/demo';
import { nextInQueue, queryWorklist } from '../worklist/query';
import { ensureUser, type LocalUser } from '../worklist/users';
import { ReviewService } from './actions';
import { buildSubmitPreview } from './submit-preview';
import { buildChartView } from './view';

export type CoderMethod = 'worklistQuery' | 'worklistNext' | 'demoStatus' | 'demoLoad' | 'chartOpen' | 'reviewAct' | 'reviewUndo' | 'reviewSubmitPreview' | 'reviewSubmit' | 'chartSetStatus';

/** Synchronous (better-sqlite3 is), so assignable to Pick<ApiHandlers, CoderMethod> and easy to call in tests. */
export type CoderHandlers = { [M in CoderMethod]: (req: ApiRequest<M>) => ApiResponse<M> };

export interface CoderDeps {
  db: Db;
  codeSet: CodeSetLookup;
  user: LocalUser;
  dataDir: string;
  /** Demo charts file; defaults to resources/demo/charts.jsonl. */
  demoFile?: string;
}

export function createCoderHandlers(deps: CoderDeps): CoderHandlers {
  ensureUser(deps.db, deps.user);
  const review = new ReviewService(deps.db, deps.codeSet, deps.user);
  const view = (encounterId: string) => buildChartView(review.store, deps.codeSet, encounterId);
  const handlers: CoderHandlers = {
    worklistQuery: (req) => queryWorklist(deps.db, deps.user.id, req ?? {}),
    worklistNext: (req) => nextInQueue(deps.db, deps.user.id, req?.afterEncounterId),
    demoStatus: () => demoStatus(deps.db, deps.demoFile),
    demoLoad: () => loadDemo(deps.db, deps.user.id, deps.demoFile),
    chartOpen: (req) => view(req?.encounterId),
    reviewAct: (req) => {
      review.act(req?.encounterId, req?.action);
      return view(req.encounterId);
    },
    reviewUndo: (req) => {
      review.undo(req?.encounterId);
      return view(req.encounterId);
    },
    reviewSubmitPreview: (req) => buildSubmitPreview(review.store, deps.codeSet, req?.encounterId),
    reviewSubmit: (req) => review.submit(req?.encounterId, req?.expected),
    chartSetStatus: (req) => {
      review.setStatus(req?.encounterId, req?.status);
      return view(req.encounterId);
    },
  };
  // The compiler checks the table fits the contract the composition root merges it into.
  return handlers satisfies Pick<ApiHandlers, CoderMethod>;
}
