-- Key/value settings that belong to this install (theme choice, window state is kept by the shell).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- One row per rebound command; commands without a row use their default keys.
CREATE TABLE keybindings (
  command TEXT PRIMARY KEY,
  keys TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
