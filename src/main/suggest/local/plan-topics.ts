import type { SectionKind } from './text';

/** A line's label: "Nutrition: …", "- R heel: offload …", "2) DM: cont metformin". */
const TOPIC_LABEL = /^[ \t]*(?:[-•*][ \t]*|\d{1,2}[.)][ \t]*|#[ \t]*)?([A-Za-z][A-Za-z /&]{0,30}?)[ \t]*:/;
/** Where a problem may be written as a labelled paragraph: the unheaded body and the story. */
const TOPIC_SECTIONS: ReadonlySet<SectionKind> = new Set(['other', 'subjective']);

function labelOfLine(text: string, at: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const m = TOPIC_LABEL.exec(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
  return m ? m[1]!.trim().toLowerCase().replace(/\s+/g, ' ') : undefined;
}

/**
 * A problem written as a labelled paragraph before the plan ("Nutrition: … I agree: moderate
 * protein-calorie malnutrition.") is assessed where the plan takes it up by the same label ("- Nutrition:
 * add protein supplement BID"). Wound-round, SNF and hospice notes write their problems so, by site or by
 * system, with a plan and no assessment heading. `isHeading` keeps a section's own heading ("Labs:") out.
 */
export function assessTopicsThePlanTakesUp(text: string, sentences: Array<{ start: number; section: SectionKind }>, isHeading: (label: string) => boolean): void {
  const planned = new Set<string>();
  for (const s of sentences) {
    if (s.section !== 'assessment') continue;
    const label = labelOfLine(text, s.start);
    if (label && !isHeading(label)) planned.add(label);
  }
  if (planned.size === 0) return;
  for (const s of sentences) {
    if (!TOPIC_SECTIONS.has(s.section)) continue;
    const label = labelOfLine(text, s.start);
    if (label && planned.has(label)) s.section = 'assessment';
  }
}
