package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const (
	defaultSearchLimit = 50
	// maxSearchTerms bounds the work a pasted paragraph can cause; nobody types more words.
	maxSearchTerms = 32
)

// Search finds the live entries that contain every word of query as a word or the start of one,
// so results appear while the educator types, best match (bm25) first; a query of single
// characters lists its matches in the educator's own order. Accents and case do not matter. Any text is a valid query; text without letters or digits finds nothing. limit <= 0
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
		ids, rowids, err := bestMatches(ctx, tx, query, match, limit)
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

// bestMatches returns the ids and search rows of the live entries to show, best first. A query
// of single characters (the first letter typed) matches most of a portfolio, and ranking by
// how often words that start with it occur says nothing: those matches come in the educator's
// own order, which needs no score for every match.
func bestMatches(ctx context.Context, tx *sql.Tx, query, match string, limit int) ([]string, []int64, error) {
	if !slices.ContainsFunc(searchWords(query), func(w string) bool { return utf8.RuneCountInString(w) > 1 }) {
		return firstInEducatorsOrder(ctx, tx, match, limit)
	}
	ranked, err := rankedRows(ctx, tx, match, limit)
	if err != nil {
		return nil, nil, err
	}
	return liveInOrder(ctx, tx, ranked, limit)
}

// firstInEducatorsOrder returns the first limit live entries in the educator's order that match.
// The matches are collected from the search index alone, then the index entries_live_order is
// walked in order until enough have matched; "+" keeps SQLite from looking up every match's
// entry instead, which read and sorted them all.
func firstInEducatorsOrder(ctx context.Context, tx *sql.Tx, match string, limit int) ([]string, []int64, error) {
	rows, err := tx.QueryContext(ctx, firstInOrderQuery, match, limit)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	ids, rowids := []string{}, []int64{}
	for rows.Next() {
		var row int64
		var id string
		if err := rows.Scan(&row, &id); err != nil {
			return nil, nil, err
		}
		ids, rowids = append(ids, id), append(rowids, row)
	}
	return ids, rowids, rows.Err()
}

const firstInOrderQuery = `SELECT e.search_rowid, e.id FROM entries e
	WHERE e.deleted_at IS NULL AND +e.search_rowid IN (SELECT rowid FROM entry_search WHERE entry_search MATCH ?)
	ORDER BY ` + manualOrder + ` LIMIT ?`

// rankedRow is a match in the index, by rowid, with its bm25 score (lower is better).
type rankedRow struct {
	row   int64
	score float64
}

// rankedRows returns the best matches, best first: enough of them that limit live entries remain
// after dropping the trashed ones. Among matches as good as each other, the educator's order
// decides which comes first (liveInOrder); where the limit cuts through such a tie, the index's
// own order decides which make the cut. Reading every equal match to decide that cut by the
// educator's order doubled the time of a search that thousands of entries match.
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
		if len(out) >= limit+trashed {
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
	rows, err := tx.QueryContext(ctx, `SELECT e.search_rowid, e.id FROM entries e
		WHERE e.search_rowid IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL
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
	words := searchWords(query)
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + w + `"*`
	}
	return strings.Join(terms, " ")
}

// searchWords splits what the educator typed into the words searched for: runs of letters,
// digits and combining marks, at most maxSearchTerms of them.
func searchWords(query string) []string {
	words := strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.Co)
	})
	return words[:min(len(words), maxSearchTerms)]
}

// reindexEntry rewrites the search row of an entry from its stored state and returns the entry.
func reindexEntry(ctx context.Context, tx *sql.Tx, id string) (portfolio.Entry, error) {
	e, err := getEntry(ctx, tx, id)
	if err != nil {
		return e, err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM entry_search WHERE rowid = (SELECT search_rowid FROM entries WHERE id = ?)", id)
	if err != nil {
		return e, err
	}
	return e, insertSearchRow(ctx, tx, e)
}

// rebuildSearch indexes every entry anew; migration 5 fills its new index with it.
func rebuildSearch(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM entry_search"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE entries SET search_rowid = NULL"); err != nil {
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

// insertSearchRow adds the search row of an entry that has none and records its rowid on the
// entry.
func insertSearchRow(ctx context.Context, tx *sql.Tx, e portfolio.Entry) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO entry_search (entry_id, body) VALUES (?, ?)", e.ID, portfolio.SearchText(e))
	if err != nil {
		return err
	}
	row, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE entries SET search_rowid = ? WHERE id = ?", row, e.ID)
	return err
}
