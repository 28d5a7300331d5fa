package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const (
	defaultSearchLimit = 50
	// maxSearchTerms bounds the work a pasted paragraph can cause; nobody types more words.
	maxSearchTerms = 32
)

// Search finds the live entries that contain every word of query as a word or the start of one,
// so results appear while the educator types, best match (bm25) first. Accents and case do not
// matter. Any text is a valid query; text without letters or digits finds nothing. limit <= 0
// means 50.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]portfolio.SearchHit, error) {
	hits := []portfolio.SearchHit{}
	match := matchExpression(query)
	if match == "" {
		return hits, nil
	}
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	err := s.read(ctx, "search", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT entry_search.entry_id,
				snippet(entry_search, 1, '[', ']', '…', 12)
			FROM entry_search JOIN entries e ON e.id = entry_search.entry_id
			WHERE entry_search MATCH ? AND e.deleted_at IS NULL
			ORDER BY bm25(entry_search), `+manualOrder+` LIMIT ?`, match, limit)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var h portfolio.SearchHit
			if err := rows.Scan(&h.Entry.ID, &h.Snippet); err != nil {
				rows.Close()
				return err
			}
			// The body is one field per line; an excerpt reads better on one line.
			h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
			hits = append(hits, h)
			ids = append(ids, h.Entry.ID)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		entries, err := queryEntries(ctx, tx, "e.id IN (SELECT value FROM json_each(?))", manualOrder, jsonArray(ids))
		if err != nil {
			return err
		}
		index := entryIndex(entries)
		for i := range hits {
			hits[i].Entry = entries[index[hits[i].Entry.ID]]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return hits, nil
}

// matchExpression turns what the educator typed into an FTS5 query that cannot be a syntax
// error: words are split on everything but letters, digits and combining marks, so no quote
// survives, and each word is quoted, which makes AND, OR, NOT and NEAR plain words. Every word
// is a prefix, so "zo" finds "Zoë" and a half-typed earlier word still matches.
func matchExpression(query string) string {
	words := strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.Co)
	})
	if len(words) > maxSearchTerms {
		words = words[:maxSearchTerms]
	}
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + w + `"*`
	}
	return strings.Join(terms, " ")
}

// reindexEntry rewrites the search row of an entry from its stored state and returns the entry.
func reindexEntry(ctx context.Context, tx *sql.Tx, id string) (portfolio.Entry, error) {
	e, err := getEntry(ctx, tx, id)
	if err != nil {
		return e, err
	}
	// entry_id is UNINDEXED, so this scans the index's rows: cheap at a portfolio's size, and it
	// avoids tying the index to entries' implicit rowids, which VACUUM may renumber.
	if _, err := tx.ExecContext(ctx, "DELETE FROM entry_search WHERE entry_id = ?", id); err != nil {
		return e, err
	}
	return e, insertSearchRow(ctx, tx, e)
}

// rebuildSearch indexes every entry anew; migration 2 fills the new index with it.
func rebuildSearch(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM entry_search"); err != nil {
		return err
	}
	entries, err := queryEntries(ctx, tx, "1 = 1", "e.id")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := insertSearchRow(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}

func insertSearchRow(ctx context.Context, tx *sql.Tx, e portfolio.Entry) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO entry_search (entry_id, body) VALUES (?, ?)", e.ID, portfolio.SearchText(e))
	return err
}
