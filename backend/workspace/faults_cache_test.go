package workspace

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// TestOpenRemovesCacheTempLeftByACrash: the crash test (scripts/faults/crash.sh) found
// cache/print/.tmp-* files left in the data folder by a process killed while it prepared a
// photo for print, and never removed. Opening the folder removes those of the print and
// thumbnail caches, and those of the viewing copies once they are an hour old (another process
// may be copying a file for viewing right now); finished cache files stay.
func TestOpenRemovesCacheTempLeftByACrash(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	w, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	write := func(rel string, age time.Duration) string {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		os.Chtimes(path, old, old)
		return path
	}
	gone := []string{
		write(PrintDir+"/.tmp-1234", 0),
		write(ThumbnailsDir+"/.tmp-5678", 0),
		write(ViewingDir+"/0190-a/.tmp-42", 2*time.Hour),
	}
	kept := []string{
		write(PrintDir+"/"+fakeHash+"-1100.jpg", 0),
		write(ViewingDir+"/0190-b/.tmp-43", time.Minute),
		write(ViewingDir+"/0190-b/report.pdf", 2*time.Hour),
	}
	w, err = Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, p := range gone {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there after Open", p)
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed by Open: %v", p, err)
		}
	}
}

const fakeHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// TestExportForViewingWritesThroughATemporaryFile: the copy handed to the system's viewer is
// complete whenever it exists at its name (it is renamed there when complete), read-only, and
// nothing else is left beside it.
func TestExportForViewingWritesThroughATemporaryFile(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	data := pngBytes(t, 60, 40)
	e, err := w.CreateEntryWithFiles(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Poster"), []string{writeFile(t, "poster.png", data)})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // the second call finds the first copy
		path, err := w.ExportForViewing(e.Artifacts[0])
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		info, _ := os.Stat(path)
		if string(got) != string(data) || info.Mode().Perm() != 0o400 || filepath.Base(path) != "poster.png" {
			t.Errorf("copy %d: %s, %d bytes, mode %o", i, path, len(got), info.Mode().Perm())
		}
		if left, _ := os.ReadDir(filepath.Dir(path)); len(left) != 1 {
			t.Errorf("beside the copy: %v", left)
		}
	}
}
