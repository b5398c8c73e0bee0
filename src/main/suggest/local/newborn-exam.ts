// A newborn's health examination is coded by the baby's age in days: under 8 days Z00.110, 8 to 28
// days Z00.111. The Index sends a "newborn weight check" to Z00.111 whatever the age; the note's
// "4-day-old" or "DOL 4" decides.

const UNDER_8_DAYS = 'Z00110';
const FROM_8_DAYS = 'Z00111';
/** The age a note gives in days: "4-day-old", "4 days old", "DOL 4", "age 10 days". */
const AGE_IN_DAYS = /\b(\d{1,2})[- ]days?[- ]old\b|\bDOL\s*#?\s*(\d{1,2})\b|\bage:?\s*(\d{1,2})\s*days?\b/i;

/** The newborn examination code for the age in days the note states; `code` itself otherwise. */
export function newbornExamByAge(code: string, text: string): string {
  if (code !== UNDER_8_DAYS && code !== FROM_8_DAYS) return code;
  const m = AGE_IN_DAYS.exec(text);
  if (!m) return code;
  const days = Number(m[1] ?? m[2] ?? m[3]);
  return days < 8 ? UNDER_8_DAYS : days <= 28 ? FROM_8_DAYS : code;
}
