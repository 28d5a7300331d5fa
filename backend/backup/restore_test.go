package backup

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
)

// TestRestoreOverAPortfolioBacksItUpFirst restores one portfolio over another: refused while a
// window holds the folder; then the folder's portfolio goes into backups/ first, the restored
// one replaces it, a file of the educator's beside it stays, and the old portfolio comes back
// whole from the safety backup.
func TestRestoreOverAPortfolioBacksItUpFirst(t *testing.T) {
	dirA, wsA := demoFolder(t, 1, true)
	wantA := capture(t, wsA)
	wsA.Close()
	notes := filepath.Join(dirA, "my notes.txt")
	os.WriteFile(notes, []byte("keep me"), 0o600)

	_, wsB := demoFolder(t, 2, false)
	wantB := capture(t, wsB)
	backupB := makeBackup(t, wsB)

	held, err := datadir.Acquire(dirA)
	if err != nil {
		t.Fatal(err)
	}
	before := tree(t, dirA)
	_, err = Restore(ctx, backupB, dirA, RestoreOptions{Now: testNow})
	wantCode(t, err, portfolio.CodeLocked, dirA, "open in a ReadyFolio window", "Nothing was restored")
	sameTree(t, "a restore refused for the lock", tree(t, dirA), before)
	held.Release()

	rr, err := Restore(ctx, backupB, dirA, RestoreOptions{Now: testNow, AppVersion: "9.9"})
	if err != nil {
		t.Fatal(err)
	}
	safety := filepath.Join(dirA, BackupsDir, "readyfolio-before-restore-2026-05-01-233000.zip")
	if rr.Previous != safety || rr.PreviousAsFiles {
		t.Errorf("report %+v, want the previous portfolio in %s", rr, safety)
	}
	if got, _ := os.ReadFile(notes); string(got) != "keep me" {
		t.Errorf("the educator's file beside the portfolio: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dirA, stagePrefix+"*")); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
	checkPrivate(t, dirA)
	restored := openWorkspace(t, dirA)
	sameSnapshot(t, "restored over A", capture(t, restored), wantB)
	if problems, err := restored.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	restored.Close()

	// The old portfolio, identity included, comes back from the safety backup.
	dirC := filepath.Join(t.TempDir(), "C")
	if _, err := Restore(ctx, safety, dirC, RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	sameSnapshot(t, "A from its safety backup", capture(t, openWorkspace(t, dirC)), wantA)

	// Restoring again the same second names the next safety backup apart.
	rr, err = Restore(ctx, backupB, dirA, RestoreOptions{Now: testNow})
	if err != nil || rr.Previous != strings.TrimSuffix(safety, ".zip")+"-2.zip" {
		t.Errorf("a second restore: %+v, %v", rr, err)
	}
}

// TestRestoreIntoAnEmptyFolder needs no safety backup; a stale lock file, an empty backups
// folder, a file manager's .DS_Store and the backup itself do not make a folder a portfolio.
func TestRestoreIntoAnEmptyFolder(t *testing.T) {
	_, ws := demoFolder(t, 5, false)
	want := capture(t, ws)
	src := makeBackup(t, ws)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "readyfolio.lock"), nil, 0o600)
	os.WriteFile(filepath.Join(dir, ".DS_Store"), nil, 0o600)
	os.Mkdir(filepath.Join(dir, BackupsDir), 0o700)
	// The backup itself may wait in the folder it is restored into.
	inside := filepath.Join(dir, "from the old laptop.zip")
	data, _ := os.ReadFile(src)
	os.WriteFile(inside, data, 0o600)
	rr, err := Restore(ctx, inside, dir, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rr.Previous != "" {
		t.Errorf("a safety backup of an empty folder: %+v", rr)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, BackupsDir)); len(entries) != 0 {
		t.Errorf("backups of nothing: %v", entries)
	}
	sameSnapshot(t, "restored", capture(t, openWorkspace(t, dir)), want)
}

// TestRestoreRefusesAFolderOfOtherFiles keeps a wrong --data-dir from emptying a folder.
func TestRestoreRefusesAFolderOfOtherFiles(t *testing.T) {
	_, ws := demoFolder(t, 5, false)
	src := makeBackup(t, ws)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("years of work"), 0o600)
	before := tree(t, dir)
	_, err := Restore(ctx, src, dir, RestoreOptions{})
	wantCode(t, err, portfolio.CodeConflict, "holds no ReadyFolio portfolio", "thesis.docx")
	sameTree(t, "a restore into a folder of other files", tree(t, dir), before)
}

// TestRestoreUndoesTheSwapWhenARenameFails makes the swap fail halfway: the folder gets its
// portfolio back, and only the safety backup was added.
func TestRestoreUndoesTheSwapWhenARenameFails(t *testing.T) {
	dirA, wsA := demoFolder(t, 1, true)
	wantA := capture(t, wsA)
	wsA.Close()
	_, wsB := demoFolder(t, 2, false)
	src := makeBackup(t, wsB)

	moved := 0
	rename = func(from, to string) error {
		if strings.Contains(from, string(filepath.Separator)+"new"+string(filepath.Separator)) {
			if moved++; moved == 2 {
				return fmt.Errorf("injected failure moving %s", filepath.Base(from))
			}
		}
		return os.Rename(from, to)
	}
	defer func() { rename = os.Rename }()
	_, err := Restore(ctx, src, dirA, RestoreOptions{Now: testNow})
	wantCode(t, err, portfolio.CodeConflict, "injected failure", "nothing was changed")
	if moved != 2 {
		t.Fatalf("the swap moved %d files in", moved)
	}
	if left, _ := filepath.Glob(filepath.Join(dirA, stagePrefix+"*")); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
	if _, err := os.Stat(filepath.Join(dirA, BackupsDir, "readyfolio-before-restore-2026-05-01-233000.zip")); err != nil {
		t.Errorf("the safety backup: %v", err)
	}
	sameSnapshot(t, "A after a failed swap", capture(t, openWorkspace(t, dirA)), wantA)
}

// TestRestoreKeepsADamagedPortfolioAsFiles restores over a portfolio too damaged to back up:
// its files are kept as they were in backups/.
func TestRestoreKeepsADamagedPortfolioAsFiles(t *testing.T) {
	dirA, wsA := demoFolder(t, 1, false)
	refs, _ := wsA.Store.BlobRefs(ctx)
	wsA.Close()
	damaged := filepath.Join(dirA, "artifacts", refs[0].SHA256[:2], refs[0].SHA256)
	data, _ := os.ReadFile(damaged)
	data[len(data)/2] ^= 1
	os.WriteFile(damaged, data, 0o600)
	_, wsB := demoFolder(t, 2, false)
	wantB := capture(t, wsB)
	src := makeBackup(t, wsB)

	rr, err := Restore(ctx, src, dirA, RestoreOptions{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dirA, BackupsDir, "readyfolio-replaced-2026-05-01-233000")
	if rr.Previous != kept || !rr.PreviousAsFiles {
		t.Fatalf("report %+v", rr)
	}
	if got, _ := os.ReadFile(filepath.Join(kept, "artifacts", refs[0].SHA256[:2], refs[0].SHA256)); !bytes.Equal(got, data) {
		t.Error("the damaged file was not kept as it was")
	}
	if _, err := store.Inspect(ctx, filepath.Join(kept, "portfolio.db")); err != nil {
		t.Errorf("the kept database: %v", err)
	}
	sameSnapshot(t, "restored over a damaged portfolio", capture(t, openWorkspace(t, dirA)), wantB)
}

// TestRestoreRefusesBadInputAndWritesNothing hands Restore files that are not backups, damaged,
// changed or too new, into an existing portfolio and into a missing folder: each is refused
// with its reason, and neither folder changes.
func TestRestoreRefusesBadInputAndWritesNothing(t *testing.T) {
	_, ws := demoFolder(t, 4, true)
	good := makeBackup(t, ws)
	data, _ := os.ReadFile(good)
	refs, _ := ws.Store.BlobRefs(ctx)
	sha := refs[0].SHA256
	tmp := t.TempDir()
	file := func(name string, content []byte) string {
		p := filepath.Join(tmp, name)
		os.WriteFile(p, content, 0o600)
		return p
	}
	tampered := bytes.Clone(data)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var victim string
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, sha) {
			off, _ := f.DataOffset()
			tampered[off+int64(f.CompressedSize64)/2] ^= 0x04
			victim = f.Name[strings.Index(f.Name, "data/"):]
		}
	}
	var pkg bytes.Buffer // a submission package's layout
	w := bag.NewWriter(&pkg, "portfolio-2026-05-01", testNow)
	w.AddPayload("portfolio.pdf", strings.NewReader("%PDF-1.7\n%%EOF\n"), false)
	w.AddPayload("portfolio.json", strings.NewReader(`{"format":"readyfolio.portfolio"}`), true)
	w.Finish([]bag.Field{{Name: "Bag-Software-Agent", Value: "ReadyFolio 1.2.3"}}, nil, func([]byte) ([]bag.TagFile, error) {
		return []bag.TagFile{{Name: "tagmanifest-sha256.txt.p7s", Data: []byte("signature")}}, nil
	})
	var otherBag bytes.Buffer
	w = bag.NewWriter(&otherBag, "", testNow)
	w.AddPayload("photo.jpg", strings.NewReader("jpeg"), false)
	w.Finish(nil, nil, nil)
	isSHA := func(p string) bool { return strings.HasSuffix(p, sha) }
	isDB := func(p string) bool { return p == "data/portfolio.db" }

	cases := []struct {
		name     string
		src      string
		code     portfolio.ErrorCode
		contains []string
	}{
		{"truncated zip", file("half.zip", data[:len(data)/2]), portfolio.CodeInvalid, []string{"not a ReadyFolio backup, or it is damaged"}},
		{"zip without its last bytes", file("cut.zip", data[:len(data)-10]), portfolio.CodeInvalid, []string{"not a ReadyFolio backup, or it is damaged"}},
		{"text file", file("notes.txt", []byte("Dear diary, today I backed up nothing.\n")), portfolio.CodeInvalid, []string{"not a ReadyFolio backup", "not a zip archive"}},
		{"empty file", file("empty.zip", nil), portfolio.CodeInvalid, []string{"not a ReadyFolio backup"}},
		{"tampered artifact", file("tampered.zip", tampered), portfolio.CodeCorrupt, []string{"damaged or was changed", victim}},
		{"newer backup format", rebag(t, good, setField(VersionField, "2"), nil, nil), portfolio.CodeTooNew, []string{"newer version of ReadyFolio", "backup format 2", "Update ReadyFolio"}},
		{"newer database schema", rebag(t, good, setField(SchemaField, "99"), nil, nil), portfolio.CodeTooNew, []string{"newer version of ReadyFolio", "schema 99"}},
		{"version not a number", rebag(t, good, setField(VersionField, "one"), nil, nil), portfolio.CodeCorrupt, []string{`"one"`}},
		{"submission package", file("package.zip", pkg.Bytes()), portfolio.CodeInvalid, []string{"is a submission package, not a backup"}},
		{"another bag", file("bag.zip", otherBag.Bytes()), portfolio.CodeInvalid, []string{"not a ReadyFolio backup", VersionField}},
		{"backup without its version", rebag(t, good, dropField(VersionField), nil, nil), portfolio.CodeInvalid, []string{"not a ReadyFolio backup"}},
		{"artifact left out", rebag(t, good, nil, isSHA, nil), portfolio.CodeCorrupt, []string{"incomplete", sha[:12]}},
		{"artifact under another name", rebag(t, good, nil, isSHA, map[string][]byte{"artifacts/" + sha[:2] + "/" + sha: []byte("other")}), portfolio.CodeCorrupt, []string{"does not match its name"}},
		{"a file a backup does not hold", rebag(t, good, nil, nil, map[string][]byte{"run-me.sh": []byte("rm -rf ~")}), portfolio.CodeCorrupt, []string{"data/run-me.sh", "does not hold"}},
		{"no database", rebag(t, good, nil, isDB, nil), portfolio.CodeCorrupt, []string{"no data/portfolio.db"}},
		{"database not SQLite", rebag(t, good, nil, isDB, map[string][]byte{"portfolio.db": bytes.Repeat([]byte("not sqlite "), 20)}), portfolio.CodeCorrupt, []string{"not a ReadyFolio database"}},
	}
	existing, wsE := demoFolder(t, 6, false)
	wsE.Close()
	parent := t.TempDir()
	missing := filepath.Join(parent, "new", "data")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, dir := range []string{existing, missing} {
				before, beforeParent := tree(t, dir), tree(t, parent)
				_, err := Restore(ctx, c.src, dir, RestoreOptions{Now: testNow})
				wantCode(t, err, c.code, c.contains...)
				if !strings.Contains(portfolio.Message(err), c.src) {
					t.Errorf("the message does not name the file: %s", portfolio.Message(err))
				}
				sameTree(t, c.name, tree(t, dir), before)
				sameTree(t, c.name, tree(t, parent), beforeParent)
			}
			if _, err := Inspect(ctx, c.src, nil); portfolio.Code(err) != c.code {
				t.Errorf("Inspect: %v", err)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a refused restore created the folder")
	}
	sum, err := Inspect(ctx, good, nil)
	if err != nil || sum.Artifacts != len(refs) || !sum.Identity || sum.SchemaVersion != store.LatestVersion || sum.Bytes == 0 {
		t.Errorf("Inspect of a good backup: %+v, %v", sum, err)
	}
	_, err = Restore(ctx, filepath.Join(tmp, "no such file.zip"), missing, RestoreOptions{})
	wantCode(t, err, portfolio.CodeInvalid, "Cannot read the backup")
	_, err = Restore(ctx, tmp, missing, RestoreOptions{})
	wantCode(t, err, portfolio.CodeInvalid, "is not a file")
}
