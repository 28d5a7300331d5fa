-- Credentials the educator holds (certifications, micro-credentials, badges), settings such as
-- the rubric new tool evaluations are scored against, and one view of every blob the database
-- refers to.

CREATE TABLE credentials (
    id               TEXT PRIMARY KEY NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('certification', 'micro_credential', 'badge')),
    name             TEXT NOT NULL,
    issuer           TEXT NOT NULL DEFAULT '',
    issued_on        TEXT, -- YYYY-MM-DD or NULL
    expires_on       TEXT, -- NULL when it does not expire
    credential_id    TEXT NOT NULL DEFAULT '', -- the issuer's identifier for it
    verification_url TEXT NOT NULL DEFAULT '',
    -- The credential file itself, in the blob store; all empty when there is none.
    file_name        TEXT NOT NULL DEFAULT '',
    media_type       TEXT NOT NULL DEFAULT '',
    size             INTEGER NOT NULL DEFAULT 0,
    sha256           TEXT NOT NULL DEFAULT '',
    badge_format     TEXT NOT NULL DEFAULT '', -- the Open Badges format of the file, '' if it is none
    position         INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX credentials_sha256 ON credentials (sha256) WHERE sha256 <> '';

-- Values are JSON.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value))
) WITHOUT ROWID;

-- Every blob the database refers to, once: attached files, credential files, the profile photo.
-- Size and media type come from the rows that know them (the photo's row knows neither: -1, '').
CREATE VIEW blob_refs (sha256, size, media_type) AS
    SELECT sha256, MAX(size), MAX(media_type) FROM (
        SELECT sha256, size, media_type FROM artifacts WHERE type = 'file'
        UNION ALL
        SELECT sha256, size, media_type FROM credentials WHERE sha256 <> ''
        UNION ALL
        SELECT photo_sha256, -1, '' FROM profile WHERE photo_sha256 <> ''
    ) GROUP BY sha256;
