-- Review: one item per code on the chart (existing, added by the coder, or suggested) with its current
-- disposition, and the decisions that got it there. Decisions keep the item's state before and after,
-- so undo restores exactly what was there.
CREATE TABLE review_items (
  id TEXT PRIMARY KEY,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  ordinal INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('existing', 'added', 'suggested')),
  existing_source TEXT CHECK (existing_source IN ('claim', 'problem-list')),
  system TEXT NOT NULL CHECK (system IN ('icd10cm', 'icd10pcs', 'hcpcs', 'cpt')),
  code TEXT NOT NULL,
  replaced_code TEXT,
  disposition TEXT NOT NULL CHECK (disposition IN ('pending', 'accepted', 'rejected', 'delete_proposed', 'query')),
  reason TEXT CHECK (reason IN ('not_documented', 'meat_missing', 'wrong_specificity', 'ruled_out', 'history_only', 'other')),
  reason_text TEXT,
  query_note TEXT,
  -- JSON array of {documentId, start, end, quote}; quotes verified verbatim against the document.
  evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
  -- JSON of the suggestion (kind, confidence, provenance …) for suggested items.
  suggestion TEXT CHECK (suggestion IS NULL OR json_valid(suggestion)),
  -- 0 once an added item is undone: kept (decisions point at it) but no longer on the chart.
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (encounter_id, ordinal)
) STRICT;

CREATE TABLE review_decisions (
  id TEXT PRIMARY KEY,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  item_id TEXT NOT NULL REFERENCES review_items (id),
  action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'delete', 'change', 'add', 'query')),
  -- Item state as JSON before (NULL for add) and after the action.
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT NOT NULL CHECK (json_valid(after)),
  user_id TEXT NOT NULL REFERENCES users (id),
  audit_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  -- Set when the decision is undone: the audit seq of the undo event.
  undone_audit_seq INTEGER,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX review_decisions_encounter ON review_decisions (encounter_id, audit_seq);
