package blobs

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func openStore(t testing.TB, maxSize int64) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "blobs")
	s, err := Open(dir, maxSize)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// storedFiles lists every file under dir, the temporary folder included.
func storedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func wantCode(t *testing.T, err error, code portfolio.ErrorCode, fragments ...string) {
	t.Helper()
	if portfolio.Code(err) != code {
		t.Fatalf("error %v has code %q, want %q", err, portfolio.Code(err), code)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("message %q does not mention %q", err, f)
		}
	}
}

func TestOpenCreatesPrivateFolders(t *testing.T) {
	_, dir := openStore(t, 0)
	for _, d := range []string{dir, filepath.Join(dir, "tmp")} {
		info, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
			t.Errorf("%s has mode %v, want 0700", d, info.Mode().Perm())
		}
	}
}

func TestOpenDefaultsAndCleansTemp(t *testing.T) {
	s, dir := openStore(t, -1)
	if s.MaxSize() != DefaultMaxSize {
		t.Errorf("MaxSize = %d, want %d", s.MaxSize(), DefaultMaxSize)
	}
	unlimited, err := Open(t.TempDir(), math.MaxInt64)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := unlimited.Put(context.Background(), strings.NewReader("x")); err != nil {
		t.Errorf("Put with the largest possible limit: %v", err)
	}
	leftover := filepath.Join(dir, "tmp", "put-123")
	if err := os.WriteFile(leftover, []byte("half an import"), 0o600); err != nil {
		t.Fatal(err)
	}
	longAgo := time.Now().Add(-2 * staleTemp)
	os.Chtimes(leftover, longAgo, longAgo)
	if _, err := Open(dir, 0); err != nil {
		t.Fatal(err)
	}
	if files := storedFiles(t, dir); len(files) != 0 {
		t.Errorf("leftovers after Open: %v", files)
	}
}

func TestPutRoundTrip(t *testing.T) {
	s, dir := openStore(t, 0)
	content := []byte("Lesson plan, redesigned for a world with AI.\n")
	b, err := s.Put(context.Background(), bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	want := Blob{SHA256: hashOf(content), Size: int64(len(content))}
	if b != want {
		t.Fatalf("Put = %+v, want %+v", b, want)
	}
	if !s.Has(b.SHA256) {
		t.Error("Has = false after Put")
	}
	path, err := s.Path(b.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	if wantPath := filepath.Join(dir, b.SHA256[:2], b.SHA256); path != wantPath {
		t.Errorf("Path = %s, want %s", path, wantPath)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("blob has mode %v, want 0600", info.Mode().Perm())
	}
	f, err := s.Open(b.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, content) {
		t.Errorf("read back %q, want %q", got, content)
	}
	if err := s.Verify(b.SHA256, b.Size); err != nil {
		t.Errorf("Verify of an intact blob: %v", err)
	}
}

func TestPutEmpty(t *testing.T) {
	s, _ := openStore(t, 0)
	b, err := s.Put(context.Background(), strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	if b.Size != 0 || b.SHA256 != hashOf(nil) {
		t.Errorf("Put(empty) = %+v", b)
	}
}

func TestPutDeduplicates(t *testing.T) {
	s, dir := openStore(t, 0)
	content := []byte("the same worksheet, attached twice")
	first, err := s.Put(context.Background(), bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Put(context.Background(), bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if first != second {
		t.Errorf("second Put = %+v, first %+v", second, first)
	}
	want := []string{filepath.Join(first.SHA256[:2], first.SHA256)}
	if files := storedFiles(t, dir); len(files) != 1 || files[0] != want[0] {
		t.Errorf("stored files %v, want %v", files, want)
	}
}

func TestPutConcurrentSameContent(t *testing.T) {
	s, dir := openStore(t, 0)
	content := bytes.Repeat([]byte("shared slide deck "), 10000)
	blobs := make(chan Blob, 8)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			b, err := s.Put(context.Background(), bytes.NewReader(content))
			blobs <- b
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		if b := <-blobs; b.SHA256 != hashOf(content) {
			t.Errorf("Put = %+v", b)
		}
	}
	if files := storedFiles(t, dir); len(files) != 1 {
		t.Errorf("stored files %v, want one", files)
	}
}

func TestPutReplacesDamagedCopy(t *testing.T) {
	s, _ := openStore(t, 0)
	content := []byte("a file whose stored copy was truncated")
	b, err := s.Put(context.Background(), bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := s.Path(b.SHA256)
	if err := os.Truncate(path, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(context.Background(), bytes.NewReader(content)); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(b.SHA256, b.Size); err != nil {
		t.Errorf("re-importing did not repair the blob: %v", err)
	}
}

func TestPutLimit(t *testing.T) {
	s, dir := openStore(t, 10)
	if _, err := s.Put(context.Background(), strings.NewReader("0123456789")); err != nil {
		t.Fatalf("a file of exactly the limit was refused: %v", err)
	}
	_, err := s.Put(context.Background(), strings.NewReader("0123456789A"))
	wantCode(t, err, portfolio.CodeTooLarge, "10 B")
	if files := storedFiles(t, dir); len(files) != 1 {
		t.Errorf("stored files after a refused Put: %v, want only the first blob", files)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB",
		5 << 20: "5.0 MiB", DefaultMaxSize: "4.0 GiB", 4<<30 + 1<<29: "4.5 GiB", 3 << 40: "3.0 TiB"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// endless yields bytes forever and cancels its context after a few reads.
type endless struct {
	reads  int
	cancel context.CancelFunc
}

func (e *endless) Read(p []byte) (int, error) {
	e.reads++
	if e.reads == 3 {
		e.cancel()
	}
	return len(p), nil
}

func TestPutCancelled(t *testing.T) {
	s, dir := openStore(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &endless{cancel: cancel}
	_, err := s.Put(ctx, src)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Put = %v, want context.Canceled", err)
	}
	if src.reads > 3 {
		t.Errorf("Put went on reading after cancellation (%d reads)", src.reads)
	}
	if files := storedFiles(t, dir); len(files) != 0 {
		t.Errorf("leftovers after cancellation: %v", files)
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk unplugged") }

func TestPutReadErrorLeavesNothing(t *testing.T) {
	s, dir := openStore(t, 0)
	_, err := s.Put(context.Background(), io.MultiReader(strings.NewReader("start"), failing{}))
	if err == nil || !strings.Contains(err.Error(), "disk unplugged") {
		t.Fatalf("Put = %v, want the read error", err)
	}
	if files := storedFiles(t, dir); len(files) != 0 {
		t.Errorf("leftovers after a read error: %v", files)
	}
}

func TestPutFile(t *testing.T) {
	s, dir := openStore(t, 10)
	src := t.TempDir()
	small := filepath.Join(src, "notes.txt")
	big := filepath.Join(src, "recording.mp4")
	if err := os.WriteFile(small, []byte("notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte("more than ten bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := s.PutFile(context.Background(), small, nil)
	if err != nil || b.SHA256 != hashOf([]byte("notes")) {
		t.Fatalf("PutFile = %+v, %v", b, err)
	}

	_, err = s.PutFile(context.Background(), big, nil)
	wantCode(t, err, portfolio.CodeTooLarge, "recording.mp4", "19 B", "10 B")
	_, err = s.PutFile(context.Background(), filepath.Join(src, "gone.pdf"), nil)
	wantCode(t, err, portfolio.CodeInvalid, "gone.pdf", "not found")
	_, err = s.PutFile(context.Background(), src, nil)
	wantCode(t, err, portfolio.CodeInvalid, filepath.Base(src), "folder")
	if files := storedFiles(t, dir); len(files) != 1 {
		t.Errorf("stored files %v, want only notes.txt", files)
	}
}

func TestVerify(t *testing.T) {
	s, _ := openStore(t, 0)
	content := bytes.Repeat([]byte("evidence "), 1000)
	b, err := s.Put(context.Background(), bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := s.Path(b.SHA256)

	flipped := bytes.Clone(content)
	flipped[4321] ^= 0x01
	if err := os.WriteFile(path, flipped, 0o600); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.Verify(b.SHA256, b.Size), portfolio.CodeCorrupt, b.SHA256[:12], "hash")

	if err := os.WriteFile(path, content[:100], 0o600); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.Verify(b.SHA256, b.Size), portfolio.CodeCorrupt, b.SHA256[:12], "100 bytes")

	if err := s.Remove(b.SHA256); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.Verify(b.SHA256, b.Size), portfolio.CodeNotFound, b.SHA256[:12], "missing")
	_, err = s.Open(b.SHA256)
	wantCode(t, err, portfolio.CodeNotFound)
	if s.Has(b.SHA256) {
		t.Error("Has = true after Remove")
	}
	if err := s.Remove(b.SHA256); err != nil {
		t.Errorf("removing a missing blob: %v", err)
	}
}

func TestInvalidHashes(t *testing.T) {
	s, _ := openStore(t, 0)
	valid := hashOf([]byte("x"))
	for _, h := range []string{
		"",
		"../../../../etc/passwd",
		valid[:63],
		valid + "0",
		strings.ToUpper(valid),
		"../" + valid[3:],
		valid[:62] + "/x",
		strings.Repeat("g", 64),
	} {
		if _, err := s.Open(h); portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("Open(%q) = %v, want invalid", h, err)
		}
		if _, err := s.Path(h); portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("Path(%q) = %v, want invalid", h, err)
		}
		if err := s.Verify(h, 1); portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("Verify(%q) = %v, want invalid", h, err)
		}
		if err := s.Remove(h); portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("Remove(%q) = %v, want invalid", h, err)
		}
		if s.Has(h) {
			t.Errorf("Has(%q) = true", h)
		}
	}
}

func TestCleanTempRemovesOnlyStaleLeftovers(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "tmp", "crashed-import")
	fresh := filepath.Join(dir, "tmp", "import-in-another-process")
	os.WriteFile(stale, []byte("old"), 0o600)
	os.WriteFile(fresh, []byte("new"), 0o600)
	old := time.Now().Add(-2 * staleTemp)
	os.Chtimes(stale, old, old)
	if err := s.CleanTemp(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a stale temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file still being written by another process was removed")
	}
}
