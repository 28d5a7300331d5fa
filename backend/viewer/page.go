package viewer

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// page is everything index.html shows, worded and linked; the template only lays it out.
type page struct {
	Style            template.URL
	Title, Generator string
	Tagline, Name    string
	Role             string
	Place            []string // school, district
	Prepared         string   // "Prepared 12 March 2025"
	InThisPortfolio  string
	Counts           string
	ImpactTitle      string
	Figures          []present.Figure // the impact at a glance, as portfolio.json words it
	CredentialsTitle string
	CredentialsIntro string
	Credentials      []credentialView
	PDF              template.URL
	PDFName          string
	Contents         []tocItem
	Profile          profileView
	CoverageTitle    string
	GapNote          string
	Coverage         []coverageView
	EvidenceTitle    string
	Entries          []entryView
	AppendixTitle    string
	ArtifactsIntro   string
	Appendix         []appendixGroup
	NoArtifacts      string
}

// credentialView is a credential with its details and its file, linked.
type credentialView struct {
	ID, Name string
	Fields   []fieldView
	File     *itemView
}

type tocItem struct {
	Href     template.URL
	Label    string // the entry's kind, short
	Title    string
	Children []tocItem
}

type fieldView struct {
	Label, Value string
	Href         string // mailto: for an email address
}

type profileView struct {
	Title          string
	Fields         []fieldView
	AboutMe        string
	Bio            []string // paragraphs
	AboutPortfolio string
	About          string
}

type coverageView struct {
	ID, Title    string
	Source       string
	SourceURL    string
	SourceHref   string // "" when SourceURL is not a web address
	Summary      string
	With, Leaves int
	Columns      [5]string
	Groups       []coverageGroup
}

// coverageGroup is a competency that groups others (a UNESCO dimension) and its leaves; the
// competencies before the first group have no title.
type coverageGroup struct {
	Title string
	Rows  []coverageRow
}

type coverageRow struct {
	Code, Title string
	Cells       present.CoverageCells
	NoStatus    bool // no self-assessment given
	Shown       []entryRef
}

type entryRef struct {
	Href  template.URL // "" when the entry is not in this portfolio
	Title string
}

type entryView struct {
	ID, Kind, Title, Meta string
	Blocks                []blockView
	ReflectionTitle       string
	Reflection            []answerView
	AlignmentsTitle       string
	Alignments            []alignmentView
	EvidenceTitle         string
	Items                 []itemView
	Figures               []figureView
}

// blockView is a run of short fields (a definition list), a narrative or the outcomes table.
type blockView struct {
	Fields   []fieldView
	Heading  string
	Paras    []string
	Columns  [3]string
	Outcomes []portfolio.Outcome
	Summary  string
	Scores   []scoreView
}

type scoreView struct {
	Criterion, Score string
	Notes            []string
	Answers          []fieldView
}

type answerView struct {
	Prompt string
	Paras  []string
}

type alignmentView struct {
	Code, Competency, Strength, Framework string
	Rationale                             []string
}

// itemView is a file or a link, listed with its details.
type itemView struct {
	Link    bool
	Href    template.URL // the file in the package, or the link's address; "" for none
	Name    string       // file name or link title
	URL     string       // a link's address as given
	Detail  string       // "PDF document · 3.2 KB"
	Caption string
	SHA256  string
	Note    string // why a file has no link
}

type figureView struct {
	Href          template.URL // the original; "" when it is not in the package
	Src           template.URL
	Alt, Caption  string
	Width, Height int
	Detail        string // "classroom.jpg · JPEG image · 120 KB"
}

type appendixGroup struct {
	Kind, Title string
	Href        template.URL
	Items       []itemView
}

func anchor(id string) template.URL { return template.URL("#" + id) }

// untitled stands for an entry's title when it has none.
const untitled = "Untitled entry"

func entryTitle(e exchange.Entry) string {
	if t := present.OneLine(e.Title); t != "" {
		return t
	}
	return untitled
}

func entryID(i int) string    { return "entry-" + strconv.Itoa(i+1) }
func coverageID(i int) string { return "coverage-" + strconv.Itoa(i+1) }

// paragraphs splits user text at blank lines; single line breaks stay inside a paragraph (the
// stylesheet keeps them).
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(present.Clean(text)), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (b *builder) page() page {
	pf := b.site.Portfolio
	prof := pf.Profile
	name := present.OneLine(prof.Name)
	p := page{
		Style:            template.URL(StylePath),
		Title:            "Portfolio of " + name,
		Generator:        present.OneLine(pf.Generator),
		Tagline:          present.Tagline,
		Name:             name,
		Role:             present.OneLine(prof.Role),
		Place:            present.NonEmpty([]string{prof.School, prof.District}),
		InThisPortfolio:  present.InThisPortfolio,
		Counts:           present.EvidenceCounts(b.kinds()),
		CoverageTitle:    present.CoverageTitle,
		GapNote:          present.GapNote,
		EvidenceTitle:    present.EvidenceTitle,
		AppendixTitle:    present.AppendixContents,
		ArtifactsIntro:   present.ArtifactsIntroText,
		NoArtifacts:      present.NoArtifacts,
		ImpactTitle:      present.ImpactTitle,
		CredentialsTitle: present.CredentialsTitle,
		CredentialsIntro: present.CredentialsIntro,
	}
	if pf.Impact != nil {
		for _, f := range pf.Impact.Shown {
			if v := present.OneLine(f.Value); v != "" {
				p.Figures = append(p.Figures, present.Figure{Value: v, Label: present.OneLine(f.Label)})
			}
		}
	}
	if name == "" {
		p.Title = "Portfolio"
	}
	if !pf.GeneratedAt.IsZero() {
		p.Prepared = "Prepared " + present.LongDate(pf.GeneratedAt)
	}
	if href, ok := fileHref(b.site.PDFName); ok {
		p.PDF, p.PDFName = href, b.site.PDFName
	}
	p.Profile = b.profile()
	for i, c := range pf.Credentials {
		p.Credentials = append(p.Credentials, b.credential(i, c))
	}
	for i, c := range b.site.Coverage {
		p.Coverage = append(p.Coverage, b.coverage(i, c))
	}
	for i, e := range pf.Entries {
		p.Entries = append(p.Entries, b.entry(i, e))
	}
	p.Appendix = b.appendix()
	p.Contents = b.contents(p)
	return p
}

func (b *builder) kinds() []portfolio.Kind {
	kinds := make([]portfolio.Kind, len(b.site.Portfolio.Entries))
	for i, e := range b.site.Portfolio.Entries {
		kinds[i] = e.Kind
	}
	return kinds
}

func (b *builder) contents(p page) []tocItem {
	items := []tocItem{{Href: anchor("profile"), Title: present.ProfileTitle}}
	if len(p.Credentials) > 0 {
		items = append(items, tocItem{Href: anchor("credentials"), Title: present.CredentialsTitle})
	}
	if len(p.Coverage) > 0 {
		cov := tocItem{Href: anchor("coverage"), Title: present.CoverageTitle}
		for _, c := range p.Coverage {
			cov.Children = append(cov.Children, tocItem{Href: anchor(c.ID), Title: c.Title})
		}
		items = append(items, cov)
	}
	if len(p.Entries) > 0 {
		ev := tocItem{Href: anchor("evidence"), Title: present.EvidenceTitle}
		for i, e := range b.site.Portfolio.Entries {
			ev.Children = append(ev.Children, tocItem{Href: anchor(p.Entries[i].ID), Label: present.KindShort(e.Kind),
				Title: entryTitle(e)})
		}
		items = append(items, ev)
	}
	return append(items, tocItem{Href: anchor("appendix"), Title: present.AppendixContents})
}

func (b *builder) profile() profileView {
	pf := b.site.Portfolio
	pr := pf.Profile
	v := profileView{Title: present.ProfileTitle, AboutMe: present.AboutMe, Bio: paragraphs(pr.Bio),
		AboutPortfolio: present.AboutPortfolio, About: b.aboutText()}
	fields := present.ProfileFields(portfolio.Profile{Name: pr.Name, Role: pr.Role, School: pr.School,
		District: pr.District, Email: pr.Email})
	for _, f := range fields {
		fv := fieldView{Label: f.Label, Value: present.OneLine(f.Text)}
		if f.Label == "Email" {
			fv.Href, _ = mailtoHref(fv.Value)
		}
		v.Fields = append(v.Fields, fv)
	}
	return v
}

// aboutText says what the page is, as the PDF's profile does, and where the files are.
func (b *builder) aboutText() string {
	pf := b.site.Portfolio
	var s strings.Builder
	fmt.Fprintf(&s, "This portfolio brings together %s of AI leadership",
		present.Plural(len(pf.Entries), "piece of evidence", "pieces of evidence"))
	if len(pf.Entries) > 0 {
		fmt.Fprintf(&s, ": %s", strings.ReplaceAll(present.EvidenceCounts(b.kinds()), " · ", ", "))
	}
	s.WriteString(".")
	if len(b.site.Coverage) > 0 {
		titles := make([]string, len(b.site.Coverage))
		for i, c := range b.site.Coverage {
			titles[i] = present.OneLine(c.Framework.Title)
		}
		fmt.Fprintf(&s, " The evidence is aligned to %s; the coverage tables show which competencies it demonstrates and where there are gaps.", present.JoinAnd(titles))
	}
	s.WriteString(" Each entry links to its original files, which travel with this page in the artifacts folder; " +
		"the appendix lists every file with its SHA-256 fingerprint.")
	if _, ok := fileHref(b.site.PDFName); ok {
		fmt.Fprintf(&s, " The same portfolio is %s, the PDF beside this page.", b.site.PDFName)
	}
	gen := present.OneLine(pf.Generator)
	if gen == "" {
		gen = "ReadyFolio"
	}
	if pf.GeneratedAt.IsZero() {
		fmt.Fprintf(&s, " Prepared with %s.", gen)
	} else {
		fmt.Fprintf(&s, " Prepared with %s on %s.", gen, present.LongDate(pf.GeneratedAt))
	}
	return s.String()
}

func (b *builder) coverage(i int, c portfolio.Coverage) coverageView {
	f := c.Framework
	v := coverageView{ID: coverageID(i), Title: present.OneLine(f.Title), Source: strings.Join(present.FrameworkSource(f), " · "),
		SourceURL: present.OneLine(f.SourceURL), Summary: present.CoverageSummary(c), With: min(c.WithEvidence, c.LeafCount),
		Leaves: c.LeafCount, Columns: present.CoverageColumns}
	v.SourceHref, _ = externalHref(v.SourceURL)
	group := -1
	for _, row := range c.Rows {
		comp := row.Competency
		if comp.RetiredAt != nil {
			continue // retired by a later version of the framework: not part of its coverage
		}
		if !comp.Leaf {
			v.Groups = append(v.Groups, coverageGroup{Title: strings.TrimSpace(present.OneLine(comp.Code) + " " + present.OneLine(comp.Title))})
			group = len(v.Groups) - 1
			continue
		}
		if group < 0 {
			v.Groups = append(v.Groups, coverageGroup{})
			group = 0
		}
		r := coverageRow{Code: present.OneLine(comp.Code), Title: present.OneLine(comp.Title), Cells: present.CoverageRow(row),
			NoStatus: row.Status == ""}
		for _, ev := range row.Evidence {
			ref := entryRef{Title: present.OneLine(ev.Title)}
			if j, ok := b.entryOf[ev.EntryID]; ok {
				ref.Href = anchor(entryID(j))
				if ref.Title == "" {
					ref.Title = entryTitle(b.site.Portfolio.Entries[j])
				}
			}
			if ref.Title != "" {
				r.Shown = append(r.Shown, ref)
			}
		}
		v.Groups[group].Rows = append(v.Groups[group].Rows, r)
	}
	return v
}

func (b *builder) entry(i int, e exchange.Entry) entryView {
	v := entryView{ID: entryID(i), Kind: present.KindLabel(e.Kind), Title: entryTitle(e),
		Meta:            strings.Join(present.Meta(e.Entry), " · "),
		ReflectionTitle: present.ReflectionTitle, AlignmentsTitle: present.AlignmentsTitle, EvidenceTitle: present.EvidenceTitle}
	for _, blk := range present.Details(e.Entry) {
		switch blk.Kind {
		case present.Field:
			f := fieldView{Label: blk.Label, Value: strings.TrimSpace(present.Clean(blk.Text))}
			if n := len(v.Blocks); n > 0 && v.Blocks[n-1].Fields != nil {
				v.Blocks[n-1].Fields = append(v.Blocks[n-1].Fields, f)
			} else {
				v.Blocks = append(v.Blocks, blockView{Fields: []fieldView{f}})
			}
		case present.Narrative:
			v.Blocks = append(v.Blocks, blockView{Heading: blk.Label, Paras: paragraphs(blk.Text)})
		case present.Outcomes:
			rows := make([]portfolio.Outcome, len(blk.Outcomes))
			for j, o := range blk.Outcomes {
				rows[j] = portfolio.Outcome{Metric: present.OneLine(o.Metric), Baseline: present.OneLine(o.Baseline), Result: present.OneLine(o.Result)}
			}
			v.Blocks = append(v.Blocks, blockView{Heading: blk.Label, Columns: present.OutcomeColumns, Outcomes: rows})
		case present.Scores:
			block := blockView{Heading: blk.Label, Columns: present.ScoreColumns, Summary: blk.Text}
			for _, row := range blk.Scores {
				sv := scoreView{Criterion: row.Criterion, Score: row.Score, Notes: paragraphs(row.Notes)}
				for _, a := range row.Answers {
					sv.Answers = append(sv.Answers, fieldView{Label: a[0], Value: strings.TrimSpace(present.Clean(a[1]))})
				}
				block.Scores = append(block.Scores, sv)
			}
			v.Blocks = append(v.Blocks, block)
		}
	}
	for _, a := range present.Reflection(e.Reflection) {
		v.Reflection = append(v.Reflection, answerView{Prompt: present.OneLine(a.Prompt), Paras: paragraphs(a.Text)})
	}
	for _, a := range e.Alignments {
		v.Alignments = append(v.Alignments, alignmentView{Code: present.OneLine(a.Code), Competency: present.OneLine(a.Competency),
			Strength: present.Capitalize(present.OneLine(a.Strength)), Framework: present.OneLine(a.FrameworkTitle),
			Rationale: paragraphs(a.Rationale)})
	}
	for _, a := range e.Artifacts {
		if fig, ok := b.figure(a); ok {
			v.Figures = append(v.Figures, fig)
			continue
		}
		v.Items = append(v.Items, b.item(a, true))
	}
	return v
}

// figure is an image shown as its thumbnail, linked to the original; ok is false when there
// is no thumbnail to show.
func (b *builder) figure(a exchange.Artifact) (figureView, bool) {
	if a.Type != portfolio.ArtifactFile || !a.IsImage() {
		return figureView{}, false
	}
	t := b.thumbnail(a.SHA256)
	if t == nil {
		return figureView{}, false
	}
	alt := present.OneLine(a.Caption)
	if alt == "" {
		alt = present.OneLine(a.FileName)
	}
	fig := figureView{Src: template.URL(thumbPath(strings.ToLower(strings.TrimSpace(a.SHA256)))), Alt: alt,
		Caption: present.OneLine(present.CaptionText(a.Artifact)), Width: t.width, Height: t.height,
		Detail: present.OneLine(a.FileName) + " · " + present.FileSummary(a.Artifact)}
	fig.Href, _ = fileHref(a.Path)
	return fig, true
}

// item is a file or a link as a list shows it; caption only on entry pages, as in the PDF.
func (b *builder) item(a exchange.Artifact, caption bool) itemView {
	var v itemView
	if caption {
		v.Caption = present.OneLine(a.Caption)
	}
	if a.Type == portfolio.ArtifactLink {
		v.Link, v.Name, v.URL, v.Detail = true, present.LinkTitle(a.Artifact), present.OneLine(a.URL), "Link"
		if href, ok := externalHref(v.URL); ok {
			v.Href = template.URL(href)
		}
		return v
	}
	v.Name, v.Detail, v.SHA256 = present.OneLine(a.FileName), present.FileSummary(a.Artifact), present.OneLine(a.SHA256)
	if v.Name == "" {
		v.Name = "Unnamed file"
	}
	var ok bool
	if v.Href, ok = fileHref(a.Path); !ok {
		v.Note = "Not included in this package."
	}
	return v
}

func (b *builder) appendix() []appendixGroup {
	var out []appendixGroup
	for i, e := range b.site.Portfolio.Entries {
		if len(e.Artifacts) == 0 {
			continue
		}
		g := appendixGroup{Kind: present.KindLabel(e.Kind), Title: entryTitle(e), Href: anchor(entryID(i))}
		for _, a := range e.Artifacts {
			g.Items = append(g.Items, b.item(a, false))
		}
		out = append(out, g)
	}
	// The credentials' files are indexed with the artifacts, as in the PDF.
	for i, c := range b.site.Portfolio.Credentials {
		if v := b.credentialFile(c); v != nil {
			out = append(out, appendixGroup{Kind: present.CredentialKindLabel(c.Kind), Title: credentialName(c),
				Href: anchor(credentialID(i)), Items: []itemView{*v}})
		}
	}
	return out
}

func credentialID(i int) string { return "credential-" + strconv.Itoa(i+1) }

func credentialName(c exchange.Credential) string {
	if n := present.OneLine(c.Name); n != "" {
		return n
	}
	return "Unnamed credential"
}

// credential is a credential's details, its verification address linked when it is a web
// address, and its file linked beside the page.
func (b *builder) credential(i int, c exchange.Credential) credentialView {
	v := credentialView{ID: credentialID(i), Name: credentialName(c), File: b.credentialFile(c)}
	for _, f := range present.CredentialFields(c.Credential, present.Day(b.site.Portfolio.GeneratedAt)) {
		fv := fieldView{Label: f.Label, Value: present.OneLine(f.Text)}
		if f.Label == present.VerificationLabel {
			fv.Href, _ = externalHref(fv.Value)
		}
		v.Fields = append(v.Fields, fv)
	}
	return v
}

// credentialFile is a credential's file as the lists show one; nil when it has none.
func (b *builder) credentialFile(c exchange.Credential) *itemView {
	a, ok := present.CredentialFile(c.Credential)
	if !ok {
		return nil
	}
	v := b.item(exchange.Artifact{Artifact: a, Path: c.Path}, false)
	return &v
}
