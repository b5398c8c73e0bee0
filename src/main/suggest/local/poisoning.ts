// A drug or chemical taken wrongly — an overdose, a poisoning, a wrong ingestion — is coded from the
// Table of Drugs and Chemicals' poisoning columns, whose 5th or 6th character says the intent
// (guideline I.C.19.e.5.b): accidental, intentional self-harm, assault or undetermined. Where the
// note does not say, the intent is accidental; undetermined only where it says intent cannot be told.
import { drugsAfter, drugsAt, wordsOf, type DrugCodes, type Intent } from './drug-names';

export interface StatedPoisoning {
  codes: DrugCodes;
  /** The intent the sentence states, if it states one. */
  intent?: Intent;
  /** The drug's words. */
  start: number;
  end: number;
}

/** Words that say a drug was taken wrongly. A drug "toxicity" may be an adverse effect of a proper dose, so it is not one. */
const TAKEN_WRONGLY = /\b(?:overdos(?:e|es|ed|ing)|over-dose|poisoning|poisoned|ingestions?|ingested|took (?:a handful of|a bottle of|all (?:of )?(?:her|his|their)|too (?:much|many)|extra|excess(?:ive)?|double))\b/gi;
/** Drinking is no poisoning: "alcohol ingestion" is the drink, "alcohol poisoning" or "overdose" the poisoning. */
const DRINK = 'ethanol';
/** Words that may stand before the overdose among the drugs it names. */
const BEFORE_WORD = /^(?:and|or|\/|,|&|\+|intentional|unintentional|accidental|deliberate|massive|large|acute|chronic|mixed|polysubstance|suicidal|reported|apparent|recreational|iv|oral|home|her|his|an?|the)$/i;
/** A denial, a past, a relative's or a hypothetical overdose: not this visit's. */
const NOT_THIS = /\b(?:no|not|denies|denied|denying|without|negative for|r\/o|rule out|ruled out|history of|h\/o|hx of|prior|previous|past|remote|risk of|risk for|prevent\w*|avoid\w*|counsel\w*|educat\w*|in case of|if|naloxone|narcan)\b|\b(?:mother|father|brother|sister|son|daughter|wife|husband|partner|friend|cousin|uncle|aunt)(?:'s|\s+(?:died|passed|had))\b/i;
const NOT_THIS_AFTER = /^[^.;]{0,40}\b(?:ruled out|unlikely|denied|years ago|months ago|in (?:19|20)\d\d)\b/i;
/** A diagnosis only suspected: coded where uncertain diagnoses are (inpatient). */
const SUSPECTED = /\b(?:possible|possibly|probable|probably|likely|suspect(?:ed)?|concern (?:for|of)|concerning for|presumed|question of|vs\.?|versus)\b/i;

/** Intent denied ("denies suicidal intent", "not a suicide attempt"), which must not read as intent. */
const DENIED_INTENT = /\b(?:denies|denied|no|not|without)\b[^.;,]{0,25}?\b(?:suicid\w*|intent\w*|self[- ]harm\w*)/gi;
const INTENTS: ReadonlyArray<readonly [RegExp, Intent]> = [
  [/\b(?:undetermined|intent (?:is )?(?:unknown|unclear|undetermined|cannot be determined)|unclear (?:if|whether)|unknown (?:intent|whether))\b/i, 'undetermined'],
  [/\b(?:intentional(?:ly)?|suicid\w*|self[- ]harm\w*|deliberate(?:ly)?|on purpose|to (?:kill|end|harm) (?:her|him|them)sel(?:f|ves))\b/i, 'intentional'],
  [/\b(?:assault\w*|poisoned by (?:another|someone|a stranger)|drugged by)\b/i, 'assault'],
  [/\b(?:accidental(?:ly)?|unintentional(?:ly)?|inadvertent(?:ly)?|by mistake|mistakenly)\b/i, 'accidental'],
];
/** Words of a whole note that say an overdose was meant: a suicide attempt, not thoughts of one. */
const NOTE_INTENT = /\b(?:suicide attempt|attempted suicide|intentional (?:overdose|ingestion)|self[- ]harm|tried to (?:kill|end|harm))\b/i;

/** `text` with its denied intents blanked out, offsets kept. */
const withoutDeniedIntent = (text: string): string => text.replace(DENIED_INTENT, (m) => ' '.repeat(m.length));

/** The intent a passage states, if any. */
export function statedIntent(passage: string): Intent | undefined {
  const plain = withoutDeniedIntent(passage);
  return INTENTS.find(([re]) => re.test(plain))?.[1];
}

/** Where a note says an overdose was meant ("Suicide attempt"), as its offsets. */
export function intentStatement(note: string): { start: number; end: number } | undefined {
  const m = NOTE_INTENT.exec(withoutDeniedIntent(note));
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * The codes of a chart's poisonings, each with the intent its own sentences state; where they state
 * none, what another drug's sentence says or, with `meantInChart`, the chart's statement of a suicide
 * attempt ("Suicide attempt." in the assessment for the overdose the story tells); accidental where
 * nothing does (I.C.19.e.5.b). `byChart` is whether that statement gave the code its intent.
 */
export function poisoningCodes(found: readonly StatedPoisoning[], meantInChart: boolean): Array<{ code: string; byChart: boolean }> {
  const stated = new Map<DrugCodes, Intent>();
  for (const p of found) if (p.intent && !stated.has(p.codes)) stated.set(p.codes, p.intent);
  const others = new Set(stated.values());
  const byChart = others.size !== 1 && meantInChart;
  const fallback = others.size === 1 ? [...others][0]! : byChart ? 'intentional' : 'accidental';
  return found.map((p) => {
    const own = stated.get(p.codes);
    return { code: `${p.codes[own ?? fallback]}A`, byChart: !own && byChart };
  });
}

/**
 * The poisonings a sentence states, with the drug's span in the document: "intentional overdose of
 * acetaminophen and diphenhydramine", "heroin overdose", "ingestion of 20 tablets of her mother's
 * lorazepam". None denied, past, a relative's or hypothetical; one only suspected where uncertain
 * diagnoses are coded.
 */
export function statedPoisonings(text: string, start: number, end: number, table: ReadonlyMap<string, DrugCodes>, inpatient: boolean): StatedPoisoning[] {
  const sentence = text.slice(start, end);
  const out: StatedPoisoning[] = [];
  for (const m of sentence.matchAll(TAKEN_WRONGLY)) {
    const before = sentence.slice(0, m.index);
    if (NOT_THIS.test(before) || NOT_THIS_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    if (SUSPECTED.test(before) && !inpatient) continue;
    const intent = statedIntent(sentence);
    // The drugs after it: "overdose of/on/with X (and Y)", "took 30 tablets of X".
    const afterAt = m.index + m[0].length;
    const lead = /^\s*(?:(?:of|on|with|by)\b|\(|\d|a |an |her |his |their |approximately |about |several |multiple )/i.exec(sentence.slice(afterAt));
    // Read past a "with", which would otherwise end the list it opens ("overdose with fentanyl").
    const past = lead && /^\s*with$/i.test(lead[0]) ? lead[0].length : 0;
    const found = lead || /^took/i.test(m[0]) ? drugsAfter(sentence, afterAt + past, table) : [];
    // The drugs before it: "acetaminophen and diphenhydramine overdose", "intentional Tylenol overdose".
    const words = wordsOf(before.slice(-80));
    const offset = before.length - Math.min(80, before.length);
    for (let i = words.length - 1; i >= 0; ) {
      const two = i >= 1 ? drugsAt(words, i - 1, table) : undefined;
      const d = two?.size === 2 ? two : drugsAt(words, i, table);
      if (d) {
        const first = words[i - d.size + 1]!;
        found.push({ codes: d.codes, at: offset + first.at, length: d.length });
        i -= d.size;
      } else if (BEFORE_WORD.test(words[i]!.w)) i--;
      else break;
    }
    const drunk = /^ingest/i.test(m[0]) ? table.get(DRINK) : undefined;
    for (const f of found) {
      for (const codes of f.codes) {
        if (codes === drunk) continue;
        if (!out.some((o) => o.codes === codes && o.start === start + f.at)) out.push({ codes, ...(intent ? { intent } : {}), start: start + f.at, end: start + f.at + f.length });
      }
    }
  }
  return withoutNamedClass(text, out);
}

/** A drug class a note writes before the drug it names: "opioid overdose with fentanyl". */
const CLASS_NAME = /^(?:opioids?|opiates?|narcotics?|benzodiazepines?|benzos?|antidepressants?)$/i;

/** The category of a poisoning code (T40 for opioids and narcotics, T42, T43). */
const categoryOf = (p: StatedPoisoning): string => p.codes.accidental.slice(0, 3);

/** A class poisoning beside a drug of its own category is that drug: "opioid overdose with fentanyl" is fentanyl's (T40.41-), not also "Opioid NEC". */
function withoutNamedClass(text: string, found: StatedPoisoning[]): StatedPoisoning[] {
  const isClass = (p: StatedPoisoning): boolean => CLASS_NAME.test(text.slice(p.start, p.end));
  return found.filter((p) => !isClass(p) || !found.some((o) => !isClass(o) && categoryOf(o) === categoryOf(p)));
}
