package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// LatestVersion is the number of the newest migration, the schema version Open leaves behind.
const LatestVersion = 5

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded files in order; migrations[i] brings version i to i+1.
var migrations = loadMigrations()

// afterMigration holds Go steps that run in a migration's transaction after its SQL, for work
// SQL cannot do. They run with today's code against the schema of their version; the tests
// that migrate from every earlier version catch a later migration that breaks one.
var afterMigration = map[int]func(context.Context, *sql.Tx) error{
	// Migration 2 made the first search index; migration 5 replaced it, and filling it is left to
	// 5, whose schema today's code writes.
	5: rebuildSearch,
}

func loadMigrations() []migration {
	names, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, n := range names { // ReadDir sorts by name
		num, _, _ := strings.Cut(n.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != len(out)+1 {
			panic(fmt.Sprintf("store: migration %s is out of sequence", n.Name()))
		}
		data, err := migrationFiles.ReadFile(path.Join("migrations", n.Name()))
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: v, name: n.Name(), sql: string(data)})
	}
	if len(out) != LatestVersion {
		panic(fmt.Sprintf("store: LatestVersion is %d but there are %d migrations", LatestVersion, len(out)))
	}
	return out
}

// migrate applies the migrations the database lacks, up to version target, each in its own
// transaction together with its user_version.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return err
	}
	for _, m := range migrations[:target] {
		if m.version <= current {
			continue
		}
		if err := applyMigration(ctx, db, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have migrated while this one waited for the write lock.
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return err
	}
	if current >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if step := afterMigration[m.version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	// PRAGMA takes no parameters; the version is our own integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
