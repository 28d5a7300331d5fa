package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const entryColumns = `e.id, e.kind, e.title, e.status, e.include_in_exports, e.position, e.start_date,
	e.end_date, e.details, e.reflection, e.created_at, e.updated_at, e.deleted_at`

// CreateEntry normalizes e and stores it as a new entry at the end of the manual order. Its id,
// position and timestamps are assigned here. Artifacts in e.Artifacts (files already stored in
// the blob store, or links) are added in the same transaction.
func (s *Store) CreateEntry(ctx context.Context, e portfolio.Entry) (portfolio.Entry, error) {
	e, err := portfolio.Normalize(e)
	if err != nil {
		return portfolio.Entry{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return portfolio.Entry{}, fmt.Errorf("store: create entry: %w", err)
	}
	var out portfolio.Entry
	err = s.write(ctx, "create entry", func(tx *sql.Tx) error {
		details, reflection, err := entryJSON(e)
		if err != nil {
			return err
		}
		now := s.stamp()
		_, err = tx.ExecContext(ctx, `INSERT INTO entries (id, kind, title, status, include_in_exports,
			position, start_date, end_date, details, reflection, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, (`+nextEntryPosition+`), ?, ?, ?, ?, ?, ?)`,
			id.String(), e.Kind, e.Title, e.Status, e.IncludeInExports,
			nullIfEmpty(e.StartDate), nullIfEmpty(e.EndDate), details, reflection, now, now)
		if err != nil {
			return err
		}
		if err := writeTags(ctx, tx, id.String(), e.Tags); err != nil {
			return err
		}
		// Artifacts given with a new entry (files already in the blob store) are committed with
		// it, so the entry is never visible without them.
		for _, a := range e.Artifacts {
			a.EntryID = id.String()
			if _, err := s.insertArtifact(ctx, tx, a); err != nil {
				return err
			}
		}
		out, err = reindexEntry(ctx, tx, id.String())
		return err
	})
	if err != nil {
		return portfolio.Entry{}, err
	}
	return out, nil
}

// UpdateEntry saves the educator's fields of a live entry. Its kind, position and creation time
// stay as stored; the entry is returned with its artifacts.
func (s *Store) UpdateEntry(ctx context.Context, e portfolio.Entry) (portfolio.Entry, error) {
	e, err := portfolio.Normalize(e)
	if err != nil {
		return portfolio.Entry{}, err
	}
	var out portfolio.Entry
	err = s.write(ctx, "update entry", func(tx *sql.Tx) error {
		kind, err := liveEntryKind(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if kind != e.Kind {
			return portfolio.Errorf(portfolio.CodeInvalid,
				"An entry's kind cannot change: this entry is %s, not %s.", kind, e.Kind)
		}
		details, reflection, err := entryJSON(e)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE entries SET title = ?, status = ?, include_in_exports = ?,
			start_date = ?, end_date = ?, details = ?, reflection = ?, updated_at = ? WHERE id = ?`,
			e.Title, e.Status, e.IncludeInExports, nullIfEmpty(e.StartDate), nullIfEmpty(e.EndDate),
			details, reflection, s.stamp(), e.ID)
		if err != nil {
			return err
		}
		if err := writeTags(ctx, tx, e.ID, e.Tags); err != nil {
			return err
		}
		out, err = reindexEntry(ctx, tx, e.ID)
		return err
	})
	if err != nil {
		return portfolio.Entry{}, err
	}
	return out, nil
}

// Entry returns one entry with its artifacts, also when it is in the trash.
func (s *Store) Entry(ctx context.Context, id string) (portfolio.Entry, error) {
	var out portfolio.Entry
	err := s.read(ctx, "get entry", func(tx *sql.Tx) error {
		var err error
		out, err = getEntry(ctx, tx, id)
		return err
	})
	if err != nil {
		return portfolio.Entry{}, err
	}
	return out, nil
}

// ListEntries returns the live entries that pass f, in the order it asks for.
func (s *Store) ListEntries(ctx context.Context, f portfolio.EntryFilter) ([]portfolio.Entry, error) {
	where := []string{"e.deleted_at IS NULL"}
	var args []any
	if len(f.Kinds) > 0 {
		for _, k := range f.Kinds {
			if _, err := portfolio.ParseKind(string(k)); err != nil {
				return nil, err
			}
		}
		where = append(where, "e.kind IN (SELECT value FROM json_each(?))")
		args = append(args, jsonArray(f.Kinds))
	}
	switch f.Status {
	case "":
	case portfolio.StatusDraft, portfolio.StatusReady:
		where = append(where, "e.status = ?")
		args = append(args, f.Status)
	default:
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Status must be draft or ready, not %q.", f.Status)
	}
	if key := tagKey(f.Tag); key != "" {
		where = append(where, "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag_key = ?)")
		args = append(args, key)
	}
	// Entries without a start date have NULL there, which no comparison matches.
	for _, d := range []struct{ value, cond string }{{f.DateFrom, "e.start_date >= ?"}, {f.DateTo, "e.start_date <= ?"}} {
		if d.value == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.value); err != nil {
			return nil, portfolio.Errorf(portfolio.CodeInvalid, "The date %q is not a date; write it as YYYY-MM-DD.", d.value)
		}
		where = append(where, d.cond)
		args = append(args, d.value)
	}
	var order string
	switch f.Sort {
	case "", portfolio.SortManual:
		order = manualOrder
	case portfolio.SortDateNewest:
		order = "e.start_date IS NULL, e.start_date DESC, " + manualOrder
	case portfolio.SortDateOldest:
		order = "e.start_date IS NULL, e.start_date ASC, " + manualOrder
	case portfolio.SortUpdatedDesc:
		order = "e.updated_at DESC, " + manualOrder
	default:
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Unknown sort order %q.", f.Sort)
	}
	var out []portfolio.Entry
	err := s.read(ctx, "list entries", func(tx *sql.Tx) error {
		var err error
		out, err = queryEntries(ctx, tx, strings.Join(where, " AND "), order, args...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// nextEntryPosition is the position after every entry's, trashed ones included. MAX(position)
// over all entries has no index to read it from and scanned the table (every entry's text) at
// each new entry; live and trashed entries each have an index that finds their largest quickly.
const nextEntryPosition = `SELECT COALESCE(MAX(p), 0) + 1 FROM (
	SELECT MAX(position) AS p FROM entries WHERE deleted_at IS NULL
	UNION ALL SELECT MAX(position) FROM entries WHERE deleted_at IS NOT NULL)`

// manualOrder is the educator's order; positions can tie after a restore, so it is made total.
const manualOrder = "e.position, e.created_at, e.id"

// ReorderEntries puts the given live entries first, in the given order; the other live entries
// follow in their current order.
func (s *Store) ReorderEntries(ctx context.Context, ids []string) error {
	return s.write(ctx, "reorder entries", func(tx *sql.Tx) error {
		current, err := queryIDs(ctx, tx, "SELECT id FROM entries e WHERE deleted_at IS NULL ORDER BY "+manualOrder)
		if err != nil {
			return err
		}
		order, err := reorder(current, ids, "entry")
		if err != nil {
			return err
		}
		return setPositions(ctx, tx, "UPDATE entries SET position = ? WHERE id = ?", order)
	})
}

// TrashEntry moves a live entry to the trash.
func (s *Store) TrashEntry(ctx context.Context, id string) error {
	return s.write(ctx, "trash entry", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE entries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", s.stamp(), id)
		return expectOne(res, err, portfolio.Errorf(portfolio.CodeNotFound, "No entry with id %s.", id))
	})
}

// RestoreEntry brings an entry back from the trash to its old place.
func (s *Store) RestoreEntry(ctx context.Context, id string) error {
	return s.write(ctx, "restore entry", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE entries SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", id)
		return expectOne(res, err, portfolio.Errorf(portfolio.CodeNotFound, "No entry with id %s in the trash.", id))
	})
}

// ListTrash returns the entries in the trash, the most recently deleted first.
func (s *Store) ListTrash(ctx context.Context) ([]portfolio.Entry, error) {
	var out []portfolio.Entry
	err := s.read(ctx, "list trash", func(tx *sql.Tx) error {
		var err error
		out, err = queryEntries(ctx, tx, "e.deleted_at IS NOT NULL", "e.deleted_at DESC, e.id")
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EmptyTrash deletes the trashed entries with their tags, artifact rows and index rows, and
// returns how many entries it deleted. Blobs no longer in use are the caller's to remove.
func (s *Store) EmptyTrash(ctx context.Context) (int, error) {
	var n int64
	err := s.write(ctx, "empty trash", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM entry_search
			WHERE entry_id IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)`)
		if err != nil {
			return err
		}
		// Tags and artifacts go with their entries: ON DELETE CASCADE.
		res, err := tx.ExecContext(ctx, "DELETE FROM entries WHERE deleted_at IS NOT NULL")
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// Tags counts the tags of live entries. Spellings that differ only in case count as one tag.
func (s *Store) Tags(ctx context.Context) ([]portfolio.TagCount, error) {
	out := []portfolio.TagCount{}
	err := s.read(ctx, "list tags", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT MIN(t.tag), COUNT(*) FROM entry_tags t
			JOIN entries e ON e.id = t.entry_id WHERE e.deleted_at IS NULL
			GROUP BY t.tag_key ORDER BY t.tag_key`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var tc portfolio.TagCount
			if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
				return err
			}
			out = append(out, tc)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// getEntry loads one entry, trashed or not, with its tags and artifacts.
func getEntry(ctx context.Context, tx *sql.Tx, id string) (portfolio.Entry, error) {
	list, err := queryEntries(ctx, tx, "e.id = ?", manualOrder, id)
	if err != nil {
		return portfolio.Entry{}, err
	}
	if len(list) == 0 {
		return portfolio.Entry{}, portfolio.Errorf(portfolio.CodeNotFound, "No entry with id %s.", id)
	}
	return list[0], nil
}

// liveEntryKind returns the kind of a live entry, CodeNotFound if it is missing or trashed.
func liveEntryKind(ctx context.Context, tx *sql.Tx, id string) (portfolio.Kind, error) {
	var kind portfolio.Kind
	err := tx.QueryRowContext(ctx, "SELECT kind FROM entries WHERE id = ? AND deleted_at IS NULL", id).Scan(&kind)
	if err == sql.ErrNoRows {
		return "", portfolio.Errorf(portfolio.CodeNotFound, "No entry with id %s.", id)
	}
	return kind, err
}

// queryEntries loads the entries matching where (a constant SQL condition over e) in the given
// order, then their tags and artifacts in one query each.
func queryEntries(ctx context.Context, tx *sql.Tx, where, order string, args ...any) ([]portfolio.Entry, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+entryColumns+" FROM entries e WHERE "+where+" ORDER BY "+order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []portfolio.Entry{}
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := loadTags(ctx, tx, out); err != nil {
		return nil, err
	}
	return out, loadArtifacts(ctx, tx, out)
}

func scanEntry(rows *sql.Rows) (portfolio.Entry, error) {
	var e portfolio.Entry
	var start, end, deleted sql.NullString
	var details, reflection, created, updated string
	err := rows.Scan(&e.ID, &e.Kind, &e.Title, &e.Status, &e.IncludeInExports, &e.Position,
		&start, &end, &details, &reflection, &created, &updated, &deleted)
	if err != nil {
		return e, err
	}
	e.StartDate, e.EndDate = start.String, end.String
	e.Tags, e.Artifacts = []string{}, []portfolio.Artifact{}
	d, err := kindDetails(&e)
	if err != nil {
		return e, err
	}
	if err := json.Unmarshal([]byte(details), d); err != nil {
		return e, fmt.Errorf("entry %s: details: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(reflection), &e.Reflection); err != nil {
		return e, fmt.Errorf("entry %s: reflection: %w", e.ID, err)
	}
	if e.CreatedAt, err = parseTime(created); err != nil {
		return e, err
	}
	if e.UpdatedAt, err = parseTime(updated); err != nil {
		return e, err
	}
	if deleted.Valid {
		t, err := parseTime(deleted.String)
		if err != nil {
			return e, err
		}
		e.DeletedAt = &t
	}
	return e, nil
}

// kindDetails returns the details struct of e's kind, allocating it when missing, so that the
// details column can be written from it and read into it.
func kindDetails(e *portfolio.Entry) (any, error) {
	if d := e.KindDetails(); d != nil {
		return d, nil
	}
	return nil, fmt.Errorf("entry %s has unknown kind %q", e.ID, e.Kind)
}

// entryJSON encodes the details and reflection columns of a normalized entry.
func entryJSON(e portfolio.Entry) (details, reflection string, err error) {
	d, err := kindDetails(&e)
	if err != nil {
		return "", "", err
	}
	db, err := json.Marshal(d)
	if err != nil {
		return "", "", err
	}
	rb, err := json.Marshal(e.Reflection)
	if err != nil {
		return "", "", err
	}
	return string(db), string(rb), nil
}

// loadTags fills in the tags of entries in the order the educator gave them.
func loadTags(ctx context.Context, tx *sql.Tx, entries []portfolio.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	index := entryIndex(entries)
	rows, err := tx.QueryContext(ctx, `SELECT entry_id, tag FROM entry_tags
		WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY entry_id, position`, jsonArray(entryIDs(entries)))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return err
		}
		e := &entries[index[id]]
		e.Tags = append(e.Tags, tag)
	}
	return rows.Err()
}

func writeTags(ctx context.Context, tx *sql.Tx, entryID string, tags []string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM entry_tags WHERE entry_id = ?", entryID); err != nil {
		return err
	}
	for i, t := range tags {
		_, err := tx.ExecContext(ctx, "INSERT INTO entry_tags (entry_id, tag_key, tag, position) VALUES (?, ?, ?, ?)",
			entryID, tagKey(t), t, i)
		if err != nil {
			return err
		}
	}
	return nil
}

// tagKey is the case- and spacing-insensitive form of a tag, as portfolio.Normalize compares them.
func tagKey(tag string) string {
	return strings.ToLower(strings.Join(strings.Fields(tag), " "))
}

// reorder returns current rearranged so that the listed ids come first, in their order, followed
// by the rest in their current order. Every listed id must be in current, once.
func reorder(current, listed []string, noun string) ([]string, error) {
	known := make(map[string]bool, len(current))
	for _, id := range current {
		known[id] = true
	}
	out := make([]string, 0, len(current))
	seen := make(map[string]bool, len(listed))
	for _, id := range listed {
		if !known[id] {
			return nil, portfolio.Errorf(portfolio.CodeNotFound, "No %s with id %s.", noun, id)
		}
		if seen[id] {
			return nil, portfolio.Errorf(portfolio.CodeInvalid, "The %s %s is listed twice.", noun, id)
		}
		seen[id] = true
		out = append(out, id)
	}
	for _, id := range current {
		if !seen[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// setPositions numbers ids from 1 with update, a statement taking (position, id).
func setPositions(ctx context.Context, tx *sql.Tx, update string, ids []string) error {
	stmt, err := tx.PrepareContext(ctx, update)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, id := range ids {
		if _, err := stmt.ExecContext(ctx, i+1, id); err != nil {
			return err
		}
	}
	return nil
}

func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// expectOne returns notFound when a statement that must change one row changed none.
func expectOne(res sql.Result, err error, notFound error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound
	}
	return nil
}

func entryIDs(entries []portfolio.Entry) []string {
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

func entryIndex(entries []portfolio.Entry) map[string]int {
	m := make(map[string]int, len(entries))
	for i, e := range entries {
		m[e.ID] = i
	}
	return m
}

// jsonArray encodes a list of strings for json_each, which takes any number of values in one
// parameter.
func jsonArray[T ~string](values []T) string {
	b, _ := json.Marshal(values) // strings always encode
	return string(b)
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
