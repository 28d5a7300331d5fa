-- Full-text index of portfolio.SearchText(entry), one row per entry (trashed ones included, so
-- a restore needs no re-index). The store rewrites a row in the same transaction as every change
-- to its entry or the entry's artifacts, and fills the table for existing entries right after
-- this migration.
CREATE VIRTUAL TABLE entry_search USING fts5 (
    entry_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
