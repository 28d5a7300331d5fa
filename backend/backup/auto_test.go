package backup

import (
	"archive/zip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestAutoMakesOneBackupADayAndKeepsSeven runs ten days of app starts, two a day, with files
// beside the automatic backups that must survive: one backup a day, named by the local date,
// the newest seven kept, nothing else touched, and no backup holding the backups folder.
func TestAutoMakesOneBackupADayAndKeepsSeven(t *testing.T) {
	dir, ws := demoFolder(t, 9, false)
	backups := filepath.Join(dir, BackupsDir)
	os.MkdirAll(backups, 0o700)
	others := []string{"readyfolio-before-restore-2026-01-01-101010.zip", "readyfolio-2026-01-01.zip.tmp",
		"my copy.zip", "readyfolio-2026-1-1.zip", "Readyfolio-2026-01-01.zip"}
	for _, name := range others {
		os.WriteFile(filepath.Join(backups, name), []byte("not an automatic backup"), 0o600)
	}
	os.Mkdir(filepath.Join(backups, "readyfolio-2026-01-02.zip"), 0o700) // a folder, oddly named

	var want []string
	for day := 0; day < 10; day++ {
		morning := time.Date(2026, 5, 1+day, 7, 0, 0, 0, testNow.Location())
		made, err := Auto(ctx, ws, morning, "1.0")
		if err != nil || !made {
			t.Fatalf("day %d, first start: made %v, %v", day+1, made, err)
		}
		// Late the same evening: UTC is the next day already, locally it is the same day.
		made, err = Auto(ctx, ws, morning.Add(16*time.Hour+30*time.Minute), "1.0")
		if err != nil || made {
			t.Fatalf("day %d, second start: made %v, %v", day+1, made, err)
		}
		want = append(want, AutoName(morning))
	}
	want = want[len(want)-AutoKeep:]
	var got []string
	entries, _ := os.ReadDir(backups)
	for _, e := range entries {
		if autoName.MatchString(e.Name()) && e.Type().IsRegular() {
			got = append(got, e.Name())
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("automatic backups %v, want %v", got, want)
	}
	if want[0] != "readyfolio-2026-05-04.zip" || want[6] != "readyfolio-2026-05-10.zip" {
		t.Errorf("names %v", want)
	}
	for _, name := range append(others, "readyfolio-2026-01-02.zip") {
		if _, err := os.Stat(filepath.Join(backups, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
	zr, err := zip.OpenReader(filepath.Join(backups, want[6]))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.Contains(f.Name, BackupsDir) || strings.Contains(f.Name, ".zip") {
			t.Errorf("the automatic backup holds %s", f.Name)
		}
	}
	if sum, err := Inspect(ctx, filepath.Join(backups, want[6]), nil); err != nil || sum.MadeBy != "ReadyFolio 1.0" {
		t.Errorf("the latest automatic backup: %+v, %v", sum, err)
	}
	if info, _ := os.Stat(backups); info.Mode().Perm() != 0o700 {
		t.Errorf("the backups folder has permissions %o", info.Mode().Perm())
	}
}
