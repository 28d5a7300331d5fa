package backup

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/readyfolio/readyfolio/backend/disktest"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// TestFullDisk writes a backup onto a disk too small for it, with room first for none of it and
// then for the database but not the artifacts; then restores onto it. Each time the message says
// the disk is full, nothing is left on it, and the portfolio is intact.
func TestFullDisk(t *testing.T) {
	disk := disktest.Tiny(t, "2m")
	_, ws := demoFolder(t, 3, true)
	e, err := ws.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "recording.bin")
	noise := make([]byte, 3<<20) // incompressible, larger than the disk
	rand.Read(noise)
	os.WriteFile(big, noise, 0o600)
	if _, err := ws.AttachFile(ctx, e[0].ID, portfolio.RoleAttachment, big, "", nil); err != nil {
		t.Fatal(err)
	}
	want := capture(t, ws)
	src := makeBackup(t, ws) // elsewhere, for the restore below

	dest := filepath.Join(disk, "backup.zip")
	_, err = Create(ctx, ws, dest, Options{})
	wantCode(t, err, portfolio.CodeConflict, "The disk is full", dest, "no partial file")
	if left, _ := os.ReadDir(disk); len(left) != 0 {
		t.Errorf("left on the full disk: %v", left)
	}

	// Nearly full already: the snapshot of the database itself does not fit.
	filler := filepath.Join(disk, "filler")
	os.WriteFile(filler, make([]byte, 2<<20-16<<10), 0o600)
	_, err = Create(ctx, ws, dest, Options{})
	wantCode(t, err, portfolio.CodeConflict, "The disk is full", dest)
	err = ws.Store.Snapshot(ctx, filepath.Join(disk, "snapshot.db")) // the step that failed
	if !isNoSpace(err) {
		t.Errorf("the snapshot onto a full disk: %v", err)
	}
	wantCode(t, err, portfolio.CodeConflict, "The disk is full")
	if left, _ := os.ReadDir(disk); len(left) != 1 {
		t.Errorf("left on the full disk: %v", left)
	}
	os.Remove(filler)

	sameSnapshot(t, "the portfolio after failed backups", capture(t, ws), want)
	if problems, err := ws.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after failed backups: %v %v", problems, err)
	}

	target := filepath.Join(disk, "data")
	_, err = Restore(ctx, src, target, RestoreOptions{})
	wantCode(t, err, portfolio.CodeConflict, "The disk is full", "nothing was changed")
	if left, _ := os.ReadDir(disk); len(left) != 0 {
		t.Errorf("left on the full disk after a restore: %v", left)
	}
}
