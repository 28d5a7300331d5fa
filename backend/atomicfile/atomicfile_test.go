package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestWriteIsAllOrNothingAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.pdf")
	write := func(overwrite bool, content string, fail error) error {
		return Write(path, overwrite, func(f *os.File) error {
			if _, err := f.WriteString(content); err != nil {
				return err
			}
			return fail
		})
	}
	if err := write(false, "first", nil); err != nil {
		t.Fatal(err)
	}
	err := write(false, "second", nil)
	if portfolio.Code(err) != portfolio.CodeConflict || !strings.Contains(err.Error(), "never overwrites") {
		t.Errorf("second write: %v", err)
	}
	if err := write(true, "half", errors.New("cancelled")); err == nil || err.Error() != "cancelled" {
		t.Errorf("failing fill: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("the file holds %q after a refused and a failed write", got)
	}
	if err := write(true, "replaced", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "replaced" {
		t.Errorf("overwrite: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "x"), false, func(*os.File) error { return nil }); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Errorf("a missing folder: %v", err)
	}
}

// TestLeftoversOfAKilledWriteAreSweptAfterADay: a killed export leaves its hidden temporary
// file; the next write into that folder removes it once it is a day old, and nothing else.
func TestLeftoversOfAKilledWriteAreSweptAfterADay(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".readyfolio-export-123.tmp")
	fresh := filepath.Join(dir, ".readyfolio-export-456.tmp")
	mine := filepath.Join(dir, "readyfolio-export-notes.tmp")
	for _, p := range []string{old, fresh, mine} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	twoDaysAgo := time.Now().Add(-48 * time.Hour)
	os.Chtimes(old, twoDaysAgo, twoDaysAgo)
	os.Chtimes(mine, twoDaysAgo, twoDaysAgo)
	if err := Write(filepath.Join(dir, "new.pdf"), false, func(*os.File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{old: false, fresh: true, mine: true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
}
