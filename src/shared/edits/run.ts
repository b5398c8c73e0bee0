// The edits engine: a pure function over an encounter's codes plus patient age, sex and setting,
// reading the code set only through CodeSetLookup (so the core, the server and tests share it).
import type { CodeSetLookup } from '../codeset/types';
import { buildContext, type EditRule } from './context';
import { excludes1Rule } from './rules/excludes1';
import { hccRule } from './rules/hcc';
import { duplicateRule, mceAgeRule, principalRule } from './rules/mce';
import { remindersRule } from './rules/reminders';
import { dateOfServiceRule, validityRule } from './rules/validity';
import type { EditEncounter, EditResult, EditSeverity } from './types';

/** A claim carries at most a few dozen codes; beyond this the input is refused, not half-checked. */
export const MAX_ENCOUNTER_CODES = 500;

const RULES: readonly EditRule[] = [
  dateOfServiceRule,
  validityRule,
  duplicateRule,
  principalRule,
  mceAgeRule,
  excludes1Rule,
  remindersRule,
  hccRule,
];

const RANK: Readonly<Record<EditSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** Runs every edit over the encounter; results come errors first, then warnings, then info, each in rule order. */
export function runEdits(encounter: EditEncounter, lookup: CodeSetLookup): EditResult[] {
  if (encounter.codes.length > MAX_ENCOUNTER_CODES) {
    return [{
      id: 'too-many-codes', severity: 'error', codes: [], source: 'Encounter code list',
      message: `An encounter can carry at most ${MAX_ENCOUNTER_CODES} codes; this one has ${encounter.codes.length}. Nothing was checked.`,
    }];
  }
  const ctx = buildContext(encounter, lookup);
  const results = RULES.flatMap((rule) => rule(ctx));
  return results
    .map((r, i) => ({ r, i }))
    .sort((x, y) => RANK[x.r.severity] - RANK[y.r.severity] || x.i - y.i)
    .map(({ r }) => r);
}
