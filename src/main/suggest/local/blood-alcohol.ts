// A blood alcohol level measured beside an injury or an alcohol disorder is coded as the evidence of
// alcohol involvement (Y90.-, by its range in mg/100 ml; "code first any associated alcohol related
// disorders"). Read from the result the chart states ("blood alcohol 215 mg/dL", "BAC 0.19%"), never from
// a level it only orders or one under 20 mg/100 ml ("serum ethanol undetectable": no involvement shown).

export interface BloodAlcohol {
  code: string;
  start: number;
  end: number;
}

const LEVEL =
  /\b(?:blood alcohol|serum (?:alcohol|ethanol|etoh)|(?:blood |serum )?(?:ethanol|etoh|alcohol) (?:level|concentration)|BAL|BAC)\b(?:\s+(?:level|concentration|content))?\s*(?:of|was|is|=|:|at)?\s*(\d{1,3}(?:\.\d+)?)\s*(mg\/dl|mg\s*%|mg\/100\s*ml|g\/dl|%)?/gi;

/** The Y90 ranges, their lower bounds in mg/100 ml. */
const RANGES: ReadonlyArray<[number, string]> = [
  [240, 'Y908'], [200, 'Y907'], [120, 'Y906'], [100, 'Y905'], [80, 'Y904'], [60, 'Y903'], [40, 'Y902'], [20, 'Y901'],
];

/** The blood alcohol level a chart states, as its Y90 code; undefined when none is stated or it is under 20 mg/100 ml. */
export function bloodAlcohol(text: string): BloodAlcohol | undefined {
  for (const m of text.matchAll(LEVEL)) {
    const value = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    // A percentage or grams per decilitre is a concentration by weight: 0.08 % is 80 mg/100 ml. A whole
    // percentage is no blood alcohol at all ("BAL 45% neutrophils" is a bronchoalveolar lavage).
    const fraction = unit === '%' || unit === 'g/dl';
    if (fraction && value >= 1) continue;
    const mg = fraction || (!unit && value < 1) ? value * 1000 : value;
    const code = RANGES.find(([low]) => mg >= low)?.[1];
    if (code) return { code, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
