package submission

// Full-disk fault tests of the exports (issue 6): the signed PDF and the submission package are
// written onto a tiny tmpfs that the test mounts, while the data folder stays on the real disk.
// Each export must fail with a message that says the disk is full and names the file asked for,
// leave nothing in the target folder (no partial file, no temporary file or folder) and leave
// the data folder as it was. Linux and root (or CAP_SYS_ADMIN) only; elsewhere they skip.

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/readyfolio/readyfolio/backend/disktest"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// faultsDataFolder is what an export must not change: every entry as the store returns it and
// every file of the data folder outside the caches (with its SHA-256), the database's files
// aside, which SQLite may touch on a read (their content is covered by the entries).
func faultsDataFolder(t *testing.T, ws *workspace.Workspace) string {
	t.Helper()
	ctx := context.Background()
	entries, err := ws.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	trash, err := ws.Store.ListTrash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	err = filepath.WalkDir(ws.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(ws.Dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "cache" {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(rel, workspace.DatabaseFile) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		lines = append(lines, rel+" "+hex.EncodeToString(sum[:]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	data, _ := json.Marshal(map[string]any{"entries": entries, "trash": trash, "files": lines})
	return string(data)
}

// faultsNothingLeft fails the test if anything is left in dir besides the names in keep.
func faultsNothingLeft(t *testing.T, dir, when string, keep ...string) {
	t.Helper()
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		if !containsString(keep, e.Name()) {
			t.Errorf("%s: %s is left on the full disk", when, e.Name())
		}
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func faultsWantDiskFull(t *testing.T, what string, err error, path string) {
	t.Helper()
	msg := portfolio.Message(err)
	switch {
	case err == nil:
		t.Errorf("%s succeeded", what)
	case portfolio.Code(err) == portfolio.CodeInternal || !strings.Contains(msg, "disk is full"):
		t.Errorf("%s: the message does not say that the disk is full: %q (code %s)", what, msg, portfolio.Code(err))
	case !strings.Contains(msg, path):
		t.Errorf("%s: the message does not name %s: %q", what, path, msg)
	default:
		t.Logf("%s: %s", what, msg)
	}
}

// faultsFillTo leaves about free bytes on the disk at dir, with a filler file it returns.
func faultsFillTo(t *testing.T, dir string, free int64) string {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	avail := int64(st.Bavail) * st.Bsize
	path := filepath.Join(dir, "filler")
	if err := os.WriteFile(path, make([]byte, max(avail-free, 0)), 0o600); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatal(err)
	}
	return path
}

// TestFullDiskExports exports the signed PDF and the package of a portfolio holding a 3 MB
// original onto a 2 MB disk: once with the disk empty (the pages fit, the originals do not) and
// once with 64 KB left (nothing fits). Every time: a disk-full message naming the file asked
// for, nothing left on the disk but the test's own filler, the data folder unchanged and
// healthy; and with room again, both exports succeed.
func TestFullDiskExports(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	disk := disktest.Tiny(t, "2m")

	entries, err := f.ws.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ready *portfolio.Entry
	for i := range entries {
		if entries[i].Status == portfolio.StatusReady && entries[i].IncludeInExports {
			ready = &entries[i]
			break
		}
	}
	if ready == nil {
		t.Fatal("the demo portfolio has no ready entry to attach a large file to")
	}
	noise := make([]byte, 3<<20) // incompressible, larger than the disk
	rand.Read(noise)
	big := filepath.Join(t.TempDir(), "recording.bin")
	if err := os.WriteFile(big, noise, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ws.AttachFile(ctx, ready.ID, portfolio.RoleAttachment, big, "", nil); err != nil {
		t.Fatal(err)
	}
	want := faultsDataFolder(t, f.ws)

	exportPDF := func(path string) error {
		_, err := f.ws.ExportPDF(ctx, path, f.signer, workspace.ExportOptions{
			Preset: pdfrender.PresetCertification, Paper: pdfrender.PaperLetter, Now: packagedAt, AppVersion: "test"})
		return err
	}
	exportPackage := func(path string) error {
		_, err := Build(ctx, f.ws, path, f.signer, Options{Now: packagedAt, AppVersion: "test"})
		return err
	}
	pdfPath, zipPath := filepath.Join(disk, "portfolio.pdf"), filepath.Join(disk, "package.zip")

	for _, room := range []struct {
		name string
		free int64 // -1: the whole disk
	}{{"an empty 2 MB disk", -1}, {"a disk with 64 KB left", 64 << 10}} {
		var keep []string
		if room.free >= 0 {
			keep = append(keep, filepath.Base(faultsFillTo(t, disk, room.free)))
		}
		faultsWantDiskFull(t, "the PDF export onto "+room.name, exportPDF(pdfPath), pdfPath)
		faultsNothingLeft(t, disk, "after the PDF export onto "+room.name, keep...)
		faultsWantDiskFull(t, "the package export onto "+room.name, exportPackage(zipPath), zipPath)
		faultsNothingLeft(t, disk, "after the package export onto "+room.name, keep...)
		if got := faultsDataFolder(t, f.ws); got != want {
			t.Errorf("the data folder changed after the exports onto %s", room.name)
		}
		problems, err := f.ws.Check(ctx)
		if err != nil || len(problems) > 0 {
			t.Errorf("check after the exports onto %s: %v %v", room.name, problems, err)
		}
		for _, name := range keep {
			os.Remove(filepath.Join(disk, name))
		}
	}

	// With room again (the data folder's disk), both work: the failures left nothing in the way.
	roomy := t.TempDir()
	if err := exportPDF(filepath.Join(roomy, "portfolio.pdf")); err != nil {
		t.Errorf("the PDF export with room: %v", err)
	}
	if err := exportPackage(filepath.Join(roomy, "package.zip")); err != nil {
		t.Errorf("the package export with room: %v", err)
	}
}
