// The encounter an injury's 7th character names (guideline I.C.19.a): A while it is actively
// treated, D once it is healing (a fracture's G, K and P when its healing is delayed, fails or goes
// wrong), S for what it left. The Index's codes stand for the initial encounter; the note's own words
// about this visit move it, and so does an open fracture's (B at its initial encounter; guideline
// I.C.19.c.1: a fracture not said to be open is coded closed; C for an open one of Gustilo type III).
import type { CodeTable } from './code-table';

export type Episode = 'subsequent' | 'delayed' | 'nonunion' | 'malunion' | 'sequela' | 'open' | 'openSevere';

/** Words that say which encounter this is, the most particular first. */
// "Healing or recovery phase" is the guideline's own wording for the subsequent encounter (I.C.19.a).
const EPISODE_WORDS: ReadonlyArray<[RegExp, Episode]> = [
  [/\b(sequela[e]?|late effects?)\b/i, 'sequela'],
  [/\bdelayed (healing|union)\b/i, 'delayed'],
  [/\bnon-?union\b/i, 'nonunion'],
  [/\bmal-?union\b/i, 'malunion'],
  [
    /\b(subsequent encounter|routine healing|healing (well|normally|appropriately|as expected)|(here|seen|presents|returns?) for (a |her |his )?follow[- ]?up|follow[- ]?up (visit|encounter|x-?rays?|films?)|cast (change|removal|check)|(in|during) the healing phase|(in|during) (the )?recovery phase)\b/i,
    'subsequent',
  ],
  // An open fracture of Gustilo-Anderson type III ("Open fracture R tibial shaft, Gustilo-Anderson IIIA").
  [/\bopen\b[^.;\n]{0,80}?\b(?:gustilo(?:[- ]anderson)?|type|grade)\s*(?:type\s*|grade\s*)?(?:III|3)(?:[- ]?[ABC])?\b|\b(?:gustilo(?:[- ]anderson)?\s*(?:type\s*|grade\s*)?|type\s+)(?:III|3)(?:[- ]?[ABC])?\s+open\b/i, 'openSevere'],
  // An open or compound fracture at its initial encounter: "Open displaced fracture, distal phalanx", not
  // an open reduction ("s/p open reduction and internal fixation") or an open wound beside a closed fracture.
  [/\bopen(?!\s+(?:reduction|wound))\s+(?:[\w-]+,?\s+){0,3}fractures?\b|\bcompound\s+(?:[\w-]+\s+){0,2}fractures?\b|\bfractures?\b[^.;\n]{0,20}?,\s*open\b(?!\s+(?:reduction|wound))/i, 'open'],
];

/** The 7th characters of a closed injury's encounters. */
const SEVENTH: Readonly<Record<Episode, string>> = { subsequent: 'D', delayed: 'G', nonunion: 'K', malunion: 'P', sequela: 'S', open: 'B', openSevere: 'C' };
/** What the 7th character's title says, to be sure the code set means the same. */
const TITLE: Readonly<Record<Episode, RegExp>> = {
  subsequent: /subsequent encounter(?!.*(delayed|nonunion|malunion))/i,
  delayed: /delayed healing/i,
  nonunion: /nonunion/i,
  malunion: /malunion/i,
  sequela: /sequela/i,
  open: /initial encounter for open fracture/i,
  openSevere: /initial encounter for open fracture type IIIA/i,
};

/** The encounter the words of a mention's sentence say; undefined for the initial one (or none said). */
export function episodeOf(sentence: string): Episode | undefined {
  return EPISODE_WORDS.find(([re]) => re.test(sentence))?.[1];
}

/**
 * `code` for the encounter `episode` when it is an injury's initial encounter (7th character A); a
 * non-fracture injury has no delayed healing, so its subsequent encounter stands for those.
 */
export function withEpisode(table: CodeTable, code: string, episode: Episode | undefined): string {
  if (!episode || code.length !== 7 || !code.endsWith('A') || !/initial encounter/i.test(table.byCode.get(code)?.long_desc ?? '')) return code;
  const fracture = /fracture/i.test(table.byCode.get(code)!.long_desc);
  // Only a fracture is open or closed.
  if ((episode === 'open' || episode === 'openSevere') && !fracture) return code;
  const wanted: Episode = fracture || episode === 'sequela' ? episode : 'subsequent';
  const other = table.byCode.get(code.slice(0, 6) + SEVENTH[wanted]);
  if (other?.billable && TITLE[wanted].test(other.long_desc)) return other.code;
  // A bone whose open fractures are not typed (the hand's, the foot's) has one open code.
  return wanted === 'openSevere' ? withEpisode(table, code, 'open') : code;
}
