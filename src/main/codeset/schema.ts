// The code-set database layout, in one place. Codes are stored undotted and upper-case.
export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE chapter (num INTEGER PRIMARY KEY, range TEXT NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL, title TEXT NOT NULL) STRICT;
CREATE TABLE block (id TEXT PRIMARY KEY, chapter INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL, title TEXT NOT NULL) STRICT;

-- Every code of every system. ord is the publisher's order (CMS order file; file order otherwise).
-- hcc is the space-separated V28 payment HCCs before hierarchies; has_notes is 1 when the code or an
-- ancestor up to its category carries instructional notes (block and chapter notes apply to nearly all).
CREATE TABLE code (
  id INTEGER PRIMARY KEY,
  system TEXT NOT NULL,
  code TEXT NOT NULL,
  display TEXT NOT NULL,
  billable INTEGER NOT NULL,
  short_desc TEXT NOT NULL,
  long_desc TEXT NOT NULL,
  parent TEXT,
  kind TEXT NOT NULL,
  chapter INTEGER,
  block TEXT,
  category TEXT,
  ord INTEGER NOT NULL,
  poa_exempt TEXT,
  hcc TEXT NOT NULL DEFAULT '',
  has_notes INTEGER NOT NULL DEFAULT 0,
  UNIQUE (system, code)
) STRICT;
CREATE INDEX code_children ON code (system, parent, ord);

-- Instructional notes (FY2021 tabular, corrected by note_override). A source is a chapter, a block
-- (with its FY2021 range) or a code; category_block_note says which block sources reach a FY2026 category.
CREATE TABLE note_source (id INTEGER PRIMARY KEY, source TEXT NOT NULL, level TEXT NOT NULL, code TEXT, chapter INTEGER, first TEXT, last TEXT) STRICT;
CREATE INDEX note_source_code ON note_source (code);
CREATE INDEX note_source_chapter ON note_source (chapter);
CREATE TABLE note (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL, override TEXT) STRICT;
CREATE INDEX note_by_source ON note (source_id, id);
CREATE TABLE note_override (id INTEGER PRIMARY KEY, code TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL, applied INTEGER NOT NULL) STRICT;
CREATE INDEX note_override_code ON note_override (code);
CREATE TABLE seventh_char (source_id INTEGER NOT NULL, character TEXT NOT NULL, meaning TEXT NOT NULL, PRIMARY KEY (source_id, character)) STRICT;
CREATE TABLE category_block_note (category TEXT NOT NULL, source_id INTEGER NOT NULL, PRIMARY KEY (category, source_id)) STRICT;

-- Alphabetic Index (source 'index'), External Cause Index ('eindex'). see_code is the code a "see"
-- reference leads to, resolved at build time where the Index itself resolves it.
CREATE TABLE index_term (
  id INTEGER PRIMARY KEY, source TEXT NOT NULL, level INTEGER NOT NULL, path TEXT NOT NULL, term TEXT NOT NULL,
  nemod TEXT, code TEXT, see TEXT, see_also TEXT, see_code TEXT, manif TEXT
) STRICT;
CREATE TABLE neoplasm (
  id INTEGER PRIMARY KEY, level INTEGER NOT NULL, path TEXT NOT NULL, term TEXT NOT NULL, nemod TEXT, see TEXT, see_also TEXT, manif TEXT,
  malignant_primary TEXT, malignant_secondary TEXT, ca_in_situ TEXT, benign TEXT, uncertain_behavior TEXT, unspecified_behavior TEXT
) STRICT;
CREATE TABLE drug (
  id INTEGER PRIMARY KEY, level INTEGER NOT NULL, path TEXT NOT NULL, term TEXT NOT NULL, nemod TEXT, see TEXT, see_also TEXT,
  poisoning_accidental TEXT, poisoning_intentional_self_harm TEXT, poisoning_assault TEXT, poisoning_undetermined TEXT,
  adverse_effect TEXT, underdosing TEXT
) STRICT;

CREATE TABLE hcc_map (code TEXT NOT NULL, hcc INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (code, hcc)) STRICT;
CREATE TABLE hcc_label (hcc INTEGER PRIMARY KEY, label TEXT NOT NULL) STRICT;
CREATE TABLE hcc_hierarchy (hcc INTEGER NOT NULL, drops INTEGER NOT NULL, PRIMARY KEY (hcc, drops)) STRICT;
CREATE TABLE hcc_coefficient (segment TEXT NOT NULL, variable TEXT NOT NULL, variable_type TEXT NOT NULL, hcc INTEGER, coefficient REAL NOT NULL, PRIMARY KEY (segment, variable)) STRICT;
CREATE TABLE dx_edit (id INTEGER PRIMARY KEY, code TEXT NOT NULL, edit_type TEXT NOT NULL, sex TEXT, age_min INTEGER, age_max INTEGER, action TEXT NOT NULL, hcc_override INTEGER) STRICT;
CREATE INDEX dx_edit_code ON dx_edit (code);

CREATE TABLE mce_age (code TEXT PRIMARY KEY, category TEXT NOT NULL, min_age INTEGER NOT NULL, max_age INTEGER NOT NULL) STRICT;
CREATE TABLE mce_manifestation (code TEXT PRIMARY KEY) STRICT;
CREATE TABLE mce_unacceptable (code TEXT PRIMARY KEY, edit TEXT NOT NULL) STRICT;

CREATE TABLE abbreviation (key TEXT PRIMARY KEY, abbreviation TEXT NOT NULL, expansion TEXT NOT NULL, codes TEXT NOT NULL) STRICT;

-- An organisation's licensed CPT file, imported by importCpt; empty as shipped (CPT is AMA copyright).
CREATE TABLE cpt (code TEXT PRIMARY KEY, short_desc TEXT NOT NULL, long_desc TEXT NOT NULL) STRICT;

-- Search documents: one per thing a coder may type to reach a code (its title, an inclusion term, an
-- Index line). Ids are assigned shortest-first so an unranked MATCH … LIMIT meets the tightest matches
-- first. ess encodes what must be covered for an exact match (see text.ts).
-- billable, sys (system rank) and ord repeat the code's so ranking candidates needs no join.
CREATE TABLE search_doc (
  id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL, via TEXT NOT NULL, path TEXT, ess TEXT NOT NULL, ntok INTEGER NOT NULL,
  billable INTEGER NOT NULL, sys INTEGER NOT NULL, ord INTEGER NOT NULL
) STRICT;
CREATE INDEX search_doc_code ON search_doc (code_id);
-- Every body token with its document count: the last, still-typed word of a query is expanded to the
-- most frequent tokens it starts, which FTS5 reads lazily, instead of a prefix query it merges in full.
CREATE TABLE vocab (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) STRICT, WITHOUT ROWID;
CREATE VIRTUAL TABLE search_fts USING fts5(body, tag, content='', contentless_delete=1, prefix='1 2 3', tokenize='unicode61');
`;
