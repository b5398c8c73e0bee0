// Every ICD-10-CM code with its children, and the billable code an Index line's code stands for:
// a dashed or header code resolves to the child the line's words name, else the default child.
import type Database from 'better-sqlite3';
import { normalizeCode } from '../../../shared/codeset/format';

interface CodeRow {
  code: string;
  billable: number;
  parent: string | null;
  long_desc: string;
}

/**
 * The child a coder takes when the note says nothing more: unspecified, or "without mention of" what
 * the note does not mention (disc degeneration M51.369); for a malignancy of blood "not having
 * achieved remission"; for an injury or complication the initial encounter (active care).
 */
const DEFAULT_CHILD: readonly RegExp[] = [/unspecified/i, /without mention of/i, /not having achieved remission/i, /initial encounter(?! for open)/i];

/** The default child: one whose title adds "unspecified" (etc.) to its parent's, not one that inherits it. */
function defaultChild<T extends { long_desc: string }>(kids: readonly T[], parentTitle: string, hint?: ReadonlySet<string>): T | undefined {
  const count = (re: RegExp, s: string): number => s.match(new RegExp(re.source, 'gi'))?.length ?? 0;
  const parent = new Set(titleWords(parentTitle));
  // Words a child adds that neither its parent nor the Index line says.
  const extra = (k: T): number => titleWords(k.long_desc).filter((w) => !parent.has(w) && !hint?.has(w)).length;
  const said = (k: T): number => titleWords(k.long_desc).filter((w) => hint?.has(w)).length;
  for (const re of DEFAULT_CHILD) {
    // The most unspecified: "Unspecified tear of unspecified meniscus, …, unspecified knee" (S83.209),
    // not the first child that adds one ("Bucket-handle tear …, unspecified knee"); of those, the one
    // that adds least the line does not say ("…, unspecified ear", H66.009, not "…, recurrent,
    // unspecified ear"; a line naming the great toe keeps "unspecified great toe").
    let kid: T | undefined;
    for (const k of kids) {
      const n = count(re, k.long_desc);
      const best = count(re, kid?.long_desc ?? parentTitle);
      // Of those, the one saying the line's own word where the parent says two: "Anterior subluxation and
      // dislocation of humerus" (S43.01-) read from "Dislocation > … > anterior" is S43.016, not S43.013.
      if (n > best || (kid && n === best && (extra(k) < extra(kid) || (extra(k) === extra(kid) && said(k) > said(kid))))) kid = k;
    }
    if (kid) return kid;
  }
  // Every child inherits the parent's "unspecified" ("Pain in limb, unspecified" > "Pain in arm, unspecified",
  // "Pain in leg, unspecified"): the one the line names least against ("Pain, leg" is M79.606, not the arm's).
  for (const re of DEFAULT_CHILD) {
    const inheriting = kids.filter((k) => re.test(k.long_desc));
    if (inheriting.length > 0) return inheriting.reduce((a, k) => (extra(k) < extra(a) ? k : a));
  }
  return undefined;
}

export const titleWords = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** The region a bone the Index names belongs to, which its codes' titles name instead ("Stress fracture, right foot"). */
const BONE_REGION: Readonly<Record<string, string>> = { metatarsus: 'foot', metatarsal: 'foot', tarsus: 'foot', metacarpus: 'hand', metacarpal: 'hand', carpus: 'hand' };

/** An Index line's words as hints for its dashed code's children, with the region of a bone it names. */
export function lineHint(words: Iterable<string>): Set<string> {
  const out = new Set(words);
  for (const w of out) if (BONE_REGION[w]) out.add(BONE_REGION[w]);
  return out;
}

/**
 * The child an Index line's own words name: "Ulcer > pressure > stage 2 > sacral region L89.15-" is
 * L89.152 "…sacral region, stage 2", not the unspecified stage. Only a child that alone carries the
 * most of the line's words beyond its parent's title.
 */
function hinted<T extends { long_desc: string }>(kids: readonly T[], parentTitle: string, hint: ReadonlySet<string> | undefined): T | undefined {
  const top = mostHinted(kids, parentTitle, hint);
  return top.length === 1 ? top[0] : undefined;
}

/** The children carrying the most of the line's words beyond the parent's title (none when no child carries any). */
function mostHinted<T extends { long_desc: string }>(kids: readonly T[], parentTitle: string, hint: ReadonlySet<string> | undefined): T[] {
  if (!hint || hint.size === 0) return [];
  const parent = new Set(titleWords(parentTitle));
  let best: T[] = [];
  let bestScore = 0;
  for (const k of kids) {
    const added = new Set(titleWords(k.long_desc).filter((w) => !parent.has(w)));
    const score = [...added].filter((w) => hint.has(w)).length;
    // A child that says more the line does not than it does is not the one the line names: "History >
    // family > disease or disorder > kidney" (Z84.1) is no "APOL1-mediated kidney disease" (Z84.11).
    if (score < added.size - score) continue;
    if (score > bestScore) {
      best = [k];
      bestScore = score;
    } else if (score === bestScore && score > 0) best.push(k);
  }
  return best;
}

/** A title word naming a side. */
const SIDE_WORD = /^(right|left|bilateral)$/;

/** The codes for the right and for the left side of one condition. */
export interface SidePair {
  right: string;
  left: string;
  /** The "bilateral" sibling, where the code set has one (E11.3293). */
  bilateral?: string;
}

/** Every ICD-10-CM code with its children, read in one query (per-code lookups are too slow for 100k Index lines). */
export class CodeTable {
  readonly byCode = new Map<string, CodeRow>();
  readonly kids = new Map<string, CodeRow[]>();
  private categories: Map<string, CodeRow[]> | undefined;

  constructor(db: Database.Database) {
    const rows = db.prepare("SELECT code, billable, parent, long_desc FROM code WHERE system = 'icd10cm' ORDER BY ord").all() as CodeRow[];
    for (const r of rows) {
      this.byCode.set(r.code, r);
      if (r.parent) {
        const list = this.kids.get(r.parent);
        if (list) list.push(r);
        else this.kids.set(r.parent, [r]);
      }
    }
  }

  /** The billable codes of a three-character category (grouped on first use). */
  billableIn(category: string): readonly CodeRow[] {
    if (!this.categories) {
      this.categories = new Map();
      for (const r of this.byCode.values()) {
        if (!r.billable) continue;
        const list = this.categories.get(r.code.slice(0, 3));
        if (list) list.push(r);
        else this.categories.set(r.code.slice(0, 3), [r]);
      }
    }
    return this.categories.get(category) ?? [];
  }

  /**
   * The right and the left code where an Index line names a part of the body the code set splits only
   * by side: "Cellulitis > lower limb" is L03.115 or L03.116 (its default, L03.119, is "unspecified
   * part of limb"). Undefined when the line's words pick one child or none.
   */
  sidedTwins(raw: string, hint: ReadonlySet<string>): SidePair | undefined {
    let code = normalizeCode(raw.replace(/-+$/, ''));
    for (let depth = 0; depth < 4; depth++) {
      const rec = this.byCode.get(code);
      if (!rec || rec.billable) return undefined;
      const kids = this.kids.get(code) ?? [];
      const top = kids.length === 1 ? kids : mostHinted(kids, rec.long_desc, hint);
      if (top.length === 1) {
        code = top[0]!.code;
        continue;
      }
      // "Right eye", "left eye", "bilateral", "unspecified eye": the right and left among them.
      if (top.length >= 2) return this.sidePair(top, hint);
      // Children whose sides name a narrower part than the unspecified one ("Stress fracture, tibia and
      // fibula" is "…, right tibia", "…, right fibula"): the side's child naming only what the line does.
      const named = kids.filter((k) => titleWords(k.long_desc).every((w) => hint.has(w) || SIDE_WORD.test(w)));
      return named.length >= 2 ? this.sidePair(named, hint) : undefined;
    }
    return undefined;
  }

  /** The right and the left code directly under a code that splits by side ("M17.1-": M17.11, M17.12). */
  sidesOf(raw: string): SidePair | undefined {
    return this.sidePair(this.kids.get(normalizeCode(raw.replace(/-+$/, ''))) ?? []);
  }

  /** Billable codes of the one child naming the right side and the one naming the left, if there are such. */
  private sidePair(kids: readonly CodeRow[], hint?: ReadonlySet<string>): SidePair | undefined {
    const right = kids.filter((k) => /\bright\b/i.test(k.long_desc));
    const left = kids.filter((k) => /\bleft\b/i.test(k.long_desc));
    if (right.length !== 1 || left.length !== 1) return undefined;
    const r = this.resolveBillable(right[0]!.code, hint);
    const l = this.resolveBillable(left[0]!.code, hint);
    const both = kids.filter((k) => /\bbilateral\b/i.test(k.long_desc));
    const b = both.length === 1 ? this.resolveBillable(both[0]!.code, hint) : undefined;
    return r && l ? { right: r, left: l, ...(b ? { bilateral: b } : {}) } : undefined;
  }

  /** A billable code for an Index code: itself, or for a dashed/header code its only or default descendant. */
  resolveBillable(raw: string, hint?: ReadonlySet<string>): string | undefined {
    let code = normalizeCode(raw.replace(/-+$/, ''));
    for (let depth = 0; depth < 4; depth++) {
      const rec = this.byCode.get(code);
      if (!rec) return undefined;
      if (rec.billable) return rec.code;
      const kids = this.kids.get(code) ?? [];
      if (kids.length === 0) return undefined;
      const pick = kids.length === 1 ? kids[0] : (hinted(kids, rec.long_desc, hint) ?? defaultChild(kids, rec.long_desc, hint));
      if (!pick) return undefined;
      code = pick.code;
    }
    return undefined;
  }
}
