// The encounter an injury's 7th character names (guideline I.C.19.a): A while it is actively
// treated, D once it is healing (a fracture's G, K and P when its healing is delayed, fails or goes
// wrong), S for what it left. The Index's codes stand for the initial encounter; the note's own words
// about this visit move it.
import type { CodeTable } from './code-table';

export type Episode = 'subsequent' | 'delayed' | 'nonunion' | 'malunion' | 'sequela';

/** Words that say which encounter this is, the most particular first. */
const EPISODE_WORDS: ReadonlyArray<[RegExp, Episode]> = [
  [/\b(sequela[e]?|late effects? of)\b/i, 'sequela'],
  [/\bdelayed (healing|union)\b/i, 'delayed'],
  [/\bnon-?union\b/i, 'nonunion'],
  [/\bmal-?union\b/i, 'malunion'],
  [
    /\b(subsequent encounter|routine healing|healing (well|normally|appropriately|as expected)|(here|seen|presents|returns?) for (a |her |his )?follow[- ]?up|follow[- ]?up (visit|encounter|x-?rays?|films?)|cast (change|removal|check)|(in|during) the healing phase)\b/i,
    'subsequent',
  ],
];

/** The 7th characters of a closed injury's encounters. */
const SEVENTH: Readonly<Record<Episode, string>> = { subsequent: 'D', delayed: 'G', nonunion: 'K', malunion: 'P', sequela: 'S' };
/** What the 7th character's title says, to be sure the code set means the same. */
const TITLE: Readonly<Record<Episode, RegExp>> = {
  subsequent: /subsequent encounter(?!.*(delayed|nonunion|malunion))/i,
  delayed: /delayed healing/i,
  nonunion: /nonunion/i,
  malunion: /malunion/i,
  sequela: /sequela/i,
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
  const wanted: Episode = fracture || episode === 'sequela' ? episode : 'subsequent';
  const other = table.byCode.get(code.slice(0, 6) + SEVENTH[wanted]);
  return other?.billable && TITLE[wanted].test(other.long_desc) ? other.code : code;
}
