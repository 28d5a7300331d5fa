package viewer

import (
	"bytes"
	"fmt"
	"image"
	"net/url"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

func artifactByName(t *testing.T, p exchange.Portfolio, name string) exchange.Artifact {
	t.Helper()
	for _, e := range p.Entries {
		for _, a := range e.Artifacts {
			if a.FileName == name || a.LinkTitle == name {
				return a
			}
		}
	}
	t.Fatalf("no artifact %q in the fixture", name)
	return exchange.Artifact{}
}

// links are the <a> elements under n whose href is want.
func links(n *html.Node, want string) []*html.Node {
	return all(n, func(n *html.Node) bool { h, ok := attr(n, "href"); return n.Data == "a" && ok && h == want })
}

func TestHeaderAndContents(t *testing.T) {
	f := newFixture(t)
	doc := parse(t, write(t, f.site).files[IndexPath])

	if got := text(all(doc, tag("title"))[0]); got != "Portfolio of "+educator {
		t.Errorf("title = %q", got)
	}
	if lang, _ := attr(all(doc, tag("html"))[0], "lang"); lang != "en" {
		t.Errorf("lang = %q", lang)
	}
	cover := all(doc, func(n *html.Node) bool { return n.Data == "header" && hasClass(n, "cover") })[0]
	if got := texts(all(cover, tag("h1"))); !reflect.DeepEqual(got, []string{educator}) {
		t.Errorf("h1 = %q", got)
	}
	for _, want := range []string{present.Tagline, "Instructional technology coach", "Riverside Middle School",
		"Northfield Unified School District", "Prepared 12 March 2025",
		"1 AI pilot · 1 redesign · 1 PD session led · 1 other artifact"} {
		if !strings.Contains(text(cover), want) {
			t.Errorf("the header lacks %q: %s", want, text(cover))
		}
	}
	if len(links(cover, "portfolio.pdf")) != 1 {
		t.Error("the header does not link the PDF")
	}

	nav := byID(doc, "contents")
	for _, want := range []string{"#profile", "#coverage", "#coverage-1", "#coverage-2", "#evidence", "#appendix"} {
		if len(links(nav, want)) != 1 || byID(doc, want[1:]) == nil {
			t.Errorf("the contents do not link %s to a target", want)
		}
	}
	for i, e := range f.site.Portfolio.Entries {
		id := fmt.Sprintf("entry-%d", i+1)
		a := links(nav, "#"+id)
		if len(a) != 1 || byID(doc, id) == nil {
			t.Fatalf("the contents do not link entry %d", i+1)
		}
		if want := present.KindShort(e.Kind) + " " + present.OneLine(e.Title); text(a[0]) != want {
			t.Errorf("contents line %q, want %q", text(a[0]), want)
		}
	}

	profile := byID(doc, "profile")
	if got := texts(all(profile, tag("dt"))); !reflect.DeepEqual(got, []string{"Name", "Role", "School", "District", "Email"}) {
		t.Errorf("profile labels = %q", got)
	}
	if len(links(profile, "mailto:zoe.nunez@example.org")) != 1 {
		t.Error("the email is not a mailto link")
	}
	if got := texts(all(profile, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "text") })); len(got) != 2 {
		t.Errorf("the bio's two paragraphs are %q", got)
	}
	if about := text(profile); !strings.Contains(about, "brings together 4 pieces of evidence") ||
		!strings.Contains(about, "aligned to UNESCO AI Competency Framework for Teachers and ISTE Standards for Educators") {
		t.Errorf("about text: %s", about)
	}
}

// TestImpactAndCredentials: the header shows the figures portfolio.json words, under the
// PDF's heading, and a section after the profile lists the credentials, each linked to its
// file and its verification address (when that is a web address).
func TestImpactAndCredentials(t *testing.T) {
	f := newFixture(t)
	doc := parse(t, write(t, f.site).files[IndexPath])
	cover := all(doc, func(n *html.Node) bool { return n.Data == "header" && hasClass(n, "cover") })[0]
	impact := byID(doc, "impact-title")
	if impact == nil || text(impact) != present.ImpactTitle {
		t.Fatalf("no %q heading in the header", present.ImpactTitle)
	}
	shown := f.site.Portfolio.Impact.Shown
	if len(shown) < 3 {
		t.Fatalf("the fixture's figures: %+v", shown)
	}
	for _, fig := range shown {
		if !strings.Contains(text(cover), fig.Value+" "+fig.Label) {
			t.Errorf("the header lacks the figure %q %q: %s", fig.Value, fig.Label, text(cover))
		}
	}
	if !strings.Contains(text(cover), "1 credentials held") && !strings.Contains(text(cover), "1 credential held") {
		t.Errorf("the header does not count the credential held: %s", text(cover))
	}

	nav := byID(doc, "contents")
	if len(links(nav, "#credentials")) != 1 {
		t.Error("the contents do not link the credentials")
	}
	section := byID(doc, "credentials")
	if section == nil || byID(doc, "credential-1") == nil || byID(doc, "credential-2") == nil {
		t.Fatal("no credentials section with one article per credential")
	}
	body := text(section)
	for _, want := range []string{present.CredentialsTitle, "ISTE Certified Educator", "Certification", "30 June 2023",
		"Expires on 30 June 2026", "ISTE-2023-04417", "AI Literacy <b>badge</b>", "Expired on 1 September 2024",
		"ISTE certificate.pdf", f.site.Portfolio.Credentials[0].SHA256} {
		if !strings.Contains(body, want) {
			t.Errorf("the credentials section lacks %q: %s", want, body)
		}
	}
	if len(links(section, "https://www.credly.com/badges/iste-0417")) != 1 {
		t.Error("the verification address is not a link")
	}
	if len(links(section, badURL)) != 0 || !strings.Contains(body, badURL) {
		t.Error("a verification address that is no web address must show as text only")
	}
	file := "credentials/c-1/ISTE-certificate.pdf"
	if f.site.Portfolio.Credentials[0].Path != file || len(links(section, file)) != 1 || f.bag[file] == nil {
		t.Errorf("the credential's file is not linked beside the page at %s", file)
	}
	if len(links(byID(doc, "appendix"), file)) != 1 || len(links(byID(doc, "appendix"), "#credential-1")) != 1 {
		t.Error("the appendix does not index the credential's file")
	}

	// A portfolio.json of version 1 has neither: the page leaves both out.
	f.site.Portfolio.Impact, f.site.Portfolio.Credentials = nil, nil
	doc = parse(t, write(t, f.site).files[IndexPath])
	if byID(doc, "impact-title") != nil || byID(doc, "credentials") != nil {
		t.Error("figures or credentials shown for a portfolio without them")
	}
}

// TestEntries checks each entry shows its kind's fields with the PDF's labels, in the PDF's
// order: both take them from present.Details.
func TestEntries(t *testing.T) {
	f := newFixture(t)
	doc := parse(t, write(t, f.site).files[IndexPath])
	for i, e := range f.site.Portfolio.Entries {
		art := byID(doc, fmt.Sprintf("entry-%d", i+1))
		if art == nil || art.Data != "article" {
			t.Fatalf("entry %d is not an article", i+1)
		}
		if got := text(all(art, tag("h3"))[0]); got != present.OneLine(e.Title) {
			t.Errorf("entry %d title %q", i+1, got)
		}
		if got := text(all(art, func(n *html.Node) bool { return hasClass(n, "eyebrow") })[0]); got != present.KindLabel(e.Kind) {
			t.Errorf("entry %d kind %q", i+1, got)
		}
		var wantDT, wantH4 []string
		for _, b := range present.Details(e.Entry) {
			if b.Kind == present.Field {
				wantDT = append(wantDT, b.Label)
			} else {
				wantH4 = append(wantH4, b.Label)
			}
		}
		if len(present.Reflection(e.Reflection)) > 0 {
			wantH4 = append(wantH4, present.ReflectionTitle)
		}
		if len(e.Alignments) > 0 {
			wantH4 = append(wantH4, present.AlignmentsTitle)
		}
		if len(e.Artifacts) > 0 {
			wantH4 = append(wantH4, present.EvidenceTitle)
		}
		if got := texts(all(art, tag("dt"))); !slices.Equal(got, wantDT) {
			t.Errorf("entry %d fields %q, want %q", i+1, got, wantDT)
		}
		if got := texts(all(art, tag("h4"))); !slices.Equal(got, wantH4) {
			t.Errorf("entry %d headings %q, want %q", i+1, got, wantH4)
		}
		for _, r := range present.Reflection(e.Reflection) {
			if !strings.Contains(text(art), r.Prompt) {
				t.Errorf("entry %d lacks the prompt %q", i+1, r.Prompt)
			}
		}
	}

	pilot := byID(doc, "entry-1")
	for _, want := range []string{"9 Sep 2024 – 24 Jan 2025 · Pilot completed · Tags: feedback, science",
		"Khanmigo, Copilot (district tenant)", "112 students in 5 classes",
		"Student data was involved; approval was obtained.", "Reviewed by the privacy officer.",
		"The quiet students used the feedback most."} {
		if !strings.Contains(text(pilot), want) {
			t.Errorf("the pilot lacks %q", want)
		}
	}
	outcomes := all(pilot, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "outcomes") })
	if len(outcomes) != 1 {
		t.Fatal("the pilot has no outcomes table")
	}
	if got := texts(all(outcomes[0], func(n *html.Node) bool { s, _ := attr(n, "scope"); return n.Data == "th" && s == "col" })); !slices.Equal(got, present.OutcomeColumns[:]) {
		t.Errorf("outcome columns %q", got)
	}
	if got := rows(outcomes[0]); !slices.Equal(got, []string{"Metric | Baseline | Result",
		"Days from submission to feedback | 14 | 1", "Reports revised at least once | 22% | 81%"}) {
		t.Errorf("outcome rows %q", got)
	}
	al := all(pilot, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "alignments") })[0]
	for _, want := range []string{"2.1 AI-assisted feedback Strength: Deepen", "UNESCO AI Competency Framework for Teachers",
		"The pilot redesigned feedback and measured its effect.", "2.2.a Shape a shared vision", "Exemplary", "ISTE Standards for Educators"} {
		if !strings.Contains(text(al), want) {
			t.Errorf("the alignments lack %q: %s", want, text(al))
		}
	}

	pd := byID(doc, "entry-3")
	for _, want := range []string{"Workshop", "11", "1.5", "4.6 out of 5", "Slides and a rubric template."} {
		if !strings.Contains(text(pd), want) {
			t.Errorf("the PD entry lacks %q", want)
		}
	}
	redesign := byID(doc, "entry-2")
	for _, want := range []string{"Original: The 2023 take-home essay prompt", "Redesign: The 2024 in-class writing studio"} {
		if !strings.Contains(text(redesign), want) {
			t.Errorf("the redesign lacks the caption %q", want)
		}
	}
}

func TestArtifacts(t *testing.T) {
	f := newFixture(t)
	out := write(t, f.site)
	doc := parse(t, out.files[IndexPath])
	p := f.site.Portfolio

	// Images: a thumbnail with the caption (or the file name) as alt text, linked to the original.
	for _, tc := range []struct{ name, alt string }{
		{"exit-ticket-results.jpg", "Exit-ticket scores before and after the pilot"},
		{"classroom.jpg", "classroom.jpg"},
		{"essay-prompt-2023.jpg", "The 2023 take-home essay prompt"},
	} {
		a := artifactByName(t, p, tc.name)
		src := ThumbDir + a.SHA256 + ".jpg"
		imgs := all(doc, func(n *html.Node) bool { s, _ := attr(n, "src"); return n.Data == "img" && s == src })
		if len(imgs) != 1 {
			t.Fatalf("%s: %d thumbnails", tc.name, len(imgs))
		}
		if alt, _ := attr(imgs[0], "alt"); alt != tc.alt {
			t.Errorf("%s: alt %q, want %q", tc.name, alt, tc.alt)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(out.files[src]))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if w, _ := attr(imgs[0], "width"); w != fmt.Sprint(cfg.Width) {
			t.Errorf("%s: width %s, thumbnail %d", tc.name, w, cfg.Width)
		}
		if h, _ := attr(imgs[0], "height"); h != fmt.Sprint(cfg.Height) {
			t.Errorf("%s: height %s, thumbnail %d", tc.name, h, cfg.Height)
		}
		parent := imgs[0].Parent
		if href, _ := attr(parent, "href"); parent.Data != "a" || href != encodePath(a.Path) {
			t.Errorf("%s: the thumbnail links to %q, want %q", tc.name, href, encodePath(a.Path))
		}
	}

	// The image without a thumbnail and the other files: listed with name, type, size and hash.
	items := all(doc, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "item") })
	item := func(name string) *html.Node {
		for _, li := range items {
			if strings.Contains(text(li), name) {
				return li
			}
		}
		t.Fatalf("%q is not listed", name)
		return nil
	}
	for _, name := range []string{"consent-scan.tiff", notesName, "Réflexion des élèves.pdf", "letter.pdf"} {
		a := artifactByName(t, p, name)
		li := item(name)
		for _, want := range []string{name, present.FileSummary(a.Artifact), "SHA-256 " + a.SHA256} {
			if !strings.Contains(text(li), want) {
				t.Errorf("%s: the listing lacks %q: %s", name, want, text(li))
			}
		}
		if a.Caption != "" && !strings.Contains(text(li), a.Caption) {
			t.Errorf("%s: the listing lacks its caption", name)
		}
		if len(links(li, encodePath(a.Path))) != 1 {
			t.Errorf("%s: not linked to %s", name, encodePath(a.Path))
		}
	}
	if !strings.Contains(text(item("consent-scan.tiff")), "TIFF image") {
		t.Error("the TIFF without a thumbnail is not listed as a TIFF image")
	}

	// The file named "notes #1 (draft)%.txt" is linked with every special character encoded.
	notes := artifactByName(t, p, notesName)
	href := "artifacts/" + path.Base(path.Dir(notes.Path)) + "/notes%20%231%20%28draft%29%25.txt"
	if len(links(doc, href)) != 2 { // in its entry and in the appendix
		t.Errorf("%q is not linked as %s", notesName, href)
	}
	if u, err := url.Parse(href); err != nil || u.Path != notes.Path || u.Fragment != "" || u.RawQuery != "" {
		t.Errorf("%s does not resolve to %s: %+v %v", href, notes.Path, u, err)
	}
	french := artifactByName(t, p, "Réflexion des élèves.pdf")
	if !strings.Contains(french.Path, "Réflexion-des-élèves.pdf") {
		t.Fatalf("unexpected path %s", french.Path)
	}
	if enc := encodePath(french.Path); !strings.HasSuffix(enc, "/R%C3%A9flexion-des-%C3%A9l%C3%A8ves.pdf") || len(links(doc, enc)) != 2 {
		t.Errorf("the accented file name is not linked percent-encoded: %s", enc)
	}

	// Links: the address as a link that sends no referrer and gives the page no opener.
	board := links(doc, boardURL)
	if len(board) != 2 {
		t.Fatalf("the board link appears %d times", len(board))
	}
	for _, a := range board {
		if rel, _ := attr(a, "rel"); rel != "noopener noreferrer" {
			t.Errorf("rel = %q", rel)
		}
	}
	if !strings.Contains(text(item("Pilot summary for the school board")), "Presented in February") {
		t.Error("the link's caption is missing")
	}
	// An address that is not http(s) is shown, never linked.
	if !strings.Contains(text(item("Suspicious link")), badURL) {
		t.Error("the unsafe address is not shown as text")
	}
	for _, a := range all(doc, tag("a")) {
		if h, _ := attr(a, "href"); strings.Contains(strings.ToLower(h), "javascript") || strings.Contains(h, "ZgotmplZ") {
			t.Errorf("a link to %q", h)
		}
	}
	// A path leading out of the package is not linked.
	if li := item("outside.txt"); len(all(li, tag("a"))) != 0 || !strings.Contains(text(li), "Not included in this package.") {
		t.Errorf("the stray file: %s", text(li))
	}

	// The appendix indexes every artifact, files with their hash.
	appendix := byID(doc, "appendix")
	for _, e := range p.Entries {
		for _, a := range e.Artifacts {
			name, want := a.FileName, a.SHA256
			if a.Type == portfolio.ArtifactLink {
				name, want = a.LinkTitle, a.URL
			}
			row := all(appendix, func(n *html.Node) bool { return n.Data == "tr" && strings.Contains(text(n), name) })
			if len(row) != 1 || !strings.Contains(text(row[0]), want) {
				t.Errorf("the appendix row of %q lacks %q", name, want)
			}
		}
	}
}

func TestCoverage(t *testing.T) {
	f := newFixture(t)
	doc := parse(t, write(t, f.site).files[IndexPath])
	cov := byID(doc, "coverage-1")
	if got := text(all(cov, tag("h3"))[0]); got != "UNESCO AI Competency Framework for Teachers" {
		t.Errorf("framework title %q", got)
	}
	for _, want := range []string{"UNESCO · 2024 · CC BY-SA 3.0 IGO", "2 of 4 competencies have evidence", present.GapNote} {
		if !strings.Contains(text(cov), want) {
			t.Errorf("the coverage lacks %q", want)
		}
	}
	if len(links(cov, f.site.Coverage[0].Framework.SourceURL)) != 1 {
		t.Error("the framework's source is not linked")
	}
	table := all(cov, tag("table"))[0]
	cols := all(table, func(n *html.Node) bool { s, _ := attr(n, "scope"); return n.Data == "th" && s == "col" })
	if got := texts(cols); !slices.Equal(got, present.CoverageColumns[:]) {
		t.Errorf("columns %q", got)
	}
	got := rows(table)
	want := []string{
		"Code | Competency | Entries | Strongest | Self-assessment",
		"1 Human-centred mindset",
		"1.1 | Human agency | –none | Gap | Ready for review",
		"1.2 | Inclusion and equity | –none | Gap | –not given",
		"2 AI pedagogy",
		"2.1 | AI-assisted feedback Shown by AI feedback on lab reports in Grade 8 science | 1 | Deepen | Met",
		"2.2 | Assessment integrity Shown by From take-home essay to in-class writing studio | 1 | Create | In progress",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
	gaps := all(table, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "gap") })
	if len(gaps) != 2 {
		t.Errorf("%d gap rows", len(gaps))
	}
	if len(links(table, "#entry-1")) != 1 || len(links(table, "#entry-2")) != 1 {
		t.Error("the competencies do not link the entries that show them")
	}
	if m := all(cov, tag("meter")); len(m) != 1 {
		t.Error("no meter")
	} else if v, _ := attr(m[0], "value"); v != "2" {
		t.Errorf("meter value %s", v)
	}
	iste := byID(doc, "coverage-2")
	if !strings.Contains(text(iste), "1 of 2 competencies have evidence") {
		t.Errorf("the summary is not computed when missing: %s", text(iste))
	}
}

func TestEscaping(t *testing.T) {
	f := newFixture(t)
	page := write(t, f.site).files[IndexPath]
	if bytes.Contains(bytes.ToLower(page), []byte("<script")) {
		t.Fatal("the page contains <script")
	}
	doc := parse(t, page)
	if got := text(all(byID(doc, "entry-4"), tag("h3"))[0]); got != evilTitle {
		t.Errorf("the title reads %q", got)
	}
	if !bytes.Contains(page, []byte(educator)) {
		t.Error("the name is not written as UTF-8")
	}
}

func TestEncodePath(t *testing.T) {
	for in, want := range map[string]string{
		"artifacts/a-1/notes #1 (draft)%.txt": "artifacts/a-1/notes%20%231%20%28draft%29%25.txt",
		"artifacts/x/what?.pdf":               "artifacts/x/what%3F.pdf",
		"artifacts/Réunion/李明.png":            "artifacts/R%C3%A9union/%E6%9D%8E%E6%98%8E.png",
		"a:b/c":                               "a%3Ab/c",
		"portfolio.pdf":                       "portfolio.pdf",
	} {
		if got := encodePath(in); got != want {
			t.Errorf("encodePath(%q) = %q, want %q", in, got, want)
		}
		if u, err := url.Parse(encodePath(in)); err != nil || u.Path != in || u.Scheme != "" {
			t.Errorf("%q does not parse back: %+v %v", in, u, err)
		}
	}
	for _, bad := range []string{"", "../x", "/etc/passwd", "a/../../b", `a\b`, "a//b", "./a"} {
		if _, ok := fileHref(bad); ok {
			t.Errorf("fileHref(%q) links", bad)
		}
	}
	for raw, ok := range map[string]bool{"https://example.org/x": true, "HTTP://example.org": true, "javascript:alert(1)": false,
		"file:///etc/passwd": false, "//example.org/x": false, "example.org": false, "mailto:a@b.org": false} {
		if _, got := externalHref(raw); got != ok {
			t.Errorf("externalHref(%q) = %v", raw, got)
		}
	}
}

func TestDeterministic(t *testing.T) {
	f := newFixture(t)
	first := write(t, f.site)
	for sha, n := range f.calls {
		if n != 1 {
			t.Errorf("Thumbnail(%s) was called %d times", sha[:8], n)
		}
	}
	second := write(t, newFixture(t).site)
	if !slices.Equal(first.paths, second.paths) {
		t.Fatalf("paths differ: %q, then %q", first.paths, second.paths)
	}
	for _, p := range first.paths {
		if !bytes.Equal(first.files[p], second.files[p]) {
			t.Errorf("%s differs between runs", p)
		}
	}
	if first.paths[0] != IndexPath || first.paths[1] != StylePath || !slices.IsSorted(first.paths[2:]) {
		t.Errorf("paths in an unexpected order: %q", first.paths)
	}
	if n := len(first.paths) - 2; n != 4 {
		t.Errorf("%d thumbnails, want 4", n)
	}
}

// TestMinimal writes a portfolio with nothing in it: no entries, no coverage, no thumbnails,
// no PDF.
func TestMinimal(t *testing.T) {
	out := write(t, Site{Portfolio: exchange.Portfolio{Profile: exchange.Profile{Name: "A"}}})
	if !slices.Equal(out.paths, []string{IndexPath, StylePath}) {
		t.Errorf("paths %q", out.paths)
	}
	doc := parse(t, out.files[IndexPath])
	if byID(doc, "coverage") != nil || byID(doc, "evidence") != nil {
		t.Error("empty sections are shown")
	}
	if !strings.Contains(text(byID(doc, "appendix")), present.NoArtifacts) {
		t.Error("the empty appendix says nothing")
	}
	if !strings.Contains(text(doc), present.NoEvidence) {
		t.Error("the header does not say there is no evidence")
	}
	checkPage(t, out, nil)
}
