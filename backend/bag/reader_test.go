package bag

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/readyfolio/readyfolio/backend/internal/memtest"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const refused = "This package is unsafe and was not opened"

// bagit is a top-level file that makes the evil archives below look like bags otherwise.
var bagit = entry{name: "bagit.txt", data: []byte(bagitText), method: zip.Deflate}

func TestOpenRefusesUnsafeNames(t *testing.T) {
	for _, tc := range []struct{ name, why string }{
		{"../evil.txt", `the name "../evil.txt" climbs out of the package with ".."`},
		{"data/../../evil.txt", `the name "data/../../evil.txt" climbs out of the package with ".."`},
		{"/etc/cron.d/evil", `the name "/etc/cron.d/evil" is absolute`},
		{`data\..\..\evil.txt`, `the name "data\\..\\..\\evil.txt" contains a backslash`},
		{"C:/Windows/evil.dll", `the name "C:/Windows/evil.dll" contains ":", which Windows reads as a drive letter`},
		{"data/evil.txt:stream", `the name "data/evil.txt:stream" contains ":"`},
		{"data/nul\x00.txt", `the name "data/nul\x00.txt" contains a control character`},
		{"data/line\nbreak.txt", `the name "data/line\nbreak.txt" contains a control character`},
		{"data/escape\x1b[31m.txt", `the name "data/escape\x1b[31m.txt" contains a control character`},
		{"data/invoice\u202Efdp.exe", `the name "data/invoice\u202efdp.exe" contains an invisible character that reverses the text direction`},
		{"data/\xff.txt", `the name "data/\xff.txt" is not valid UTF-8`},
		{"data//evil.txt", `the name "data//evil.txt" has an empty folder name`},
		{"data/./evil.txt", `the name "data/./evil.txt" contains a "." folder`},
		{"data/evil.txt.", `the name "data/evil.txt." has a part that starts or ends with a space or ends with a dot`},
	} {
		_, err := openBytes(makeZip(t, bagit, entry{name: tc.name, data: []byte("x"), method: zip.Store}), Limits{})
		wantCode(t, err, portfolio.CodeRefused, refused, tc.why)
	}
}

func TestOpenRefusesUnsafeEntries(t *testing.T) {
	file := func(name string) entry { return entry{name: name, data: []byte("content"), method: zip.Deflate} }
	for _, tc := range []struct {
		name    string
		entries []entry
		why     string
	}{
		{"symlink", []entry{bagit, {name: "data/passwd", data: []byte("/etc/passwd"), method: zip.Store, mode: os.ModeSymlink | 0o777}},
			`"data/passwd" is a symbolic link, which could point outside the package`},
		{"named pipe", []entry{bagit, {name: "data/fifo", method: zip.Store, mode: os.ModeNamedPipe | 0o644}},
			`"data/fifo" is not a plain file or folder`},
		{"device", []entry{bagit, {name: "data/sda", method: zip.Store, mode: os.ModeDevice | 0o644}},
			`"data/sda" is not a plain file or folder`},
		{"folder without a slash", []entry{bagit, {name: "data/folder", method: zip.Store, mode: os.ModeDir | 0o755}},
			`"data/folder" is marked as a folder, but its name does not end with /`},
		{"encrypted", []entry{bagit, {name: "data/secret.txt", data: []byte("x"), method: zip.Store, flags: 0x1}},
			`"data/secret.txt" is encrypted`},
		{"unknown method", []entry{bagit, {name: "data/a.bz2", data: []byte("BZh9"), method: 12}},
			`"data/a.bz2" is compressed with a method ReadyFolio does not read`},
		{"duplicate", []entry{bagit, file("data/notes.txt"), file("data/notes.txt")},
			`"data/notes.txt" appears twice`},
		{"duplicate folder", []entry{bagit, {name: "data/"}, {name: "data/"}},
			`"data/" appears twice`},
		{"letter case", []entry{bagit, file("data/Notes.txt"), file("data/notes.TXT")},
			`"data/Notes.txt" and "data/notes.TXT" differ only in letter case`},
		{"folder letter case", []entry{bagit, file("data/Pilot/a.txt"), file("data/pilot/A.txt")},
			`"data/Pilot/a.txt" and "data/pilot/A.txt" differ only in letter case`},
		{"NFC and NFD", []entry{bagit, file("data/caf\u00e9.txt"), file("data/cafe\u0301.txt")},
			"differ only in letter case or in how accents are encoded"},
		{"file and folder", []entry{bagit, file("data/report"), file("data/report/page1.txt")},
			`"data/report" is a file, but "data/report/page1.txt" needs a folder of that name`},
		{"folder entry and file", []entry{bagit, file("data/report"), {name: "data/Report/"}},
			`"data/report" is a file, but "data/Report/" needs a folder of that name`},
		{"two top folders", []entry{file("bag-a/bagit.txt"), file("bag-a/data/x.txt"), file("bag-b/bagit.txt")},
			`it holds more than one top folder ("bag-a/" and "bag-b/")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openBytes(makeZip(t, tc.entries...), Limits{})
			wantCode(t, err, portfolio.CodeRefused, refused, tc.why)
		})
	}
}

func TestOpenAcceptsFolderEntries(t *testing.T) {
	data := makeZip(t, entry{name: "bag/"}, entry{name: "bag/data/"}, entry{name: "bag/data/x.txt", data: []byte("x"), method: zip.Store},
		entry{name: "bag/bagit.txt", data: []byte(bagitText), method: zip.Deflate})
	b := mustOpen(t, data)
	if b.Root != "bag" || strings.Join(b.Payload(), ",") != "data/x.txt" {
		t.Errorf("Root %q, payload %q", b.Root, b.Payload())
	}
}

func TestOpenLimits(t *testing.T) {
	var entries []entry
	for i := range 6 {
		entries = append(entries, entry{name: fmt.Sprintf("data/%d.txt", i), data: []byte("1234567890"), method: zip.Store})
	}
	data := makeZip(t, entries...)
	_, err := openBytes(data, Limits{MaxEntries: 5})
	wantCode(t, err, portfolio.CodeTooLarge, "more than 5 files and folders")
	_, err = openBytes(data, Limits{MaxExpanded: 59})
	wantCode(t, err, portfolio.CodeTooLarge, "more than 59 B")
	if _, err := openBytes(data, Limits{MaxEntries: 6, MaxExpanded: 60}); err != nil {
		t.Errorf("Open at the limits: %v", err)
	}
}

// TestOpenZip64Directory opens an archive of more entries than a zip's 16-bit count holds, whose
// directory end is in the zip64 record.
func TestOpenZip64Directory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 70,000 entries")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if _, err := zw.Create("bagit.txt"); err != nil {
		t.Fatal(err)
	}
	for i := range 70_000 {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("data/%05d", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	data := buf.Bytes()
	b, err := openBytes(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.Payload()); n != 70_000 {
		t.Errorf("%d payload files", n)
	}
	_, err = openBytes(data, Limits{MaxEntries: 65_536})
	wantCode(t, err, portfolio.CodeTooLarge, "more than 65536 files")
}

// recordingReader notes how many bytes were read.
type recordingReader struct {
	r    io.ReaderAt
	mu   sync.Mutex
	read int64
}

func (r *recordingReader) ReadAt(p []byte, off int64) (int, error) {
	r.mu.Lock()
	r.read += int64(len(p))
	r.mu.Unlock()
	return r.r.ReadAt(p, off)
}

func TestOpenRefusesZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "bag/data/zeros.bin", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(w, memtest.Zeros{}, 200<<20); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	data := buf.Bytes()
	start, end := dataRange(t, data, "bag/data/zeros.bin")

	r := &recordingReader{r: bytes.NewReader(data)}
	_, err = Open(r, int64(len(data)), Limits{})
	wantCode(t, err, portfolio.CodeRefused, refused, `"bag/data/zeros.bin" would expand 10`, "times, which only a zip bomb does")
	// The directory is in the last 64 KiB that any zip reader reads first; the compressed data
	// before it was never touched, let alone inflated.
	if r.read > 72*1024 || end-start < 2*72*1024 {
		t.Errorf("Open read %d bytes of a %d-byte zip whose data is %d bytes", r.read, len(data), end-start)
	}
	t.Logf("200 MiB of zeros deflate to %d bytes; Open read %d bytes", end-start, r.read)
}

// TestOpenRefusesOverlappingEntries builds the non-recursive zip bomb: many directory entries
// that share one compressed stream.
func TestOpenRefusesOverlappingEntries(t *testing.T) {
	var text strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&text, "%d ", i*7919%10007)
	}
	entries := []entry{bagit, {name: "data/copy0.txt", data: []byte(text.String()), method: zip.Deflate}}
	for i := 1; i < 10; i++ {
		entries = append(entries, entry{name: fmt.Sprintf("data/copy%d.txt", i), method: zip.Store})
	}
	data := makeZip(t, entries...)
	first, central0 := offsets(t, data, "data/copy0.txt")
	for i := 1; i < 10; i++ {
		_, central := offsets(t, data, fmt.Sprintf("data/copy%d.txt", i))
		copy(data[central+10:central+12], data[central0+10:]) // method
		copy(data[central+16:central+28], data[central0+16:]) // CRC-32 and sizes
		binary.LittleEndian.PutUint32(data[central+42:], uint32(first))
	}
	_, err := openBytes(data, Limits{MaxRatio: 10})
	wantCode(t, err, portfolio.CodeRefused, refused, "it would expand", "times its size, which only a zip bomb does")
	_, err = openBytes(data, Limits{})
	wantCode(t, err, portfolio.CodeRefused, refused, `"data/copy1.txt" overlaps another entry, a trick zip bombs use`)
}

func TestOpenRefusesLayoutTricks(t *testing.T) {
	a := entry{name: "data/a.txt", data: []byte(strings.Repeat("first file, deflated. ", 100)), method: zip.Deflate}
	b := entry{name: "data/b.txt", data: []byte("second file"), method: zip.Store}

	// A local header whose name differs from the directory's.
	data := makeZip(t, bagit, a, b)
	local, _ := offsets(t, data, "data/b.txt")
	data[local+localHeaderLen+5] = 'x'
	_, err := openBytes(data, Limits{})
	wantCode(t, err, portfolio.CodeRefused, refused, `"data/b.txt" is named "data/x.txt" in its local header, so other tools would extract it under that name`)

	// A local header that gives another compression method.
	data = makeZip(t, bagit, a, b)
	local, _ = offsets(t, data, "data/a.txt")
	binary.LittleEndian.PutUint16(data[local+8:], zip.Store)
	_, err = openBytes(data, Limits{})
	wantCode(t, err, portfolio.CodeRefused, refused, `"data/a.txt" has another compression method in its local header`)

	// Bytes that no directory entry accounts for, where a hidden entry could sit.
	data = makeZip(t, bagit, a, b)
	_, central := offsets(t, data, "data/a.txt")
	size := binary.LittleEndian.Uint32(data[central+20:])
	binary.LittleEndian.PutUint32(data[central+20:], size-40)
	_, err = openBytes(data, Limits{})
	wantCode(t, err, portfolio.CodeRefused, refused, `bytes before "data/b.txt" belong to no entry`)

	// An entry whose data runs into the directory.
	data = makeZip(t, bagit, a, b)
	_, central = offsets(t, data, "data/b.txt")
	binary.LittleEndian.PutUint32(data[central+20:], 5000)
	binary.LittleEndian.PutUint32(data[central+24:], 5000)
	_, err = openBytes(data, Limits{})
	wantCode(t, err, portfolio.CodeRefused, refused, `"data/b.txt" overlaps the zip directory`)

	// Data in front of the zip, as in a self-extracting archive.
	data = append([]byte(strings.Repeat("MZ", 100)), makeZip(t, bagit, a)...)
	_, err = openBytes(data, Limits{})
	wantCode(t, err, portfolio.CodeInvalid, "not a ReadyFolio package")
}

func TestOpenNotAPackage(t *testing.T) {
	valid := sampleBag(t)
	var empty bytes.Buffer
	zip.NewWriter(&empty).Close()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"nothing", nil},
		{"text", []byte("Dear reviewer, please find my portfolio attached.\n")},
		{"PDF", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")},
		{"empty zip", empty.Bytes()},
		{"first half", valid[:len(valid)/2]},
		{"last byte missing", valid[:len(valid)-1]},
		{"end record missing", valid[:len(valid)-endLen]},
		{"directory cut", append(bytes.Clone(valid[:len(valid)-200]), valid[len(valid)-endLen:]...)},
	} {
		_, err := openBytes(tc.data, Limits{})
		wantCode(t, err, portfolio.CodeInvalid, "This file is not a ReadyFolio package, or it is damaged")
	}
}

func TestOpenReturnsReadErrors(t *testing.T) {
	data := sampleBag(t)
	r := &failingReader{r: bytes.NewReader(data), failing: true}
	_, err := Open(r, int64(len(data)), Limits{})
	if !errors.Is(err, errDisk) || portfolio.Code(err) != portfolio.CodeInternal {
		t.Errorf("Open = %v, want the disk's error", err)
	}
}

func TestReadTag(t *testing.T) {
	b := mustOpen(t, sampleBag(t))
	if _, err := b.ReadTag("signer-cert.pem", 10); portfolio.Code(err) != portfolio.CodeTooLarge {
		t.Errorf("ReadTag over the limit = %v", err)
	}
	_, err := b.ReadTag("signature.sig", 1<<20)
	wantCode(t, err, portfolio.CodeNotFound, "The package has no signature.sig.")
	_, err = b.ReadTag("data/portfolio.pdf", 1<<20)
	wantCode(t, err, portfolio.CodeInvalid, "not a tag file at the top")
	_, err = b.OpenFile("data/missing.pdf")
	wantCode(t, err, portfolio.CodeNotFound, "The package has no data/missing.pdf.")
}

// TestOpenFileStopsAtDeclaredSize lowers the size the directory declares for a deflated file:
// reading it must fail rather than hand over more bytes than declared.
func TestOpenFileStopsAtDeclaredSize(t *testing.T) {
	data := sampleBag(t)
	name := testRoot + "/data/artifacts/Lesson plan – é"
	_, central := offsets(t, data, name)
	size := binary.LittleEndian.Uint32(data[central+24:])
	binary.LittleEndian.PutUint32(data[central+24:], size-100)
	b := mustOpen(t, data)

	rc, err := b.OpenFile("data/artifacts/Lesson plan – été/notes 1.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	rc.Close()
	if !errors.Is(err, zip.ErrFormat) || len(got) > int(size-100) {
		t.Errorf("read %d bytes of %d declared, error %v", len(got), size-100, err)
	}
	problems := verify(t, b)
	want := Problem{"data/artifacts/Lesson plan – été/notes 1.txt", "damaged inside the package: its content does not match what the zip declares"}
	found := false
	for _, p := range problems {
		found = found || p == want
	}
	if !found {
		t.Errorf("problems:\n%s\nwant among them %s", listProblems(problems), want)
	}
}
