package backup

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// TestListFindsReadyFoliosOwnBackupsNewestFirst: the daily and the before-restore backups, newest
// first, with their dates, times and sizes; nothing else in the folder, and Find takes no paths.
func TestListFindsReadyFoliosOwnBackupsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	if got, err := List(dir); err != nil || len(got) != 0 || got == nil {
		t.Fatalf("a folder without backups: %#v, %v", got, err)
	}
	backups := filepath.Join(dir, BackupsDir)
	os.MkdirAll(backups, 0o700)
	files := map[string]int{
		"readyfolio-2026-05-01.zip":                         10,
		"readyfolio-2026-05-02.zip":                         20,
		"readyfolio-before-restore-2026-05-02-093000.zip":   30,
		"readyfolio-before-restore-2026-05-02-093000-2.zip": 31,
		"readyfolio-before-restore-2026-04-30-235959.zip":   40,
		"readyfolio-2026-05-03.zip.tmp":                     1,
		"my copy.zip":                                       1,
		"Readyfolio-2026-05-04.zip":                         1,
		"readyfolio-before-restore-2026-05-02.zip":          1,
	}
	for name, size := range files {
		os.WriteFile(filepath.Join(backups, name), make([]byte, size), 0o600)
	}
	os.Mkdir(filepath.Join(backups, "readyfolio-2026-05-05.zip"), 0o700) // a folder
	os.Mkdir(filepath.Join(backups, "readyfolio-replaced-2026-05-02-093000"), 0o700)

	got, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range got {
		names = append(names, l.Name)
	}
	want := []string{
		"readyfolio-before-restore-2026-05-02-093000-2.zip",
		"readyfolio-before-restore-2026-05-02-093000.zip",
		"readyfolio-2026-05-02.zip",
		"readyfolio-2026-05-01.zip",
		"readyfolio-before-restore-2026-04-30-235959.zip",
	}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("listed %v, want %v", names, want)
	}
	daily := got[2]
	if daily.Kind != KindDaily || daily.Date != "2026-05-02" || daily.Time != "" || daily.Bytes != 20 ||
		daily.Path != filepath.Join(backups, "readyfolio-2026-05-02.zip") {
		t.Errorf("daily backup %+v", daily)
	}
	before := got[4]
	if before.Kind != KindBeforeRestore || before.Date != "2026-04-30" || before.Time != "23:59:59" || before.Bytes != 40 {
		t.Errorf("before-restore backup %+v", before)
	}

	if l, err := Find(dir, "readyfolio-2026-05-01.zip"); err != nil || l.Bytes != 10 || l.Kind != KindDaily {
		t.Errorf("Find a daily backup: %+v, %v", l, err)
	}
	for _, name := range []string{"my copy.zip", "../readyfolio-2026-05-01.zip", "readyfolio-2026-05-05.zip",
		filepath.Join(backups, "readyfolio-2026-05-01.zip"), "readyfolio-2026-05-09.zip", ""} {
		if _, err := Find(dir, name); portfolio.Code(err) != portfolio.CodeNotFound {
			t.Errorf("Find(%q) = %v, want not found", name, err)
		}
	}
}
