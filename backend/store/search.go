package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
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
		ranked, err := rankedRows(ctx, tx, match, limit)
		if err != nil {
			return err
		}
		ids, rowids, err := liveInOrder(ctx, tx, ranked, limit)
		if err != nil {
			return err
		}
		snippets, err := searchSnippets(ctx, tx, match, rowids)
		if err != nil {
			return err
		}
		entries, err := queryEntries(ctx, tx, "e.id IN (SELECT value FROM json_each(?))", manualOrder, jsonArray(ids))
		if err != nil {
			return err
		}
		index := entryIndex(entries)
		for _, id := range ids {
			// The body is one field per line; an excerpt reads better on one line.
			hits = append(hits, portfolio.SearchHit{Entry: entries[index[id]], Snippet: strings.Join(strings.Fields(snippets[id]), " ")})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return hits, nil
}

// A search works in three steps, so that only the rows it shows are read in full. Ranking every
// match reads the index alone; reading each match's entry_id (its text's row) and entry, and
// making an excerpt of every match, took most of the time of a search that matches thousands of
// entries (one letter typed). See TestSearchOrder for the order it keeps.

// rankedRow is a match in the index, by rowid, with its bm25 score (lower is better).
type rankedRow struct {
	row   int64
	score float64
}

// rankedRows returns the best matches, best first: enough of them that limit live entries remain
// after dropping the trashed ones, and every further match as good as the last of those, since
// the educator's order decides between equal scores.
func rankedRows(ctx context.Context, tx *sql.Tx, match string, limit int) ([]rankedRow, error) {
	var trashed int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL").Scan(&trashed); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT rowid, rank FROM entry_search WHERE entry_search MATCH ? ORDER BY rank", match)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []rankedRow
	for rows.Next() {
		var r rankedRow
		if err := rows.Scan(&r.row, &r.score); err != nil {
			return nil, err
		}
		if len(out) >= limit+trashed && r.score != out[len(out)-1].score {
			break
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// liveInOrder returns the ids and search rows of the live entries among ranked, best score first
// and in the educator's order among equal scores, at most limit.
func liveInOrder(ctx context.Context, tx *sql.Tx, ranked []rankedRow, limit int) ([]string, []int64, error) {
	score := make(map[int64]float64, len(ranked))
	rowids := make([]int64, len(ranked))
	for i, r := range ranked {
		score[r.row], rowids[i] = r.score, r.row
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.rowid, e.id FROM entry_search s JOIN entries e ON e.id = s.entry_id
		WHERE s.rowid IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL
		ORDER BY `+manualOrder, jsonInts(rowids))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	type hit struct {
		id    string
		row   int64
		score float64
	}
	var live []hit // in the educator's order
	for rows.Next() {
		var row int64
		var id string
		if err := rows.Scan(&row, &id); err != nil {
			return nil, nil, err
		}
		live = append(live, hit{id, row, score[row]})
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	slices.SortStableFunc(live, func(a, b hit) int { return cmp.Compare(a.score, b.score) })
	live = live[:min(limit, len(live))]
	ids, shown := make([]string, len(live)), make([]int64, len(live))
	for i, h := range live {
		ids[i], shown[i] = h.id, h.row
	}
	return ids, shown, nil
}

// searchSnippets returns the excerpt around the match of each of the given rows, by entry id.
// The query goes once through the matches, making excerpts of the given rows only: "+rowid"
// keeps SQLite from handing the rowids to FTS5 as constraints, which would then evaluate the
// query anew for each row, prefix terms included.
func searchSnippets(ctx context.Context, tx *sql.Tx, match string, rowids []int64) (map[string]string, error) {
	out := make(map[string]string, len(rowids))
	rows, err := tx.QueryContext(ctx, `SELECT entry_id, snippet(entry_search, 1, '[', ']', '…', 12) FROM entry_search
		WHERE entry_search MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`, match, jsonInts(rowids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, snippet string
		if err := rows.Scan(&id, &snippet); err != nil {
			return nil, err
		}
		out[id] = snippet
	}
	return out, rows.Err()
}

// jsonInts encodes a list of integers for json_each.
func jsonInts(values []int64) string {
	b, _ := json.Marshal(values) // integers always encode
	return string(b)
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
