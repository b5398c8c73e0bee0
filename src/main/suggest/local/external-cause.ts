// How an injury happened, coded beside it (guideline I.C.20): the mechanism (V00–Y38) for as long as the
// injury is treated, with the injury's encounter, and once, at its initial encounter, where it happened
// (Y92), what the patient was doing (Y93) and whether it was work (Y99). Read only from the sentences
// that tell the injury's story ("slipped on ice on the driveway of her single-family home while walking
// out to get the mail"), never from a plan's "no lifting" or a discharge "home with wife".
import type { CodeTable } from './code-table';
import { causeWords, type CauseTerm, type ExternalCauseIndex, type Phrasing } from './external-cause-index';
import type { SectionKind } from './text';
import { transportAccident, type TransportFound } from './transport-accident';

export interface CauseFound {
  /** The billable code, with the injury's 7th character where the category takes one. */
  code: string;
  /** Where the chart says it, within the document. */
  start: number;
  end: number;
}

interface StorySentence {
  start: number;
  end: number;
}

/** A cause found in a chart: its document, and the sentence and section it is said in. */
export interface ChartCause extends CauseFound {
  documentId: string;
  sentence: number;
  section: SectionKind;
}

/** Where a chart tells how an injury happened: not a past history, a family's, a medication list or an exam. */
const STORY_SECTIONS: ReadonlySet<SectionKind> = new Set(['subjective', 'other', 'assessment']);

/** A sentence that tells how an injury happened. */
const STORY = /\b(?<!-)(?:fell|falls?|falling|fallen|slipped|slipping|tripped|tripping|stumbled|bit|bitten|bites?|biting|struck|hit|kicked|collided|collision|tackled?|lifting|lifted|cut|sliced|lacerated|burn(?:ed|t)?|scald(?:ed)?|assaulted|punched|altercation|needlestick|nail gun|recoiled|misfired|double[- ]fired|splash(?:ed|ing)|spill(?:ed|ing)|tipped|rolled out|frostbite|shovel(?:l)?ing|dropped|dropping|crushed|pinched|mvc|mva|crash(?:ed)?|injur(?:y|ed)|twisted|landed)\b(?!-)/i;
/** A story the sentence denies or only warns of: "did not hit head", "no falls", "fall precautions". */
const NOT_A_STORY = /\b(?:no|not|denies|denied|without|never)\b[^.;:]{0,30}$|\b(?:fall|falls)\s+(?:risk|precautions?|prevention)\b|\brisk of\b/i;

interface Rule {
  /** What the story sentence says. */
  says: RegExp;
  /** The category, without its 7th character (and its X placeholders). */
  code: string;
  /** Words the same sentence must not say: a fall said with ice is no plain slip. */
  unless?: RegExp;
}

const FELL = String.raw`\b(?:fell|falls?|falling|fallen)\b`;
const FELL_ANYWHERE = new RegExp(FELL, 'gi');
const SLIPPED = String.raw`\b(?:slipped|slipping|slips?|tripped|tripping|trips?|stumbled|stumbling|lost (?:her|his|their) footing)\b`;
const FURNITURE = String.raw`\b(?:dresser|nightstand|night stand|table|chair|couch|sofa|desk|cabinet|bed ?frame|bedside|counter(?:top)?|bookcase|furniture|armrest)\b`;
const OBJECT = String.raw`\b(?:wall|door(?:frame|way)?|toilet|tub|sink|step|rock|railing|pole|post|radiator|shelf)\b`;
const STRIKING = String.raw`\b(?:struck|striking|strikes?|hit|hitting|bumped|banged)\b`;
/** Struck by or hit with the ball named (a pattern), or as `also` says it otherwise. */
function struckBy(ball: string, also = ''): RegExp {
  return new RegExp(String.raw`${STRIKING}[^.;]{0,50}\b(?:by|with) (?:a|the|an)?\s*${ball}\b${also}`, 'i');
}
const PERSON = String.raw`\b(?:another (?:player|person|runner|skater|child|kid|student)|(?:an? )?(?:opponent|opposing player|defender|teammate|other player)|each other)\b`;

/**
 * Mechanisms, the most particular first. The Index's noun lists (bites, falls from a named thing) are
 * read before these; a rule stands for the classification's own wording of a common story.
 */
const RULES: readonly Rule[] = [
  // Assault, unarmed unless a weapon is named.
  { says: /\b(?:assaulted|punched|beaten|attacked)\b[^.;]{0,60}\b(?:bat|pipe|bottle|stick|club|hammer|brick)\b/i, code: 'Y00' },
  { says: /\b(?:assaulted|punched (?:by|in)|was punched|altercation|fistfight|fist fight|got into a fight|was beaten|jumped by)\b/i, code: 'Y040' },
  // Heat and cold.
  { says: /\b(?:hot|boiling|frying|scalding)\s+(?:cooking\s+)?(?:oil|grease|fat)\b|\bgrease (?:fire|burn)\b/i, code: 'X102' },
  { says: /\b(?:hot|boiling|scalding)\s+(?:coffee|tea|cocoa|chocolate|drink|beverage)\b|\b(?:coffee|tea)\b[^.;]{0,30}\b(?:spilled|scald)/i, code: 'X100' },
  { says: /\b(?:hot|boiling|scalding)\s+(?:soup|food|noodles|ramen|oatmeal)\b/i, code: 'X101' },
  { says: /\b(?:bath|tub|bathtub)\s+water\b[^.;]{0,30}\b(?:hot|scald)|\bhot (?:bath|tub) ?water\b/i, code: 'X110' },
  { says: /\b(?:hot|boiling|scalding)\s+(?:tap\s+)?water\b/i, code: 'X12', unless: /\b(?:bath|tub|bathtub)\b/i },
  { says: /\bsteam\b/i, code: 'X131' },
  { says: /\b(?:hot|touched (?:a|the)|on (?:a|the))\s+(?:stove|burner|stovetop)\b/i, code: 'X150' },
  { says: /\bfrost ?bite\b|\b(?:exposure to|exposed to)\s+(?:the\s+)?cold\b|\bsleeping (?:outside|outdoors)\b[^.;]{0,60}\b(?:cold|freezing|lows?)\b/i, code: 'X31' },
  { says: /\bheat (?:stroke|exhaustion)\b[^.;]{0,80}\b(?:outdoors|outside|sun|hot weather|heat index)\b|\b(?:working|worked|roofing|outdoors|outside)\b[^.;]{0,60}\bheat index\b/i, code: 'X30' },
  { says: /\bsunburn(?:ed|t)?\b/i, code: 'X32' },
  // Sharp things and machines.
  { says: /\b(?:contaminated|used|dirty)\b[^.;]{0,40}\bneedle\b|\bneedle ?stick\b[^.;]{0,80}\b(?:used|contaminated|patient|after (?:a|the) (?:blood draw|injection))\b/i, code: 'W461' },
  { says: /\btable saw|circular saw|miter saw|band saw|jointer|planer|wood router\b/i, code: 'W312' },
  { says: /\bnail gun\b/i, code: 'W294' },
  { says: /\bknife\b/i, code: 'W260' },
  { says: /\bglass\b/i, code: 'W25', unless: /\b(?:glasses|eyeglass|fiberglass)\b/i },
  { says: /\b(?:box cutter|razor|utility blade|sheet metal|metal edge|scissors)\b/i, code: 'W268' },
  // Sports: struck by a ball or a helmet, or by another player.
  { says: /\bhelmet[- ]to[- ]helmet\b|\bstruck by (?:a|an|another player's) helmet\b/i, code: 'W2181' },
  { says: struckBy('(?:pitched |thrown |batted |line[- ]drive )?baseball', String.raw`|\bbaseball\b[^.;]{0,30}\b(?:struck|hit)\b`), code: 'W2103' },
  { says: struckBy('softball'), code: 'W2107' },
  { says: struckBy('soccer ball'), code: 'W2102' },
  { says: struckBy('basketball'), code: 'W2105' },
  { says: struckBy('(?:hockey )?puck'), code: 'W21220' },
  { says: struckBy('golf ball'), code: 'W2104' },
  { says: new RegExp(`(?:\\bcollided|\\bcollision|\\btackled|\\bslide[- ]tackled?|\\bbumped into|\\bran into)[^.;]{0,60}${PERSON}[^.]*${FELL}|${PERSON}[^.;]{0,40}(?:collided|tackled|slide[- ]tackled?|knocked (?:him|her|them) down)[^.;]*${FELL}|(?:collided|collision) with ${PERSON}[^.;]{0,80}\\b(?:fell|landed|went down)\\b`, 'i'), code: 'W03' },
  { says: new RegExp(`\\bkicked (?:by|in the [a-z]+ by) ${PERSON}`, 'i'), code: 'W501' },
  { says: new RegExp(`(?:\\bcollided|\\bcollision|\\bslide[- ]tackle|\\btackled|\\bbumped into|\\bran into|\\belbowed by)[^.;]{0,60}${PERSON}|${PERSON}[^.;]{0,40}\\b(?:collided|struck|hit|slide[- ]tackle|tackled|landed on|fell on|elbowed)\\b`, 'i'), code: 'W51' },
  // Strain.
  { says: /\b(?:repetitive|repeated)\s+(?:lifting|motion|movements?|use|overhead)\b/i, code: 'X503' },
  { says: /\b(?:lifting|lifted|carrying|pushing|pulling|shovel(?:l)?ing|moving)\b[^.;]{0,50}\b(?:lbs?|pounds?|kg|box(?:es)?|case|crate|couch|sofa|furniture|dresser|patient|bag|load|heavy|snow)\b|\bheavy lifting\b/i, code: 'X500' },
  // A fall from bed.
  { says: /\brolled (?:out|off)["”']?\s+(?:of\s+)?(?:the |her |his |a )?bed\b/i, code: 'W06' },
  // Falls on the same level.
  { says: new RegExp(`(?:${SLIPPED}|${FELL})[^.;]{0,60}\\b(?:ice|icy|snow|snowy)\\b|\\b(?:ice|icy|snow|snowy)\\b[^.;]{0,40}(?:${SLIPPED}|${FELL})`, 'i'), code: 'W000', unless: /\b(?:stairs?|steps?|skat(?:e|es|ing)|ski(?:s|ing)?|snowboard\w*|sled\w*)\b/i },
  { says: new RegExp(`(?:${SLIPPED})[^.;]*${STRIKING}[^.;]{0,60}${FURNITURE}|(?:${SLIPPED})[^.;]*\\b(?:into|against|on|onto) (?:the |a |her |his )?(?:corner of )?(?:the |a |her |his )?(?:[a-z]+ )?${FURNITURE}`, 'i'), code: 'W01190' },
  { says: new RegExp(`(?:${SLIPPED})[^.;]*${STRIKING}[^.;]{0,60}${OBJECT}`, 'i'), code: 'W01198' },
  // Tripping over a rug or a small object, with a fall (the Index's "Tripping > over > carpet, rug or object > with fall"), where nothing was struck after it.
  { says: new RegExp(`\\b(?:tripped|tripping|stumbled|stumbling|caught (?:her|his|their) (?:toe|foot))\\s+(?:over|on)\\s+(?:the |a |an |her |his |their )?(?:edge of (?:a |an |the |her |his )?|corner of (?:a |the )?)?(?:[a-z]+ )?(?:rug|carpet|mat|cord|cable|toy|hose|object|box|wire)s?\\b[^.;]*${FELL}`, 'i'), code: 'W1809' },
  { says: new RegExp(`${SLIPPED}`, 'i'), code: 'W010', unless: /\b(?:stairs?|steps?|curb|ladder)\b|\b\d+\s*(?:ft|feet|foot)\b|\bfrom (?:a )?height\b/i },
  { says: /\b(?:ground[- ]level|same[- ]level|standing[- ]height|standing)\s+falls?\b|\bfell from (?:a )?standing\b|\bGLF\b/i, code: 'W1830' },
  { says: new RegExp(`${FELL}\\s+(?:backward|backwards|forward|forwards|sideways|to the (?:ground|floor))\\b`, 'i'), code: 'W1830', unless: /\b(?:stairs?|steps?|ladder|roof|bed|chair|horse|bike|bicycle)\b/i },
];

/** Work, service and volunteering (Y99.0–Y99.2); anything else a story tells is Y99.8. */
const STATUS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:at work|on the job|work[- ]related|work injury|injured at work|workplace|workers'? comp(?:ensation)?|occupational injury|while working|(?:at|on) (?:a|the|his|her) (?:commercial )?(?:job|work) ?site|on (?:his|her|their) (?:route|shift))\b/i, 'Y990'],
  [/\b(?:active[- ]duty|on duty (?:as|with) (?:a )?(?:soldier|marine|sailor)|military (?:training|exercise))\b/i, 'Y991'],
  [/\bvolunteer(?:ing)?\b/i, 'Y992'],
];
const OTHER_STATUS = 'Y998';

/** The words of a sentence with where each sits in the document. */
interface Word {
  w: string;
  start: number;
  end: number;
  /** The hyphenated word it is part of ("slide-tackled"), said whole or not at all. */
  compound: number;
  /** Not where the story happened: a place it only goes to or past ("walking to the bathroom", "riding on the sidewalk near home"). */
  away: boolean;
  /** Said as a place, with "at", "in", "on" shortly before it ("at a community rec center court"). */
  located: boolean;
}

/** Words after which a place is not where the injury happened. */
const NOT_HERE = /^(?:to|toward|towards|near|from|leaving|left)$/;
/** Words before which a place is where: "at church", "on the driveway of her single-family home", not "college sophomore". */
const LOCATIVE = /^(?:at|in|on|inside|outside|into|onto|of|off|around|within|across|along|behind|by|up|down|through|over|under)$/;
/** A place word naming something else: "hospital day 3", "home health", "school nurse". */
const NOT_A_PLACE_AFTER = /^\s*(?:day|course|stay|follow|visit|discharge|nurse|meds|medications?|health|care|physician|doctor|oxygen|regimen|dose)\b/i;
/** Words too general to name a place alone: "fall in room" in a memory-care facility is no hospital room, "slipped on ice" no ice rink. */
const TOO_GENERAL = new Set(['room', 'area', 'building', 'place', 'center', 'unit', 'floor', 'hall', 'station', 'ground', 'site', 'lot', 'premise', 'ice', 'snow', 'water']);

/** Words that do not count among the two before a place. */
const ARTICLE = /^(?:the|a|an|his|her|their|my|our)$/i;

function wordsOf(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  let last: string[] = [];
  for (const m of text.slice(from, to).matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
    const after = text.slice(from + m.index + m[0].length, Math.min(to, from + m.index + m[0].length + 20));
    const away = last.slice(-2).some((b) => NOT_HERE.test(b)) || NOT_A_PLACE_AFTER.test(after);
    const located = last.some((b) => LOCATIVE.test(b));
    let offset = 0;
    for (const part of m[0].split('-')) {
      const start = from + m.index + offset;
      out.push({ w: causeWords(part)[0] ?? '', start, end: start + part.length, compound: from + m.index, away, located });
      offset += part.length + 1;
    }
    if (!ARTICLE.test(m[0])) last = [...last, m[0].toLowerCase()].slice(-4);
  }
  return out;
}

interface TermMatch {
  code: string;
  said: number;
  unsaid: number;
  start: number;
  end: number;
}

/** Where a phrasing's words sit among the story's, each once, never half a hyphenated word; undefined when not all are said. */
function find(phrasing: Phrasing, words: readonly Word[], used: ReadonlySet<number>, place: boolean): number[] | undefined {
  const at: number[] = [];
  for (const p of phrasing) {
    const i = words.findIndex((w, k) => w.w === p && !used.has(k) && !at.includes(k) && !(place && w.away));
    if (i < 0) return undefined;
    at.push(i);
  }
  const halves = words.filter((w, k) => at.some((i) => words[i]!.compound === w.compound) && !at.includes(k));
  return halves.length === 0 ? at : undefined;
}

/** The term's groups the story says, each by words not used for another; undefined unless its last group is said, no group it must say goes unsaid, and no more of the others than the term allows. */
function matchTerm(term: CauseTerm, words: readonly Word[], place: boolean): TermMatch | undefined {
  const used = new Set<number>();
  let said = 0;
  let unsaid = 0;
  let start = Infinity;
  let end = -1;
  // The last group first: it must be said, and its words are its own ("at the nursing home" says the
  // nursing home, not "home" as the residence class above it).
  for (let gi = term.groups.length - 1; gi >= 0; gi--) {
    const group = term.groups[gi]!;
    let hit: number[] | undefined;
    for (const phrasing of group) {
      const at = find(phrasing, words, used, place);
      if (at && (!hit || at.length > hit.length)) hit = at;
    }
    if (!hit) {
      if (gi === term.groups.length - 1 || term.mustSay?.[gi] === true || ++unsaid > term.unsaid) return undefined;
      continue;
    }
    for (const i of hit) {
      used.add(i);
      start = Math.min(start, words[i]!.start);
      end = Math.max(end, words[i]!.end);
    }
    said += hit.length;
  }
  // A place is said as one ("at", "in", "on" before it), and by more than a word too general alone ("fall in room").
  if (place && (![...used].some((i) => words[i]!.located) || [...used].every((i) => TOO_GENERAL.has(words[i]!.w)))) return undefined;
  return { code: term.code, said, unsaid, start, end };
}

/** The term a story says most of, the fewest of its groups left unsaid. */
function bestTerm(terms: readonly CauseTerm[], words: readonly Word[], place = false): TermMatch | undefined {
  let best: TermMatch | undefined;
  for (const t of terms) {
    const m = matchTerm(t, words, place);
    // Of two said alike, the one named by the word after the other's: a "step stool" is a stool (W08), not steps.
    const head = best !== undefined && m !== undefined && m.said === best.said && m.unsaid === best.unsaid && m.start > best.end && m.start - best.end <= 1;
    if (m && (!best || m.said > best.said || (m.said === best.said && m.unsaid < best.unsaid) || head)) best = m;
  }
  return best;
}

/** `category` as the billable code for the encounter `seventh` (W11 → W11.XXXA); undefined where the code set has none. */
function withSeventh(table: CodeTable, category: string, seventh: string): string | undefined {
  if (table.byCode.get(category)?.billable) return category;
  const code = `${category.padEnd(6, 'X')}${seventh}`;
  return table.byCode.get(code)?.billable ? code : undefined;
}

/** The sentences of a document that tell how an injury happened. */
function storySentences(text: string, sentences: readonly StorySentence[]): StorySentence[] {
  return sentences.filter((s) => {
    const sentence = text.slice(s.start, s.end);
    const said = STORY.exec(sentence);
    return said !== null && !NOT_A_STORY.test(sentence.slice(0, said.index)) && !NOT_A_STORY.test(sentence.slice(said.index, said.index + 30));
  });
}

/**
 * The external causes a chart's story sentences state for an injury at encounter `seventh` (A, D or S):
 * its mechanism, and at the initial encounter its place, activity and status.
 */
function externalCauses(text: string, story: readonly StorySentence[], index: ExternalCauseIndex, table: CodeTable, seventh: string, transport?: TransportFound): CauseFound[] {
  const out: CauseFound[] = [];
  const found = (category: string, start: number, end: number): void => {
    const code = withSeventh(table, category, seventh);
    if (code && !out.some((f) => f.code === code)) out.push({ code, start, end });
  };
  // Each story sentence's words, read once for the mechanism and again, together, for the place and activity.
  const told = story.map((s) => ({ ...s, words: wordsOf(text, s.start, s.end) }));
  // A transport accident is the mechanism however the patient came to the ground ("thrown from the motorcycle").
  let mechanism: CauseFound | undefined = transport;
  for (const { start, end, words } of mechanism ? [] : told) {
    const sentence = text.slice(start, end);
    const bitten = /\b(?:bit|bitten|bites?|biting)\b/i.test(sentence) ? bestTerm(index.bites, words) : undefined;
    // What was fallen from is named just after the fall: "fell ~5 ft from a stepladder", not "walking back to bed, slipped … fell".
    const falls = [...sentence.matchAll(FELL_ANYWHERE)].map((m) => start + m.index);
    const fallen = bestTerm(index.fallsFrom, falls.flatMap((at) => words.filter((w) => w.start >= at).slice(1, 9)));
    // Or named where the story was before it fell: "climbing across the top of the jungle gym …, slipped and fell ~4 ft".
    const fallenOff = !fallen && falls.length > 0 ? bestTerm(index.fallsFrom, words, true) : undefined;
    const term = bitten ?? fallen ?? fallenOff;
    if (term) {
      mechanism = { code: term.code, start: term.start, end: term.end };
      break;
    }
    for (const rule of RULES) {
      const m = rule.unless?.test(sentence) ? null : rule.says.exec(sentence);
      if (m) {
        mechanism = { code: rule.code, start: start + m.index, end: start + m.index + m[0].length };
        break;
      }
    }
    if (mechanism) break;
  }
  if (mechanism) found(mechanism.code, mechanism.start, mechanism.end);
  if (seventh !== 'A') return out;
  // Where and doing what, from the whole story: "a fall at home" in one sentence, "tripped on the bedroom rug" in the next.
  const all = told.flatMap((s) => s.words);
  const place = bestTerm(index.places, all, true);
  if (place) found(place.code, place.start, place.end);
  const activity = bestTerm(index.activities, all);
  if (activity) found(activity.code, activity.start, activity.end);
  // A status is said by work words, or by a story that puts the patient somewhere or doing something; a
  // mechanism alone ("Dog bite of right hand") says no leisure (Y99.8), and Y99.9 is not coded (I.C.20.k).
  // Work, service and volunteering, said in words, stand beside a mechanism alone ("nail gun … Workers' comp case").
  if (!place && !activity && !mechanism) return out;
  for (const [re, code] of STATUS) {
    const m = re.exec(text);
    if (m) {
      found(code, m.index, m.index + m[0].length);
      return out;
    }
  }
  if (!place && !activity) return out;
  const said = place ?? activity!;
  found(OTHER_STATUS, said.start, said.end);
  return out;
}

/** The external causes each document of a chart states for an injury at encounter `seventh`, with the sentence each is said in. */
export function chartExternalCauses(
  texts: ReadonlyMap<string, string>,
  sentences: ReadonlyMap<string, ReadonlyArray<{ start: number; end: number; section: SectionKind }>>,
  index: ExternalCauseIndex,
  table: CodeTable,
  seventh: string,
): ChartCause[] {
  const out: ChartCause[] = [];
  for (const [documentId, text] of texts) {
    const all = sentences.get(documentId) ?? [];
    const told = all.filter((s) => STORY_SECTIONS.has(s.section));
    const transport = transportAccident(text, told, table, seventh);
    const story = storySentences(text, told);
    // The accident's own sentence tells where it happened too ("restrained driver … on the interstate").
    const accident = transport ? told.find((s) => s.start <= transport.start && transport.start < s.end) : undefined;
    if (accident && !story.includes(accident)) story.push(accident);
    for (const f of externalCauses(text, story, index, table, seventh, transport)) {
      if (out.some((o) => o.code === f.code)) continue;
      // A work word may stand anywhere in the chart; its sentence is whichever holds it.
      const sentence = Math.max(0, all.findIndex((s) => s.start <= f.start && f.start < s.end));
      out.push({ ...f, documentId, sentence, section: all[sentence]?.section ?? 'subjective' });
    }
  }
  return out;
}
