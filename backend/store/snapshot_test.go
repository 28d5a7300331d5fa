package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestSnapshotIsAPrivateCompleteCopy(t *testing.T) {
	s, _, _ := openStore(t)
	for _, e := range fullEntries() {
		mustCreate(t, s, e)
	}
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindLessonRedesign, "With files"))
	mustAdd(t, s, fileArtifact(e.ID, "a.pdf", "", 1))
	img := fileArtifact(e.ID, "b.jpg", "", 2)
	img.MediaType = "image/jpeg"
	mustAdd(t, s, img)
	mustAdd(t, s, fileArtifact(e.ID, "a again.pdf", "", 1)) // the same content twice
	trashed := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "In the trash"))
	mustAdd(t, s, fileArtifact(trashed.ID, "c.pdf", "", 3))
	if err := s.TrashEntry(ctx, trashed.ID); err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.Name, p.PhotoSHA256 = "Zoë", sha(4)
	if _, err := s.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "snap.db")
	if err := s.Snapshot(ctx, path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("snapshot permissions %o, want 600", perm)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("the snapshot is not one file: %v", left)
	}

	sum, err := Inspect(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "summary", sum, FileSummary{Version: LatestVersion, PortfolioID: p.PortfolioID, Entries: len(fullEntries()) + 1,
		Blobs: []BlobFile{
			{SHA256: sha(1), Size: 1001, MediaType: "application/pdf"},
			{SHA256: sha(2), Size: 1002, MediaType: "image/jpeg"},
			{SHA256: sha(3), Size: 1003, MediaType: "application/pdf"},
			{SHA256: sha(4), Size: -1},
		}})
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("Inspect left files beside the snapshot: %v", left)
	}

	copied, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "entries", mustList(t, copied, portfolio.EntryFilter{}), mustList(t, s, portfolio.EntryFilter{}))
	trash, err := copied.ListTrash(ctx)
	if err != nil || len(trash) != 1 || trash[0].ID != trashed.ID {
		t.Errorf("trash of the copy: %v, %v", trash, err)
	}
	copied.Close()

	err = s.Snapshot(ctx, path)
	wantCode(t, err, portfolio.CodeConflict)
	if err := s.Snapshot(ctx, filepath.Join(dir, "missing", "x.db")); err == nil {
		t.Error("a snapshot into a missing folder succeeded")
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("failed snapshots left files: %v", left)
	}
}

// TestSnapshotIsConsistentWhileWriting takes snapshots while another connection keeps changing
// the database in transactions that each keep an invariant; every snapshot must hold it.
func TestSnapshotIsConsistentWhileWriting(t *testing.T) {
	s, _, path := openStore(t)
	other, err := Open(path, nil) // another connection to the same file, as a second process has
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	writes := 0
	go func() {
		defer wg.Done()
		for i := 0; wctx.Err() == nil; i++ {
			// One transaction: the entry and its search row; its artifacts come with it.
			e := portfolio.NewEntry(portfolio.KindArtifact, fmt.Sprint("entry ", i))
			created, err := other.CreateEntry(ctx, e)
			if err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			if _, err := other.AddArtifact(ctx, fileArtifact(created.ID, "f.pdf", "", byte(i))); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			// One transaction: name and bio always equal.
			p, err := other.Profile(ctx)
			if err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			p.Name, p.Bio = fmt.Sprint("v", i), fmt.Sprint("v", i)
			if _, err := other.SaveProfile(ctx, p); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			writes++
		}
	}()

	dir := t.TempDir()
	counts := map[int]bool{}
	for i := 0; i < 15; i++ {
		snap := filepath.Join(dir, fmt.Sprint("snap", i, ".db"))
		if err := s.Snapshot(ctx, snap); err != nil {
			stop()
			wg.Wait()
			t.Fatal(err)
		}
		sum, err := Inspect(ctx, snap)
		if err != nil {
			t.Fatalf("snapshot %d: %v", i, err)
		}
		counts[sum.Entries] = true
		c, err := Open(snap, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.Profile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != p.Bio {
			t.Errorf("snapshot %d caught a profile half written: name %q, bio %q", i, p.Name, p.Bio)
		}
		searchRows := count(t, c, "SELECT count(*) FROM entry_search")
		if searchRows != sum.Entries {
			t.Errorf("snapshot %d has %d entries but %d search rows", i, sum.Entries, searchRows)
		}
		if problems, err := c.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
			t.Errorf("snapshot %d: %v %v", i, problems, err)
		}
		c.Close()
	}
	stop()
	wg.Wait()
	if writes == 0 || len(counts) < 2 {
		t.Errorf("the writer did not write while snapshots were taken (%d writes, entry counts %v)", writes, counts)
	}
	if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the database after the snapshots: %v %v", problems, err)
	}
}

func TestInspectRefusesWhatIsNotAPortfolio(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a database, but long enough to have a header of one hundred bytes or more, surely, yes."), 0o600)
	_, err := Inspect(ctx, text)
	wantCode(t, err, portfolio.CodeCorrupt)

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	_, err = Inspect(ctx, empty)
	wantCode(t, err, portfolio.CodeCorrupt)

	other := filepath.Join(dir, "other.db")
	exec(t, rawDB(t, other, ""), "CREATE TABLE t (x)")
	_, err = Inspect(ctx, other)
	wantCode(t, err, portfolio.CodeCorrupt)

	s, _, path := openStore(t)
	s.Close()
	db := rawDB(t, path, "")
	exec(t, db, fmt.Sprintf("PRAGMA user_version = %d", LatestVersion+1))
	db.Close() // Inspect reads the file alone, not a WAL beside it
	_, err = Inspect(ctx, path)
	wantCode(t, err, portfolio.CodeTooNew)
}

// TestInspectLeavesNoFilesBeside reads a database whose header says WAL, as a backup's could:
// SQLite would create -wal and -shm files beside it on a plain read-only connection.
func TestInspectLeavesNoFilesBeside(t *testing.T) {
	s, _, _ := openStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "snap.db")
	if err := s.Snapshot(ctx, path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[18], data[19] = 2, 2 // the file format versions that mean WAL
	os.WriteFile(path, data, 0o600)
	if sum, err := Inspect(ctx, path); err != nil || sum.Version != LatestVersion {
		t.Fatalf("Inspect: %+v, %v", sum, err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("Inspect left files: %v", left)
	}
}
