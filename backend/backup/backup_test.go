package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/mediatype"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
)

// TestRoundTrip backs up a demo portfolio with an identity and a trashed entry, restores it into
// a new folder, and finds everything again: entries, trash, alignments, profile, frameworks,
// the bytes of every artifact and the identity's files; the restored folder checks healthy.
func TestRoundTrip(t *testing.T) {
	dir, ws := demoFolder(t, 7, true)
	want := capture(t, ws)
	if len(want.Entries) == 0 || len(want.Trash) != 1 || len(want.Blobs) == 0 || len(want.Identity) != 2 {
		t.Fatalf("the demo folder is not what the test needs: %d entries, %d trashed, %d blobs, identity %v",
			len(want.Entries), len(want.Trash), len(want.Blobs), want.Identity)
	}
	aligned := 0
	for _, a := range want.Alignments {
		aligned += len(a)
	}
	if aligned == 0 {
		t.Fatal("the demo has no alignments")
	}
	// Something that must never be in a backup.
	os.MkdirAll(filepath.Join(dir, BackupsDir), 0o700)
	os.WriteFile(filepath.Join(dir, BackupsDir, "readyfolio-2026-04-30.zip"), []byte("an older backup"), 0o600)
	os.MkdirAll(filepath.Join(dir, "cache", "thumbnails"), 0o700)
	os.WriteFile(filepath.Join(dir, "cache", "thumbnails", "x.jpg"), []byte("thumb"), 0o600)

	dest := filepath.Join(t.TempDir(), "backup.zip")
	var last, total, calls int
	report, err := Create(ctx, ws, dest, Options{Now: testNow, AppVersion: "1.2.3", Progress: func(d, tot int) {
		if d < last {
			t.Errorf("progress went back from %d to %d", last, d)
		}
		last, total = d, tot
		calls++
	}})
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if report.Path != dest || report.Bytes != info.Size() || report.Entries != len(want.Entries) ||
		report.Artifacts != len(want.Blobs) || !report.Identity || report.SchemaVersion != store.LatestVersion ||
		report.PortfolioID != want.Profile.PortfolioID {
		t.Errorf("report %+v", report)
	}
	if calls < 3 || last != total || total == 0 {
		t.Errorf("progress ended at %d of %d after %d calls", last, total, calls)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("the backup file has permissions %o, want 600", perm)
	}
	if left, _ := os.ReadDir(filepath.Dir(dest)); len(left) != 1 {
		t.Errorf("temporary files left beside the backup: %v", left)
	}
	checkLayout(t, dest, want)

	restored := filepath.Join(t.TempDir(), "nested", "restored")
	rr, err := Restore(ctx, dest, restored, RestoreOptions{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if rr.Dir != restored || rr.Previous != "" || rr.Backup.Entries != len(want.Entries) || rr.Backup.Artifacts != len(want.Blobs) ||
		!rr.Backup.Identity || rr.Backup.MadeBy != "ReadyFolio 1.2.3" || rr.Backup.FormatVersion != 1 || rr.Backup.PortfolioID != want.Profile.PortfolioID {
		t.Errorf("restore report %+v", rr)
	}
	checkPrivate(t, restored)
	if _, err := os.Stat(filepath.Join(restored, BackupsDir)); err == nil {
		t.Error("the backups folder was restored")
	}
	if _, err := os.Stat(filepath.Join(restored, "cache")); err == nil {
		t.Error("the cache was restored")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(restored), stagePrefix+"*")); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
	again := openWorkspace(t, restored)
	sameSnapshot(t, "restored", capture(t, again), want)
	if problems, err := again.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check of the restored folder: %v %v", problems, err)
	}
	ids, err := again.Identity()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ids.Unlock([]byte("correct horse battery")); err != nil {
		t.Errorf("the restored identity does not unlock: %v", err)
	}
}

// checkLayout reads the zip as anyone could: the bag's payload mirrors the data folder, media
// that is compressed already is stored, and bag-info says what the backup is.
func checkLayout(t *testing.T, path string, want snapshot) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	mediaTypes := map[string]string{}
	for _, e := range append(append([]portfolio.Entry{}, want.Entries...), want.Trash...) {
		for _, a := range e.Artifacts {
			if a.Type == portfolio.ArtifactFile {
				mediaTypes[a.SHA256] = a.MediaType
			}
		}
	}
	for _, c := range want.Credentials {
		mediaTypes[c.SHA256] = c.MediaType
	}
	root := bagRoot(testNow) + "/"
	if root != "readyfolio-backup-2026-05-01/" {
		t.Errorf("root %q: the local date names it", root)
	}
	names := map[string]bool{}
	stored := 0
	for _, f := range zr.File {
		names[f.Name] = true
		if !strings.HasPrefix(f.Name, root) {
			t.Errorf("%s is outside the bag folder", f.Name)
		}
		rel := strings.TrimPrefix(f.Name, root)
		if strings.Contains(rel, "backups") || strings.Contains(rel, "cache") || strings.Contains(rel, ".lock") {
			t.Errorf("the backup holds %s", rel)
		}
		if strings.HasPrefix(rel, "data/artifacts/") {
			sha := rel[strings.LastIndex(rel, "/")+1:]
			wantMethod := zip.Deflate
			if mediatype.Compressed(mediaTypes[sha]) {
				wantMethod = zip.Store
				stored++
			}
			if f.Method != wantMethod {
				t.Errorf("%s (%s) has method %d, want %d", rel, mediaTypes[sha], f.Method, wantMethod)
			}
		}
	}
	if stored == 0 {
		t.Error("no artifact was stored as it is; the demo has JPEGs")
	}
	wantFiles := []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "data/portfolio.db",
		"data/identity/certificate.pem", "data/identity/key.enc"}
	for sha := range want.Blobs {
		wantFiles = append(wantFiles, "data/artifacts/"+sha[:2]+"/"+sha)
	}
	for _, n := range wantFiles {
		if !names[root+n] {
			t.Errorf("the backup has no %s", n)
		}
	}
	if len(zr.File) != len(wantFiles) {
		t.Errorf("the backup has %d files, want %d", len(zr.File), len(wantFiles))
	}
	b, err := bag.Open(bytes.NewReader(data), int64(len(data)), bag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	info := map[string]string{}
	for _, f := range b.Info {
		info[f.Name] = f.Value
	}
	for k, v := range map[string]string{
		"Bag-Software-Agent": "ReadyFolio 1.2.3", VersionField: "1", SchemaField: fmt.Sprint(store.LatestVersion),
		TimeField: "2026-05-01T23:30:00-07:00", "External-Identifier": want.Profile.PortfolioID,
		EntriesField: fmt.Sprint(len(want.Entries)), ArtifactsField: fmt.Sprint(len(want.Blobs)),
	} {
		if info[k] != v {
			t.Errorf("bag-info %s = %q, want %q", k, info[k], v)
		}
	}
}

func checkPrivate(t *testing.T, dir string) {
	t.Helper()
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		want := os.FileMode(0o600)
		if info.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has permissions %o, want %o", p, info.Mode().Perm(), want)
		}
		return nil
	})
}

// TestBackupWhileAnotherConnectionWrites takes backups while a second workspace on the same
// folder (as the app beside the command line) keeps adding entries with files and emptying the
// trash; every backup restores to a healthy, self-consistent portfolio.
func TestBackupWhileAnotherConnectionWrites(t *testing.T) {
	dir, ws := demoFolder(t, 3, false)
	other := openWorkspace(t, dir)
	src := filepath.Join(t.TempDir(), "note.txt")

	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; wctx.Err() == nil; i++ {
			e, err := other.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, fmt.Sprint("written during the backup ", i)))
			if err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			os.WriteFile(src, []byte(fmt.Sprint("note ", i, strings.Repeat(" text", 2000))), 0o600)
			if _, err := other.AttachFile(ctx, e.ID, portfolio.RoleAttachment, src, "", nil); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			if i%3 == 2 {
				other.Store.TrashEntry(ctx, e.ID)
				if _, err := other.EmptyTrash(ctx); err != nil {
					t.Errorf("writer: %v", err)
					return
				}
			}
		}
	}()
	var backups []string
	for i := 0; i < 5; i++ {
		dest := filepath.Join(t.TempDir(), "backup.zip")
		if _, err := Create(ctx, ws, dest, Options{Now: testNow}); err != nil {
			stop()
			wg.Wait()
			t.Fatalf("backup %d: %v", i, err)
		}
		backups = append(backups, dest)
	}
	stop()
	wg.Wait()
	counts := map[int]bool{}
	for i, b := range backups {
		restored := filepath.Join(t.TempDir(), "restored")
		rr, err := Restore(ctx, b, restored, RestoreOptions{})
		if err != nil {
			t.Fatalf("restore %d: %v", i, err)
		}
		counts[rr.Backup.Entries] = true
		w := openWorkspace(t, restored)
		if problems, err := w.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("backup %d restored unhealthy: %v %v", i, problems, err)
		}
		w.Close()
	}
	if len(counts) < 2 {
		t.Errorf("every backup saw the same number of entries %v: the writer did not write while they were taken", counts)
	}
}

// TestVerifyAfterWriteCatchesCorruption damages the finished file before it is read back, as a
// failing disk would: the backup fails naming the damaged file, and no file is left.
func TestVerifyAfterWriteCatchesCorruption(t *testing.T) {
	_, ws := demoFolder(t, 1, false)
	dest := filepath.Join(t.TempDir(), "backup.zip")
	var victim string
	testHookWritten = func(f *os.File) {
		info, _ := f.Stat()
		data := make([]byte, info.Size())
		f.ReadAt(data, 0)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			if strings.Contains(zf.Name, "data/artifacts/") && zf.Method == zip.Store {
				off, _ := zf.DataOffset()
				f.WriteAt([]byte{data[off+100] ^ 0x20}, off+100)
				victim = zf.Name[strings.Index(zf.Name, "data/"):]
				return
			}
		}
		t.Fatal("no stored artifact to damage")
	}
	defer func() { testHookWritten = nil }()
	_, err := Create(ctx, ws, dest, Options{Now: testNow})
	wantCode(t, err, portfolio.CodeCorrupt, "did not read back intact", victim, "was not kept")
	if left, _ := os.ReadDir(filepath.Dir(dest)); len(left) != 0 {
		t.Errorf("files left: %v", left)
	}
}

func TestCreateRefusesToOverwriteAndNamesAMissingArtifact(t *testing.T) {
	_, ws := demoFolder(t, 2, false)
	dest := makeBackup(t, ws)
	before := tree(t, filepath.Dir(dest))
	_, err := Create(ctx, ws, dest, Options{})
	wantCode(t, err, portfolio.CodeConflict, "already exists")
	sameTree(t, "a refused overwrite", tree(t, filepath.Dir(dest)), before)
	if _, err := Create(ctx, ws, dest, Options{Overwrite: true}); err != nil {
		t.Errorf("overwrite: %v", err)
	}

	refs, _ := ws.Store.BlobRefs(ctx)
	p, _ := ws.Blobs.Path(refs[0].SHA256)
	kept, _ := os.ReadFile(p)
	os.Remove(p)
	other := filepath.Join(t.TempDir(), "b.zip")
	_, err = Create(ctx, ws, other, Options{})
	wantCode(t, err, portfolio.CodeCorrupt, "is missing", refs[0].SHA256[:12])
	if left, _ := os.ReadDir(filepath.Dir(other)); len(left) != 0 {
		t.Errorf("files left: %v", left)
	}

	os.WriteFile(p, kept, 0o600)
	p, _ = ws.Blobs.Path(refs[1].SHA256)
	data, _ := os.ReadFile(p)
	data[len(data)/2] ^= 1
	os.WriteFile(p, data, 0o600)
	_, err = Create(ctx, ws, other, Options{})
	wantCode(t, err, portfolio.CodeCorrupt, "damaged", refs[1].SHA256[:12])
	if left, _ := os.ReadDir(filepath.Dir(other)); len(left) != 0 {
		t.Errorf("files left: %v", left)
	}
}
