-- Marks the file as a ReadyFolio database ("RFol"), so Open can refuse other SQLite files.
PRAGMA application_id = 1380347756;

CREATE TABLE profile (
    id           INTEGER PRIMARY KEY CHECK (id = 1), -- one portfolio per database
    portfolio_id TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    school       TEXT NOT NULL DEFAULT '',
    district     TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    bio          TEXT NOT NULL DEFAULT '',
    photo_sha256 TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Shared fields are columns; the fields of each kind are JSON in details, so a new kind needs
-- no schema change.
CREATE TABLE entries (
    id                 TEXT PRIMARY KEY NOT NULL,
    kind               TEXT NOT NULL,
    title              TEXT NOT NULL,
    status             TEXT NOT NULL,
    include_in_exports INTEGER NOT NULL CHECK (include_in_exports IN (0, 1)),
    position           INTEGER NOT NULL,
    start_date         TEXT, -- YYYY-MM-DD or NULL
    end_date           TEXT,
    details            TEXT NOT NULL CHECK (json_valid(details)),
    reflection         TEXT NOT NULL CHECK (json_valid(reflection)),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT -- set while the entry is in the trash
);
CREATE INDEX entries_live_position ON entries (position) WHERE deleted_at IS NULL;
CREATE INDEX entries_trashed ON entries (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE entry_tags (
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag_key  TEXT NOT NULL, -- lower case, for case-insensitive filters and counts
    tag      TEXT NOT NULL, -- as the educator wrote it
    position INTEGER NOT NULL, -- keeps the educator's order
    PRIMARY KEY (entry_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX entry_tags_key ON entry_tags (tag_key);

CREATE TABLE artifacts (
    id         TEXT PRIMARY KEY NOT NULL,
    entry_id   TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    type       TEXT NOT NULL CHECK (type IN ('file', 'link')),
    role       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    file_name  TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT '',
    size       INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
    sha256     TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    link_title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX artifacts_entry ON artifacts (entry_id, position);
CREATE INDEX artifacts_sha256 ON artifacts (sha256);
