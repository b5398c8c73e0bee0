// Wound notes write each pressure injury under its site's label ("R heel: purple, intact, boggy 3 x 2.5
// cm -- deep tissue pressure injury"): the label is the ulcer's site (L89.61-), not an unspecified one
// (L89.96), though the label stands too far from the ulcer's words for a reading to span them.
import type { Candidate } from './candidate';
import type { CodeTable } from './code-table';
import { lineAround } from './text';

/** A pressure ulcer of unspecified site, by stage: L89.90–L89.96. */
const UNSITED = /^L899([0-6])$/;
/** The site code's last character for each stage of L89.9x (unspecified 0 is "unspecified stage" 9, unstageable 5 is 0). */
const STAGE_CHARACTER: Readonly<Record<string, string>> = { '0': '9', '1': '1', '2': '2', '3': '3', '4': '4', '5': '0', '6': '6' };
/** The sides and sites a wound note names, as alternations and as capture groups. */
const SIDES = 'r|rt|right|l|lt|left';
const SITES_NAMED = 'heel|hip|buttock|ischium|ischial|sacrum|sacral|coccyx|coccygeal|ankle|elbow|occiput|occipital';
const SIDE_WORD = `(${SIDES})`;
const SITE_NAME = `(${SITES_NAMED})`;
/** A line's label naming a site: "R heel:", "- Sacrum:", "L hip:". */
const SITE_LABEL = new RegExp(String.raw`^[ \t]*(?:[-•*][ \t]*)?(?:${SIDE_WORD}\.?[ \t]+)?${SITE_NAME}[ \t]*:`, 'i');
/** Each site's subcategory, by side where it has one. */
const SITES: Readonly<Record<string, { right?: string; left?: string; unsided: string }>> = {
  heel: { right: 'L8961', left: 'L8962', unsided: 'L8960' },
  hip: { right: 'L8921', left: 'L8922', unsided: 'L8920' },
  buttock: { right: 'L8931', left: 'L8932', unsided: 'L8930' },
  ischium: { right: 'L8931', left: 'L8932', unsided: 'L8930' },
  sacrum: { unsided: 'L8915' },
  coccyx: { unsided: 'L8915' },
  ankle: { right: 'L8951', left: 'L8952', unsided: 'L8950' },
  elbow: { right: 'L8901', left: 'L8902', unsided: 'L8900' },
  occiput: { unsided: 'L8981' },
};
const SITE_WORD: Readonly<Record<string, string>> = { ischial: 'ischium', sacral: 'sacrum', coccygeal: 'coccyx', occipital: 'occiput' };

/** The subcategory of a site as the note words it, on the side it names if the site has sides. */
function siteCode(sideWord: string | undefined, siteWord: string): string {
  const site = SITES[SITE_WORD[siteWord.toLowerCase()] ?? siteWord.toLowerCase()]!;
  const side = sideWord ? (/^r/i.test(sideWord) ? 'right' : 'left') : undefined;
  return (side ? site[side] : undefined) ?? site.unsided;
}

function labelledSite(line: string): string | undefined {
  const m = SITE_LABEL.exec(line);
  return m ? siteCode(m[1], m[2]!) : undefined;
}

export function pressureUlcerSite(cands: Map<string, Candidate>, table: CodeTable, texts?: ReadonlyMap<string, string>): void {
  if (!texts) return;
  for (const c of [...cands.values()]) {
    const stage = UNSITED.exec(c.code)?.[1];
    if (stage === undefined) continue;
    const sites = new Set(
      c.mentions.map((m) => labelledSite(lineAround(texts, m))),
    );
    // Every reading under one site's label: the ulcer is that site's.
    if (sites.size !== 1 || sites.has(undefined)) continue;
    const code = `${[...sites][0]!}${STAGE_CHARACTER[stage]!}`;
    if (!table.byCode.get(code)?.billable || cands.has(code)) continue;
    cands.delete(c.code);
    cands.set(code, { ...c, code, rationale: `${c.rationale ?? c.code}; at the site its line's label names` });
  }
}

/** A chart about pressure injuries: its wound list may name a site and a stage alone. */
export const PRESSURE_CHART = /\bpressure (?:injur(?:y|ies)|ulcers?|sores?)\b|\bdecubitus\b/i;
const SIDED_SITE = String.raw`(?:(?<side>${SIDES})\.?\s+)?(?<site>${SITES_NAMED})`;
/** A stage as wound lists write it: "stage 3", "unstageable", "DTI" (a deep tissue injury's last character is 6, an unstageable one's 0; spelt out, the Index reads a deep tissue injury itself). */
const STAGE = String.raw`(?:stage\s*(?<stage>1|2|3|4|I{1,3}|IV)\b|(?<unstageable>unstageable)\b|(?<deep>DTPI|DTI)\b)`;
/** "Left heel - stage 3", "Sacral stage 3:", "R heel unstageable", "Stage 3 L heel:", within one line. */
const STAGED_SITE = [new RegExp(String.raw`\b${SIDED_SITE}\s*[-–:,]?\s*${STAGE}`, 'gi'), new RegExp(String.raw`\b${STAGE}\s+${SIDED_SITE}\b`, 'gi')];
/** A wound the line calls gone: "previously stage 2, now fully healed". */
const HEALED = /\b(?:healed|resolved|closed|epithelialized)\b/i;
const ROMAN: Readonly<Record<string, string>> = { i: '1', ii: '2', iii: '3', iv: '4' };

/**
 * A wound list's site and stage in a chart about pressure injuries ("#2 Left heel - stage 3.", "Stage 3
 * L heel: medihoney", "Sacral stage 3: alginate", "R heel unstageable: offload"): that site's pressure
 * ulcer of that stage (L89.623), which the line's words alone, naming no pressure, do not read.
 */
export function stagedSiteUlcers(sentence: string, table: CodeTable): Array<{ code: string; start: number; end: number }> {
  if (HEALED.test(sentence)) return [];
  const out: Array<{ code: string; start: number; end: number }> = [];
  for (const m of STAGED_SITE.flatMap((re) => [...sentence.matchAll(re)])) {
    const g = m.groups!;
    const stage = g.stage ? (ROMAN[g.stage.toLowerCase()] ?? g.stage) : g.unstageable ? '0' : '6';
    const code = `${siteCode(g.side, g.site!)}${stage}`;
    if (table.byCode.get(code)?.billable && !out.some((o) => o.code === code)) out.push({ code, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
