package bag

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

var testNow = time.Date(2026, 11, 30, 14, 5, 9, 0, time.UTC)

const testRoot = "portfolio-2026-11-30"

type payloadFile struct {
	path     string
	data     []byte
	compress bool
}

// samplePayload has stored and deflated files, nested folders, spaces, accents, a "%" (which
// the manifest percent-encodes) and an empty file.
var samplePayload = []payloadFile{
	{"portfolio.pdf", []byte("%PDF-1.7\n" + strings.Repeat("stream of the signed PDF\n", 40) + "%%EOF\n"), false},
	{"portfolio.json", []byte(`{"format":"readyfolio.portfolio","version":1,"entries":[]}` + "\n"), true},
	{"artifacts/pilot-1/survey.pdf", []byte("%PDF-1.4 survey results: 87% agree\n"), false},
	{"artifacts/Lesson plan – été/notes 1.txt", []byte(strings.Repeat("Objectives, materials, assessment.\n", 30)), true},
	{"artifacts/pilot-1/empty.txt", nil, true},
}

var sampleInfo = []Field{
	{"Source-Organization", "Lincoln High School"},
	{"Contact-Name", "Ada Lovelace"},
}

var sampleExtra = []TagFile{{"signer-cert.pem", []byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}}

// sampleSign stands in for the CMS signature: its output depends on every byte it is given.
func sampleSign(tagManifest []byte) ([]TagFile, error) {
	sum := sha256.Sum256(tagManifest)
	return []TagFile{{"signature.p7s", []byte("signature over " + hex.EncodeToString(sum[:]))}}, nil
}

func buildBag(t testing.TB, root string, files []payloadFile, info []Field, extra []TagFile,
	sign func([]byte) ([]TagFile, error)) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, root, testNow)
	for _, f := range files {
		if _, _, err := w.AddPayload(f.path, bytes.NewReader(f.data), f.compress); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(info, extra, sign); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sampleBag(t testing.TB) []byte {
	return buildBag(t, testRoot, samplePayload, sampleInfo, sampleExtra, sampleSign)
}

func openBytes(data []byte, limits Limits) (*Bag, error) {
	return Open(bytes.NewReader(data), int64(len(data)), limits)
}

func mustOpen(t testing.TB, data []byte) *Bag {
	t.Helper()
	b, err := openBytes(data, Limits{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return b
}

func verify(t testing.TB, b *Bag) []Problem {
	t.Helper()
	problems, err := b.Verify(context.Background(), nil)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return problems
}

func wantProblems(t *testing.T, got []Problem, want ...Problem) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", listProblems(got), listProblems(want))
	}
}

func listProblems(ps []Problem) string {
	if len(ps) == 0 {
		return "  (none)"
	}
	var s []string
	for _, p := range ps {
		s = append(s, "  "+p.String())
	}
	return strings.Join(s, "\n")
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

// entry is a zip entry as the tests rebuild archives from.
type entry struct {
	name   string
	data   []byte
	method uint16
	mode   fs.FileMode
	flags  uint16
}

// readEntries unpacks every entry of a zip.
func readEntries(t testing.TB, data []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out = append(out, entry{name: f.Name, data: content, method: f.Method, mode: f.Mode()})
	}
	return out
}

// makeZip writes entries as archive/zip does for anyone, unsafe names and modes included.
func makeZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(12, func(w io.Writer) (io.WriteCloser, error) { return nopWriteCloser{w}, nil })
	for _, e := range entries {
		fh := &zip.FileHeader{Name: e.name, Method: e.method, Modified: testNow, Flags: e.flags}
		if e.mode != 0 {
			fh.SetMode(e.mode)
		}
		w, err := zw.CreateHeader(fh)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// edit returns a copy of entries with the named one's content changed.
func edit(t testing.TB, entries []entry, name string, change func([]byte) []byte) []entry {
	t.Helper()
	out := slices.Clone(entries)
	for i := range out {
		if out[i].name == name {
			out[i].data = change(slices.Clone(out[i].data))
			return out
		}
	}
	t.Fatalf("no entry %s", name)
	return nil
}

// retag rewrites the tag manifest of a bag with root testRoot to match the files it lists, as
// someone would who alters a tag file and wants the bag to look consistent.
func retag(t testing.TB, entries []entry) []entry {
	t.Helper()
	content := map[string][]byte{}
	for _, e := range entries {
		content[e.name] = e.data
	}
	return edit(t, entries, testRoot+"/"+tagManifestName, func(old []byte) []byte {
		var out bytes.Buffer
		for line := range strings.Lines(string(old)) {
			_, name, _ := strings.Cut(strings.TrimSpace(line), "  ")
			sum := sha256.Sum256(content[testRoot+"/"+name])
			fmt.Fprintf(&out, "%x  %s\n", sum, name)
		}
		return out.Bytes()
	})
}

// offsets finds an entry's local header and central directory header in a zip whose names do not
// occur in any content.
func offsets(t testing.TB, data []byte, name string) (local, central int) {
	t.Helper()
	local = bytes.Index(data, []byte(name)) - localHeaderLen
	central = bytes.LastIndex(data, []byte(name)) - centralHeaderLen
	if local < 0 || central <= local || le32(data[local:]) != localHeaderSig || le32(data[central:]) != centralHeaderSig {
		t.Fatalf("cannot find the headers of %s", name)
	}
	return local, central
}

// dataRange returns where an entry's stored bytes are.
func dataRange(t testing.TB, data []byte, name string) (start, end int64) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			start, err := f.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			return start, start + int64(f.CompressedSize64)
		}
	}
	t.Fatalf("no entry %s", name)
	return 0, 0
}

var errDisk = errors.New("disk failure")

// failingReader fails every read once failing is set.
type failingReader struct {
	r       io.ReaderAt
	failing bool
}

func (f *failingReader) ReadAt(p []byte, off int64) (int, error) {
	if f.failing {
		return 0, errDisk
	}
	return f.r.ReadAt(p, off)
}
