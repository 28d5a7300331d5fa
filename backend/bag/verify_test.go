package bag

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// sampleOxum is the Payload-Oxum of samplePayload.
func sampleOxum() (size int, files int) {
	for _, f := range samplePayload {
		size += len(f.data)
	}
	return size, len(samplePayload)
}

func bagPath(name string) string { return testRoot + "/" + name }

// TestVerifyNamesEachDamagedEntry flips a byte inside each entry's stored data, as a bad disk
// or download would: the zip's own checksum fails, and Verify blames that file alone.
func TestVerifyNamesEachDamagedEntry(t *testing.T) {
	data := sampleBag(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range zr.File {
		if f.CompressedSize64 == 0 {
			continue
		}
		name := strings.TrimPrefix(f.Name, testRoot+"/")
		start, end := dataRange(t, data, f.Name)
		damaged := bytes.Clone(data)
		damaged[(start+end)/2] ^= 0x55
		b := mustOpen(t, damaged)
		problems := verify(t, b)
		if name == "signature.p7s" {
			// Outside the tag manifest: the signature check reads it, and the zip catches the damage.
			wantProblems(t, problems)
			_, err := b.ReadTag(name, 1<<20)
			wantCode(t, err, portfolio.CodeCorrupt, "signature.p7s is damaged inside the package")
			continue
		}
		if len(problems) != 1 || problems[0].File != name || !strings.HasPrefix(problems[0].Message, "damaged inside the package") {
			t.Errorf("damaging %s:\n%s", name, listProblems(problems))
		}
		checked++
	}
	if checked != len(zr.File)-1 {
		t.Errorf("checked %d entries", checked)
	}
}

// TestVerifyNamesEachAlteredFile changes one byte of one file while the manifests stay as they
// were, at every position of each tag file and at the ends and middle of each payload file.
func TestVerifyNamesEachAlteredFile(t *testing.T) {
	entries := readEntries(t, sampleBag(t))
	for _, e := range entries {
		name := strings.TrimPrefix(e.name, testRoot+"/")
		if len(e.data) == 0 || name == tagManifestName || name == "signature.p7s" {
			continue // only the signature vouches for these
		}
		want := Problem{name, "SHA-256 differs from tagmanifest-sha256.txt"}
		positions := make([]int, len(e.data))
		for i := range positions {
			positions[i] = i
		}
		if strings.HasPrefix(name, payloadDir) {
			want.Message = "SHA-256 differs from the manifest"
			positions = []int{0, len(e.data) / 2, len(e.data) - 1}
		}
		for _, i := range positions {
			altered := edit(t, entries, e.name, func(d []byte) []byte {
				d[i] ^= 0x01
				return d
			})
			problems := verify(t, mustOpen(t, makeZip(t, altered...)))
			if !slices.Equal(problems, []Problem{want}) {
				t.Fatalf("altering byte %d of %s:\n%s\nwant %s", i, name, listProblems(problems), want)
			}
		}
	}
}

func TestVerifyPayloadOxum(t *testing.T) {
	size, files := sampleOxum()
	for _, tc := range []struct{ oxum, want string }{
		{"1.1", fmt.Sprintf("Payload-Oxum says 1 bytes in 1 files, but the payload has %d bytes in %d files", size, files)},
		{fmt.Sprintf("%d.%d", size, files+1), fmt.Sprintf("Payload-Oxum says %d bytes in %d files, but the payload has %d bytes in %d files", size, files+1, size, files)},
		{"1234", `Payload-Oxum "1234" is not "<bytes>.<files>"`},
	} {
		data := buildBag(t, testRoot, samplePayload, []Field{{"Payload-Oxum", tc.oxum}}, nil, nil)
		wantProblems(t, verify(t, mustOpen(t, data)), Problem{bagInfoName, tc.want})
	}
}

func TestVerifyFileNotInManifest(t *testing.T) {
	entries := append(readEntries(t, sampleBag(t)), entry{name: bagPath("data/extra.txt"), data: []byte("surprise"), method: zip.Deflate})
	size, files := sampleOxum()
	wantProblems(t, verify(t, mustOpen(t, makeZip(t, entries...))),
		Problem{bagInfoName, fmt.Sprintf("Payload-Oxum says %d bytes in %d files, but the payload has %d bytes in %d files", size, files, size+8, files+1)},
		Problem{"data/extra.txt", "not listed in manifest-sha256.txt"})
}

func TestVerifyMissingPayloadFile(t *testing.T) {
	entries := slices.DeleteFunc(readEntries(t, sampleBag(t)), func(e entry) bool {
		return e.name == bagPath("data/artifacts/pilot-1/survey.pdf")
	})
	size, files := sampleOxum()
	gone := len(samplePayload[2].data)
	wantProblems(t, verify(t, mustOpen(t, makeZip(t, entries...))),
		Problem{bagInfoName, fmt.Sprintf("Payload-Oxum says %d bytes in %d files, but the payload has %d bytes in %d files", size, files, size-gone, files-1)},
		Problem{manifestName, "lists data/artifacts/pilot-1/survey.pdf, which is missing"})
}

func TestVerifyMissingTagFiles(t *testing.T) {
	for _, tc := range []struct {
		name     string
		want     Problem
		unlisted []string
	}{
		{bagitName, Problem{bagitName, "missing from the package, so it is not a BagIt package"}, nil},
		{bagInfoName, Problem{bagInfoName, "missing from the package"}, nil},
		{manifestName, Problem{manifestName, "missing from the package, so the payload cannot be checked"}, nil},
		{"signer-cert.pem", Problem{tagManifestName, "lists signer-cert.pem, which is missing"}, nil},
		{tagManifestName, Problem{tagManifestName, "missing from the package, so the tag files cannot be checked"},
			[]string{bagInfoName, bagitName, manifestName, "signer-cert.pem"}},
	} {
		entries := slices.DeleteFunc(readEntries(t, sampleBag(t)), func(e entry) bool { return e.name == bagPath(tc.name) })
		b := mustOpen(t, makeZip(t, entries...))
		wantProblems(t, verify(t, b), tc.want)
		want := append(tc.unlisted, "signature.p7s")
		slices.Sort(want)
		if !slices.Equal(b.Unlisted(), want) {
			t.Errorf("without %s, Unlisted() = %q, want %q", tc.name, b.Unlisted(), want)
		}
	}
}

func TestVerifyBagitTxt(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", ""},
		{"BagIt-Version: 1.1\r\nTag-File-Character-Encoding: utf-8\r\n", ""},
		{"BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n",
			"the package is BagIt 2.0, newer than the BagIt 1.0 this version of ReadyFolio reads; update ReadyFolio to check it"},
		{"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n", "the package is BagIt 0.97, a draft older than the BagIt 1.0 ReadyFolio reads"},
		{"BagIt-Version: one\nTag-File-Character-Encoding: UTF-8\n", `BagIt-Version "one" is not a version number`},
		{"Tag-File-Character-Encoding: UTF-8\n", "does not give the BagIt-Version"},
		{"BagIt-Version: 1.0\n", "does not give the Tag-File-Character-Encoding"},
		{"BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n", `tag files are in "ISO-8859-1"; ReadyFolio reads only UTF-8`},
	} {
		entries := retag(t, edit(t, readEntries(t, sampleBag(t)), bagPath(bagitName), func([]byte) []byte { return []byte(tc.text) }))
		var want []Problem
		if tc.want != "" {
			want = []Problem{{bagitName, tc.want}}
		}
		wantProblems(t, verify(t, mustOpen(t, makeZip(t, entries...))), want...)
	}
}

func TestVerifyBagInfoTxt(t *testing.T) {
	size, files := sampleOxum()
	oxum := fmt.Sprintf("Payload-Oxum: %d.%d\n", size, files)
	for _, tc := range []struct {
		text string
		info []Field
		want []string
	}{
		{
			text: "External-Description: Uncompressed greyscale TIFF images from the\n     Yoshimuri papers collection.\r\nContact-Name:\n\tAda Lovelace\n\n" + oxum,
			info: []Field{{"External-Description", "Uncompressed greyscale TIFF images from the Yoshimuri papers collection."},
				{"Contact-Name", "Ada Lovelace"}, {"Payload-Oxum", fmt.Sprintf("%d.%d", size, files)}},
		},
		{
			text: "  starts with a continuation\n" + oxum + "no colon on this line\n: no label\n",
			info: []Field{{"Payload-Oxum", fmt.Sprintf("%d.%d", size, files)}},
			want: []string{"line 1 continues a value, but none comes before it", `line 3 is not "Label: value"`, `line 4 is not "Label: value"`},
		},
		{text: "Contact-Name: \xff\n", want: []string{"is not UTF-8 text"}},
	} {
		entries := retag(t, edit(t, readEntries(t, sampleBag(t)), bagPath(bagInfoName), func([]byte) []byte { return []byte(tc.text) }))
		b := mustOpen(t, makeZip(t, entries...))
		if !slices.Equal(b.Info, tc.info) {
			t.Errorf("Info = %q, want %q", b.Info, tc.info)
		}
		var want []Problem
		for _, m := range tc.want {
			want = append(want, Problem{bagInfoName, m})
		}
		wantProblems(t, verify(t, b), want...)
	}
}

func TestVerifyManifestLines(t *testing.T) {
	entries := readEntries(t, sampleBag(t))
	pdf := "data/portfolio.pdf"
	var pdfLine string
	entries = retag(t, edit(t, entries, bagPath(manifestName), func(old []byte) []byte {
		for line := range strings.Lines(string(old)) {
			if strings.HasSuffix(line, "  "+pdf+"\n") {
				pdfLine = line
			}
		}
		other := strings.Repeat("ab", 32)
		return []byte(strings.ReplaceAll(string(old), pdfLine, "") + // line 1 is now line 5
			"not-a-hash  data/x.txt\n" + // line 5
			other + "\n" + // line 6: no path
			pdfLine + // line 7, the PDF listed once…
			strings.ToUpper(pdfLine[:64]) + "\t " + pdf + "\r\n" + // line 8: …and twice, in capitals and with a tab
			other + "  bagit.txt\n" + // line 9
			other + "  data/new%0Aline.txt\n" + // line 10
			other + "  data/50%25.txt\n") // line 11
	}))
	wantProblems(t, verify(t, mustOpen(t, makeZip(t, entries...))),
		Problem{manifestName, `line 5 is not "<SHA-256>  <path>"`},
		Problem{manifestName, `line 6 is not "<SHA-256>  <path>"`},
		Problem{manifestName, "lists data/portfolio.pdf twice"},
		Problem{manifestName, "lists bagit.txt, which is outside data/"},
		Problem{manifestName, `lists "data/new\nline.txt", which is missing`},
		Problem{manifestName, "lists data/50%.txt, which is missing"},
	)
}

func TestVerifyTagManifestLines(t *testing.T) {
	entries := edit(t, readEntries(t, sampleBag(t)), bagPath(tagManifestName), func(old []byte) []byte {
		var out strings.Builder
		for line := range strings.Lines(string(old)) {
			if !strings.Contains(line, bagInfoName) {
				out.WriteString(line)
			}
		}
		other := strings.Repeat("cd", 32)
		out.WriteString(other + "  data/portfolio.pdf\n" + other + "  tagmanifest-sha256.txt\ngarbage\n")
		return []byte(out.String())
	})
	b := mustOpen(t, makeZip(t, entries...))
	wantProblems(t, verify(t, b),
		Problem{tagManifestName, `line 6 is not "<SHA-256>  <path>"`},
		Problem{tagManifestName, "lists data/portfolio.pdf, which belongs in manifest-sha256.txt"},
		Problem{tagManifestName, "lists itself, which it cannot check"},
		Problem{tagManifestName, "does not list bag-info.txt"},
	)
	if want := []string{bagInfoName, "signature.p7s"}; !slices.Equal(b.Unlisted(), want) {
		t.Errorf("Unlisted() = %q, want %q", b.Unlisted(), want)
	}
}

func TestVerifyProgressAndCancel(t *testing.T) {
	big := payloadFile{"video.mp4", bytes.Repeat([]byte("frame "), 1<<20), false}
	b := mustOpen(t, buildBag(t, testRoot, append(slices.Clone(samplePayload), big), nil, nil, nil))
	size, _ := sampleOxum()
	wantTotal := int64(size + len(big.data))
	var calls [][2]int64
	problems, err := b.Verify(context.Background(), func(done, total int64) { calls = append(calls, [2]int64{done, total}) })
	if err != nil || len(problems) != 0 {
		t.Fatalf("Verify = %v, %v", problems, err)
	}
	for i, c := range calls {
		if c[1] != wantTotal || c[0] > c[1] || (i > 0 && c[0] < calls[i-1][0]) {
			t.Fatalf("progress calls %v, total should be %d", calls, wantTotal)
		}
	}
	if len(calls) < 3 || calls[0][0] != 0 || calls[len(calls)-1][0] != wantTotal {
		t.Errorf("progress calls %v", calls)
	}

	ctx, cancel := context.WithCancel(context.Background())
	_, err = b.Verify(ctx, func(done, total int64) {
		if done > 0 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Verify cancelled midway = %v", err)
	}
	if _, err := b.Verify(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Verify cancelled before = %v", err)
	}
}

func TestVerifyReturnsReadErrors(t *testing.T) {
	data := sampleBag(t)
	r := &failingReader{r: bytes.NewReader(data)}
	b, err := Open(r, int64(len(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	r.failing = true
	if _, err := b.Verify(context.Background(), nil); !errors.Is(err, errDisk) {
		t.Errorf("Verify = %v, want the disk's error", err)
	}
	if _, err := b.ReadTag("signature.p7s", 1<<20); !errors.Is(err, errDisk) {
		t.Errorf("ReadTag = %v, want the disk's error", err)
	}
}

func TestBagConcurrentUse(t *testing.T) {
	b := mustOpen(t, sampleBag(t))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if problems, err := b.Verify(context.Background(), nil); err != nil || len(problems) != 0 {
				t.Errorf("Verify = %v, %v", problems, err)
			}
			if _, err := b.ReadTag(bagitName, 1<<10); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
