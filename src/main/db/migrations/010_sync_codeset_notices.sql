-- Code-set releases the organisation announced through its sync server (the pull feed's 'codeset'
-- changes), the newest per code system. Kept here so the coder is told, offline too, that the
-- organisation has moved to an edition this install may not have; whether it does is decided when
-- the status is read, against the code set loaded then, so installing the update clears the warning.
CREATE TABLE sync_codeset_notices (
  -- Normalised system id ('icd10cm' for "ICD-10-CM"), so two spellings of one system are one row.
  system TEXT PRIMARY KEY,
  -- The system as the admin wrote it.
  system_name TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  code_set_version TEXT NOT NULL,
  note TEXT,
  -- The server's version of the notice; a later announcement for the system supersedes this one.
  version INTEGER NOT NULL,
  -- Server clock; NULL when the server did not send it (received_at is shown instead).
  announced_at TEXT,
  received_at TEXT NOT NULL
) STRICT;
