-- Competency frameworks, their competencies, the alignments of entries to competencies and the
-- educator's own assessment of each competency.

CREATE TABLE frameworks (
    id             TEXT PRIMARY KEY NOT NULL, -- "unesco-ai-cft" for built-ins, else chosen by the importer
    title          TEXT NOT NULL,
    publisher      TEXT NOT NULL DEFAULT '',
    version        TEXT NOT NULL DEFAULT '',
    source_url     TEXT NOT NULL DEFAULT '',
    licence        TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    origin         TEXT NOT NULL CHECK (origin IN ('builtin', 'case', 'custom')),
    scale          TEXT NOT NULL CHECK (scale IN ('unesco_levels', 'proficiency')),
    case_id        TEXT NOT NULL DEFAULT '',
    case_uri       TEXT NOT NULL DEFAULT '',
    content_digest TEXT NOT NULL DEFAULT '', -- of a built-in's shipped data: unchanged means nothing to do
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- Competencies are never deleted while their framework exists: one that a later version drops is
-- retired (retired_at), so alignments to it survive, and comes back if a version restores it.
-- Ids are unique per framework (CASE item identifiers are used as they are).
CREATE TABLE competencies (
    framework_id TEXT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    parent_id    TEXT NOT NULL DEFAULT '', -- '' at the top level
    code         TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    level        TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL, -- among its siblings, from 1
    depth        INTEGER NOT NULL, -- 0 at the top level
    leaf         INTEGER NOT NULL CHECK (leaf IN (0, 1)),
    sort_order   INTEGER NOT NULL, -- depth-first place in the framework, retired ones included
    case_id      TEXT NOT NULL DEFAULT '',
    case_uri     TEXT NOT NULL DEFAULT '',
    retired_at   TEXT, -- set when a later version of the framework dropped it
    PRIMARY KEY (framework_id, id)
) WITHOUT ROWID;
CREATE INDEX competencies_id ON competencies (id);
CREATE INDEX competencies_order ON competencies (framework_id, sort_order);

-- An alignment belongs to its entry: it stays while the entry is in the trash and goes when the
-- trash is emptied.
CREATE TABLE alignments (
    id            TEXT PRIMARY KEY NOT NULL,
    entry_id      TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    framework_id  TEXT NOT NULL,
    competency_id TEXT NOT NULL,
    rationale     TEXT NOT NULL DEFAULT '',
    strength      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (entry_id, framework_id, competency_id),
    FOREIGN KEY (framework_id, competency_id) REFERENCES competencies (framework_id, id) ON DELETE CASCADE
);
-- The coverage map reads a framework's alignments; deleting a competency cascades through it.
CREATE INDEX alignments_competency ON alignments (framework_id, competency_id);

-- One row per assessed competency; no row means not started.
CREATE TABLE assessments (
    framework_id  TEXT NOT NULL,
    competency_id TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('in_progress', 'ready_for_review', 'met')),
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (framework_id, competency_id),
    FOREIGN KEY (framework_id, competency_id) REFERENCES competencies (framework_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
