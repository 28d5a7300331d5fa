package viewer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"path"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

const (
	educator  = "Zoë Ñúñez-Łukasz"
	notesName = "notes #1 (draft)%.txt"
	evilTitle = `Letter <script>alert("x")</script> & "quotes"`
	boardURL  = "https://example.org/board?x=1&y=2"
	badURL    = "javascript:alert(1)"
)

var generatedAt = time.Date(2025, 3, 12, 14, 30, 0, 0, time.UTC)

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// gradient is a w×h JPEG from one colour to another, with a white bar: a stand-in photo.
func gradient(t testing.TB, w, h int, from, to color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	mix := func(a, b uint8, f float64) uint8 { return uint8(float64(a)*(1-f) + float64(b)*f) }
	for y := range h {
		for x := range w {
			f := float64(x) / float64(w)
			c := color.RGBA{mix(from.R, to.R, f), mix(from.G, to.G, f), mix(from.B, to.B, f), 255}
			if y > h/2-h/12 && y < h/2+h/12 && x > w/6 && x < w*5/6 {
				c = color.RGBA{255, 255, 255, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fixture is a portfolio as a submission package holds it: the site to write and the other
// files of data/ (artifacts and the PDF) by path.
type fixture struct {
	site  Site
	bag   map[string][]byte
	calls map[string]int // Thumbnail calls by SHA-256
}

var (
	magenta = color.RGBA{200, 30, 160, 255}
	amber   = color.RGBA{250, 190, 40, 255}
	blue    = color.RGBA{30, 80, 200, 255}
)

// newFixture has every kind of evidence: images with and without thumbnails, documents,
// links (one unsafe), outcomes, alignments to two frameworks, an educator with accents, a
// file whose name needs percent-encoding, a title that looks like HTML and a file whose path
// points outside the package.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{bag: map[string][]byte{}, calls: map[string]int{}}
	thumbs := map[string][]byte{}
	originals := map[string][]byte{} // by SHA-256
	file := func(name, mediaType, caption string, data []byte) portfolio.Artifact {
		sha := sha256Hex(data)
		originals[sha] = data
		return portfolio.Artifact{ID: "a-" + sha[:8], Type: portfolio.ArtifactFile, Role: portfolio.RoleAttachment, FileName: name,
			MediaType: mediaType, Size: int64(len(data)), SHA256: sha, Caption: caption}
	}
	// Thumbnails are 480 pixels on the longer side, as submission.Build asks for.
	photo := func(name, caption string, from, to color.RGBA, portrait bool) portfolio.Artifact {
		w, h := 640, 420
		if portrait {
			w, h = h, w
		}
		a := file(name, "image/jpeg", caption, gradient(t, w, h, from, to))
		thumbs[a.SHA256] = gradient(t, w*480/640, h*480/640, from, to)
		return a
	}
	link := func(id, title, url, caption string) portfolio.Artifact {
		return portfolio.Artifact{ID: id, Type: portfolio.ArtifactLink, LinkTitle: title, URL: url, Caption: caption}
	}
	entry := func(id string, k portfolio.Kind, title, start, end string, tags []string, answers ...string) portfolio.Entry {
		e := portfolio.NewEntry(k, title)
		e.ID, e.Status = id, portfolio.StatusReady
		e.StartDate, e.EndDate, e.Tags = start, end, tags
		for i := range e.Reflection {
			if i < len(answers) {
				e.Reflection[i].Text = answers[i]
			}
		}
		return e
	}

	chart := photo("exit-ticket-results.jpg", "Exit-ticket scores before and after the pilot", magenta, amber, false)
	classroom := photo("classroom.jpg", "", blue, amber, true)
	scan := file("consent-scan.tiff", "image/tiff", "Signed consent form (scan)", []byte("II*\x00 not really a TIFF"))
	notes := file(notesName, "text/plain", "Planning notes", []byte("first draft of the plan\n"))
	french := file("Réflexion des élèves.pdf", "application/pdf", "", []byte("%PDF-1.4\n% élèves\n%%EOF\n"))

	pilot := entry("11111111-aaaa-4aaa-8aaa-000000000001", portfolio.KindAIPilot, "AI feedback on lab reports in Grade 8 science",
		"2024-09-09", "2025-01-24", []string{"feedback", "science"},
		"Students revised more often.\n\nThe quiet students used the feedback most.",
		"I would co-write the criteria with students.",
		"No student names left the district tenant.")
	pilot.Pilot.GradesSubjects = "Grade 8 science"
	pilot.Pilot.AITools = []string{"Khanmigo", "Copilot (district tenant)"}
	pilot.Pilot.ProblemGoal = "Feedback came two weeks after the lab."
	pilot.Pilot.WhatWasDone = "An assistant configured with our rubric returned comments within a day.\nStudents revised."
	pilot.Pilot.StudentsReached, pilot.Pilot.ClassesReached = 112, 5
	pilot.Pilot.PilotStatus = portfolio.PilotCompleted
	pilot.Pilot.Outcomes = []portfolio.Outcome{
		{Metric: "Days from submission to feedback", Baseline: "14", Result: "1"},
		{Metric: "Reports revised at least once", Baseline: "22%", Result: "81%"},
	}
	pilot.Pilot.Privacy = portfolio.PrivacyReview{StudentDataInvolved: true, ApprovalObtained: true, Notes: "Reviewed by the privacy officer."}
	pilot.Artifacts = []portfolio.Artifact{chart, classroom, scan, notes, french,
		link("l-board", "Pilot summary for the school board", boardURL, "Presented in February")}

	original := photo("essay-prompt-2023.jpg", "The 2023 take-home essay prompt", amber, magenta, false)
	original.Role = portfolio.RoleOriginal
	redesigned := photo("essay-studio-2024.jpg", "The 2024 in-class writing studio", blue, magenta, false)
	redesigned.Role = portfolio.RoleRedesign
	redesign := entry("22222222-bbbb-4bbb-8bbb-000000000002", portfolio.KindLessonRedesign, "From take-home essay to in-class writing studio",
		"2024-01-15", "2024-03-01", nil, "The take-home essay rewarded whoever had the best help at home.")
	*redesign.Redesign = portfolio.RedesignDetails{Subject: "English language arts", Grade: "Grade 8",
		OriginalDescription: "A persuasive essay written at home.", RedesignDescription: "Three in-class studio sessions.",
		AIRole: "A sparring partner that argues the other side.", IntegrityMeasures: "Drafts stay in class.",
		StudentOutcomes: "Reasoning scores rose from 2.1 to 2.9."}
	redesign.Artifacts = []portfolio.Artifact{original, redesigned}

	slides := file("Prompting for feedback — slides.pdf", "application/pdf", "Slides for the workshop", []byte("%PDF-1.4\n% slides\n%%EOF\n"))
	pd := entry("33333333-cccc-4ccc-8ccc-000000000003", portfolio.KindPDLed, "Prompting for feedback: a workshop for science teachers",
		"2024-10-18", "", []string{"workshop"}, "Teachers needed to see it in their own subject.")
	*pd.PD = portfolio.PDDetails{Format: portfolio.FormatWorkshop, Audience: "Middle-school science teachers", Participants: 11,
		ContactHours: 1.5, Materials: "Slides and a rubric template.", FeedbackSummary: "They asked for a follow-up.", FeedbackRating: 4.6}
	pd.Artifacts = []portfolio.Artifact{slides}

	letter := file("letter.pdf", "application/pdf", "Letter of support", []byte("%PDF-1.4\n% letter\n%%EOF\n"))
	stray := file("outside.txt", "text/plain", "", []byte("stray"))
	other := entry("44444444-dddd-4ddd-8ddd-000000000004", portfolio.KindArtifact, evilTitle, "2025-02-20", "", nil)
	other.Other.Description = "A letter describing the pilot's effect."
	other.Artifacts = []portfolio.Artifact{letter, stray, link("l-bad", "Suspicious link", badURL, "")}

	unesco := portfolio.Framework{ID: "unesco-ai-cft", Title: "UNESCO AI Competency Framework for Teachers", Publisher: "UNESCO",
		Version: "2024", Licence: "CC BY-SA 3.0 IGO", SourceURL: "https://www.unesco.org/en/articles/ai-competency-framework-teachers",
		Scale: portfolio.ScaleUNESCOLevels, Competencies: []portfolio.Competency{
			{ID: "u:1", Code: "1", Title: "Human-centred mindset"},
			{ID: "u:1.1", ParentID: "u:1", Code: "1.1", Title: "Human agency", Leaf: true, Depth: 1},
			{ID: "u:1.2", ParentID: "u:1", Code: "1.2", Title: "Inclusion and equity", Leaf: true, Depth: 1},
			{ID: "u:2", Code: "2", Title: "AI pedagogy"},
			{ID: "u:2.1", ParentID: "u:2", Code: "2.1", Title: "AI-assisted feedback", Leaf: true, Depth: 1},
			{ID: "u:2.2", ParentID: "u:2", Code: "2.2", Title: "Assessment integrity", Leaf: true, Depth: 1},
		}}
	iste := portfolio.Framework{ID: "iste-educators", Title: "ISTE Standards for Educators", Publisher: "ISTE", Version: "2017",
		Scale: portfolio.ScaleProficiency, Competencies: []portfolio.Competency{
			{ID: "i:2.2.a", Code: "2.2.a", Title: "Shape a shared vision for learning with technology.", Leaf: true},
			{ID: "i:2.2.b", Code: "2.2.b", Title: "Advocate for equitable access.", Leaf: true},
		}}
	align := func(entry, f, comp, strength, rationale string) portfolio.Alignment {
		return portfolio.Alignment{EntryID: entry, FrameworkID: f, CompetencyID: comp, Strength: strength, Rationale: rationale}
	}
	certificate := file("ISTE certificate.pdf", "application/pdf", "", []byte("%PDF-1.4\n% certificate\n%%EOF\n"))
	credentials := []portfolio.Credential{
		{ID: "c-1", Kind: portfolio.CredentialCertification, Name: "ISTE Certified Educator", Issuer: "ISTE", IssuedOn: "2023-06-30",
			ExpiresOn: "2026-06-30", CredentialID: "ISTE-2023-04417", VerificationURL: "https://www.credly.com/badges/iste-0417",
			FileName: certificate.FileName, MediaType: certificate.MediaType, Size: certificate.Size, SHA256: certificate.SHA256, Position: 1},
		{ID: "c-2", Kind: portfolio.CredentialBadge, Name: "AI Literacy <b>badge</b>", Issuer: "State DOE", IssuedOn: "2022-09-01",
			ExpiresOn: "2024-09-01", VerificationURL: badURL, Position: 2},
	}
	src := exchange.Source{
		Profile: portfolio.Profile{PortfolioID: "p-1", Name: educator, Role: "Instructional technology coach",
			School: "Riverside Middle School", District: "Northfield Unified School District", Email: "zoe.nunez@example.org",
			Bio: "I have taught science for eleven years.\n\nMy work with AI began with a question from a student."},
		Entries: []portfolio.Entry{pilot, redesign, pd, other},
		Alignments: map[string][]portfolio.Alignment{
			pilot.ID: {align(pilot.ID, unesco.ID, "u:2.1", "deepen", "The pilot redesigned feedback and measured its effect."),
				align(pilot.ID, iste.ID, "i:2.2.a", "exemplary", "I presented the pilot to the board.")},
			redesign.ID: {align(redesign.ID, unesco.ID, "u:2.2", "create", "Reasoning is visible in class.")},
		},
		Frameworks:  map[string]portfolio.Framework{unesco.ID: unesco, iste.ID: iste},
		Credentials: credentials,
		GeneratedAt: generatedAt, Generator: "ReadyFolio 1.4.0",
	}
	src.Impact = impact.Compute(src.Entries, credentials, nil, present.Day(generatedAt))
	p := exchange.Build(src)
	for _, c := range p.Credentials {
		if c.Path != "" {
			f.bag[c.Path] = originals[c.SHA256]
		}
	}

	// A file whose name has everything a URL treats specially, and one whose path leaves the
	// package: exchange.ArtifactPaths would never name them so, but portfolio.json could.
	for i := range p.Entries {
		for j := range p.Entries[i].Artifacts {
			a := &p.Entries[i].Artifacts[j]
			switch a.FileName {
			case notesName:
				a.Path = path.Join(path.Dir(a.Path), notesName)
			case "outside.txt":
				a.Path = "../outside.txt"
			}
			if a.Path != "" && !strings.HasPrefix(a.Path, "..") {
				f.bag[a.Path] = originals[a.SHA256]
			}
		}
	}
	f.bag["portfolio.pdf"] = []byte("%PDF-1.7\n% the signed portfolio\n%%EOF\n")

	ref := func(e portfolio.Entry) portfolio.CoverageEntry {
		return portfolio.CoverageEntry{EntryID: e.ID, Title: e.Title, Kind: e.Kind}
	}
	f.site = Site{
		Portfolio: p,
		Coverage: []portfolio.Coverage{
			{Framework: unesco, LeafCount: 4, WithEvidence: 2, Summary: "2 of 4 competencies have evidence", Rows: []portfolio.CoverageRow{
				{Competency: unesco.Competencies[0]},
				{Competency: unesco.Competencies[1], Status: portfolio.AssessReady},
				{Competency: unesco.Competencies[2]},
				{Competency: unesco.Competencies[3]},
				{Competency: unesco.Competencies[4], Status: portfolio.AssessMet, Strongest: "deepen", Evidence: []portfolio.CoverageEntry{ref(pilot)}},
				{Competency: unesco.Competencies[5], Status: portfolio.AssessInProgress, Strongest: "create", Evidence: []portfolio.CoverageEntry{ref(redesign)}},
			}},
			{Framework: iste, LeafCount: 2, WithEvidence: 1, Rows: []portfolio.CoverageRow{
				{Competency: iste.Competencies[0], Status: portfolio.AssessMet, Strongest: "exemplary", Evidence: []portfolio.CoverageEntry{ref(pilot)}},
				{Competency: iste.Competencies[1]},
			}},
		},
		Thumbnail: func(sha string) ([]byte, bool) {
			f.calls[sha]++
			data, ok := thumbs[sha]
			return data, ok
		},
		PDFName: "portfolio.pdf",
	}
	return f
}

// output is what Write produced, in order.
type output struct {
	paths []string
	files map[string][]byte
}

func write(t testing.TB, s Site) output {
	t.Helper()
	out := output{files: map[string][]byte{}}
	err := Write(s, func(p string, r io.Reader) error {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		if _, dup := out.files[p]; dup {
			t.Errorf("Write added %s twice", p)
		}
		out.paths = append(out.paths, p)
		out.files[p] = data
		return nil
	})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return out
}

func parse(t testing.TB, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// all returns the elements under n, n included, that match, in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func byID(doc *html.Node, id string) *html.Node {
	found := all(doc, func(n *html.Node) bool { v, ok := attr(n, "id"); return ok && v == id })
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// text is what n reads as: its text with runs of white space made one space.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func texts(nodes []*html.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = text(n)
	}
	return out
}

// rows is each row of a table as its cells' texts joined by " | ".
func rows(table *html.Node) []string {
	var out []string
	for _, tr := range all(table, tag("tr")) {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
				cells = append(cells, text(c))
			}
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}
