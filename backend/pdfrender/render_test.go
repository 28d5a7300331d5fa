package pdfrender

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/portfolio.pdf")

const goldenPath = "testdata/golden/portfolio.pdf"

// render writes the whole unsigned PDF, pages and attachments, as an export does.
func render(t *testing.T, f *fixture, opts Options) ([]byte, Report) {
	t.Helper()
	out, err := os.Create(filepath.Join(t.TempDir(), "render.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	rep, err := Write(context.Background(), out, f.doc, f.images, opts)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	data, err := os.ReadFile(out.Name())
	if err != nil {
		t.Fatal(err)
	}
	return data, rep
}

// writeTemp saves a PDF for the command-line tools; PDFRENDER_KEEP=dir keeps it for a look.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	if keep := os.Getenv("PDFRENDER_KEEP"); keep != "" {
		dir = keep
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (Debian: poppler-utils, qpdf)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestGolden(t *testing.T) {
	got, _ := render(t, newFixture(t), Options{})
	if *update {
		if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run go test ./backend/pdfrender -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		path := writeTemp(t, "got.pdf", got)
		t.Errorf("the PDF differs from %s (%d bytes, want %d); it is saved as %s. If the change is intended, run go test ./backend/pdfrender -update",
			goldenPath, len(got), len(want), path)
	}
}

// TestDeterministic renders twice and compares. Six more images of one width make it likely
// to catch images written in a random order (fpdf sorts them by width only).
func TestDeterministic(t *testing.T) {
	build := func() *fixture {
		f := newFixture(t)
		e := portfolio.NewEntry(portfolio.KindArtifact, "Six screenshots of the same width")
		for i := range 6 {
			data := drawn(t, 300, 200+10*i, sky, teal, i, "png")
			f.images.files[sha256Hex(data)] = data
			e.Artifacts = append(e.Artifacts, portfolio.Artifact{Type: portfolio.ArtifactFile, FileName: fmt.Sprintf("shot-%d.png", i),
				MediaType: "image/png", Size: int64(len(data)), SHA256: sha256Hex(data)})
		}
		f.doc.Entries = append(f.doc.Entries, Entry{Entry: e})
		return f
	}
	for _, compress := range []bool{false, true} {
		a, _ := render(t, build(), Options{Compress: compress})
		b, _ := render(t, build(), Options{Compress: compress})
		if !bytes.Equal(a, b) {
			t.Errorf("compress=%v: two renders of the same document differ", compress)
		}
	}
}

func TestPDFContent(t *testing.T) {
	f := newFixture(t)
	data, rep := render(t, f, Options{Compress: true})
	path := writeTemp(t, "certification.pdf", data)

	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	info := tool(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           Portfolio of " + educator,
		"Author:          " + educator,
		"Subject:         Evidence of AI leadership — certification portfolio",
		"Creator:         ReadyFolio 1.4.0",
		"Pages:           " + strconv.Itoa(rep.Pages),
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}

	text := tool(t, "pdftotext", path, "-")
	flat := strings.Join(strings.Fields(text), " ")
	wants := []string{educator, greek, cyrillic, "Page 2 of " + strconv.Itoa(rep.Pages),
		"9 of 15 competencies have evidence", "Gap",
		"3 AI pilots · 3 redesigns · 2 PD sessions led · 1 tool evaluation · 1 policy or guidance document · 2 other artifacts",
		"Expires on 30 June 2026", "Expired on 1 September 2024", "ISTE-2023-04417", f.doc.Credentials[1].SHA256,
		"https://www.credly.com/badges/0a1b2c3d-iste-certified-educator", "Prompt design for teaching",
		f.doc.Entries[0].Entry.Artifacts[0].SHA256, "Digitally signed by " + educator, "certificate SHA-256",
		"Image could not be shown", "Certification portfolio", "portfolio.json"}
	for _, e := range f.doc.Entries {
		wants = append(wants, e.Entry.Title)
	}
	for _, want := range wants {
		if !strings.Contains(flat, want) {
			t.Errorf("the text of the PDF lacks %q", want)
		}
	}
	if strings.Contains(flat, "Page 1 of") {
		t.Error("the cover carries a page number")
	}

	if !bytes.Contains(data, []byte("/URI (https://www.credly.com/badges/0a1b2c3d-iste-certified-educator)")) {
		t.Error("the verification address is not a link")
	}
	cover := strings.Join(strings.Fields(tool(t, "pdftotext", "-f", "1", "-l", "1", path, "-")), " ")
	for _, want := range []string{strings.ToUpper(present.ImpactTitle), "158", "students reached in 5 classes by 3 AI pilots", "credentials held", "9 of 15"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the first page lacks %q:\n%s", want, cover)
		}
	}
	if strings.Index(cover, educator) > strings.Index(cover, strings.ToUpper(present.ImpactTitle)) {
		t.Error("the certification preset introduces the educator before the figures")
	}

	list := tool(t, "pdfdetach", "-list", path)
	if !strings.Contains(list, strconv.Itoa(len(f.doc.Attachments))+" embedded files") || !strings.Contains(list, "portfolio.json") ||
		rep.Attachments != len(f.doc.Attachments) {
		t.Errorf("pdfdetach -list (report: %d attachments):\n%s", rep.Attachments, list)
	}

	f.doc.Preset = PresetInterview
	data, rep = render(t, f, Options{Paper: PaperA4})
	path = writeTemp(t, "interview.pdf", data)
	if list := tool(t, "pdfdetach", "-list", path); !strings.Contains(list, "0 embedded files") || rep.Attachments != 0 {
		t.Errorf("interview preset: pdfdetach -list:\n%s", list)
	}
	if info := tool(t, "pdfinfo", path); !strings.Contains(info, "595.28 x 841.89 pts (A4)") || !strings.Contains(info, "interview portfolio") {
		t.Errorf("interview on A4: pdfinfo:\n%s", info)
	}
	cover = strings.Join(strings.Fields(tool(t, "pdftotext", "-f", "1", "-l", "1", path, "-")), " ")
	if i := strings.Index(cover, strings.ToUpper(present.ImpactTitle)); i != 0 || !strings.Contains(cover, educator) {
		t.Errorf("the interview preset leads with the figures:\n%s", cover)
	}
}

// TestCoverStaysOnePage: however many figures there are, the first page holds them all and the
// contents start on page 2, in both presets and on both papers.
func TestCoverStaysOnePage(t *testing.T) {
	tool(t, "pdftotext", "-v")
	for _, preset := range []Preset{PresetCertification, PresetInterview} {
		for _, paper := range []Paper{PaperLetter, PaperA4} {
			f := newFixture(t)
			f.doc.Preset = preset
			f.doc.Profile.Role = strings.Repeat("Instructional technology coach and science teacher ", 3)
			f.doc.Impact = nil
			n := 12
			if paper == PaperA4 {
				n = 40 // more than fit, even set small: the last ones are counted instead
			}
			for i := range n {
				f.doc.Impact = append(f.doc.Impact, present.Figure{Value: fmt.Sprintf("%d of 120", i+1),
					Label: fmt.Sprintf("Figure %d: competencies of a framework with a long name and evidence", i+1)})
			}
			data, _ := render(t, f, Options{Paper: paper})
			path := writeTemp(t, "cover.pdf", data)
			cover := strings.Join(strings.Fields(tool(t, "pdftotext", "-f", "1", "-l", "1", path, "-")), " ")
			second := tool(t, "pdftotext", "-f", "2", "-l", "2", path, "-")
			last := "Figure 12:"
			if n > 12 {
				last = "more figures do not fit on this page."
			}
			if !strings.Contains(cover, last) || !strings.Contains(cover, "Prepared 12 March 2025") || !strings.HasPrefix(strings.TrimSpace(second), "Contents") {
				t.Errorf("%s on %s: the cover does not hold the figures on one page:\n%s", preset, paper, cover)
			}
		}
	}
}

// TestContentsPointAtTheirPages checks that the page the contents give for each entry is the
// page that starts with it, and that each line of the contents and each bookmark leads to that
// page, with and without embedded files.
func TestContentsPointAtTheirPages(t *testing.T) {
	tool(t, "pdftotext", "-v") // skips when poppler is missing
	for _, preset := range []Preset{PresetCertification, PresetInterview} {
		f := newFixture(t)
		f.doc.Preset = preset
		data, _ := render(t, f, Options{})
		path := writeTemp(t, string(preset)+"-toc.pdf", data)
		first := newRenderer(context.Background(), f.doc, f.images, Options{Paper: PaperLetter}, nil)
		if err := first.run(); err != nil {
			t.Fatal(err)
		}
		for i, e := range f.doc.Entries {
			page := strconv.Itoa(first.pages[entryAnchor(i)])
			text := tool(t, "pdftotext", "-f", page, "-l", page, path, "-")
			if !strings.Contains(strings.Join(strings.Fields(text), " "), e.Entry.Title) {
				t.Errorf("entry %q is listed on page %s, which does not show it", e.Entry.Title, page)
			}
		}
		var want []int
		for _, item := range contents(f.doc) {
			want = append(want, first.pages[item.anchor])
		}
		if got := linkTargets(t, data, 2); !slices.Equal(got, want) {
			t.Errorf("%s: the contents link to pages %v, want %v", preset, got, want)
		}
		// The reader's outline (bookmarks) repeats the contents, nested the same way.
		var outline []string
		for _, line := range strings.Split(strings.TrimSpace(tool(t, "mutool", "show", path, "outline")), "\n") {
			m := regexp.MustCompile(`^[|+-](\t*)"(.*)"\t#page=(\d+)`).FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("%s: unexpected outline line %q", preset, line)
			}
			outline = append(outline, fmt.Sprintf("%d %s %s", len(m[1]), m[2], m[3]))
		}
		var wantOutline []string
		for _, item := range contents(f.doc) {
			wantOutline = append(wantOutline, fmt.Sprintf("%d %s %d", item.level+1, item.title, first.pages[item.anchor]))
		}
		if !slices.Equal(outline, wantOutline) {
			t.Errorf("%s: outline\n%s\nwant\n%s", preset, strings.Join(outline, "\n"), strings.Join(wantOutline, "\n"))
		}
	}
}

// linkTargets returns the pages that the internal links on a page of an uncompressed PDF
// written by fpdf lead to, in order.
func linkTargets(t *testing.T, pdf []byte, page int) []int {
	t.Helper()
	kids := regexp.MustCompile(`/Kids \[([^\]]*)\]`).FindSubmatch(pdf)
	if kids == nil {
		t.Fatal("no page tree")
	}
	pageOf := map[string]int{}
	var objects []string
	for i, ref := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(kids[1], -1) {
		pageOf[string(ref[1])] = i + 1
		objects = append(objects, string(ref[1]))
	}
	start := bytes.Index(pdf, []byte("\n"+objects[page-1]+" 0 obj"))
	end := bytes.Index(pdf[start:], []byte("endobj"))
	var targets []int
	for _, dest := range regexp.MustCompile(`/Dest \[(\d+) 0 R`).FindAllSubmatch(pdf[start:start+end], -1) {
		targets = append(targets, pageOf[string(dest[1])])
	}
	return targets
}

func TestBrokenImageBecomesPlaceholder(t *testing.T) {
	f := newFixture(t)
	_, rep := render(t, f, Options{})
	if rep.Placeholders != 1 || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "whiteboard.jpg") {
		t.Errorf("placeholders %d, warnings %q; want one, for whiteboard.jpg", rep.Placeholders, rep.Warnings)
	}
	// Seven evidence images, the CMYK one included, and the photo.
	if rep.Images != 8 {
		t.Errorf("%d images printed, want 8", rep.Images)
	}
	// An image source that fails for everything still gives a PDF.
	f.images.files = nil
	_, rep = render(t, f, Options{})
	if rep.Images != 0 || rep.Placeholders != 8 || len(rep.Warnings) != 9 {
		t.Errorf("without images: %d printed, %d placeholders, %d warnings; want 0, 8 and 9 (the photo too)",
			rep.Images, rep.Placeholders, len(rep.Warnings))
	}
}

func TestCancel(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	entries := 0
	_, err := Render(ctx, &out, f.doc, f.images, Options{Progress: func(stage string, done, total int) {
		if stage == StageEntries {
			entries++
			if done == 3 {
				cancel()
			}
		}
	}})
	if !errors.Is(err, context.Canceled) || out.Len() != 0 || entries != 3 {
		t.Errorf("Render = %v after %d entries, %d bytes written; want context.Canceled after 3 and nothing written", err, entries, out.Len())
	}
	if _, err := CountPages(ctx, f.doc, f.images, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("CountPages = %v, want context.Canceled", err)
	}
}

func TestCountPagesMatchesRender(t *testing.T) {
	f := newFixture(t)
	_, rep := render(t, f, Options{})
	n, err := CountPages(context.Background(), f.doc, f.images, Options{})
	if err != nil || n != rep.Pages {
		t.Errorf("CountPages = %d, %v; Render made %d pages", n, err, rep.Pages)
	}
}

func TestPreparesEachImageOnce(t *testing.T) {
	f := newFixture(t)
	render(t, f, Options{})
	if f.images.calls != 9 { // the photo, seven images and the corrupt one
		t.Errorf("Images.Print called %d times, want 9", f.images.calls)
	}
}

func TestRejectsBadInput(t *testing.T) {
	f := newFixture(t)
	bad := []struct {
		name string
		doc  func(*Document)
		opts Options
	}{
		{"preset", func(d *Document) { d.Preset = "brochure" }, Options{}},
		{"paper", func(*Document) {}, Options{Paper: "a3"}},
		{"name", func(d *Document) { d.Profile.Name = " " }, Options{}},
	}
	for _, tc := range bad {
		doc := f.doc
		tc.doc(&doc)
		if _, err := Render(context.Background(), &bytes.Buffer{}, doc, f.images, tc.opts); portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("%s: %v, want invalid", tc.name, err)
		}
	}
	for name, change := range map[string]func(*Attachment){
		"hash": func(a *Attachment) { a.SHA256 = strings.Repeat("0", 64) },
		"size": func(a *Attachment) { a.Size++ },
	} {
		doc := f.doc
		doc.Attachments = append([]Attachment(nil), doc.Attachments...)
		change(&doc.Attachments[0])
		out, err := os.Create(filepath.Join(t.TempDir(), "bad.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Write(context.Background(), out, doc, f.images, Options{}); portfolio.Code(err) != portfolio.CodeCorrupt {
			t.Errorf("attachment with the wrong %s: %v, want corrupt", name, err)
		}
		out.Close()
	}
}

func TestUnprintableText(t *testing.T) {
	f := newFixture(t)
	e := &f.doc.Entries[0].Entry
	e.Title = "Emoji 🎉 and 李明 and a tab\there"
	e.Pilot.WhatWasDone = strings.Repeat("李明", 400) + "\x00\x07"
	data, _ := render(t, f, Options{})
	text := tool(t, "pdftotext", writeTemp(t, "unicode.pdf", data), "-")
	if !strings.Contains(text, "李明") {
		t.Error("CJK text is missing from the text layer")
	}
}

func TestMinimalDocument(t *testing.T) {
	doc := Document{Preset: PresetInterview, Profile: portfolio.Profile{Name: "Ana"}, GeneratedAt: generatedAt}
	var out bytes.Buffer
	rep, err := Render(context.Background(), &out, doc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Cover, contents, profile, appendix.
	if rep.Pages != 4 || len(rep.Warnings) != 0 {
		t.Errorf("%d pages, warnings %q; want 4 and none", rep.Pages, rep.Warnings)
	}
	text := tool(t, "pdftotext", writeTemp(t, "minimal.pdf", out.Bytes()), "-")
	if !strings.Contains(text, "No evidence selected yet") || !strings.Contains(text, "No files or links are attached") {
		t.Errorf("text:\n%s", text)
	}
}

// TestOverlongText feeds text longer than a page into a table cell, a field, a reflection and
// a file name: it must continue on the next page, not run off the bottom.
func TestOverlongText(t *testing.T) {
	f := newFixture(t)
	long := func(end string) string {
		return strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing. ", 180) + end
	}
	e := &f.doc.Entries[0].Entry
	e.Pilot.Outcomes[0].Result = long("END-OF-CELL")
	e.Pilot.GradesSubjects = long("END-OF-FIELD")
	e.Reflection[0].Text = long("END-OF-REFLECTION")
	e.Artifacts[0].Caption = long("truncated")
	e.Artifacts = append(e.Artifacts, portfolio.Artifact{Type: portfolio.ArtifactFile, FileName: strings.Repeat("very-long-name-", 60) + "END-OF-NAME.pdf",
		MediaType: "application/pdf", Size: 1, SHA256: strings.Repeat("ab", 32)})
	data, _ := render(t, f, Options{})
	path := writeTemp(t, "long.pdf", data)
	text := strings.Join(strings.Fields(tool(t, "pdftotext", path, "-")), "")
	for _, end := range []string{"END-OF-CELL", "END-OF-FIELD", "END-OF-REFLECTION", "END-OF-NAME"} {
		if !strings.Contains(text, end) {
			t.Errorf("%s is not on any page", end)
		}
	}
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
