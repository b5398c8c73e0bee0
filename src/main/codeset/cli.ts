// `plumbline search` and `plumbline code`: plain functions returning the text to print (a table, or
// JSON with --json). The CLI dispatcher owns argument parsing and opening the code set.
import { SYSTEM_LABELS, normalizeCode } from '../../shared/codeset/format';
import type { CodeDetail, SearchHit } from '../../shared/codeset/search';
import type { CodeSystemId, NoteKind } from '../../shared/codeset/types';
import { renderTable } from '../../shared/edits/text-table';
import { SYSTEMS } from './lookup';
import type { CodeSet } from './open';
import { checkLimit, checkSystem } from './search';

const NOTE_LABELS: Readonly<Record<NoteKind, string>> = {
  includes: 'Includes',
  inclusion_terms: 'Inclusion term',
  excludes1: 'Excludes1',
  excludes2: 'Excludes2',
  code_first: 'Code first',
  use_additional_code: 'Use additional code',
  code_also: 'Code also',
  notes: 'Note',
  seven_chr_note: '7th character note',
};

export function runSearch(args: { query: string; system?: string; limit?: number; json: boolean; codeSet: CodeSet }): string {
  if (args.query.trim() === '') throw new Error('Nothing to search for: give words, an abbreviation or a code');
  const system = checkSystem(args.system);
  const limit = checkLimit(args.limit);
  const hits = args.codeSet.search(args.query, { system, limit });
  if (args.json) return JSON.stringify(hits, null, 2);
  if (hits.length === 0) return `No codes found for "${args.query.slice(0, 80)}" (${args.codeSet.version}).`;
  return renderTable(
    [
      { header: 'Code', max: 9 },
      { header: 'System', max: 10 },
      { header: 'Bill', max: 4 },
      { header: 'HCC', max: 7 },
      { header: 'Notes', max: 5 },
      { header: 'Via', max: 12 },
      { header: 'Description', max: 70 },
    ],
    hits.map((h: SearchHit) => [
      h.display,
      SYSTEM_LABELS[h.system],
      h.billable ? 'yes' : 'no',
      h.hcc.join(','),
      h.hasNotes ? 'yes' : '',
      h.matchedVia,
      h.indexPath ? `${h.description}\nIndex: ${h.indexPath}` : h.description,
    ]),
  );
}

/** Which system a bare code belongs to: the one given, or the first system (ICD-10-CM first) that has it. */
function findCode(codeSet: CodeSet, code: string, system: CodeSystemId | undefined): { detail: CodeDetail; others: CodeSystemId[] } {
  if (!/^[A-Za-z0-9.-]{2,10}$/.test(code.trim())) throw new Error(`"${code.slice(0, 40)}" is not a code`);
  const systems = system ? [system] : code.includes('.') ? (['icd10cm'] as CodeSystemId[]) : SYSTEMS;
  const found = systems.filter((s) => codeSet.code(s, code) !== undefined);
  if (found.length === 0) {
    const where = system ? SYSTEM_LABELS[system] : 'any loaded code set';
    throw new Error(`Unknown code ${normalizeCode(code)}: not in ${where} (${codeSet.version})`);
  }
  const detail = codeSet.detail(found[0], code);
  if (!detail) throw new Error(`Unknown code ${normalizeCode(code)}`);
  return { detail, others: found.slice(1) };
}

export function runCode(args: { code: string; system?: string; json: boolean; codeSet: CodeSet }): string {
  const { detail: d, others } = findCode(args.codeSet, args.code, checkSystem(args.system));
  if (args.json) return JSON.stringify(d, null, 2);
  const r = d.record;
  const lines: string[] = [];
  lines.push(`${r.display}  ${r.description}`);
  const facts = [SYSTEM_LABELS[r.system], r.billable ? 'billable' : r.kind === 'modifier' ? 'modifier' : 'header (not billable)'];
  if (d.validFiscalYears.length > 0) facts.push(`valid FY${d.validFiscalYears.join(', FY')}`);
  if (d.poaExempt !== null) facts.push(d.poaExempt ? 'POA exempt' : 'POA required');
  lines.push(facts.join(' · '));
  if (others.length > 0) lines.push(`Also a ${others.map((s) => SYSTEM_LABELS[s]).join(' and ')} code: add --system ${others[0]} to see it.`);
  if (d.path.length > 1) {
    lines.push('', 'Path:');
    d.path.forEach((p, i) => lines.push(`${'  '.repeat(i + 1)}${p.display}  ${p.title}`));
  }
  if (d.hccs.length > 0) {
    lines.push('', 'CMS-HCC V28:');
    for (const h of d.hccs) lines.push(`  HCC ${h.hcc}  ${h.label}  (CNA ${h.coefficient ?? 'n/a'})`);
  } else if (r.system === 'icd10cm') {
    lines.push('', 'CMS-HCC V28: no payment HCC');
  }
  const edits: string[] = [];
  if (d.mceAge) edits.push(`MCE age: ${d.mceAge.category} (${d.mceAge.minAge}-${d.mceAge.maxAge})`);
  if (d.manifestationNotPrincipal) edits.push('MCE: manifestation code, not allowed as principal diagnosis');
  if (d.unacceptablePrincipal) edits.push(`MCE: ${d.unacceptablePrincipal.replace(/_/g, ' ')} as principal diagnosis`);
  for (const e of d.dxEdits) {
    const who = e.editType === 'sex' ? `sex ${e.sex}` : `age ${e.ageMin ?? 0}-${e.ageMax ?? '∞'}`;
    edits.push(`V28 ${e.editType} edit: ${who} → ${e.action}${e.hccOverride !== null ? ` (HCC ${e.hccOverride})` : ''}`);
  }
  if (edits.length > 0) lines.push('', 'Edits:', ...edits.map((e) => `  ${e}`));
  if (d.notes.length > 0) {
    lines.push('', 'Instructional notes:');
    for (const n of d.notes) lines.push(`  ${NOTE_LABELS[n.kind]}: ${n.text}  [${n.source}]`);
  }
  for (const c of d.noteCorrections) lines.push(`  FY2026 correction (${c.action} ${c.kind} "${c.text}"): ${c.reason}`);
  if (d.seventhCharacters.length > 0) {
    lines.push('', `7th characters [${d.seventhCharacters[0].source}]:`);
    for (const s of d.seventhCharacters) lines.push(`  ${s.character}  ${s.meaning}`);
  }
  if (d.children.length > 0) {
    lines.push('', `Children (${d.children.length}):`);
    for (const c of d.children.slice(0, 50)) lines.push(`  ${c.display}${c.billable ? '' : ' (header)'}  ${c.description}`);
    if (d.children.length > 50) lines.push(`  … ${d.children.length - 50} more`);
  }
  if (d.indexTerms.length > 0) {
    lines.push('', 'Index entries leading here:');
    for (const t of d.indexTerms.slice(0, 20)) lines.push(`  ${t.path}`);
    if (d.indexTerms.length > 20) lines.push(`  … ${d.indexTerms.length - 20} more`);
  }
  return lines.join('\n');
}
