package bag

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestRoundTrip(t *testing.T) {
	var signed []byte
	sign := func(tm []byte) ([]TagFile, error) {
		signed = slices.Clone(tm)
		return sampleSign(tm)
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, testRoot, testNow)
	var total int64
	for _, f := range samplePayload {
		sum, size, err := w.AddPayload(f.path, bytes.NewReader(f.data), f.compress)
		if err != nil {
			t.Fatal(err)
		}
		want := sha256.Sum256(f.data)
		if sum != hex.EncodeToString(want[:]) || size != int64(len(f.data)) {
			t.Errorf("AddPayload(%s) = %s, %d; want %x, %d", f.path, sum, size, want, len(f.data))
		}
		total += size
	}
	if err := w.Finish(sampleInfo, sampleExtra, sign); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()

	// The zip itself: payload in the order added, then the tag files; one clock; stored or deflated as asked.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, strings.TrimPrefix(f.Name, testRoot+"/"))
		if !f.Modified.Equal(testNow) || f.Mode() != 0o644 {
			t.Errorf("%s: modified %v, mode %v", f.Name, f.Modified, f.Mode())
		}
	}
	wantNames := []string{
		"data/portfolio.pdf", "data/portfolio.json", "data/artifacts/pilot-1/survey.pdf",
		"data/artifacts/Lesson plan – été/notes 1.txt", "data/artifacts/pilot-1/empty.txt",
		"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "signer-cert.pem", "tagmanifest-sha256.txt", "signature.p7s",
	}
	if !slices.Equal(names, wantNames) {
		t.Errorf("entries %q\nwant %q", names, wantNames)
	}
	for i, f := range samplePayload {
		want := zip.Store
		if f.compress {
			want = zip.Deflate
		}
		if zr.File[i].Method != want {
			t.Errorf("%s has method %d, want %d", f.path, zr.File[i].Method, want)
		}
	}

	b := mustOpen(t, data)
	if b.Root != testRoot {
		t.Errorf("Root = %q", b.Root)
	}
	wantInfo := append(slices.Clone(sampleInfo), Field{"Payload-Oxum", fmt.Sprintf("%d.5", total)}, Field{"Bagging-Date", "2026-11-30"})
	if !slices.Equal(b.Info, wantInfo) {
		t.Errorf("Info = %q, want %q", b.Info, wantInfo)
	}
	wantPayload := []string{
		"data/artifacts/Lesson plan – été/notes 1.txt", "data/artifacts/pilot-1/empty.txt",
		"data/artifacts/pilot-1/survey.pdf", "data/portfolio.json", "data/portfolio.pdf",
	}
	if got := b.Payload(); !slices.Equal(got, wantPayload) {
		t.Errorf("Payload() = %q, want %q", got, wantPayload)
	}
	for _, f := range samplePayload {
		rc, err := b.OpenFile("data/" + f.path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !bytes.Equal(got, f.data) {
			t.Errorf("OpenFile(%s) = %q, %v", f.path, got, err)
		}
	}

	tag := func(name string) string {
		t.Helper()
		data, err := b.ReadTag(name, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if got := tag("bagit.txt"); got != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n" {
		t.Errorf("bagit.txt = %q", got)
	}
	wantBagInfo := fmt.Sprintf("Source-Organization: Lincoln High School\nContact-Name: Ada Lovelace\nPayload-Oxum: %d.5\nBagging-Date: 2026-11-30\n", total)
	if got := tag("bag-info.txt"); got != wantBagInfo {
		t.Errorf("bag-info.txt = %q, want %q", got, wantBagInfo)
	}
	var wantManifest strings.Builder
	for _, p := range wantPayload {
		for _, f := range samplePayload {
			if "data/"+f.path == p {
				fmt.Fprintf(&wantManifest, "%x  %s\n", sha256.Sum256(f.data), p)
			}
		}
	}
	if got := tag("manifest-sha256.txt"); got != wantManifest.String() {
		t.Errorf("manifest-sha256.txt = %q\nwant %q", got, wantManifest.String())
	}
	var wantTags strings.Builder
	for _, name := range []string{"bag-info.txt", "bagit.txt", "manifest-sha256.txt", "signer-cert.pem"} {
		fmt.Fprintf(&wantTags, "%x  %s\n", sha256.Sum256([]byte(tag(name))), name)
	}
	tagManifest := tag("tagmanifest-sha256.txt")
	if tagManifest != wantTags.String() {
		t.Errorf("tagmanifest-sha256.txt = %q\nwant %q", tagManifest, wantTags.String())
	}
	if string(signed) != tagManifest {
		t.Errorf("sign was given %q, not the tag manifest", signed)
	}
	if got := tag("signature.p7s"); got != fmt.Sprintf("signature over %x", sha256.Sum256(signed)) {
		t.Errorf("signature.p7s = %q", got)
	}
	if got := b.Unlisted(); !slices.Equal(got, []string{"signature.p7s"}) {
		t.Errorf("Unlisted() = %q", got)
	}
	wantProblems(t, verify(t, b))
}

func TestRoundTripWithoutRootOrSignature(t *testing.T) {
	data := buildBag(t, "", samplePayload[:2], nil, nil, nil)
	b := mustOpen(t, data)
	if b.Root != "" || len(b.Payload()) != 2 || len(b.Unlisted()) != 0 {
		t.Errorf("Root %q, payload %q, unlisted %q", b.Root, b.Payload(), b.Unlisted())
	}
	wantProblems(t, verify(t, b))
}

func TestEmptyBag(t *testing.T) {
	b := mustOpen(t, buildBag(t, testRoot, nil, nil, nil, nil))
	if lookup(b.Info, "Payload-Oxum") != "0.0" {
		t.Errorf("Info = %q", b.Info)
	}
	wantProblems(t, verify(t, b))
}

func TestPercentEncodedPaths(t *testing.T) {
	data := buildBag(t, testRoot, []payloadFile{{"100% done.txt", []byte("all of it"), true}}, nil, nil, nil)
	b := mustOpen(t, data)
	manifest, err := b.ReadTag(manifestName, 1<<10)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(manifest), "  data/100%25 done.txt\n") {
		t.Errorf("manifest = %q, want the %% encoded", manifest)
	}
	wantProblems(t, verify(t, b))
	if got := decodePath("a%0Ab%0dc%25d%2Fe%"); got != "a\nb\rc%d%2Fe%" {
		t.Errorf("decodePath = %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	first, second := sampleBag(t), sampleBag(t)
	if !bytes.Equal(first, second) {
		t.Fatal("two bags of the same content and clock differ")
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, testRoot, testNow.Add(2*time.Second))
	for _, f := range samplePayload {
		w.AddPayload(f.path, bytes.NewReader(f.data), f.compress)
	}
	if err := w.Finish(sampleInfo, sampleExtra, sampleSign); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first, buf.Bytes()) {
		t.Error("the clock does not reach the zip")
	}
	// A clock in another zone writes the same instant.
	w = NewWriter(&buf, testRoot, testNow.In(time.FixedZone("PST", -8*3600)))
	buf.Reset()
	for _, f := range samplePayload {
		w.AddPayload(f.path, bytes.NewReader(f.data), f.compress)
	}
	w.Finish(sampleInfo, sampleExtra, sampleSign)
	if !bytes.Equal(first, buf.Bytes()) {
		t.Error("the time zone of now changes the zip")
	}
}

// TestSha256sumChecksExtractedBag is the reviewer without ReadyFolio: unzip, then sha256sum.
func TestSha256sumChecksExtractedBag(t *testing.T) {
	for _, tool := range []string{"unzip", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "package.zip")
	if err := os.WriteFile(zipPath, sampleBag(t), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("unzip", "-q", zipPath, "-d", filepath.Join(dir, "out")).CombinedOutput(); err != nil {
		t.Fatalf("unzip: %v\n%s", err, out)
	}
	bagDir := filepath.Join(dir, "out", testRoot)
	check := func(manifest string, want []string) {
		t.Helper()
		cmd := exec.Command("sha256sum", "-c", "--strict", manifest)
		cmd.Dir = bagDir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sha256sum -c --strict %s: %v\n%s", manifest, err, out)
		}
		got := strings.Split(strings.TrimSpace(string(out)), "\n")
		slices.Sort(got)
		var wantLines []string
		for _, p := range want {
			wantLines = append(wantLines, p+": OK")
		}
		slices.Sort(wantLines)
		if !slices.Equal(got, wantLines) {
			t.Errorf("sha256sum -c %s said:\n%s\nwant:\n%s", manifest, strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
		}
	}
	var payload []string
	for _, f := range samplePayload {
		payload = append(payload, "data/"+f.path)
	}
	check(manifestName, payload)
	check(tagManifestName, []string{"bag-info.txt", "bagit.txt", "manifest-sha256.txt", "signer-cert.pem"})

	// And sha256sum does catch a change, so the OKs above mean something.
	if err := os.WriteFile(filepath.Join(bagDir, "data", "portfolio.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sha256sum", "-c", "--strict", manifestName)
	cmd.Dir = bagDir
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "data/portfolio.json: FAILED") {
		t.Errorf("sha256sum accepted an altered file: %v\n%s", err, out)
	}
}

func TestAddPayloadRefusesUnsafeNames(t *testing.T) {
	for _, tc := range []struct{ path, why string }{
		{"", "is empty"},
		{"/etc/passwd", "is absolute"},
		{"../escape.txt", `climbs out of the package with ".."`},
		{"artifacts/../../escape.txt", `climbs out of the package with ".."`},
		{"./notes.txt", `contains a "." folder`},
		{"a//b.txt", "empty folder name"},
		{"folder/", "empty folder name"},
		{`artifacts\notes.txt`, "backslash"},
		{"C:/notes.txt", "drive letter"},
		{"notes.txt:hidden", "drive letter or a hidden stream"},
		{"a\x00b.txt", "control character"},
		{"a\nb.txt", "control character"},
		{"a\rb.txt", "control character"},
		{"invoice\u202Efdp.exe", "reverses the text direction"},
		{"\xff\xfe.txt", "not valid UTF-8"},
		{" leading.txt", "starts or ends with a space"},
		{"trailing.txt ", "starts or ends with a space"},
		{"folder./x.txt", "ends with a dot"},
	} {
		w := NewWriter(io.Discard, testRoot, testNow)
		_, _, err := w.AddPayload(tc.path, strings.NewReader("x"), true)
		wantCode(t, err, portfolio.CodeInvalid, fmt.Sprintf("%q", "data/"+tc.path), tc.why)
		// A refused name leaves the writer usable.
		if _, _, err := w.AddPayload("fine.txt", strings.NewReader("x"), true); err != nil {
			t.Errorf("after refusing %q: %v", tc.path, err)
		}
		if err := w.Finish(nil, nil, nil); err != nil {
			t.Errorf("after refusing %q: %v", tc.path, err)
		}
	}
}

func TestAddPayloadRefusesCollisions(t *testing.T) {
	for _, tc := range []struct {
		first, second string
		why           string
	}{
		{"notes.pdf", "notes.pdf", `"data/notes.pdf" appears twice`},
		{"Notes.pdf", "notes.PDF", `"data/Notes.pdf" and "data/notes.PDF" differ only in letter case`},
		{"STRASSE.txt", "straße.txt", "differ only in letter case"},
		{"caf\u00e9.txt", "cafe\u0301.txt", "in how accents are encoded"},
		{"x", "x/y.txt", `"data/x" is a file, but "data/x/y.txt" needs a folder of that name`},
		{"X/y.txt", "x", `"data/x" is a file, but "data/X/y.txt" needs a folder`},
		{"a/b/c.txt", "A/B", `"data/A/B" is a file, but "data/a/b/c.txt" needs a folder`},
	} {
		w := NewWriter(io.Discard, testRoot, testNow)
		if _, _, err := w.AddPayload(tc.first, strings.NewReader("1"), true); err != nil {
			t.Fatal(err)
		}
		_, _, err := w.AddPayload(tc.second, strings.NewReader("2"), true)
		wantCode(t, err, portfolio.CodeInvalid, tc.why)
	}
}

func TestWriterRefusesBadRoot(t *testing.T) {
	for _, root := range []string{"a/b", "..", "C:", "bad\troot"} {
		w := NewWriter(io.Discard, root, testNow)
		_, _, err := w.AddPayload("x.txt", strings.NewReader("x"), true)
		wantCode(t, err, portfolio.CodeInvalid, fmt.Sprintf("%q", root))
		wantCode(t, w.Finish(nil, nil, nil), portfolio.CodeInvalid)
	}
}

func TestFinishRefusesBadFieldsAndTags(t *testing.T) {
	errSign := errors.New("the key is locked")
	for _, tc := range []struct {
		name  string
		info  []Field
		extra []TagFile
		sign  func([]byte) ([]TagFile, error)
		want  string
	}{
		{name: "line break in a value", info: []Field{{"External-Description", "two\nlines"}}, want: "line break"},
		{name: "colon in a label", info: []Field{{"Contact:Name", "Ada"}}, want: `label contains ":"`},
		{name: "empty label", info: []Field{{"", "Ada"}}, want: "label is empty"},
		{name: "tag in a folder", extra: []TagFile{{"certs/signer.pem", nil}}, want: "tag files go at the top"},
		{name: "tag named like a bag file", extra: []TagFile{{"bagit.txt", nil}}, want: `"bagit.txt" appears twice`},
		{name: "tag named like the payload folder", extra: []TagFile{{"Data", nil}}, want: `"Data" is a file, but "data/x.txt" needs a folder`},
		{name: "signature named like a tag", extra: sampleExtra,
			sign: func([]byte) ([]TagFile, error) { return []TagFile{{"Signer-Cert.pem", nil}}, nil }, want: "differ only in letter case"},
		{name: "sign fails", sign: func([]byte) ([]TagFile, error) { return nil, errSign }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := NewWriter(io.Discard, testRoot, testNow)
			if _, _, err := w.AddPayload("x.txt", strings.NewReader("x"), true); err != nil {
				t.Fatal(err)
			}
			err := w.Finish(tc.info, tc.extra, tc.sign)
			if tc.want == "" {
				if !errors.Is(err, errSign) {
					t.Fatalf("Finish = %v, want the signer's error", err)
				}
			} else {
				wantCode(t, err, portfolio.CodeInvalid, tc.want)
			}
			if err := w.Finish(nil, nil, nil); err == nil {
				t.Error("Finish ran twice")
			}
		})
	}
}

func TestGivenFieldsAreNotRepeated(t *testing.T) {
	info := []Field{{"payload-oxum", "12.1"}, {"Bagging-Date", "2026-01-02"}, {"Note", "  padded  "}}
	b := mustOpen(t, buildBag(t, testRoot, []payloadFile{{"a.txt", []byte("twelve bytes"), true}}, info, nil, nil))
	want := []Field{{"payload-oxum", "12.1"}, {"Bagging-Date", "2026-01-02"}, {"Note", "padded"}}
	if !slices.Equal(b.Info, want) {
		t.Errorf("Info = %q, want %q", b.Info, want)
	}
	wantProblems(t, verify(t, b))
}

type failAfter struct {
	r io.Reader
	n int
}

func (f *failAfter) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errDisk
	}
	n, err := f.r.Read(p[:min(len(p), f.n)])
	f.n -= n
	return n, err
}

func TestWriterStopsAfterAFailedRead(t *testing.T) {
	w := NewWriter(io.Discard, testRoot, testNow)
	_, _, err := w.AddPayload("video.mp4", &failAfter{r: strings.NewReader(strings.Repeat("x", 100)), n: 10}, false)
	if !errors.Is(err, errDisk) || !strings.Contains(err.Error(), "data/video.mp4") {
		t.Fatalf("AddPayload = %v", err)
	}
	if _, _, err := w.AddPayload("next.txt", strings.NewReader("x"), true); !errors.Is(err, errDisk) {
		t.Errorf("AddPayload after a failure = %v", err)
	}
	if err := w.Finish(nil, nil, nil); !errors.Is(err, errDisk) {
		t.Errorf("Finish after a failure = %v", err)
	}
}

func TestAddPayloadAfterFinish(t *testing.T) {
	w := NewWriter(io.Discard, testRoot, testNow)
	if err := w.Finish(nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.AddPayload("late.txt", strings.NewReader("x"), true); !errors.Is(err, errFinished) {
		t.Errorf("AddPayload after Finish = %v", err)
	}
}
