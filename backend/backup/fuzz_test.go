package backup

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// smallBackup is a real backup of a small portfolio: one entry with a text file and a JPEG-typed
// file, and identity files.
func smallBackup(t testing.TB) []byte {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	ws := openWorkspace(t, dir)
	e, err := ws.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Poster"))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"notes.txt": "notes for the fuzzer", "photo.jpg": "\xff\xd8\xff\xe0 not really a JPEG"} {
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, []byte(content), 0o600)
		if _, err := ws.AttachFile(ctx, e.ID, portfolio.RoleAttachment, p, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(filepath.Join(dir, "identity"), 0o700)
	os.WriteFile(filepath.Join(dir, "identity", "certificate.pem"), []byte("-----BEGIN CERTIFICATE-----\n"), 0o600)
	dest := makeBackup(t, ws)
	data, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fuzzSeeds are a small real backup, the same with a database whose header says WAL (both
// restore), and variants refused at each step: cut short, a flipped byte, a newer format, a
// rebuilt bag missing an artifact, a submission package, a database that is not one, text.
func fuzzSeeds(t testing.TB) [][]byte {
	good := smallBackup(t)
	src := filepath.Join(t.TempDir(), "good.zip")
	os.WriteFile(src, good, 0o600)
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	flipped := bytes.Clone(good)
	flipped[len(good)/3] ^= 0x10
	var pkg bytes.Buffer
	w := bag.NewWriter(&pkg, "", testNow)
	w.AddPayload("portfolio.pdf", strings.NewReader("%PDF-1.7\n"), false)
	w.Finish(nil, nil, nil)
	var tiny bytes.Buffer // a backup in form, with a database that is not one
	w = bag.NewWriter(&tiny, "b", testNow)
	w.AddPayload("portfolio.db", strings.NewReader("SQLite format 3\x00"), true)
	w.AddPayload("identity/key.enc", strings.NewReader("{}"), true)
	w.Finish([]bag.Field{{Name: VersionField, Value: "1"}, {Name: SchemaField, Value: "1"}}, nil, nil)
	walDB := func(p string) bool { return p == "data/portfolio.db" }
	b, err := bag.Open(bytes.NewReader(good), int64(len(good)), bag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rc, err := b.OpenFile("data/portfolio.db")
	if err != nil {
		t.Fatal(err)
	}
	db, _ := io.ReadAll(rc)
	rc.Close()
	db[18], db[19] = 2, 2 // a database whose header says WAL
	return [][]byte{
		good,
		read(rebag(t, src, nil, walDB, map[string][]byte{"portfolio.db": db})),
		good[:len(good)/2],
		flipped,
		read(rebag(t, src, setField(VersionField, "2"), nil, nil)),
		read(rebag(t, src, nil, func(p string) bool { return strings.HasPrefix(p, "data/artifacts/") }, nil)),
		pkg.Bytes(),
		tiny.Bytes(),
		[]byte("just some text\n"),
	}
}

var fuzzLimits = bag.Limits{MaxEntries: 64, MaxExpanded: 8 << 20, MaxRatio: 1000}

// TestFuzzSeedsReachRestore makes sure the fuzzer starts from a backup that restores.
func TestFuzzSeedsReachRestore(t *testing.T) {
	seeds := fuzzSeeds(t)
	if _, err := openBackup(ctx, bytes.NewReader(seeds[0]), int64(len(seeds[0])), "seed", fuzzLimits, nil); err != nil {
		t.Fatal(err)
	}
	for i, seed := range seeds {
		restoreBytes(t, seed, i < 2)
	}
}

// FuzzRestoreReader feeds arbitrary bytes to the backup reader and, when it accepts them, to
// Restore: neither may panic; every refusal is explained with a domain error and leaves no
// folder behind; what is restored is a data folder and nothing else.
func FuzzRestoreReader(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := openBackup(ctx, bytes.NewReader(data), int64(len(data)), "backup.zip", fuzzLimits, nil)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		restoreBytes(t, data, false)
	})
}

func checkRefusal(t *testing.T, err error) {
	t.Helper()
	switch portfolio.Code(err) {
	case portfolio.CodeInvalid, portfolio.CodeCorrupt, portfolio.CodeTooNew, portfolio.CodeRefused, portfolio.CodeTooLarge:
	default:
		t.Fatalf("refused with %q: %v", portfolio.Code(err), err)
	}
	if msg := portfolio.Message(err); msg == "" || strings.Contains(msg, "\n") {
		t.Fatalf("refusal message %q", msg)
	}
}

// restoreBytes restores data into a new folder and checks the outcome.
func restoreBytes(t *testing.T, data []byte, mustSucceed bool) {
	t.Helper()
	parent := t.TempDir()
	src := filepath.Join(parent, "backup.zip")
	os.WriteFile(src, data, 0o600)
	target := filepath.Join(parent, "data")
	_, err := Restore(ctx, src, target, RestoreOptions{Now: testNow})
	left, _ := os.ReadDir(parent)
	if err != nil {
		if mustSucceed {
			t.Fatal(err)
		}
		checkRefusal(t, err)
		if len(left) != 1 {
			t.Fatalf("a refused restore left %v", left)
		}
		return
	}
	if len(left) != 2 {
		t.Fatalf("a restore left %v", left)
	}
	entries, _ := os.ReadDir(target)
	for _, e := range entries {
		if !slices.Contains([]string{databasePath, artifactsPath, identityPath}, e.Name()) {
			t.Fatalf("the restore wrote %s", e.Name())
		}
	}
}
