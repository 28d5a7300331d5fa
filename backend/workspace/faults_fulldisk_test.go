package workspace

// Full-disk fault tests (issue 6): the data folder itself lives on a tiny tmpfs that the test
// mounts and fills. Importing a file larger than the free space, and saving an entry once the
// disk is full, must fail with a message that says the disk is full, leave no partial file and
// no half-made entry, and keep the database intact. Linux and root (or CAP_SYS_ADMIN) only:
// elsewhere the tests skip and say why.

import (
	"context"
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/readyfolio/readyfolio/backend/disktest"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// faultsFill writes a file at path until the disk is full and returns it; removing it frees
// the space again.
func faultsFill(t *testing.T, path string) string {
	t.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			return path
		}
	}
}

func faultsRandomFile(t *testing.T, name string, size int) string {
	t.Helper()
	data := make([]byte, size)
	rand.Read(data)
	return writeFile(t, name, data) // t.TempDir(): on the real disk, not the tiny one
}

// faultsFiles lists every file under dir (relative paths), sorted.
func faultsFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// faultsHealthy fails the test unless Check (integrity check plus a re-hash of every artifact)
// finds nothing.
func faultsHealthy(t *testing.T, w *Workspace, when string) {
	t.Helper()
	problems, err := w.Check(context.Background())
	if err != nil || len(problems) > 0 {
		t.Errorf("check %s: %v %v", when, problems, err)
	}
}

// faultsWantDiskFull fails the test unless err is a domain error that says the disk is full.
func faultsWantDiskFull(t *testing.T, what string, err error) {
	t.Helper()
	switch {
	case err == nil:
		t.Errorf("%s on a full disk succeeded", what)
	case portfolio.Code(err) == portfolio.CodeInternal || !strings.Contains(portfolio.Message(err), "disk is full"):
		t.Errorf("%s on a full disk: the message does not say so in words: %q (code %s)", what, portfolio.Message(err), portfolio.Code(err))
	default:
		t.Logf("%s on a full disk: %s", what, portfolio.Message(err))
	}
}

// TestFullDiskArtifactImport imports files into a data folder on a 4 MB disk: a file larger than
// the free space fails with a disk-full message; the entry it was to create does not appear (the
// contract of CreateEntryWithFiles: never an entry without its files), the smaller file stored
// before it is removed again, artifacts/tmp is empty and the check passes. Attaching the same
// file to an existing entry fails the same way and adds no artifact row. Afterwards, with the
// space back, imports work again.
func TestFullDiskArtifactImport(t *testing.T) {
	ctx := context.Background()
	disk := disktest.Tiny(t, "4m")
	w, err := Open(Options{Dir: filepath.Join(disk, "data")})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	kept, err := w.CreateEntryWithFiles(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Fits"),
		[]string{writeFile(t, "poster.png", pngBytes(t, 60, 40))})
	if err != nil {
		t.Fatal(err)
	}
	before := faultsFiles(t, w.Dir)

	small := faultsRandomFile(t, "notes.bin", 200<<10)
	big := faultsRandomFile(t, "recording.bin", 5<<20) // larger than the whole disk
	_, err = w.CreateEntryWithFiles(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Too big"), []string{small, big})
	faultsWantDiskFull(t, "creating an entry with a 5 MB file", err)
	if !strings.Contains(portfolio.Message(err), "recording.bin") {
		t.Errorf("the message does not name the file: %q", portfolio.Message(err))
	}

	_, err = w.AttachFile(ctx, kept.ID, portfolio.RoleAttachment, big, "", nil)
	faultsWantDiskFull(t, "attaching a 5 MB file", err)

	entries, err := w.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].ID != kept.ID || len(entries[0].Artifacts) != 1 {
		t.Errorf("after the failed imports the portfolio holds %+v, want only %q with its one file", entries, kept.Title)
	}
	if after := faultsFiles(t, w.Dir); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("files in the data folder changed:\nbefore %v\nafter  %v", before, after)
	}
	if tmp, _ := os.ReadDir(filepath.Join(w.Dir, ArtifactsDir, "tmp")); len(tmp) != 0 {
		t.Errorf("left in artifacts/tmp: %v", tmp)
	}
	faultsHealthy(t, w, "after the failed imports")

	// The space is free again: a file that fits goes in.
	if _, err := w.AttachFile(ctx, kept.ID, portfolio.RoleAttachment, small, "", nil); err != nil {
		t.Errorf("a file that fits, after the failures: %v", err)
	}
	faultsHealthy(t, w, "after a later import")
}

// TestFullDiskDatabase fills the disk that holds the database and saves entries: saving fails
// with a disk-full message, the entries saved before stay, the failed one is not half there, and
// once space is freed the database passes SQLite's integrity check (also after closing and
// opening it again, which replays the WAL) and takes new entries.
func TestFullDiskDatabase(t *testing.T) {
	ctx := context.Background()
	disk := disktest.Tiny(t, "3m")
	dir := filepath.Join(disk, "data")
	w, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	defer func() {
		if !closed {
			w.Close()
		}
	}()
	saved, err := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindPDLed, "Saved before the disk filled"))
	if err != nil {
		t.Fatal(err)
	}
	filler := faultsFill(t, filepath.Join(disk, "filler"))

	// A long reflection needs new pages in the WAL, which has no room. (Should SQLite find room
	// in WAL space it allocated before, a few more saves use it up.)
	long := portfolio.NewEntry(portfolio.KindPDLed, "Written on a full disk")
	long.Reflection[0].Text = strings.Repeat("What the workshop changed in my teaching. ", 5000)
	kept := []portfolio.Entry{saved}
	for i := 0; i < 20; i++ {
		e := portfolio.NewEntry(portfolio.KindPDLed, long.Title)
		e.Reflection[0].Text = long.Reflection[0].Text
		var fit portfolio.Entry
		if fit, err = w.Store.CreateEntry(ctx, e); err != nil {
			break
		}
		kept = append(kept, fit)
	}
	faultsWantDiskFull(t, "saving an entry", err)

	// Editing the saved entry fails the same way and leaves it as it was.
	edited := saved
	edited.Title = "Edited on a full disk"
	edited.Reflection[0].Text = long.Reflection[0].Text
	_, err = w.Store.UpdateEntry(ctx, edited)
	faultsWantDiskFull(t, "updating an entry", err)

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if problems, err := w.Store.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
		t.Errorf("integrity check once space is free: %v %v", problems, err)
	}
	entries, err := w.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(kept) || entries[0].ID != saved.ID || entries[0].Title != saved.Title {
		t.Errorf("after the failed saves the portfolio holds %d entries (first %q), want the %d saved, %q unchanged",
			len(entries), entries[0].Title, len(kept), saved.Title)
	}
	if hits, err := w.Store.Search(ctx, "workshop changed", 100); err != nil || len(hits) != len(kept)-1 {
		t.Errorf("the search index finds %d entries with the long text, want %d: %v", len(hits), len(kept)-1, err)
	}
	if _, err := w.Store.CreateEntry(ctx, long); err != nil {
		t.Errorf("saving once space is free: %v", err)
	}

	closed = true
	if err := w.Close(); err != nil {
		t.Errorf("closing: %v", err)
	}
	w, err = Open(Options{Dir: dir})
	if err != nil {
		t.Fatalf("opening again: %v", err)
	}
	closed = false
	faultsHealthy(t, w, "after opening again")
	if entries, _ := w.Store.ListEntries(ctx, portfolio.EntryFilter{}); len(entries) != len(kept)+1 {
		t.Errorf("after opening again: %d entries, want %d", len(entries), len(kept)+1)
	}
}
