-- Charts: de-identified patients, encounters, their documents and the codes already on them.
-- Ids are UUIDs (pseudonymous for imported records) so rows can cross to the server; rows that sync
-- carry `version`, bumped on every local change.

-- The people who work on this install. One row is the local (signed-in) user.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('coder', 'auditor', 'lead', 'admin')),
  is_local INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  birth_year INTEGER,
  sex TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE encounters (
  id TEXT PRIMARY KEY,
  -- Insertion order, for the "imported" sort and stable tie-breaks.
  import_seq INTEGER NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  setting TEXT NOT NULL CHECK (setting IN ('inpatient', 'outpatient', 'professional')),
  date_of_service TEXT NOT NULL,
  payer TEXT,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'pending_query', 'on_hold', 'done')),
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  due TEXT,
  -- Sorts "no due date" last in both directions of the index without NULL handling in every query.
  due_key TEXT GENERATED ALWAYS AS (coalesce(due, '9999-12-31')) VIRTUAL,
  title TEXT NOT NULL,
  assignee_id TEXT REFERENCES users (id),
  document_count INTEGER NOT NULL DEFAULT 0,
  code_count INTEGER NOT NULL DEFAULT 0,
  -- Lower-cased title, patient label, payer and existing codes: what the worklist search looks in.
  search_text TEXT NOT NULL DEFAULT '',
  -- How it arrived ("import", "demo"); never a file name, which can hold a patient's name.
  source TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- The worklist is always "my queue" (assignee) narrowed by status and walked in one sort order;
-- one index per sort keeps filter + first page + counts on an index range at 100k charts.
CREATE INDEX encounters_queue_due ON encounters (assignee_id, status, due_key, priority, import_seq);
CREATE INDEX encounters_queue_priority ON encounters (assignee_id, status, priority, due_key, import_seq);
CREATE INDEX encounters_queue_dos ON encounters (assignee_id, status, date_of_service, import_seq);
CREATE INDEX encounters_queue_imported ON encounters (assignee_id, status, import_seq);
CREATE INDEX encounters_all_due ON encounters (assignee_id, due_key, priority, import_seq);
CREATE INDEX encounters_all_priority ON encounters (assignee_id, priority, due_key, import_seq);
CREATE INDEX encounters_all_dos ON encounters (assignee_id, date_of_service, import_seq);
CREATE INDEX encounters_payer ON encounters (assignee_id, payer);
CREATE INDEX encounters_patient ON encounters (patient_id, date_of_service);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  author_role TEXT,
  date TEXT,
  text TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (encounter_id, ordinal)
) STRICT;

-- Codes that came with the encounter: a draft claim or the problem list (`claim`, `problem-list`), and
-- codes finalised at the source (`final`, e.g. the samples' gold codes), and the codes a coder submitted here (`coded`).
CREATE TABLE encounter_codes (
  id TEXT PRIMARY KEY,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  source TEXT NOT NULL CHECK (source IN ('claim', 'problem-list', 'final', 'coded')),
  system TEXT NOT NULL CHECK (system IN ('icd10cm', 'icd10pcs', 'hcpcs', 'cpt')),
  code TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX encounter_codes_encounter ON encounter_codes (encounter_id, source, ordinal);

-- Who a chart is assigned to, with due date and priority, as history (the current one is on encounters).
CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  due TEXT,
  assigned_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX assignments_encounter ON assignments (encounter_id);

-- Local writes that must reach the server, written in the same transaction as the change itself.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
