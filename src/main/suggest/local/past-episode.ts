// Episodes a note dates to the past. An exacerbation so dated is the chronic condition's history, not
// this visit's acute form: "COPD exacerbation last year" and "two asthma flares in the past year" are
// J44.9 and J45.909 unless an exacerbation is stated now. A story's sentence of what the patient had
// years ago ("Had pneumonia 3 years ago") is history altogether.
import type { Token } from './text';

/** The episode words an Index line's "with exacerbation" reads ("flare" is aliased to it). */
const EPISODE = 'exacerbation';
const NUMBER = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple of)`;
/** Months or years, as notes write them. */
const LONG_UNIT = String.raw`(?:months?|mos?|years?|yrs?)`;
/** A date after the episode, in its clause: months or years ago, last year, in March, in 2023. */
const PAST_AFTER = new RegExp(
  String.raw`^[^.;:,\n]{0,40}?\b(?:${NUMBER}\s+${LONG_UNIT}\s+ago|last\s+(?:year|month|winter|spring|summer|fall|autumn|january|february|march|april|june|july|august|september|october|november|december)|in\s+(?:january|february|march|april|june|july|august|september|october|november|december|(?:19|20)\d\d)|in\s+the\s+(?:past|last)\s+(?:\d+\s+)?(?:months?|years?))\b`,
  'i',
);
/** Words just before the episode that date it: "last exacerbation", "2 prior exacerbations". */
const PAST_BEFORE = new RegExp(String.raw`\b(?:last|prior|previous|past|${NUMBER})\s+(?:(?:copd|asthma|acute)\s+)?$`, 'i');

/** The chart's tokens without the episode words a date puts in the past. */
export function withoutPastEpisodes(text: string, tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.norm === EPISODE)) return tokens;
  return tokens.filter((t) => t.norm !== EPISODE || !(PAST_AFTER.test(text.slice(t.end, t.end + 80)) || PAST_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start))));
}

/** A story's sentence opening on what the patient had or went through: "Had …", "He did have …", "She was hospitalized …", "ED visit 02/2026 for chest pain". */
const PAST_EVENT = /^\s*(?:(?:she|he|they|patient|pt)\s+)?(?:had|did\s+have|was|were|underwent|passed)\b|^\s*(?:(?:an?|one|prior|previous|recent)\s+)?(?:ED|ER|emergency (?:department|room)|urgent care|hospital)\s+(?:visit|presentation|stay|admission)\b/i;
/** A date months or years back: "3 years ago", "in 2019", "last year", "as a child". */
const PAST_DATE = new RegExp(String.raw`\b(?:${NUMBER}\s+${LONG_UNIT}\s+ago|in\s+(?:19|20)\d\d|last\s+year|as\s+a\s+(?:child|teen|teenager)|(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d)\b`, 'i');
/** Words that carry the condition into the present: its diagnosis or onset then, what remains of it now. */
const STILL_NOW = /\b(?:diagnos\w*|dx|started|began|since|onset|ongoing|continu\w*|still|currently|current|now|residual|persistent|persists|chronic|today|recurr\w*|again|worse\w*|present\w*\s+with|here\s+for|on\s+(?:treatment|therapy))\b/i;

/** A carrying word the sentence denies: "it resolved and has not recurred", "No chest pain since", "none since". */
const DENIED_STILL = /\b(?:not|no|none|never|without)\s+(?:\w+\s+){0,2}(?:recurr\w*|worse\w*|again|since|current(?:ly)?)\b|\bnone since\b/gi;

/** Whether a story's sentence tells of an episode years back that it does not carry into the present. */
export function datedPastSentence(sentence: string): boolean {
  return PAST_EVENT.test(sentence) && PAST_DATE.test(sentence) && !STILL_NOW.test(sentence.replace(DENIED_STILL, ' '));
}

/** An earlier stay or a year before this one: "noted on prior admission", "during her 2024 hospitalization", "in 2023". */
const EARLIER_STAY = /\b(?:(?:prior|previous|last|earlier|recent)\s+(?:admission|admit|hospitali[sz]ation|hospital\s+stay|stay)|(?:19|20)\d\d\s+(?:admission|hospitali[sz]ation))\b/i;
const YEAR = /\b(?:in|since|from)\s+((?:19|20)\d\d)\b/gi;

/**
 * Whether a sentence dates its episode to before this stay. An inpatient's "Hyperkalemia, resolved" was
 * treated this stay and is coded; "Hyponatremia noted on prior admission in 2024 has resolved" ended before it.
 */
export function datedBeforeThisStay(sentence: string, dateOfService: string): boolean {
  if (EARLIER_STAY.test(sentence)) return true;
  const thisYear = Number(dateOfService.slice(0, 4));
  return [...sentence.matchAll(YEAR)].some((m) => Number(m[1]) < thisYear);
}

/**
 * A procedure or treatment done for the condition said next, with the year it was done if said before
 * the "for": "radioactive iodine for", "gastric bypass in 2015 for".
 */
const DONE_FOR = /\b(?:surgery|bypass|resection|repair|excision|ablation|iodine|rai|radiation|radiotherapy|chemotherapy|chemo|transplant|amputation|operation|procedure|[a-z]+(?:ectomy|otomy|ostomy|plasty|pexy))(?:\s+in\s+((?:19|20)\d\d))?\s+for\s+(?:his\s+|her\s+|the\s+)?$/i;
/**
 * An organ replaced or removed, dated, with its reason in brackets after it: "deceased-donor kidney transplant
 * 2023 (ESRD from reflux nephropathy)". What the new organ replaced is gone; what a repair treated may not be.
 */
const REPLACED_BECAUSE = /\b(?:transplant(?:ation)?|amputation|[a-z]+ectomy)(?:\s+(?:in\s+)?((?:19|20)\d\d))?\s*\([^()]*$/i;
/** The year said after the condition, in its clause: "… for Graves' disease in 2010". */
const YEAR_AFTER = /^[^.;:\n]{0,20}?\bin\s+((?:19|20)\d\d)\b/i;

/**
 * Whether the condition is the reason for a procedure done in an earlier year: "postablative hypothyroidism
 * after radioactive iodine for Graves' disease in 2010", "Roux-en-Y gastric bypass in 2015 for severe
 * obesity". The procedure treated it then; what remains now the note says apart (E89.0, Z98.84).
 */
export function reasonForPastProcedure(before: string, after: string, dateOfService: string): boolean {
  const done = DONE_FOR.exec(before.slice(-80)) ?? REPLACED_BECAUSE.exec(before.slice(-80));
  if (!done) return false;
  const year = done[1] ?? YEAR_AFTER.exec(after)?.[1];
  return year !== undefined && Number(year) < Number(dateOfService.slice(0, 4));
}

/** An operation named right after the condition: "cataract surgery", "hernia repair". */
const OPERATION_AFTER = /^\s*(?:surgery|repair|resection|excision|extraction|removal|operation)\b/i;
/** Words before it that put the operation in the past: "seroma after hernia repair", "s/p cataract surgery". */
const DONE_BEFORE = /\b(?:after|following|s\/p|status post|post|had|prior|previous|history of|hx of|h\/o)\b[^.;,\n]{0,30}$/i;
/** Words before it that put it ahead: "needs cataract surgery", "recommend hernia repair". */
const AHEAD_BEFORE = /\b(?:needs?|recommend\w*|plan\w*|schedul\w*|candidate|refer\w*|consider\w*|await\w*|for|discuss\w*|offered|pre-?op)\b[^.;,\n]{0,25}$/i;

/**
 * Whether the condition is named only as what an earlier operation treated: in "Postoperative seroma
 * after hernia repair" the hernia is gone, and "bilateral cataract surgery" in a past history leaves no
 * cataract to link with the diabetes (E11.36). A background section's operation is a past one.
 */
/** The operation dated to a past year right after it: "bilateral cataract surgery in 2024". */
const DATED_OPERATION = /^\s*(?:surgery|repair|resection|excision|extraction|removal|operation)\s+(?:in\s+|on\s+|\()?(?:\d{1,2}\/)?(?:19|20)\d\d\b/i;

export function operatedOnBefore(before: string, after: string, background: boolean): boolean {
  const tail = before.slice(-60);
  return OPERATION_AFTER.test(after) && (background || DONE_BEFORE.test(tail) || DATED_OPERATION.test(after)) && !AHEAD_BEFORE.test(tail);
}

/**
 * A myocardial infarction is acute for four weeks from its onset (I.C.9.e.1); dated further back it is old
 * (I25.2). A cerebral infarction's code is the acute episode's too: one dated years back is history
 * (Z86.73) or the sequelae the note names (I69.3-, I.C.9.d), not I63. So is a transient ischemic
 * attack's: "TIA 2019, no residual deficits" is Z86.73, not G45.9.
 */
const INFARCTION = /^(?:I(?:2[12]|63)|G45[89])/;
/** A date right after the infarction, in its clause: "NSTEMI 06/2024", "STEMI in 2019", "MI 3 years ago". */
const DATED_AFTER = new RegExp(String.raw`^[^.;\n]{0,12}?\b(?:(\d{1,2})\/(?:\d{1,2}\/)?((?:19|20)\d\d)|(?:in\s+)?((?:19|20)\d\d)\b|(${NUMBER})\s+(${LONG_UNIT}|weeks?|wks?)\s+ago)`, 'i');
/** Time counted from the infarction, said before it: "seen today about 7 weeks after his NSTEMI", "3 months post MI". */
const SINCE_BEFORE = new RegExp(String.raw`\b(${NUMBER})\s+(${LONG_UNIT}|weeks?|wks?)\s+(?:after|since|post|following|out from|s\/p)\s+(?:(?:his|her|their|the|an?|recent)\s+)?$`, 'i');
const WORD_NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: 3, few: 3, 'couple of': 2 };

/** Whether a time that long is past an infarction's four acute weeks: over four weeks, two months or more, any years. */
function pastFourWeeks(count: string, unit: string): boolean {
  const n = /^\d+$/.test(count) ? Number(count) : (WORD_NUMBERS[count.toLowerCase()] ?? 1);
  return /^y/i.test(unit) || (/^w/i.test(unit) ? n > 4 : n >= 2);
}

/** Whether an infarction's code is read where the note dates it over four weeks before the date of service. */
export function infarctionDatedOld(code: string, after: string, dateOfService: string, before = ''): boolean {
  if (!INFARCTION.test(code)) return false;
  const since = SINCE_BEFORE.exec(before);
  if (since) return pastFourWeeks(since[1]!, since[2]!);
  const m = DATED_AFTER.exec(after);
  const dos = new Date(dateOfService);
  if (!m || Number.isNaN(dos.getTime())) return false;
  if (m[4] !== undefined) return pastFourWeeks(m[4], m[5]!);
  // A year alone is read as its last month, so an infarction late that year is not made old too soon.
  const year = Number(m[2] ?? m[3]);
  const month = m[1] !== undefined ? Number(m[1]) : 12;
  return (dos.getUTCFullYear() - year) * 12 + (dos.getUTCMonth() + 1 - month) >= 2;
}
