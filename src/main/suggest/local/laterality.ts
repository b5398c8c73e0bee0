// Laterality: the Index often leads to "unspecified side" (Z90.10, M25.569, H54.7); when the note says
// which side, the code for that side is the specific one (guideline I.B.13).
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import { titleWords, type CodeTable } from './code-table';

export type Side = 'left' | 'right' | 'bilateral';

const SIDE_WORDS: Readonly<Record<string, Side>> = { left: 'left', right: 'right', bilateral: 'bilateral', both: 'bilateral' };
// "Right eye", "unspecified ear": a bilateral title names no eye or ear ("…, bilateral").
const NEUTRAL = new Set(['unspecified', 'left', 'right', 'bilateral', 'unilateral', 'side', 'sided', 'and', 'of', 'the', 'in', 'eye', 'ear']);

/** The side a word names, if any (words as the matcher reads them: "L" and "Rt" are already left/right). */
export function sideOf(word: string): Side | undefined {
  return SIDE_WORDS[word];
}

/** The side a code's title names ("…, right lower leg", "…, bilateral"), if any. */
export function titleSide(title: string): Side | undefined {
  const m = /\b(right|left|bilateral)\b/i.exec(title);
  return m ? SIDE_WORDS[m[1]!.toLowerCase()] : undefined;
}

/** A title's words but for its side, singular: "…of bilateral lacrimal glands" reads as "…of unspecified lacrimal gland". */
function shape(title: string): string {
  return titleWords(title)
    .filter((w) => !NEUTRAL.has(w))
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
}

/**
 * The code for the stated side: a code of the same category, length and encounter character whose
 * title reads the same but for the side. Unchanged when the code names no unspecified side or the
 * code set has no such code.
 */
export function lateralize(table: CodeTable, code: string, side: Side | undefined, handed?: 'right' | 'left'): string {
  if (!side) return code;
  const rec = table.byCode.get(code);
  // A code whose title already names a side keeps it ("Otitis media, unspecified, bilateral": the
  // "unspecified" there is the type).
  if (!rec || !/unspecified/i.test(rec.long_desc) || /\b(right|left|bilateral)\b/i.test(rec.long_desc)) return code;
  const want = shape(rec.long_desc);
  const sideWord = new RegExp(`\\b${side}\\b`, 'i');
  // A seventh character that is a letter is the encounter (kept); a digit there is the side itself
  // (E11.3519, "…with macular edema, unspecified eye").
  const sameEncounter = (c: string): boolean => code.length < 7 || /\d/.test(code[6]!) || c[6] === code[6];
  const peers = table.billableIn(code.slice(0, 3)).filter((c) => c.code !== code && c.code.length === code.length && sameEncounter(c.code) && sideWord.test(c.long_desc));
  const exact = peers.find((c) => shape(c.long_desc) === want);
  if (exact) return exact.code;
  // The side's own noun may differ from the unspecified one's: "…with rest pain, unspecified
  // extremity" (I70.229) is "…with rest pain, bilateral legs" (I70.223).
  const unsided = withoutSideClause(rec.long_desc);
  const renamed = unsided !== undefined ? peers.find((c) => withoutSideClause(c.long_desc) === unsided) : undefined;
  if (renamed) return renamed.code;
  // Hemiplegia and its sequelae also name the dominant side: the hand the chart says the patient uses
  // ("66 y/o LEFT-handed F … L hemiparesis" is the dominant side); undocumented, the left is taken as
  // non-dominant and the right as dominant (guideline I.C.6.a).
  const dominant = side === 'right' || side === 'left' ? (handed ? side === handed : side === 'right') : undefined;
  const byDefault = dominant === undefined ? undefined : dominancePeer(peers, rec.long_desc, dominant);
  return byDefault ? byDefault.code : code;
}

const DOMINANT = /(?<!non-?)\bdominant\b/i;
const NON_DOMINANT = /\bnon-?dominant\b/i;

/** Of `candidates`, the one titled as `title` but for naming the dominant side (or the non-dominant one). */
function dominancePeer<Row extends { long_desc: string }>(candidates: readonly Row[], title: string, dominant: boolean): Row | undefined {
  const said = dominant ? DOMINANT : NON_DOMINANT;
  return candidates.find((c) => said.test(c.long_desc) && undominated(c.long_desc) === undominated(title));
}

/**
 * The codes for the stated side. A bilateral condition whose category has no bilateral code takes
 * the right and the left code (guideline I.B.13): "bilateral knee pain" is M25.561 and M25.562.
 */
export function lateralCodes(table: CodeTable, code: string, side: Side | undefined, handed?: 'right' | 'left'): string[] {
  const one = lateralize(table, code, side, handed);
  if (side !== 'bilateral' || one !== code) return [one];
  const right = lateralize(table, code, 'right');
  const left = lateralize(table, code, 'left');
  if (right === code || left === code) return [code];
  const both = bilateralTwin(table, right);
  return both ? [both] : [right, left];
}

/**
 * The bilateral code of a right-sided one, where the category has one titled alike: "Unilateral primary
 * osteoarthritis, right knee" (M17.11) is "Bilateral primary osteoarthritis of knee" (M17.0) on both sides.
 */
export function bilateralTwin(table: CodeTable, right: string): string | undefined {
  const rec = table.byCode.get(right);
  if (!rec) return undefined;
  const want = shape(rec.long_desc);
  const peers = table.billableIn(right.slice(0, 3)).filter((c) => /\bbilateral\b/i.test(c.long_desc) && shape(c.long_desc) === want);
  return peers.length === 1 ? peers[0]!.code : undefined;
}

/** A title's words before its closing side clause (", right leg", ", unspecified extremity"), if it ends with one. */
function withoutSideClause(title: string): string | undefined {
  const m = /^(.*),\s*(?:unspecified|right|left|bilateral)\s+[a-z]+$/i.exec(title);
  return m ? shape(m[1]!) : undefined;
}

/** The hand a chart says the patient uses: "right-handed", "LEFT-handed", "right-hand-dominant", "R-hand dominant". */
const HANDED = /\b(right|left|R|L)[- ]?hand(?:ed|[- ]dominant)\b/i;

export function handedness(chartText: string): 'right' | 'left' | undefined {
  const m = HANDED.exec(chartText);
  return m ? (/^r/i.test(m[1]!) ? 'right' : 'left') : undefined;
}

/**
 * A dominance code read with its side for a patient whose other hand the chart says is the one used:
 * "left hemiplegia, nondominant side" by default, the dominant side's code (I69.352) in a left-handed patient.
 * Only where the chart itself says nothing of the side's dominance.
 */
export function withHandedness(table: CodeTable, code: string, handed: 'right' | 'left' | undefined, saysDominance: boolean): string {
  const title = table.byCode.get(code)?.long_desc ?? '';
  const side = /\b(right|left)\b/i.exec(title)?.[1]?.toLowerCase();
  if (!handed || saysDominance || !side || !/dominant/i.test(title)) return code;
  const wantDominant = side === handed;
  if (NON_DOMINANT.test(title) !== wantDominant) return code;
  const sideWord = new RegExp(`\\b${side}\\b`, 'i');
  const peer = dominancePeer(table.billableIn(code.slice(0, 3)).filter((c) => c.code !== code && c.code.length === code.length && sideWord.test(c.long_desc)), title, wantDominant);
  return peer ? peer.code : code;
}

function undominated(title: string): string {
  return shape(title).split(' ').filter((w) => !['dominant', 'non', 'nondominant'].includes(w)).join(' ');
}

/**
 * A condition shown for the right and for the left side is one bilateral code where the category has
 * one titled alike (guideline I.B.13): "primary OA R knee" and "L knee OA" are M17.0, not M17.11 and
 * M17.12. Sides that differ in more than the side (glaucoma of another stage in each eye) stay apart,
 * and so do codes already on the claim.
 */
export function withBilateralCodes(table: CodeTable, raw: readonly RawSuggestion[]): RawSuggestion[] {
  const twins = new Map<string, { right?: RawSuggestion; left?: RawSuggestion }>();
  for (const r of raw) {
    if (r.kind !== 'add') continue;
    const side = titleSide(table.byCode.get(r.code)?.long_desc ?? '');
    if (side !== 'right' && side !== 'left') continue;
    const both = bilateralTwin(table, r.code);
    if (!both) continue;
    twins.set(both, { ...twins.get(both), [side]: r });
  }
  const merged = new Map<RawSuggestion, string>();
  for (const [both, { right, left }] of twins) {
    if (!right || !left || raw.some((x) => x.code === both)) continue;
    merged.set(right, both);
    merged.set(left, both);
  }
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    const both = merged.get(r);
    if (!both) out.push(r);
    else if (!out.some((x) => x.code === both)) {
      const pair = raw.filter((x) => merged.get(x) === both);
      out.push({
        ...r,
        code: both,
        quotes: pair.flatMap((x) => x.quotes ?? []),
        confidence: Math.min(...pair.map((x) => x.confidence ?? 0)),
        rationale: `${pair.map((x) => x.code).join(' and ')}: the same condition on both sides is ${both} (guideline I.B.13)`,
      });
    }
  }
  return out;
}
