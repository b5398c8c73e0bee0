// A condition in a pregnant patient complicates the pregnancy unless the provider says it is incidental
// (guideline I.C.15.a.1): it is coded from Chapter 15, which is sequenced first, and where the
// obstetric code asks for it ("use additional code to identify specific condition", O99) the
// condition's own code goes beside it. Chronic hypertension is O10.01- alone (its inclusion term is
// "any condition in I10"), a UTI O23.4- alone.
import type { CodeTable } from './code-table';

interface Route {
  /** Undotted condition-code prefixes (a regular expression on the code). */
  condition: RegExp;
  /** The obstetric subcategory, whose "unspecified trimester" code is taken (the trimester is read later). */
  obstetric: string;
  /** The condition's own code is coded too. */
  keep: boolean;
}

// Specific categories first (O10, O23, O24, O98.7, O99.21, O99.3-), then O98, O99 and O9A by the
// ranges their inclusion terms give ("Conditions in J00-J99"; O98.8- for other infections). Left out: what another Chapter 15
// category holds by its own rules (venous complications O22, embolism O88, hemorrhoids O22.4, liver
// and biliary disorders O26.6, genital tract infections O23.5), symptoms, and factors (Z).
const ROUTES: readonly Route[] = [
  // A history of a pregnancy's complication is, in a pregnancy, its supervision for that history
  // (Z87.51 Excludes1 "current pregnancy with history of pre-term labor (O09.21-)").
  { condition: /^Z8751$/, obstetric: 'O0921', keep: false },
  { condition: /^Z875/, obstetric: 'O0929', keep: false },
  // A group B streptococcus carrier in pregnancy (Index: Carrier > streptococci > group B > complicating pregnancy O99.82-).
  { condition: /^Z22330$/, obstetric: 'O99820', keep: false },
  { condition: /^E10/, obstetric: 'O2401', keep: true },
  { condition: /^E11/, obstetric: 'O2411', keep: true },
  { condition: /^E(08|09|13)/, obstetric: 'O2481', keep: true },
  { condition: /^I10/, obstetric: 'O1001', keep: false },
  { condition: /^I11/, obstetric: 'O1011', keep: true },
  { condition: /^I12/, obstetric: 'O1021', keep: true },
  { condition: /^I13/, obstetric: 'O1031', keep: true },
  { condition: /^I15/, obstetric: 'O1041', keep: true },
  { condition: /^N390/, obstetric: 'O234', keep: false },
  { condition: /^N30/, obstetric: 'O231', keep: false },
  { condition: /^N1[0-2]/, obstetric: 'O230', keep: false },
  { condition: /^N34/, obstetric: 'O232', keep: false },
  { condition: /^B20/, obstetric: 'O9871', keep: true },
  { condition: /^E66/, obstetric: 'O9921', keep: true },
  { condition: /^F10/, obstetric: 'O9931', keep: true },
  { condition: /^F1[1-689]/, obstetric: 'O9932', keep: true },
  { condition: /^F17/, obstetric: 'O9933', keep: true },
  { condition: /^A1[5-9]/, obstetric: 'O9801', keep: true },
  { condition: /^A5[0-3]/, obstetric: 'O9811', keep: true },
  { condition: /^A54/, obstetric: 'O9821', keep: true },
  { condition: /^(A5[5-9]|A6[0-4])/, obstetric: 'O9831', keep: true },
  { condition: /^B1[5-9]/, obstetric: 'O9841', keep: true },
  { condition: /^(A[89]\d|B0\d|B2[5-9]|B3[0-4])/, obstetric: 'O9851', keep: true },
  { condition: /^(B5\d|B6[0-4])/, obstetric: 'O9861', keep: true },
  { condition: /^(D5\d|D6[0-4])/, obstetric: 'O9901', keep: true },
  { condition: /^(D6[5-9]|D[78]\d)/, obstetric: 'O9911', keep: true },
  { condition: /^E/, obstetric: 'O9928', keep: true },
  { condition: /^(F0\d|F[2-4]\d|F5[0-24-9]|F[6-9]\d)/, obstetric: 'O9934', keep: true },
  { condition: /^G/, obstetric: 'O9935', keep: true },
  { condition: /^(I2[0-57-9]|I[3-79]\d|I0\d|I8[3-9])/, obstetric: 'O9941', keep: true },
  { condition: /^J/, obstetric: 'O9951', keep: true },
  { condition: /^(K[0-5]\d|K6[0-35-9]|K9[0-3])/, obstetric: 'O9961', keep: true },
  { condition: /^L/, obstetric: 'O9971', keep: true },
  { condition: /^(C[0-8]\d|C9[0-6])/, obstetric: 'O9A11', keep: true },
  { condition: /^(S|T(?!7[46]))/, obstetric: 'O9A21', keep: true },
  { condition: /^(A|B(?!9[5-7]))/, obstetric: 'O9881', keep: true },
  { condition: /^(D[0-3]\d|D4[0-8]|H|M|N(?![7]\d)|Q)/, obstetric: 'O9989', keep: true },
];

/** The code of `prefix` (a subcategory, or a code) for an unspecified trimester. */
function unspecifiedTrimester(table: CodeTable, prefix: string): string | undefined {
  const own = table.byCode.get(prefix);
  if (own?.billable) return prefix;
  for (const [code, rec] of table.byCode) if (code.startsWith(prefix) && rec.billable && /\bunspecified trimester\b/i.test(rec.long_desc)) return code;
  return undefined;
}

const cache = new WeakMap<CodeTable, Map<string, string | null>>();

/** The Chapter 15 code for `code` in a pregnancy (trimester unspecified), and whether `code` is coded beside it. */
export function inPregnancy(table: CodeTable, code: string): { code: string; keep: boolean } | undefined {
  if (/^[OPRVWXYU]/.test(code)) return undefined;
  const route = ROUTES.find((r) => r.condition.test(code));
  if (!route) return undefined;
  let byPrefix = cache.get(table);
  if (!byPrefix) cache.set(table, (byPrefix = new Map()));
  let target = byPrefix.get(route.obstetric);
  if (target === undefined) byPrefix.set(route.obstetric, (target = unspecifiedTrimester(table, route.obstetric) ?? null));
  return target ? { code: target, keep: route.keep } : undefined;
}
