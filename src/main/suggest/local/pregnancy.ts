// A pregnancy's weeks of gestation: they say the trimester an obstetric code's last character names
// (guideline I.C.15.a.3: first trimester before 14 weeks 0 days, second to before 28 weeks, third
// after) and they are coded themselves on the maternal record (Z3A, I.C.15.b.4).
import type { CodeTable } from './code-table';
import { lineOf } from './text';

export interface Gestation {
  weeks: number;
  /** Offsets of the words that say it ("24 weeks"). */
  start: number;
  end: number;
}

export type Trimester = 'first' | 'second' | 'third';

/** Words that put a number of weeks in a pregnancy. */
const PREGNANCY = /\b(pregnan\w*|gestation\w*|gestational|IUP|labor|L&D|N?R?OB|E?GA|intrauterine pregnancy|G\d+\s*P\d+|gravid\w*|trimester|EDD|LMP|prenatal|antepartum|obstetric\w*)\b/i;
/**
 * Weeks as notes write them: "24 weeks", "24 4/7 weeks", "24 and 4/7 wks", "35+2 weeks", "32.5 wks",
 * "35w2d". Never from inside another number ("4/7", "+2", ".5"), nor the "w/" of "with" ("G3P3 w/ 3 yrs of leakage").
 */
const WEEKS = /(?<![\d/.+])(\d{1,2})(?:\.\d)?(?:\s*\+\s*\d|\s+(?:and\s+)?\d\s*\/\s*7)?\s*(?:-\s*)?(?:weeks?\b|wks?\b|w(?=\d|\b)(?!\/))/gi;
/** A dating scan's age ("by LMP c/w 10 wk US"), not the pregnancy's today. */
const DATING_BEFORE = /\b(c\/w|by|consistent with|dated by)\s*$/i;
const DATING_AFTER = /^\s*(US|u\/s|ultrasound|sono(gram)?|scan)\b/i;
const SAID_TRIMESTER = /\b(first|1st|second|2nd|third|3rd)\s+trimester\b/i;

/** A menopause said beside the obstetric history. */
const MENOPAUSE = /\b(menopaus\w*|postmenopausal)\b/i;

/** The weeks of gestation the note states in a sentence about the pregnancy, the first such; undefined when none. */
export function gestationWeeks(text: string, sentences: ReadonlyArray<{ start: number; end: number }>): Gestation | undefined {
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    // A G/P formula tells an obstetric history; with a menopause it is no pregnancy now.
    if (!PREGNANCY.test(sentence) || MENOPAUSE.test(sentence)) continue;
    for (const m of sentence.matchAll(WEEKS)) {
      const weeks = Number(m[1]);
      // "2 weeks ago", "for 3 weeks": a duration, not the pregnancy's age.
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const before = sentence.slice(Math.max(0, m.index - 6), m.index);
      // "6 weeks s/p vaginal delivery", "6 weeks since delivery": time since the birth.
      if (/^\s*(ago|later|prior|before|after|post|s\/p|status post|since|out from|pp\b)/i.test(after) || /\b(for|x|in|past|last|over|every|within)\s*$/i.test(before)) continue;
      if (DATING_AFTER.test(after) || DATING_BEFORE.test(sentence.slice(Math.max(0, m.index - 16), m.index))) continue;
      if (weeks >= 1 && weeks <= 45) return { weeks, start: s.start + m.index, end: s.start + m.index + m[0].length };
    }
  }
  return undefined;
}

/**
 * The trimester the weeks of gestation fall in, else the one the note names. The weeks come first: a
 * note at 32 weeks may still mention its "first trimester screen".
 */
export function trimesterOf(text: string, gestation: Gestation | undefined): Trimester | undefined {
  if (gestation) return gestation.weeks < 14 ? 'first' : gestation.weeks < 28 ? 'second' : 'third';
  const said = SAID_TRIMESTER.exec(text)?.[1]?.toLowerCase();
  if (!said) return undefined;
  return said.startsWith('f') || said === '1st' ? 'first' : said.startsWith('s') || said === '2nd' ? 'second' : 'third';
}

/**
 * The sibling of `code`, its category's "unspecified trimester" one, whose title says instead what
 * `said` makes of the words `unsaid` matches (a trimester, the puerperium); `code` itself where there is none.
 */
function unspecifiedTrimesterAs(table: CodeTable, code: string, unsaid: RegExp, said: string): string {
  const rec = table.byCode.get(code);
  if (!rec?.parent || !/\bunspecified trimester\b/i.test(rec.long_desc)) return code;
  const want = rec.long_desc.replace(unsaid, said).toLowerCase();
  const named = (kids: ReadonlyArray<{ code: string; billable: number; long_desc: string }>): string | undefined => kids.find((k) => k.billable && k.long_desc.toLowerCase() === want)?.code;
  // A seventh character (the fetus) sits under the trimester's own subcategory: O36.8190's third-trimester
  // twin is O36.8130, a child of O36.813, not of O36.819.
  const cousins = (): string | undefined => {
    const up = table.byCode.get(rec.parent!)?.parent;
    return up ? named((table.kids.get(up) ?? []).flatMap((k) => table.kids.get(k.code) ?? [])) : undefined;
  };
  return named(table.kids.get(rec.parent) ?? []) ?? (code.length === 7 ? cousins() : undefined) ?? code;
}

/** The code for the trimester where `code` is its category's "unspecified trimester" one; else `code`. */
export function withTrimester(table: CodeTable, code: string, trimester: Trimester | undefined): string {
  return trimester ? unspecifiedTrimesterAs(table, code, /\bunspecified trimester\b/i, `${trimester} trimester`) : code;
}

/** Words that say the birth has happened: "6 weeks postpartum", "delivered at 39w2d", "PPD #2". */
const AFTER_DELIVERY = /\b(post-?partum|puerper\w*|delivered|live-?born|(?:PPD|POD)\s*#?\s*\d)/gi;
/** A line that plans for after the birth to come: "Postpartum: 75 g OGTT at 4-12 weeks after delivery", "plans postpartum IUD". */
const PLANS_FOR_AFTER_BIRTH = /\b(plan\w*|will|after delivery|at delivery|desires|wants|would like|consider\w*|discuss\w*|counsel\w*|OGTT|GTT|screen\w*|contracepti\w*|IUD|LARC|tubal|prior to delivery|before delivery|if)\b/i;

/**
 * Whether a note says she has delivered. A prenatal visit's plan for the weeks after the birth to come
 * ("Postpartum: 75 g OGTT at 4-12 weeks after delivery", "desires postpartum IUD") says no such thing,
 * and its weeks of gestation still date the pregnancy.
 */
export function hasDelivered(text: string): boolean {
  for (const m of text.matchAll(AFTER_DELIVERY)) {
    if (!/^post/i.test(m[0]) || !PLANS_FOR_AFTER_BIRTH.test(lineOf(text, m.index, m.index))) return true;
  }
  return false;
}

/** Words that place a condition after the birth: "postpartum preeclampsia", "puerperal fever", "PPD 3". */
export const AFTER_BIRTH = /\b(postpartum|post-partum|puerper\w*|postnatal|after (?:her |the )?delivery|PPD\s*#?\s*\d+|postpartum day)\b/i;

/** The code "complicating the puerperium" where `code` is its category's "unspecified trimester" one; else `code`. */
export function withPuerperium(table: CodeTable, code: string): string {
  return unspecifiedTrimesterAs(table, code, /,?\s*unspecified trimester\b/i, ', complicating the puerperium');
}

/**
 * The code "complicating childbirth" (or "in childbirth") where `code` is its category's "unspecified
 * trimester" one; else `code`. A delivery during the stay takes the childbirth code wherever there is one
 * (guideline I.C.15.a.3): "preeclampsia without severe features … SVD" is O14.04, not O14.03.
 */
export function withChildbirth(table: CodeTable, code: string): string {
  for (const said of [', complicating childbirth', ' complicating childbirth', ', in childbirth', ' in childbirth']) {
    const named = unspecifiedTrimesterAs(table, code, /,?\s*unspecified trimester\b/i, said);
    if (named !== code) return named;
  }
  // A category that splits by when it is coded rather than by trimester: "Gestational diabetes mellitus in
  // pregnancy, insulin controlled" (O24.414) is, at the delivery, "… in childbirth, insulin controlled" (O24.424);
  // "Streptococcus B carrier state complicating pregnancy" (O99.820) "… complicating childbirth" (O99.824).
  const title = table.byCode.get(code)?.long_desc ?? '';
  if (IN_PREGNANCY.test(title)) {
    // A trimester's code too: "Anemia complicating pregnancy, third trimester" (O99.013) is "Anemia complicating childbirth" (O99.02).
    const inChildbirth = title.replace(IN_PREGNANCY, '$1 childbirth');
    const untimed = inChildbirth.replace(/,\s*(?:first|second|third|unspecified) trimester$/i, '');
    const sibling = table.billableIn(code.slice(0, 3)).find((rec) => rec.long_desc === inChildbirth) ?? table.billableIn(code.slice(0, 3)).find((rec) => rec.long_desc === untimed);
    if (sibling) return sibling.code;
  }
  return code;
}

const IN_PREGNANCY = /\b(in|complicating) pregnancy\b/;

/** Z3A.- for the weeks: Z3A.01 before 8 weeks, Z3A.08–Z3A.42, Z3A.49 after 42. */
export function weeksCode(table: CodeTable, weeks: number): string | undefined {
  const code = weeks < 8 ? 'Z3A01' : weeks > 42 ? 'Z3A49' : `Z3A${String(weeks).padStart(2, '0')}`;
  return table.byCode.get(code)?.billable ? code : undefined;
}
