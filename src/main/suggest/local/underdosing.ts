// Taking less of a drug than prescribed, or stopping it on one's own, is underdosing (guideline
// I.C.19.e.5.c): the Table of Drugs' underdosing code (T36–T50 with 6), with the noncompliance code
// that says why (Z91.12-, Z91.13-, Z91.14-). The condition that got worse is coded as it is read.
import { drugBefore, drugsAfter, type DrugCodes } from './drug-names';

export interface StatedUnderdosing {
  /** The drug's underdosing code, 7th character A. */
  code: string;
  /** The patient's noncompliance code for the reason the note gives. */
  noncompliance: string;
  /** The drug's words. */
  start: number;
  end: number;
}

/** What a patient does to take less of a drug, the drug named after it. */
const TOOK_LESS = new RegExp(
  [
    String.raw`(?:ran|run|running|been) out of`,
    String.raw`(?:stopped|quit) taking`,
    String.raw`(?<!\b(?:we|i|provider|team|dr\.?|md)\s+(?:have\s+|had\s+)?)(?:stopped|quit|discontinued) (?:his|her|their)`,
    // The patient as the one who stopped: "he stopped both diabetes pills", "pt stopped metformin".
    String.raw`\b(?:he|she|they|pt|patient) (?:states (?:he|she|they) )?(?:stopped|quit)(?: (?:both|all|the|taking))?`,
    String.raw`off (?:of )?(?:his|her|their)`,
    String.raw`underdos(?:ing|ed) (?:of|on|with)`,
    String.raw`self[- ]discontinued`,
    // The patient's own stop of a drug named before it: "Was on allopurinol 200 mg daily, but stopped it on his own".
    String.raw`(?:stopped|quit|discontinued) (?:it|them|taking (?:it|them)) (?:on (?:his|her|their) own|himself|herself|themselves)`,
    // A stop the sentence makes the cause of today's problem: "thyroid storm precipitated by stopping methimazole".
    String.raw`(?:precipitated|triggered|brought on|caused) by (?:(?:self[- ])?(?:stopping|discontinuing|skipping|missing)|(?:self[- ])?discontinuation of)`,
    String.raw`(?:not|n't|never) (?:been )?(?:taking|taken|filled|refilled|picked up)`,
    String.raw`(?:missed|missing|skipped|skipping|forgot(?:ten)? to take) (?:(?:several|multiple|many|some|a few|two|three|\d+|his|her|their) )?(?:doses? (?:of )?)?`,
    String.raw`non-?complian(?:t|ce) with`,
    String.raw`non-?adheren(?:t|ce) (?:to|with)`,
    String.raw`(?:poor|not) (?:adherence|compliance|adherent|compliant) (?:to|with)`,
    String.raw`rationing`,
    String.raw`(?:stretching|stretched) (?:out )?(?:his|her|their)?`,
  ].join('|'),
  'gi',
);
/** The provider's own doing: a drug held or stopped as directed is no underdosing. */
const AS_DIRECTED = /\b(?:per|by) (?:dr\b|doctor|cardiolog\w*|nephrolog\w*|oncolog\w*|(?:his|her|their|the) (?:doctor|provider|pcp|physician|team|cardiologist)|provider|pcp|physician|us)\b|\b(?:was|were) (?:told|instructed|advised)\b|\bas (?:directed|instructed)\b|\b(?:held|holding|hold)\b|\b(?:we|i) (?:started|switched)\b/i;
/** A denial or a past that is not this visit's: "denies missed doses", "stopped taking it 3 years ago". */
const NOT_THIS = /\b(?:no|denies|denied|never missed|without|if|in case)\b[^.;]{0,20}$/i;
const LONG_AGO = /^[^.;]{0,60}\b(?:years? ago|in (?:19|20)\d\d)\b/i;
/** Taken again since, the gap over: "missed ~2 wks of semaglutide d/t backorder, restarted 3 wks ago". */
const RESUMED_AFTER = /^[^.;]{0,80}\b(?:restarted|resumed|back on (?:it|them|the)|since restarted|has restarted|now taking (?:it|them) again)\b/i;
/** A stop said of "it": the drug is the one the sentence named before, over its commas. */
const PRONOUN_STOP = /^(?:stopped|quit|discontinued) (?:taking )?(?:it|them)\b/i;
/** Words that name the missing doses themselves, which may follow the drug: "tacrolimus from missed doses" (not "lispro … then skipped dinner"). */
const MISSED_NOUN = /^(?:missed|missing|skipped|skipping)\s+(?:(?:several|multiple|many|some|a few|two|three|\d+)\s+)?doses?\b|^non-?(?:complian|adheren)|^(?:poor|not) (?:adherence|compliance)|^underdos/i;
const HEDGED = /\b(?:possibly|possible|may|might|questionable|unclear (?:if|whether))\b/i;

/** The reason the note gives, as the noncompliance code's 5th and 6th characters. */
const REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:afford\w*|cost\w*|expensive|financial\w*|money|copay\w*|insurance)\b/i, 'Z91120'],
  [/\b(?:forg[eo]t\w*|forgetful\w*|confus\w*|misunderst\w*|mix(?:ed)?[- ]up|by mistake)\b/i, 'Z91138'],
  [/\b(?:on (?:his|her|their) own|self[- ]discontinued|chose|decided|did ?n[o']t want|refus\w*|side[- ]effects?|felt (?:better|fine|well)|worried|concerned about|stopped taking|quit taking|intentional\w*|(?:stopped|quit|discontinued) (?:his|her|their))\b/i, 'Z91128'],
];
/** Whether the sentence gives this reason, not denies it: "Not a cost or access issue" is no financial hardship. */
function givenReason(sentence: string, reason: RegExp): boolean {
  const m = reason.exec(sentence);
  // "Could not afford" gives the reason; "not a cost issue" denies it.
  return m !== null && !/(?<!\b(?:could|can|did|does|was|is)\s)\b(?:not|no|denies|denied|without)\b(?:\s+\w+){0,2}\s*$/i.test(sentence.slice(0, m.index));
}
/** "Not taking", "never filled": a statement that needs the drug to be the patient's own, or a reason, to be underdosing. */
const NOT_TAKING_ONLY = /^(?:not|n't|never) /i;
/** The patient's own drug: "not taking his lisinopril", "not taking the prescribed metformin", "… as prescribed". */
const OWN_DRUG = /^\s*(?:(?:his|her|their|the|any of (?:his|her|their))\b|[^.;]{0,60}\b(?:as prescribed|as directed|prescribed)\b)/i;
/** Where the note gives none: the Index's "Noncompliance > with > medication regimen NEC > underdosing". */
const NO_REASON = 'Z91148';

/**
 * A drug the chart blames for a condition ("Acute kidney injury … due to NSAID (ibuprofen)",
 * "ibuprofen-induced AKI"): stopping it treats its adverse effect, and is no underdosing ("He stopped
 * ibuprofen that day").
 */
function blamedInChart(text: string, drug: string): boolean {
  const name = drug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(?:due to|caused by|secondary to|induced by|attributed to|attributable to|2/2)\\s+(?:[\\w-]+\\s+){0,2}\\(?${name}\\b|\\b${name}[- ](?:induced|related|associated)\\b`, 'i').test(text);
}

/** Substances a patient takes of their own accord, not prescribed: "stopped daily caffeine" is no underdosing. */
const NOT_PRESCRIBED = /^(?:caffeine|coffee|alcohol|ethanol|beer|wine|liquor|tobacco|cigarettes?|cannabis|marijuana|energy drinks?)$/i;

/** The underdosings a sentence states ("ran out of lisinopril 2 weeks ago", "stopped taking metformin due to GI upset"). */
export function statedUnderdosings(text: string, start: number, end: number, table: ReadonlyMap<string, DrugCodes>): StatedUnderdosing[] {
  const sentence = text.slice(start, end);
  if (AS_DIRECTED.test(sentence) || HEDGED.test(sentence)) return [];
  const out: StatedUnderdosing[] = [];
  for (const m of sentence.matchAll(TOOK_LESS)) {
    const after = m.index + m[0].length;
    if (NOT_THIS.test(sentence.slice(0, m.index)) || LONG_AGO.test(sentence.slice(after)) || RESUMED_AFTER.test(sentence.slice(after))) continue;
    const noncompliance = REASONS.find(([re]) => givenReason(sentence, re))?.[1] ?? NO_REASON;
    // "Not taking vitamin C, iron or multivitamin" with no reason and no drug of the patient's own is a
    // list of what is not taken (often on advice), no prescribed drug taken less.
    if (NOT_TAKING_ONLY.test(m[0]) && noncompliance === NO_REASON && !OWN_DRUG.test(sentence.slice(after))) continue;
    // The drug before the words when none follows them: "subtherapeutic tacrolimus from missed doses (cost)".
    const named = drugsAfter(sentence, after, table);
    const pronoun = named.length === 0 && PRONOUN_STOP.test(m[0]);
    const before = named.length === 0 && (pronoun || MISSED_NOUN.test(sentence.slice(m.index, after + 12))) ? drugBefore(sentence, m.index, table, pronoun) : undefined;
    for (const d of before ? [before] : named) {
      const drug = sentence.slice(d.at, d.at + d.length);
      if (NOT_PRESCRIBED.test(drug) || blamedInChart(text, drug)) continue;
      for (const codes of d.codes) {
        if (!codes.underdosing) continue;
        const code = `${codes.underdosing}A`;
        if (!out.some((o) => o.code === code)) out.push({ code, noncompliance, start: start + d.at, end: start + d.at + d.length });
      }
    }
  }
  return out;
}
