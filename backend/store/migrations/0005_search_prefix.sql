-- The search index again, now with prefix indexes for the first one to three characters: every
-- word typed is searched as a prefix, and without them the first letters typed had to merge the
-- rows of every word that starts with them. Each entry records the rowid of its search row, so
-- that rewriting the row is a lookup (entry_search.entry_id is UNINDEXED: a WHERE on it reads
-- every row's text) and a search can go from its matches to entries through an index. The store
-- fills the index again right after this migration.
DROP TABLE entry_search;
CREATE VIRTUAL TABLE entry_search USING fts5 (
    entry_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
ALTER TABLE entries ADD COLUMN search_rowid INTEGER;
CREATE UNIQUE INDEX entries_search_rowid ON entries (search_rowid);

-- The educator's order of live entries, with each one's search row: a one-character search walks
-- it in order and stops at the limit, reading no entry it does not show. It replaces the index
-- on position alone.
DROP INDEX entries_live_position;
CREATE INDEX entries_live_order ON entries (position, created_at, id, search_rowid) WHERE deleted_at IS NULL;
