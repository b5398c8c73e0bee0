// "Penicillin allergy", "allergic to sulfa", "allergy to codeine": a patient's allergy to a drug is
// their allergy status (Z88.-, "Allergy status to drugs, medicaments and biological substances"), not
// an allergic reaction happening now (T78.40, an injury code needing an encounter). The Index gives
// the status under "History > personal > allergy" for a few substances (penicillin, sulfonamides,
// latex, foods); any other drug takes the status of its class, read from the Table of Drugs and
// Chemicals: the category of its adverse-effect code (T36.0 penicillins → Z88.0).
import type Database from 'better-sqlite3';
import type { Dictionary } from './dictionary';
import type { Mention } from './match';
import { historyCode, wordsNear } from './mention-context';
import type { Token } from './text';

/** Z88 by the adverse-effect code's category; the first matching prefix wins. */
const STATUS_BY_DRUG_CLASS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^T36\.0/, 'Z880'], // penicillins
  [/^T36\./, 'Z881'], // other systemic antibiotics
  [/^T37\.0/, 'Z882'], // sulfonamides
  [/^T37\./, 'Z883'], // other anti-infectives
  [/^T41\.[0-4]/, 'Z884'], // anesthetics
  [/^T40\.[0-6]/, 'Z885'], // narcotics (opioids, methadone, cocaine)
  [/^T39\./, 'Z886'], // analgesics, antipyretics, antirheumatics
  [/^T50\.[ABZ]/, 'Z887'], // vaccines and biological substances
  [/^T(3[6-9]|4\d|50)\./, 'Z888'], // other drugs and medicaments
];

/** Chart shorthand for a drug, by the Table's name. */
const DRUG_SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['pcn', 'penicillin'],
  ['sulfa', 'sulfonamide'],
  ['asa', 'aspirin'],
  ['amox', 'amoxicillin'],
]);
/** "Drug allergy" names no drug: Z88.9, allergy status to unspecified drugs. */
const ANY_DRUG: ReadonlyMap<string, string> = new Map(['drug', 'drugs', 'medication', 'medications', 'medicine', 'medicines'].map((w) => [w, 'Z889']));

/**
 * The reaction is happening now or was just described: that is an adverse effect, not a status. Not
 * the allergy's kind of reaction ("penicillin allergy (hives) - nonsevere reaction, will use cefdinir").
 */
const REACTION_NOW = /\b((?<!\b(non-?severe|mild|severe|prior|previous|past|childhood|remote|remote history of)\s)reaction|reacted|anaphyla\w*|developed|after (taking|receiving|starting|given))\b/i;

/** Tokens either side of the allergy words in which the drug is looked for. */
const DRUG_REACH = 3;

/** Allergy-status code per drug name (lower-case, the Table's first word: "sulfonamide" from "Sulfonamide NEC"). */
export function loadDrugAllergyStatus(db: Database.Database): Map<string, string> {
  const out = new Map<string, string>();
  const rows = db.prepare("SELECT term, adverse_effect AS effect FROM drug WHERE level = 0 AND adverse_effect LIKE 'T%'").all() as Array<{ term: string; effect: string }>;
  for (const r of rows) {
    const name = r.term.toLowerCase().replace(/\bnec\b/g, '').trim();
    // Single-word names only: a token is matched against them ("penicillin G" is still "penicillin").
    if (!/^[a-z][a-z-]+$/.test(name) || out.has(name)) continue;
    const status = STATUS_BY_DRUG_CLASS.find(([re]) => re.test(r.effect))?.[1];
    if (status) out.set(name, status);
  }
  return out;
}

export interface AllergyStatus {
  code: string;
  /** Document span covering the allergy words and the substance. */
  start: number;
  end: number;
}

/** "Penicillin allergy (hives)": the reaction the allergy once caused, in parentheses after it. */
const REACTION_IN_PARENTHESES = /\ballerg(y|ies|ic)\s*\(/i;

/** A symptom put down to a drug in the sentence: its adverse effect now, no allergy status. */
const EFFECT_NOW = /\b(due to|secondary to|caused by|induced|from)\b/i;

/** Words that put a reaction in this visit. */
const HAPPENING_NOW = /\b(today|now|currently|this (morning|week)|since (starting|taking)|stop(ped)?|hold|held|discontinue[ds]?|d\/c)\b/i;
/** Reactions a drug allergy shows: urticaria, rash, angioedema, anaphylaxis, a drug eruption. */
const REACTION = /^(L50|R21|T783|T782|T886|L27)/;

/**
 * The allergy status a present "allergy"/"allergic" mention states, when it names a substance the
 * Index or the Table of Drugs gives one for; undefined for an allergic reaction or an allergy to
 * nothing named (T78.40 then stands as read). `phrase`, the mention's own text, may show the reaction
 * read being the allergy's past one, in parentheses after it.
 */
export function allergyStatus(dict: Dictionary, drugs: ReadonlyMap<string, string>, m: Mention, tokens: readonly Token[], sentenceText: string, phrase = ''): AllergyStatus | undefined {
  const inside = tokens.map((t, i) => (t.end > m.start && t.start < m.end ? i : -1)).filter((i) => i >= 0);
  if (inside.length === 0) return undefined;
  // A reaction "to" a drug is the allergy it showed: "because of hives to amoxicillin, cefdinir".
  const allergy = /^T78(40|49)|^T887/.test(m.entry.code);
  const toDrug = REACTION.test(m.entry.code) && tokens[inside[inside.length - 1]! + 1]?.norm === 'to';
  if (!(allergy || REACTION_IN_PARENTHESES.test(phrase) || toDrug) || REACTION_NOW.test(sentenceText)) return undefined;
  // An adverse effect the sentence blames for a symptom is this visit's: "hot flashes due to leuprolide (adverse effect)".
  if (/^T887/.test(m.entry.code) && EFFECT_NOW.test(sentenceText)) return undefined;
  // Not one the patient has now: "hives to amoxicillin today - stop amoxicillin" is this visit's reaction.
  if (toDrug && !allergy && HAPPENING_NOW.test(sentenceText)) return undefined;
  const from = Math.max(0, inside[0]! - DRUG_REACH);
  const to = Math.min(tokens.length, inside[inside.length - 1]! + DRUG_REACH + 1);
  // Nearest first: "Azithromycin x5d (PCN allergy)" is an allergy to the penicillin beside it.
  const distance = (i: number): number => (i < inside[0]! ? inside[0]! - i : i - inside[inside.length - 1]!);
  const around = Array.from({ length: to - from }, (_, k) => from + k)
    .filter((i) => !inside.includes(i))
    .sort((a, b) => distance(a) - distance(b) || a - b);
  const status = (code: string, substance?: Token): AllergyStatus =>
    substance ? { code, start: Math.min(m.start, substance.start), end: Math.max(m.end, substance.end) } : { code, start: m.start, end: m.end };
  // The Index's own line first ("History > personal > allergy > penicillin" Z88.0), quoting its substance.
  const indexed = historyCode(dict.personalHistory, m, wordsNear(tokens, m));
  if (indexed && /^Z(88|910)/.test(indexed)) {
    const named = around.map((i) => tokens[i]!).find((t) => dict.personalHistory.some((e) => e.code === indexed && e.words.includes(t.norm)));
    return status(indexed, named);
  }
  // Else a drug of the Table, by its class.
  for (const i of around) {
    const raw = tokens[i]!.raw.toLowerCase();
    const name = DRUG_SHORTHAND.get(raw) ?? raw;
    const code = ANY_DRUG.get(raw) ?? drugs.get(name) ?? drugs.get(name.replace(/s$/, ''));
    if (code) return status(code, tokens[i]);
  }
  return undefined;
}
