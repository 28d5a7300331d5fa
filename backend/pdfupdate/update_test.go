package pdfupdate

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/digitorus/pdf"
	"github.com/go-pdf/fpdf"
)

// fpdfFile writes a two-page fpdf document with a link between its pages, as pdfrender does.
func fpdfFile(t *testing.T) *os.File {
	t.Helper()
	doc := fpdf.New("P", "mm", "A4", "")
	doc.SetFont("Helvetica", "", 12)
	doc.AddPage()
	link := doc.AddLink()
	doc.CellFormat(60, 10, "To page two", "", 1, "L", false, link, "")
	doc.AddPage()
	doc.SetLink(link, 0, 2)
	doc.Cell(60, 10, "Page two")
	f, err := os.Create(filepath.Join(t.TempDir(), "doc.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := doc.Output(f); err != nil {
		t.Fatal(err)
	}
	return f
}

func opener(data []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is missing (make deps installs it)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestEmbeddedFilesReadBackWithQpdfAndPoppler(t *testing.T) {
	f := fpdfFile(t)
	photo := make([]byte, 300_000) // random bytes stand in for a JPEG: they do not compress
	rand.Read(photo)
	notes := []byte(strings.Repeat("Students revised their lab reports. ", 2000))
	files := []EmbeddedFile{
		{Name: "artifacts/pilot/photo.jpg", MediaType: "image/jpeg", Size: int64(len(photo)), Open: opener(photo)},
		{Name: "artifacts/pilot/notes.txt", Description: "Notes (draft)", MediaType: "text/plain", Size: int64(len(notes)), Deflate: true, Open: opener(notes)},
		{Name: "artifacts/Zoë/réflexion.txt", MediaType: "text/plain", Size: 5, Deflate: true, Open: opener([]byte("merci"))},
	}
	before, _ := f.Stat()
	u, err := Begin(f)
	if err != nil {
		t.Fatal(err)
	}
	var progress []int
	if err := u.EmbedFiles(context.Background(), files, func(done, total int) { progress = append(progress, done*10+total) }); err != nil {
		t.Fatal(err)
	}
	size, err := u.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(progress, []int{13, 23, 33}) {
		t.Errorf("progress (done*10+total) %v", progress)
	}
	if info, _ := f.Stat(); info.Size() != size || size <= before.Size() {
		t.Errorf("Finish said %d bytes, the file has %d (was %d)", size, info.Size(), before.Size())
	}
	// The photo is stored as is, the notes deflated: the growth shows which.
	if grew := size - before.Size(); grew < int64(len(photo)) || grew > int64(len(photo))+int64(len(notes))/4 {
		t.Errorf("the file grew by %d bytes for a %d-byte photo and %d bytes of text", grew, len(photo), len(notes))
	}

	out := run(t, "qpdf", "--check", f.Name())
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	list := run(t, "qpdf", "--list-attachments", f.Name())
	for _, file := range files {
		if !strings.Contains(list, file.Name) {
			t.Errorf("qpdf does not list %s:\n%s", file.Name, list)
		}
	}
	for _, file := range files {
		rc, _ := file.Open()
		want, _ := io.ReadAll(rc)
		got, err := exec.Command("qpdf", "--show-attachment="+file.Name, f.Name()).CombinedOutput()
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s read back as %d bytes (want %d): %v %.200s", file.Name, len(got), len(want), err, got)
		}
	}
	detach := run(t, "pdfdetach", "-list", f.Name())
	if !strings.Contains(detach, "3 embedded files") || !strings.Contains(detach, "réflexion.txt") {
		t.Errorf("pdfdetach -list:\n%s", detach)
	}
	// The pages, their link and the document's other catalog entries survive.
	text := run(t, "pdftotext", f.Name(), "-")
	if !strings.Contains(text, "To page two") || !strings.Contains(text, "Page two") {
		t.Errorf("pdftotext:\n%s", text)
	}
	info := strings.Join(strings.Fields(run(t, "pdfinfo", f.Name())), " ")
	if !strings.Contains(info, "Pages: 2") || !strings.Contains(info, "PDF version: 1.7") {
		t.Errorf("pdfinfo:\n%s", info)
	}
}

func TestSecondUpdateKeepsTheFirstAndCopiesTheCatalog(t *testing.T) {
	f := fpdfFile(t)
	u, err := Begin(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.EmbedFiles(context.Background(), []EmbeddedFile{{Name: "a.txt", Size: 1, Open: opener([]byte("a"))}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := u.Finish(); err != nil {
		t.Fatal(err)
	}
	u, err = Begin(f)
	if err != nil {
		t.Fatal(err)
	}
	num := u.NewObject()
	if _, err := u.Object(num, []byte("<< /Marker (second) >>")); err != nil {
		t.Fatal(err)
	}
	u.SetCatalog("Marker", fmt.Sprintf("%d 0 R", num))
	size, err := u.Finish()
	if err != nil {
		t.Fatal(err)
	}
	rdr, err := pdf.NewReader(f, size)
	if err != nil {
		t.Fatal(err)
	}
	root := rdr.Trailer().Key("Root")
	if root.Key("Marker").Key("Marker").Text() != "second" {
		t.Errorf("the new catalog entry does not resolve: %v", root.Key("Marker"))
	}
	if got := root.Key("Names").Key("EmbeddedFiles").Key("Names").Index(0).Text(); got != "a.txt" {
		t.Errorf("the first update's attachments were lost from the catalog: %q", got)
	}
	if root.Key("Pages").GetPtr().GetID() != 1 || root.Key("Pages").Key("Count").Int64() != 2 {
		t.Errorf("fpdf's page tree was not copied as a reference: %v", root.Key("Pages"))
	}
	out := run(t, "qpdf", "--check", f.Name())
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestBeginRefusesWhatItCannotExtend(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty":     "",
		"not a PDF": "hello, this is plain text\n",
		"truncated": "%PDF-1.3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Begin(f); err == nil {
			t.Errorf("%s: Begin accepted it", name)
		}
		f.Close()
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Errorf("%s: the file was changed", name)
		}
	}
}

func TestEmbedFilesRefusesDuplicatesAndWrongSizes(t *testing.T) {
	for name, files := range map[string][]EmbeddedFile{
		"duplicate": {{Name: "a", Size: 1, Open: opener([]byte("a"))}, {Name: "a", Size: 1, Open: opener([]byte("b"))}},
		"size":      {{Name: "a", Size: 2, Open: opener([]byte("a"))}},
		"content":   {{Name: "a", Size: 1}},
	} {
		u, err := Begin(fpdfFile(t))
		if err != nil {
			t.Fatal(err)
		}
		if err := u.EmbedFiles(context.Background(), files, nil); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	u, _ := Begin(fpdfFile(t))
	if err := u.EmbedFiles(ctx, []EmbeddedFile{{Name: "a", Size: 1, Open: opener([]byte("a"))}}, nil); err != context.Canceled {
		t.Errorf("cancelled: %v", err)
	}
}

func TestSyntax(t *testing.T) {
	for in, want := range map[string]string{"Type": "/Type", "image/jpeg": "/image#2Fjpeg", "a b#": "/a#20b#23", "é": "/#C3#A9"} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"plain (a\\b)": `(plain \(a\\b\))`, "Zoë": "<FEFF005A006F00EB>", "𝛑": "<FEFFD835DED1>"} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %s, want %s", in, got, want)
		}
	}
}
