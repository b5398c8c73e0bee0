import type { ApiHandlers } from '../../shared/api';
import type { CodeSystemId } from '../../shared/codeset/types';
import { runEdits } from '../../shared/edits';
import { scoreRaf } from '../../shared/hcc';
import { checkLimit, checkSystem } from './search';
import type { CodeSet } from './open';

/** The encoder's part of the API contract; requests come from the renderer and are checked here. */
export function createCodesetHandlers(codeSet: CodeSet): Pick<ApiHandlers, 'codesetSearch' | 'codesetDetail' | 'editsRun' | 'rafScore'> {
  return {
    codesetSearch: (req) => {
      if (typeof req?.query !== 'string') throw new Error('Search needs a query string.');
      const system = checkSystem(req.system);
      return codeSet.search(req.query, { limit: checkLimit(req.limit), ...(system ? { system } : {}) });
    },
    codesetDetail: (req) => {
      if (typeof req?.code !== 'string') throw new Error('Which code? A code string is required.');
      return codeSet.detail((checkSystem(req.system) ?? 'icd10cm') as CodeSystemId, req.code);
    },
    editsRun: (req) => runEdits(req, codeSet),
    rafScore: (req) => scoreRaf(req, codeSet),
  };
}
