// Readings the Index implies in other words than its own: a heart failure's exacerbation is its
// decompensation, the colon and the sigmoid are the large intestine, a part's dysfunction is its
// disorder where "Dysfunction" has no line for it. Each adds entries beside the Index line's own.
import type { Entry } from './dictionary';

type RawEntry = Omit<Entry, 'id' | 'key'>;

/** The Index's decompensated heart failure lines. */
const HEART_DECOMPENSATION = /^Failure, failed > heart > with > decompensation\b/;

export class OtherWords {
  private readonly decompensation: string;
  private readonly exacerbation: string;
  private readonly intestine: string;
  private readonly large: string;
  private readonly largeIntestine: readonly string[];
  private readonly disorders: RawEntry[] = [];

  constructor(private readonly normalize: (w: string) => string) {
    [this.decompensation, this.exacerbation, this.intestine, this.large] = ['decompensation', 'exacerbation', 'intestine', 'large'].map(normalize) as [string, string, string, string];
    this.largeIntestine = ['colon', 'sigmoid'].map(normalize);
  }

  /** The other readings of one Index line's entry, `said` being all its words (the unsaid ones too). */
  ofIndexLine(path: string, said: readonly string[], e: RawEntry): RawEntry[] {
    const out: RawEntry[] = [];
    // A heart failure's exacerbation is its decompensation, acute on chronic (I50.x3): "chronic diastolic
    // heart failure with exacerbation" is I50.33.
    if (HEART_DECOMPENSATION.test(path)) out.push({ ...e, words: e.words.map((w) => (w === this.decompensation ? this.exacerbation : w)) });
    // The colon and the sigmoid are the large intestine ("Diverticulum > sigmoid — see Diverticulosis,
    // intestine, large"): "sigmoid diverticulitis" is K57.32.
    if (said.includes(this.intestine) && said.includes(this.large)) out.push(...this.ofLargeIntestine(e));
    return out;
  }

  /** Titles and inclusion terms likewise: "Crohn's disease of the colon" is "… of large intestine" (K50.10). */
  ofTitles(raw: readonly RawEntry[]): RawEntry[] {
    return raw.filter((e) => e.source !== 'index' && e.words.includes(this.intestine) && e.words.includes(this.large)).flatMap((e) => this.ofLargeIntestine(e));
  }

  private ofLargeIntestine(e: RawEntry): RawEntry[] {
    // Not an injury's: "Injury > colon" has lines of its own.
    if (/^[ST]/.test(e.code)) return [];
    return this.largeIntestine.map((part) => ({ ...e, words: [...e.words.filter((w) => w !== this.intestine && w !== this.large), part] }));
  }

  /** A "Disorder > <part>" line (level 1, every word said, no nonessential modifier). */
  noteDisorderOfPart(e: RawEntry): void {
    this.disorders.push(e);
  }

  /**
   * "Eustachian tube dysfunction": the Index has only "Disorder > eustachian tube" (H69.9-), and a
   * coder reads a part's dysfunction there when "Dysfunction" has no line for it. Only for parts of the
   * body: "cognitive dysfunction" is no "Disorder > cognitive" (F09). Not a part of the musculoskeletal
   * system, whose "dysfunction" is the manipulator's somatic one (M99.-), not "Disorder > joint" (M25.9);
   * nor a line whose words the note may leave out ("pulmonary dysfunction" is no pulmonary valve disorder).
   */
  dysfunctionOfPart(raw: readonly RawEntry[], siteWords: ReadonlySet<string>): RawEntry[] {
    const [disorder, dysfunction] = [this.normalize('disorder'), this.normalize('dysfunction')];
    const partKey = (words: readonly string[], head: string): string => words.filter((w) => w !== head).sort().join(' ');
    const own = new Set(raw.filter((e) => e.words.includes(dysfunction)).map((e) => partKey(e.words, dysfunction)));
    return this.disorders.flatMap((e) => {
      const part = e.words.filter((w) => w !== disorder);
      if (part.length === 0 || !part.every((w) => siteWords.has(w)) || own.has(partKey(part, ''))) return [];
      return [{ ...e, words: [...part, dysfunction], level: e.level + 0.5 }];
    });
  }
}
