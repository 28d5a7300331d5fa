// Package store keeps a portfolio in one SQLite file: entries, artifacts, the profile, the
// full-text index and the trash. Every exported method runs in one transaction.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

const (
	pragmas = "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	// The pre-flight connection reads only: journal_mode(WAL) would rewrite the header of a
	// file we may yet refuse.
	preflightPragmas = "_pragma=busy_timeout(5000)"

	applicationID = 0x52466F6C // "RFol", set by 0001_core.sql

	// Fixed-width fractions keep RFC 3339 text in time order when SQLite sorts it as text.
	timeLayout = "2006-01-02T15:04:05.000000000Z07:00"
)

var sqliteMagic = []byte("SQLite format 3\x00")

// Store is an open portfolio database. It is safe for concurrent use.
type Store struct {
	// w has a single connection so writers queue in Go rather than time out on SQLITE_BUSY;
	// its transactions BEGIN IMMEDIATE. Readers use r and, thanks to WAL, never wait for w.
	w   *sql.DB
	r   *sql.DB
	now func() time.Time
}

// BlobRef is a blob the database refers to. Size is -1 when only the profile photo refers to
// it, because the profile does not record the photo's size.
type BlobRef struct {
	SHA256 string
	Size   int64
}

// Open opens the database at path, creating and migrating it as needed. now is the clock for
// every timestamp the store writes; nil means time.Now. A file that is not a ReadyFolio
// database, is damaged, or was written by a newer version is refused and left untouched.
func Open(path string, now func() time.Time) (*Store, error) {
	if now == nil {
		now = time.Now
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	ctx := context.Background()
	if err := createPrivate(abs); err != nil {
		return nil, err
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	if err := preflight(ctx, abs); err != nil {
		return nil, openError(abs, err)
	}
	s := &Store{now: now}
	if s.w, err = sql.Open("sqlite", fileURI(abs, pragmas+"&_txlock=immediate")); err != nil {
		return nil, openError(abs, err)
	}
	s.w.SetMaxOpenConns(1)
	if s.r, err = sql.Open("sqlite", fileURI(abs, pragmas+"&_pragma=query_only(1)")); err != nil {
		s.w.Close()
		return nil, openError(abs, err)
	}
	if err := migrate(ctx, s.w, LatestVersion); err != nil {
		s.Close()
		return nil, openError(abs, err)
	}
	if err := s.ensureProfile(ctx); err != nil {
		s.Close()
		return nil, openError(abs, err)
	}
	return s, nil
}

// Close closes the database. The last connection to close checkpoints the WAL into the file.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// Version returns the schema version of the database (PRAGMA user_version).
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	if err := s.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: version: %w", err)
	}
	return v, nil
}

// IntegrityCheck runs SQLite's integrity and foreign-key checks and returns the problems they
// report, one sentence each; none means the database is healthy.
//
// The check runs on a connection of its own, opened for it: the full-text index's part of
// SQLite's check trusts index state that a long-lived connection caches, and on a pooled reader
// that had checked before, an entry edited since made it report "fts5: checksum mismatch" for an
// index that a fresh connection finds intact.
func (s *Store) IntegrityCheck(ctx context.Context) ([]string, error) {
	var source string
	if err := s.r.QueryRowContext(ctx, "SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&source); err != nil {
		return nil, wrap("integrity check", err)
	}
	db, err := sql.Open("sqlite", fileURI(source, preflightPragmas+"&_pragma=query_only(1)"))
	if err != nil {
		return nil, wrap("integrity check", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	problems := []string{}
	err = inTx(ctx, db, &sql.TxOptions{ReadOnly: true}, "integrity check", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "PRAGMA integrity_check")
		if err != nil {
			return err
		}
		var lines []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				rows.Close()
				return err
			}
			lines = append(lines, line)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if !(len(lines) == 1 && lines[0] == "ok") {
			problems = append(problems, lines...)
		}
		rows, err = tx.QueryContext(ctx, "PRAGMA foreign_key_check")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var table, parent string
			var rowid sql.NullInt64
			var fk int
			if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
				return err
			}
			row := table // WITHOUT ROWID tables report no rowid
			if rowid.Valid {
				row = fmt.Sprintf("%s (rowid %d)", table, rowid.Int64)
			}
			problems = append(problems, fmt.Sprintf("A row of %s refers to a missing row of %s.", row, parent))
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return problems, nil
}

// createPrivate creates a missing database file readable by its owner only; SQLite gives its
// WAL and shared-memory files the same permissions.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: create %s: %w", path, err)
	}
	return f.Close()
}

// checkHeader refuses a file that is not empty and does not start like a SQLite database.
// SQLite alone is not enough: it treats a file shorter than a page as an empty database and
// would overwrite it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 100) // the size of SQLite's file header
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		return nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("store: open %s: %w", path, err)
	case n < len(head) || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic):
		return corruptError(path)
	}
	return nil
}

// preflight reads the file on a connection that changes nothing and refuses it if it is another
// application's database, a newer ReadyFolio schema, or damaged.
func preflight(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", fileURI(path, preflightPragmas))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var version, appID, objects int
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{"PRAGMA user_version", &version},
		{"PRAGMA application_id", &appID},
		{"SELECT count(*) FROM sqlite_schema", &objects},
	} {
		if err := db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return err
		}
	}
	if objects == 0 && version == 0 {
		return nil // new or empty file
	}
	if appID != applicationID {
		return corruptError(path)
	}
	if version > LatestVersion {
		return portfolio.Errorf(portfolio.CodeTooNew,
			"The database %s was written by a newer version of ReadyFolio (schema %d, this app knows %d); update ReadyFolio or open another folder.",
			path, version, LatestVersion)
	}
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return corruptError(path)
	}
	return nil
}

// fileURI builds a SQLite URI for path. Escaping keeps spaces, "?", "#" and "%" in folder
// names part of the path; a Windows drive letter needs a leading slash (file:///C:/...).
func fileURI(path, query string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String()
}

func corruptError(path string) error {
	return portfolio.Errorf(portfolio.CodeCorrupt,
		"The file %s is not a ReadyFolio database or it is damaged. Nothing was changed.", path)
}

// openError turns the failures Open can meet into domain errors the educator can act on.
func openError(path string, err error) error {
	if portfolio.Code(err) != portfolio.CodeInternal {
		return err
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return corruptError(path)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return portfolio.Errorf(portfolio.CodeLocked,
			"The database %s is in use by another program; close it or open another folder.", path)
	case sqlite3.SQLITE_FULL:
		return portfolio.Errorf(portfolio.CodeConflict,
			"The disk is full: the database %s could not be opened for writing. Free some space and open it again; nothing was changed.", path)
	}
	return fmt.Errorf("store: open %s: %w", path, err)
}

// sqliteCode returns the primary SQLite result code of err, 0 if err is not from SQLite.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// read runs fn in a deferred (read) transaction, so that its queries see one snapshot.
func (s *Store) read(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	return inTx(ctx, s.r, &sql.TxOptions{ReadOnly: true}, op, fn)
}

// write runs fn in a BEGIN IMMEDIATE transaction and commits it if fn succeeds; inside a Batch,
// in a savepoint of the batch's transaction.
func (s *Store) write(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	if b := s.batchOf(ctx); b != nil {
		return wrap(op, b.change(ctx, fn))
	}
	return inTx(ctx, s.w, nil, op, fn)
}

func inTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, op string, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return wrap(op, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return wrap(op, err)
	}
	return wrap(op, tx.Commit())
}

// wrap passes domain errors through and adds the operation to any other error.
func wrap(op string, err error) error {
	switch {
	case err == nil || portfolio.Code(err) != portfolio.CodeInternal:
		return err
	case sqliteCode(err) == sqlite3.SQLITE_BUSY:
		return portfolio.Errorf(portfolio.CodeConflict,
			"The portfolio database is busy in another program; try again in a moment.")
	case sqliteCode(err) == sqlite3.SQLITE_FULL:
		// SQLite rolled the transaction back: the database is as it was before.
		return portfolio.Errorf(portfolio.CodeConflict,
			"The disk is full: the change could not be saved to the portfolio. Free some space and try again; the portfolio is as it was before.")
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

// stamp is the current time as the store writes it.
func (s *Store) stamp() string {
	return formatTime(s.now())
}

func formatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad timestamp %q: %w", s, err)
	}
	return t.UTC(), nil
}
