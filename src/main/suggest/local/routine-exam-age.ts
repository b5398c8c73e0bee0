// A routine health examination is coded by the patient's age: a newborn's by its age in days (under 8
// days Z00.110, 8 to 28 days Z00.111), a child's over 28 days Z00.12- and an adult's Z00.0-. Notes name
// the visit without its age group ("9 MONTH WELL VISIT", "WCC" for a two-week-old, "annual physical" at
// 16), and the Index sends a "newborn weight check" to Z00.111 whatever the age; the patient's age and
// the note's "4-day-old", "DOL 4" or "2 wk newborn" decide.

const NEWBORN_UNDER_8_DAYS = 'Z00110';
const NEWBORN_FROM_8_DAYS = 'Z00111';
const CHILD = { with: 'Z00121', without: 'Z00129' } as const;
const ADULT = { with: 'Z0001', without: 'Z0000' } as const;
const FINDINGS: ReadonlyMap<string, 'with' | 'without'> = new Map([['Z00121', 'with'], ['Z00129', 'without'], ['Z0001', 'with'], ['Z0000', 'without']]);
/** The age a note gives in days: "4-day-old", "4 days old", "DOL 4", "age 10 days". */
const AGE_IN_DAYS = /\b(\d{1,2})[- ]days?[- ]old\b|\bDOL\s*#?\s*(\d{1,2})\b|\bage:?\s*(\d{1,2})\s*days?\b/i;
/**
 * The age a note gives in weeks, said of the baby or the visit: "2-week-old", "2 wk newborn f/u",
 * "Newborn 2 wk check". Not a gestation ("39+4 wk") nor a follow-up interval ("recheck 1 wk").
 */
const AGE_IN_WEEKS = /(?<![+\d.])\b([1-4])[- ]?(?:wks?|weeks?)[- ](?:old|newborn|check|visit|well|wcc|weight check|wt check)\b/i;
const ADULT_FROM_YEARS = 18;

function ageInDays(text: string): number | undefined {
  const d = AGE_IN_DAYS.exec(text);
  if (d) return Number(d[1] ?? d[2] ?? d[3]);
  const w = AGE_IN_WEEKS.exec(text);
  return w ? Number(w[1]) * 7 : undefined;
}

/** The routine examination code for the patient's age (in years, when known) and the age in days the note states; `code` itself for any other code. */
export function examinationForAge(code: string, age: number | null, text: string): string {
  const newborn = code === NEWBORN_UNDER_8_DAYS || code === NEWBORN_FROM_8_DAYS;
  const findings = FINDINGS.get(code);
  if (!newborn && !findings) return code;
  const days = age === null || age === 0 ? ageInDays(text) : undefined;
  if (days !== undefined && days <= 28) return days < 8 ? NEWBORN_UNDER_8_DAYS : NEWBORN_FROM_8_DAYS;
  if (!findings || age === null) return code;
  return (age >= ADULT_FROM_YEARS ? ADULT : CHILD)[findings];
}
