package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	sqlite3 "modernc.org/sqlite/lib"
)

// Snapshot writes a consistent copy of the whole database to path, a file that must not exist
// yet, readable by its owner only. It runs VACUUM INTO on a reading connection: the copy is the
// database as of one transaction, while the app's other connections go on writing (WAL lets
// them), and it is compact and in one file, with no -wal beside it. A failed snapshot leaves no
// file behind; a full disk is said in words (CodeConflict), and the database is never changed.
func (s *Store) Snapshot(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("store: snapshot %s: %w", path, err)
	}
	// VACUUM INTO writes into an empty file that exists, keeping its permissions; creating it
	// here makes it private whatever the umask, and refuses to touch a file that is there.
	f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	switch {
	case errors.Is(err, os.ErrExist):
		return portfolio.Errorf(portfolio.CodeConflict, "%s already exists; a snapshot of the database is only written to a new file.", abs)
	case err != nil:
		return snapshotError(abs, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(abs)
		return snapshotError(abs, err)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(abs)
			os.Remove(abs + "-journal")
		}
	}()
	if err := s.vacuumInto(ctx, abs); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return snapshotError(abs, err)
	}
	if err := os.Chmod(abs, 0o600); err != nil {
		return snapshotError(abs, err)
	}
	done = true
	return nil
}

// vacuumInto runs VACUUM INTO on a connection of its own: the store's reading connections are
// query_only, which SQLite holds against VACUUM INTO, and the writing one would make the app's
// edits wait for the copy. VACUUM INTO reads in one transaction, which WAL keeps apart from
// the writers.
func (s *Store) vacuumInto(ctx context.Context, dest string) error {
	var source string
	if err := s.r.QueryRowContext(ctx, "SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&source); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", fileURI(source, preflightPragmas))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.ExecContext(ctx, "VACUUM INTO ?", dest)
	return err
}

func snapshotError(path string, err error) error {
	if sqliteCode(err) == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC) {
		return noSpaceError{portfolio.Errorf(portfolio.CodeConflict,
			"The disk is full: the copy of the database could not be written to %s. Free some space and try again; the portfolio was not changed.", path)}
	}
	return fmt.Errorf("store: snapshot to %s: %w", path, err)
}

// noSpaceError is a full disk in words that is also syscall.ENOSPC to errors.Is, so that a
// caller can say it in its own words.
type noSpaceError struct{ err error }

func (e noSpaceError) Error() string   { return e.err.Error() }
func (e noSpaceError) Unwrap() []error { return []error{e.err, syscall.ENOSPC} }

// FileSummary is what Inspect reads from a database file.
type FileSummary struct {
	Version     int        // the schema version (PRAGMA user_version)
	PortfolioID string     // the profile's portfolio id, "" if the file has no profile yet
	Entries     int        // entries outside the trash
	Blobs       []BlobFile // every blob the database refers to, once, ordered by hash
}

// BlobFile is a blob a database file refers to.
type BlobFile struct {
	SHA256    string
	Size      int64  // -1 when only the profile photo refers to it, which records no size
	MediaType string // of an artifact that holds it; "" when only the profile photo does
}

// Inspect reads a database file that nothing else uses, such as a snapshot or one taken out of
// a backup, as immutable: read-only, without locks, and without creating or reading -wal and
// -shm files beside it (not for a live portfolio.db). Like Open it refuses a file that is not a
// ReadyFolio database or is damaged (CodeCorrupt) and one written by a newer version
// (CodeTooNew); it also runs SQLite's full integrity check, since it is meant for files about to
// replace a portfolio. It reads any schema version from 1 on.
func Inspect(ctx context.Context, path string) (FileSummary, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return FileSummary{}, fmt.Errorf("store: inspect %s: %w", path, err)
	}
	info, err := os.Stat(abs)
	switch {
	case err != nil:
		return FileSummary{}, fmt.Errorf("store: inspect %s: %w", abs, err)
	case !info.Mode().IsRegular() || info.Size() == 0:
		return FileSummary{}, corruptError(abs)
	}
	if err := checkHeader(abs); err != nil {
		return FileSummary{}, err
	}
	db, err := sql.Open("sqlite", fileURI(abs, "mode=ro&immutable=1&"+preflightPragmas))
	if err != nil {
		return FileSummary{}, openError(abs, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return FileSummary{}, openError(abs, err)
	}
	defer tx.Rollback()
	out, err := inspect(ctx, tx, abs)
	if err != nil {
		return FileSummary{}, openError(abs, err)
	}
	return out, nil
}

func inspect(ctx context.Context, tx *sql.Tx, path string) (FileSummary, error) {
	var out FileSummary
	var appID int
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return out, err
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&out.Version); err != nil {
		return out, err
	}
	switch {
	case appID != applicationID || out.Version < 1:
		return out, corruptError(path)
	case out.Version > LatestVersion:
		return out, portfolio.Errorf(portfolio.CodeTooNew,
			"The database %s was written by a newer version of ReadyFolio (schema %d, this app knows %d); update ReadyFolio to use it.",
			path, out.Version, LatestVersion)
	}
	rows, err := tx.QueryContext(ctx, "PRAGMA integrity_check(1)")
	if err != nil {
		return out, err
	}
	var result string
	for rows.Next() {
		if err := rows.Scan(&result); err != nil {
			rows.Close()
			return out, err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	if result != "ok" {
		return out, corruptError(path)
	}
	// Only tables and columns every version has, so that every version can be read.
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM entries WHERE deleted_at IS NULL").Scan(&out.Entries)
	if err != nil {
		return out, err
	}
	err = tx.QueryRowContext(ctx, "SELECT portfolio_id FROM profile WHERE id = 1").Scan(&out.PortfolioID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return out, err
	}
	rows, err = tx.QueryContext(ctx, blobRefsQuery(out.Version))
	if err != nil {
		return out, err
	}
	defer rows.Close()
	out.Blobs = []BlobFile{}
	for rows.Next() {
		var b BlobFile
		if err := rows.Scan(&b.SHA256, &b.Size, &b.MediaType); err != nil {
			return out, err
		}
		out.Blobs = append(out.Blobs, b)
	}
	return out, rows.Err()
}

// blobRefsQuery lists the blobs a database of the given schema version refers to: sha256, size
// and media type, ordered by hash. Version 4 keeps the list as the view blob_refs; before it,
// only attached files and the profile photo referred to blobs.
func blobRefsQuery(version int) string {
	if version >= 4 {
		return "SELECT sha256, size, media_type FROM blob_refs ORDER BY 1"
	}
	return `SELECT sha256, MAX(size), MAX(media_type) FROM artifacts WHERE type = 'file' GROUP BY sha256
		UNION ALL
		SELECT photo_sha256, -1, '' FROM profile WHERE photo_sha256 <> ''
			AND photo_sha256 NOT IN (SELECT sha256 FROM artifacts WHERE type = 'file')
		ORDER BY 1`
}
