// The curated chart-abbreviation list (resources/abbreviations.tsv; its header names the sources).
import { readFileSync } from 'node:fs';
import { normalizeCode } from '../../shared/codeset/format';
import { rawTokens } from './text';

export interface Abbreviation {
  /** Raw tokens of the abbreviation joined by one space ("ckd 3a"): the form queries are matched on. */
  key: string;
  abbreviation: string;
  expansion: string;
  /** Undotted ICD-10-CM codes. */
  codes: string[];
}

export function parseAbbreviations(text: string, fileLabel: string): Abbreviation[] {
  const out: Abbreviation[] = [];
  const seen = new Set<string>();
  let headerSeen = false;
  text.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    if (!headerSeen) {
      headerSeen = true;
      if (line !== 'abbreviation\texpansion\tcodes') throw new Error(`${fileLabel} line ${i + 1}: expected header "abbreviation<TAB>expansion<TAB>codes"`);
      return;
    }
    const cells = line.split('\t');
    if (cells.length !== 3 || cells[0].trim() === '' || cells[1].trim() === '') {
      throw new Error(`${fileLabel} line ${i + 1}: expected abbreviation<TAB>expansion<TAB>codes`);
    }
    const key = rawTokens(cells[0]).join(' ');
    if (key === '') throw new Error(`${fileLabel} line ${i + 1}: abbreviation has no letters or digits`);
    if (seen.has(key)) throw new Error(`${fileLabel} line ${i + 1}: duplicate abbreviation "${cells[0]}"`);
    seen.add(key);
    const codes = cells[2].split(/\s+/).filter((c) => c !== '').map(normalizeCode);
    out.push({ key, abbreviation: cells[0].trim(), expansion: cells[1].trim(), codes });
  });
  return out;
}

export function readAbbreviations(file: string): Abbreviation[] {
  return parseAbbreviations(readFileSync(file, 'utf8'), file);
}
