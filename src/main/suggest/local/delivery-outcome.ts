// A delivery's outcome goes on the mother's record of the stay she delivered in (Z37.-, guideline
// I.C.15.b.5): "NSVD of liveborn female, 3240 g, Apgars 8/9" is a single live birth (Z37.0). Read only
// where the note gives one live infant; twins, a stillbirth or a loss are left to the coder.
import type { CodeTable } from './code-table';

const SINGLE_LIVE_BIRTH = 'Z370';
/** The infant born alive: "liveborn female", "live-born male infant", "viable male infant", "Apgars 8/9". */
const LIVE_INFANT = /\blive[- ]?born\b|\bviable (?:male|female|infant|baby)\b|\bApgars?\b(?:\s+(?:scores?\s+)?(?:of\s+)?)?\s*\d/i;
/** More than one infant, or one not born alive: the outcome is the coder's to read. */
const NOT_SINGLE_LIVE = /\b(?:twins?|triplets?|baby [AB]\b|di-?di|mo-?di|mo-?mo|stillb(?:irth|orn)|IUFD|fetal demise|neonatal death|expired)\b/i;

export interface DeliveryOutcome {
  code: string;
  documentId: string;
  start: number;
  end: number;
}

/** The single live birth a delivery stay's notes give, with the words that say it. */
export function deliveryOutcome(table: CodeTable, texts: ReadonlyMap<string, string>): DeliveryOutcome | undefined {
  if (!table.byCode.get(SINGLE_LIVE_BIRTH)?.billable) return undefined;
  if ([...texts.values()].some((t) => NOT_SINGLE_LIVE.test(t))) return undefined;
  for (const [documentId, text] of texts) {
    const said = LIVE_INFANT.exec(text);
    if (said) return { code: SINGLE_LIVE_BIRTH, documentId, start: said.index, end: said.index + said[0].length };
  }
  return undefined;
}
