// Everything the encoder shows about one code, gathered from the lookup and a few direct queries.
import type Database from 'better-sqlite3';
import { normalizeCode } from '../../shared/codeset/format';
import type { CodeDetail, CodePathStep, NoteCorrection } from '../../shared/codeset/search';
import type { CodeSystemId } from '../../shared/codeset/types';
import { toRecord, type SqliteLookup } from './lookup';

const SQL = {
  chapter: 'SELECT num, title FROM chapter WHERE num = ?',
  block: 'SELECT id, title FROM block WHERE id = ?',
  corrections: 'SELECT code, kind, action, text, reason FROM note_override WHERE code = ? AND applied = 1 ORDER BY id',
  indexTerms: "SELECT DISTINCT path FROM search_doc WHERE code_id = ? AND via = 'index' ORDER BY path LIMIT 200",
  coefficient: "SELECT coefficient FROM hcc_coefficient WHERE segment = 'CNA' AND variable = ?",
} as const;

export type DetailFn = (system: CodeSystemId, code: string) => CodeDetail | null;

export function createDetail(db: Database.Database, lookup: SqliteLookup): DetailFn {
  const stmt = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as { [K in keyof typeof SQL]: Database.Statement };

  return function detail(system: CodeSystemId, input: string): CodeDetail | null {
    const row = lookup.row(system, input);
    if (!row) return null;
    const record = toRecord(row);
    const code = normalizeCode(input);
    const icd = system === 'icd10cm';
    const path: CodePathStep[] = [];
    const ancestry = icd ? lookup.ancestry(code) : [row];
    if (icd && row.chapter !== null) {
      const ch = stmt.chapter.get(row.chapter) as { num: number; title: string } | undefined;
      if (ch) path.push({ kind: 'chapter', id: `Chapter ${ch.num}`, display: `Chapter ${ch.num}`, title: ch.title });
      const bl = row.block ? (stmt.block.get(row.block) as { id: string; title: string } | undefined) : undefined;
      if (bl) path.push({ kind: 'block', id: bl.id, display: bl.id, title: bl.title });
    } else if (!icd && row.parent) {
      const parent = lookup.row(system, row.parent);
      if (parent) path.push({ kind: parent.kind, id: parent.code, display: parent.display, title: parent.long_desc });
    }
    for (const r of [...ancestry].reverse()) path.push({ kind: r.kind, id: r.code, display: r.display, title: r.long_desc });

    const noteCorrections: NoteCorrection[] = icd ? ancestry.flatMap((r) => stmt.corrections.all(r.code) as NoteCorrection[]) : [];
    const hccs = icd
      ? lookup.hccs(code).map((hcc) => {
          const coef = stmt.coefficient.get(`HCC${hcc}`) as { coefficient: number } | undefined;
          return { hcc, label: lookup.hccLabel(hcc) ?? `HCC ${hcc}`, coefficient: coef ? coef.coefficient : null, segment: 'CNA' as const };
        })
      : [];
    return {
      record,
      path,
      children: lookup.children(system, code),
      notes: icd ? lookup.notes(code) : [],
      seventhCharacters: icd ? lookup.seventhCharacters(code) : [],
      noteCorrections,
      hccs,
      mceAge: icd ? (lookup.mceAge(code) ?? null) : null,
      manifestationNotPrincipal: icd ? lookup.isManifestationNotPrincipal(code) : false,
      unacceptablePrincipal: icd ? (lookup.unacceptablePrincipal(code) ?? null) : null,
      dxEdits: icd ? lookup.dxEdits(code) : [],
      validFiscalYears: system === 'icd10cm' || system === 'icd10pcs' ? [...lookup.fiscalYears] : [],
      poaExempt: icd && row.poa_exempt ? row.poa_exempt === 'Y' : null,
      indexTerms: (stmt.indexTerms.all(row.id) as Array<{ path: string }>).map((t) => ({ path: t.path })),
    };
  };
}
