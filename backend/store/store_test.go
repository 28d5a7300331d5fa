package store

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestOpenCreatesDatabase(t *testing.T) {
	s, c, _ := openStore(t)
	if v, err := s.Version(ctx); err != nil || v != LatestVersion {
		t.Fatalf("Version = %d, %v; want %d", v, err, LatestVersion)
	}
	for pragma, want := range map[string]string{
		"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "5000",
		"application_id": "1380347756",
	} {
		var got string
		if err := s.w.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", pragma, got, err, want)
		}
	}
	p, err := s.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkV7(t, p.PortfolioID)
	same(t, "new profile", p, portfolio.Profile{PortfolioID: p.PortfolioID, CreatedAt: c.last(), UpdatedAt: c.last()})
	if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("IntegrityCheck = %q, %v", problems, err)
	}
}

func TestMigrationsAreNumberedFromOne(t *testing.T) {
	if len(migrations) != LatestVersion {
		t.Fatalf("%d migrations, LatestVersion %d", len(migrations), LatestVersion)
	}
	for i, m := range migrations {
		if m.version != i+1 || !strings.HasPrefix(m.name, "000") || m.sql == "" {
			t.Errorf("migration %d = %+v", i, m)
		}
	}
}

// TestMigrateFromEveryVersion builds a database at each earlier version with only the
// migrations of that version, fills it with what that schema can hold, and opens it.
func TestMigrateFromEveryVersion(t *testing.T) {
	for v := 0; v < LatestVersion; v++ {
		t.Run("from "+string(rune('0'+v)), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			db := rawDB(t, path, pragmas)
			if err := migrate(ctx, db, v); err != nil {
				t.Fatal(err)
			}
			const portfolioID = "01950a1b-0000-7000-8000-000000000001"
			const entryID = "01950a1b-0000-7000-8000-0000000000e1"
			if v >= 1 {
				exec(t, db, `INSERT INTO profile (id, portfolio_id, name, created_at, updated_at)
					VALUES (1, ?, 'Zoë Ñúñez-Łukasz', '2024-01-02T03:04:05.000000000Z', '2024-01-02T03:04:05.000000000Z')`, portfolioID)
				exec(t, db, `INSERT INTO entries (id, kind, title, status, include_in_exports, position,
					start_date, end_date, details, reflection, created_at, updated_at)
					VALUES (?, 'artifact', 'Old keynote', 'ready', 1, 1, '2023-05-06', NULL,
					'{"description":"Spoke about 李明"}', '[{"prompt":"Why?","text":"Because"}]',
					'2024-01-02T03:04:05.000000000Z', '2024-01-03T03:04:05.500000000Z')`, entryID)
				exec(t, db, `INSERT INTO entry_tags (entry_id, tag_key, tag, position) VALUES (?, 'talks', 'Talks', 0)`, entryID)
				exec(t, db, `INSERT INTO artifacts (id, entry_id, type, role, position, caption, file_name,
					media_type, size, sha256, created_at) VALUES ('01950a1b-0000-7000-8000-0000000000a1', ?,
					'file', 'attachment', 1, 'Slides of the talk', 'keynote.pdf', 'application/pdf', 42, ?,
					'2024-01-02T03:04:05.000000000Z')`, entryID, sha(1))
			}
			if v >= 2 { // the store keeps the index up to date from version 2 on
				exec(t, db, `INSERT INTO entry_search (entry_id, body) VALUES (?, ?)`, entryID,
					"Old keynote\nSpoke about 李明\nBecause\nTalks\nSlides of the talk\nkeynote.pdf")
			}
			db.Close()

			s, err := Open(path, newClock().now)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			if got, _ := s.Version(ctx); got != LatestVersion {
				t.Fatalf("version %d after Open, want %d", got, LatestVersion)
			}
			p, err := s.Profile(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if v == 0 {
				checkV7(t, p.PortfolioID)
				return
			}
			if p.PortfolioID != portfolioID || p.Name != "Zoë Ñúñez-Łukasz" {
				t.Fatalf("profile after migration = %+v", p)
			}
			created := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
			want := portfolio.Entry{
				ID: entryID, Kind: portfolio.KindArtifact, Title: "Old keynote", Status: portfolio.StatusReady,
				IncludeInExports: true, Position: 1, StartDate: "2023-05-06", Tags: []string{"Talks"},
				Reflection: []portfolio.ReflectionAnswer{{Prompt: "Why?", Text: "Because"}},
				Other:      &portfolio.ArtifactDetails{Description: "Spoke about 李明"},
				Artifacts: []portfolio.Artifact{{
					ID: "01950a1b-0000-7000-8000-0000000000a1", EntryID: entryID, Type: portfolio.ArtifactFile,
					Role: portfolio.RoleAttachment, Position: 1, Caption: "Slides of the talk", FileName: "keynote.pdf",
					MediaType: "application/pdf", Size: 42, SHA256: sha(1), CreatedAt: created,
				}},
				CreatedAt: created, UpdatedAt: time.Date(2024, 1, 3, 3, 4, 5, 500000000, time.UTC),
			}
			same(t, "migrated entry", mustEntry(t, s, entryID), want)
			// The index was filled for entries that existed before it.
			for _, q := range []string{"keynote", "slides", "李明", "talks"} {
				hits, err := s.Search(ctx, q, 0)
				if err != nil || len(hits) != 1 || hits[0].Entry.ID != entryID {
					t.Errorf("Search(%q) after migration = %+v, %v", q, hits, err)
				}
			}
			// Every version's index is rebuilt (migration 5), each entry knowing its row.
			var row, recorded int64
			if err := s.r.QueryRowContext(ctx, `SELECT s.rowid, e.search_rowid FROM entry_search s JOIN entries e ON e.id = s.entry_id
				WHERE e.id = ?`, entryID).Scan(&row, &recorded); err != nil || row != recorded {
				t.Errorf("the search row is at %d, the entry records %d (%v)", row, recorded, err)
			}
			if n := count(t, s, "SELECT count(*) FROM entry_search"); n != 1 {
				t.Errorf("%d search rows after migration, want 1", n)
			}
			// Entries made before frameworks existed can be aligned, and count.
			if _, _, err := s.SaveFramework(ctx, fixtureFramework()); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Align(ctx, portfolio.Alignment{EntryID: entryID, CompetencyID: "fx:1.1.a"}); err != nil {
				t.Fatal(err)
			}
			cov, err := s.Coverage(ctx, "fx")
			if err != nil || cov.WithEvidence != 1 || cov.Summary != "1 of 8 competencies have evidence" {
				t.Fatalf("Coverage after migration = %+v, %v", cov, err)
			}
			same(t, "migrated entry after aligning it", mustEntry(t, s, entryID), want)
			if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) != 0 {
				t.Fatalf("IntegrityCheck after migration = %q, %v", problems, err)
			}
		})
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	s, c, path := openStore(t)
	var created []portfolio.Entry
	for _, e := range fullEntries() {
		created = append(created, mustCreate(t, s, e))
	}
	mustAdd(t, s, fileArtifact(created[0].ID, "notes.pdf", "Notes", 1))
	profile, err := s.SaveProfile(ctx, portfolio.Profile{Name: "李明", Bio: "𝑑 and 🙂"})
	if err != nil {
		t.Fatal(err)
	}
	before := mustList(t, s, portfolio.EntryFilter{})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := Open(path, c.now)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	same(t, "entries after reopen", mustList(t, s2, portfolio.EntryFilter{}), before)
	p, err := s2.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "profile after reopen", p, profile)
}

func TestOpenPathWithSpacesAndUnicode(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Zoë's portfolio #1 ?% 李明")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ready folio.db")
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Here"))
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the exact path: %v", err)
	}
	s, err = Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := mustEntry(t, s, e.ID); got.Title != "Here" {
		t.Fatalf("reopened entry = %+v", got)
	}
}

// unchanged asserts that a refused file is byte for byte what it was and that no journal or
// WAL file was left beside it.
func unchanged(t *testing.T, path string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("Open changed a file it refused")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("files beside the refused database: %v", names)
	}
}

func TestOpenRefusesNewerVersion(t *testing.T) {
	s, _, path := openStore(t)
	mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Keep me"))
	s.Close()
	db := rawDB(t, path, "")
	// A rollback-journal file shows whether Open would switch it to WAL before refusing it.
	exec(t, db, "PRAGMA journal_mode = DELETE")
	exec(t, db, "PRAGMA user_version = 99")
	db.Close()
	before, _ := os.ReadFile(path)

	_, err := Open(path, nil)
	wantCode(t, err, portfolio.CodeTooNew)
	for _, part := range []string{path, "newer version of ReadyFolio", "schema 99", fmt.Sprintf("knows %d", LatestVersion), "update ReadyFolio or open another folder"} {
		if !strings.Contains(portfolio.Message(err), part) {
			t.Errorf("message %q lacks %q", portfolio.Message(err), part)
		}
	}
	unchanged(t, path, before)
}

func TestOpenRefusesWhatIsNotItsDatabase(t *testing.T) {
	random := make([]byte, 8192)
	rand.Read(random)
	cases := map[string]func(t *testing.T, path string){
		"short text": func(t *testing.T, path string) {
			os.WriteFile(path, []byte("hello, I am a shopping list"), 0o600)
		},
		"random bytes": func(t *testing.T, path string) {
			os.WriteFile(path, random, 0o600)
		},
		"sqlite header then garbage": func(t *testing.T, path string) {
			os.WriteFile(path, append(slices.Clone(sqliteMagic), random...), 0o600)
		},
		"another application's database": func(t *testing.T, path string) {
			db := rawDB(t, path, "")
			exec(t, db, "CREATE TABLE recipes (name TEXT)")
			exec(t, db, "PRAGMA user_version = 1")
			db.Close()
		},
		"damaged page": func(t *testing.T, path string) {
			s, err := Open(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 50; i++ {
				mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, strings.Repeat("filler ", 40)))
			}
			s.Close()
			data, _ := os.ReadFile(path)
			copy(data[4096:8192], random[:4096]) // page 2, the root of a table
			os.WriteFile(path, data, 0o600)
		},
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "portfolio.db")
			setup(t, path)
			before, _ := os.ReadFile(path)
			_, err := Open(path, nil)
			wantCode(t, err, portfolio.CodeCorrupt)
			msg := portfolio.Message(err)
			if !strings.Contains(msg, path) || !strings.Contains(msg, "not a ReadyFolio database") || !strings.Contains(msg, "Nothing was changed") {
				t.Errorf("message %q", msg)
			}
			unchanged(t, path, before)
		})
	}
}

func TestOpenReportsLockedDatabase(t *testing.T) {
	t.Parallel() // waits out the five-second busy timeout
	s, _, path := openStore(t)
	s.Close()
	other := rawDB(t, path, "_pragma=busy_timeout(0)")
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exec(t, conn, "BEGIN IMMEDIATE")

	start := time.Now()
	_, err = Open(path, nil)
	wantCode(t, err, portfolio.CodeLocked)
	if !strings.Contains(portfolio.Message(err), "in use by another program") {
		t.Errorf("message %q", portfolio.Message(err))
	}
	if waited := time.Since(start); waited < 4*time.Second {
		t.Errorf("gave up after %v, before the busy timeout", waited)
	}

	exec(t, conn, "COMMIT")
	conn.Close()
	s, err = Open(path, nil)
	if err != nil {
		t.Fatalf("Open after the lock was released: %v", err)
	}
	s.Close()
}

func TestIntegrityCheckReportsOrphans(t *testing.T) {
	s, _, path := openStore(t)
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Fine"))
	mustAdd(t, s, fileArtifact(e.ID, "a.pdf", "", 1))
	if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("healthy database: IntegrityCheck = %q, %v", problems, err)
	}
	exec(t, rawDB(t, path, "_pragma=foreign_keys(0)"), `INSERT INTO artifacts (id, entry_id, type, role, position, created_at)
		VALUES ('x', 'no-such-entry', 'link', 'attachment', 1, '2025-01-01T00:00:00.000000000Z')`)
	problems, err := s.IntegrityCheck(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "artifacts") || !strings.Contains(problems[0], "entries") {
		t.Fatalf("IntegrityCheck = %q, %v; want one problem naming artifacts and entries", problems, err)
	}
}

func TestNewDatabaseFilesAreOwnerOnly(t *testing.T) {
	s, _, path := openStore(t)
	mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Private"))
	for _, p := range []string{path, path + "-wal"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s has permissions %o, want 600", filepath.Base(p), perm)
		}
	}
}
