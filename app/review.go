package app

import (
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
	"github.com/readyfolio/readyfolio/backend/submission"
)

// ReviewedPortfolio is a verified package's portfolio.json as the reviewer's read-only view
// shows it: labelled and cleaned by backend/present, so it reads as the PDF and the offline
// viewer do.
type ReviewedPortfolio struct {
	PortfolioID string          `json:"portfolioId"`
	GeneratedAt time.Time       `json:"generatedAt"`
	Generator   string          `json:"generator"` // "ReadyFolio 1.2.0"
	Name        string          `json:"name"`
	Profile     []DetailBlock   `json:"profile"` // name, role, school, district, email: those given
	Bio         string          `json:"bio"`
	PDFPath     string          `json:"pdfPath"` // the signed PDF, for OpenOriginal
	Entries     []ReviewedEntry `json:"entries"`
}

// DetailBlock is one part of what an entry's kind says about it (present.Block).
type DetailBlock struct {
	Kind     string              `json:"kind"` // "field" (short, beside its label), "narrative" or "outcomes"
	Label    string              `json:"label"`
	Text     string              `json:"text"` // line breaks kept
	Outcomes []portfolio.Outcome `json:"outcomes"`
}

// ReviewedEntry is one piece of evidence.
type ReviewedEntry struct {
	ID         string                       `json:"id"`
	Kind       portfolio.Kind               `json:"kind"`
	KindLabel  string                       `json:"kindLabel"`
	Title      string                       `json:"title"`
	Meta       []string                     `json:"meta"` // dates, pilot status, "Draft", tags
	Details    []DetailBlock                `json:"details"`
	Reflection []portfolio.ReflectionAnswer `json:"reflection"` // answered prompts only
	Alignments []ReviewedAlignment          `json:"alignments"`
	Artifacts  []ReviewedArtifact           `json:"artifacts"`
}

// ReviewedAlignment is a competency the entry shows.
type ReviewedAlignment struct {
	Framework  string `json:"framework"`
	Code       string `json:"code"`
	Competency string `json:"competency"`
	Strength   string `json:"strength"` // "Deepen", "" when unrated
	Rationale  string `json:"rationale"`
}

// ReviewedArtifact is an attached file or link.
type ReviewedArtifact struct {
	Type    portfolio.ArtifactType `json:"type"`
	Role    portfolio.ArtifactRole `json:"role"`
	Name    string                 `json:"name"`    // file name, or the link's title or address
	Detail  string                 `json:"detail"`  // "PDF document · 3.2 KB"; "Link"
	Caption string                 `json:"caption"` // "Original: …" / "Redesign: …" for a lesson redesign's files
	SHA256  string                 `json:"sha256"`
	URL     string                 `json:"url"`  // a link's address
	Path    string                 `json:"path"` // a file's place under the package's data/, for OpenOriginal
}

const untitledEntry = "Untitled entry"

func review(doc exchange.Portfolio) ReviewedPortfolio {
	out := ReviewedPortfolio{
		PortfolioID: doc.PortfolioID, GeneratedAt: doc.GeneratedAt, Generator: present.OneLine(doc.Generator),
		Name: present.OneLine(doc.Profile.Name), Bio: text(doc.Profile.Bio), PDFPath: submission.PDFName,
		Profile: blocks(present.ProfileFields(portfolio.Profile{Name: doc.Profile.Name, Role: doc.Profile.Role,
			School: doc.Profile.School, District: doc.Profile.District, Email: doc.Profile.Email})),
		Entries: []ReviewedEntry{},
	}
	for _, e := range doc.Entries {
		out.Entries = append(out.Entries, reviewEntry(e))
	}
	return out
}

func reviewEntry(e exchange.Entry) ReviewedEntry {
	r := ReviewedEntry{
		ID: e.ID, Kind: e.Kind, KindLabel: present.KindLabel(e.Kind), Title: present.OneLine(e.Title),
		Meta: orEmpty(present.Meta(e.Entry)), Details: blocks(present.Details(e.Entry)),
		Reflection: []portfolio.ReflectionAnswer{}, Alignments: []ReviewedAlignment{}, Artifacts: []ReviewedArtifact{},
	}
	if r.Title == "" {
		r.Title = untitledEntry
	}
	for _, a := range present.Reflection(e.Reflection) {
		r.Reflection = append(r.Reflection, portfolio.ReflectionAnswer{Prompt: present.OneLine(a.Prompt), Text: text(a.Text)})
	}
	for _, a := range e.Alignments {
		r.Alignments = append(r.Alignments, ReviewedAlignment{
			Framework: present.OneLine(a.FrameworkTitle), Code: present.OneLine(a.Code), Competency: present.OneLine(a.Competency),
			Strength: present.Capitalize(present.OneLine(a.Strength)), Rationale: text(a.Rationale),
		})
	}
	for _, a := range e.Artifacts {
		r.Artifacts = append(r.Artifacts, reviewArtifact(a))
	}
	return r
}

func reviewArtifact(a exchange.Artifact) ReviewedArtifact {
	r := ReviewedArtifact{Type: a.Type, Role: a.Role}
	if a.Type == portfolio.ArtifactLink {
		r.Name, r.Detail, r.URL = present.LinkTitle(a.Artifact), "Link", present.OneLine(a.URL)
		r.Caption = present.OneLine(a.Caption)
		return r
	}
	r.Name, r.Detail = present.OneLine(a.FileName), present.FileSummary(a.Artifact)
	r.SHA256, r.Path = present.OneLine(a.SHA256), a.Path
	if r.Name == "" {
		r.Name = "Unnamed file"
	}
	if a.Caption != "" || a.Role != portfolio.RoleAttachment {
		r.Caption = present.OneLine(present.CaptionText(a.Artifact))
	}
	return r
}

func blocks(list []present.Block) []DetailBlock {
	out := []DetailBlock{}
	for _, b := range list {
		d := DetailBlock{Label: b.Label, Text: text(b.Text), Outcomes: []portfolio.Outcome{}}
		switch b.Kind {
		case present.Field:
			d.Kind, d.Text = "field", present.OneLine(b.Text)
		case present.Narrative:
			d.Kind = "narrative"
		case present.Outcomes:
			d.Kind = "outcomes"
			for _, o := range b.Outcomes {
				d.Outcomes = append(d.Outcomes, portfolio.Outcome{Metric: present.OneLine(o.Metric),
					Baseline: present.OneLine(o.Baseline), Result: present.OneLine(o.Result)})
			}
		}
		out = append(out, d)
	}
	return out
}

// text is user prose ready to show: cleaned, line breaks kept, ends trimmed.
func text(s string) string { return strings.TrimSpace(present.Clean(s)) }

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}
