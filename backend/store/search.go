package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
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

// Search rows are keyed: an entry's row has a rowid derived from the entry's id (searchKey), so
// that rewriting it is a lookup. entry_id is UNINDEXED, and a WHERE on it alone reads the text of
// every row: each save then took time in proportion to the portfolio, and filling 10,000 entries
// took minutes. The key is a hash of the id rather than entries' implicit rowid, which VACUUM
// may renumber. An entry whose key is taken by another entry's row (a hash collision) takes the
// next free one of searchSlots keys. Rows from before keys (rowids below searchKeyBase, numbered
// by FTS5) are re-keyed by rebuilding the index at the first change that finds one.
const (
	searchKeyBase = int64(1) << 62
	searchSlots   = 16
)

// searchKey is the first rowid an entry's search row may have: searchKeyBase plus 61 bits of
// the FNV-1a hash of the id, so that the searchSlots keys from it stay far from overflowing.
func searchKey(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return searchKeyBase | int64(h.Sum64()>>3)
}

// reindexEntry rewrites the search row of an entry from its stored state and returns the entry.
func reindexEntry(ctx context.Context, tx *sql.Tx, id string) (portfolio.Entry, error) {
	e, err := getEntry(ctx, tx, id)
	if err != nil {
		return e, err
	}
	var unkeyed bool
	err = tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM entry_search WHERE rowid < ?)", searchKeyBase).Scan(&unkeyed)
	if err != nil {
		return e, err
	}
	if unkeyed {
		return e, rebuildSearch(ctx, tx)
	}
	key := searchKey(id)
	_, err = tx.ExecContext(ctx, "DELETE FROM entry_search WHERE rowid >= ? AND rowid < ? AND entry_id = ?",
		key, key+searchSlots, id)
	if err != nil {
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

// insertSearchRow adds the search row of an entry that has none, under the first free key of its
// slots.
func insertSearchRow(ctx context.Context, tx *sql.Tx, e portfolio.Entry) error {
	key := searchKey(e.ID)
	rows, err := tx.QueryContext(ctx, "SELECT rowid FROM entry_search WHERE rowid >= ? AND rowid < ?", key, key+searchSlots)
	if err != nil {
		return err
	}
	taken := map[int64]bool{}
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			rows.Close()
			return err
		}
		taken[r] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for slot := key; slot < key+searchSlots; slot++ {
		if !taken[slot] {
			_, err := tx.ExecContext(ctx, "INSERT INTO entry_search (rowid, entry_id, body) VALUES (?, ?, ?)",
				slot, e.ID, portfolio.SearchText(e))
			return err
		}
	}
	return fmt.Errorf("search index: the %d keys of entry %s are all taken", searchSlots, e.ID)
}
