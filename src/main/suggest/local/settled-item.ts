// A problem's item whose own sentences rule out what its label names. Hospital courses write
// "- PNA: considered on adm given effusions; afebrile, no infiltrate. Ruled out, no abx.": the verdict
// opens its own sentence with nothing after it to rule out, so it speaks of the item's label. Sentences
// are read one at a time, so this is found on the line.

/** An item's line: its label (up to six words) before a colon, and what the item says. */
const ITEM = /^[ \t\d.)*•#-]*([A-Za-z][A-Za-z0-9'’/ -]{0,60}?)[ \t]*:[ \t]*([^\n]+)$/gm;
const LABEL_WORDS = 6;
/** Words that put the label in doubt before the verdict; a diagnosis the note made is never struck. */
const DOUBT = /\b(?:considered|suspected|possible|possibly|questioned|entertained|concern(?:ed)?\s+for|question\s+of|r\/o|rule\s+out)\b/i;
/** The verdict as its own sentence, closing or followed only by how it was shown. */
const VERDICT = /(?:^|[.;]\s+)(?:was\s+|were\s+)?(?:ruled\s+out|excluded)(?=\s*(?:[,.;(]|$|\b(?:by|with|on|clinically)\b))/i;

/** The spans of item labels the item's own verdict rules out. */
export function ruledOutLabels(text: string): Array<{ start: number; end: number }> {
  if (!/ruled\s+out|excluded/i.test(text)) return [];
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(ITEM)) {
    const label = m[1]!;
    const rest = m[2]!;
    if (label.trim().split(/\s+/).length > LABEL_WORDS) continue;
    const verdict = VERDICT.exec(rest);
    // The verdict follows the doubt, and is not the item's first words ("Sepsis: ruled out" is read already).
    if (!verdict || verdict.index === 0 || !DOUBT.test(rest.slice(0, verdict.index))) continue;
    const start = m.index + m[0].indexOf(label);
    out.push({ start, end: start + label.length });
  }
  return out;
}
