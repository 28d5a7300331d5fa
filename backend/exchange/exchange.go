// Package exchange is portfolio.json: the machine-readable form of a portfolio that travels
// inside the signed PDF and the submission package, and that an import reads back. The format
// is versioned; a reader refuses a newer major version instead of guessing.
package exchange

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// Format and Version identify the file. Version changes when a field changes meaning or is
// removed, or when a value appears that a reader of the previous version would refuse; added
// optional fields keep it. Version 2 added the kinds tool_evaluation and policy_guidance (a
// version-1 reader refuses an unknown kind, so it now says "newer version" instead), the
// credentials and the structured impact figures. Readers read every version from 1 up.
const (
	Format  = "readyfolio.portfolio"
	Version = 2
)

// Portfolio is the whole file.
type Portfolio struct {
	Format      string         `json:"format"`
	Version     int            `json:"version"`
	GeneratedAt time.Time      `json:"generatedAt"`
	Generator   string         `json:"generator"` // "ReadyFolio <version>"
	PortfolioID string         `json:"portfolioId"`
	Profile     Profile        `json:"profile"`
	Entries     []Entry        `json:"entries"`
	Frameworks  []FrameworkRef `json:"frameworks"`
	Credentials []Credential   `json:"credentials"`      // empty in files of version 1
	Impact      *Impact        `json:"impact,omitempty"` // nil in files of version 1
}

// Credential is a certification, micro-credential or badge the educator holds; Path is where
// its file travels, like an artifact's ("credentials/<credential id>/<file name>"), empty when
// the credential has no file.
type Credential struct {
	portfolio.Credential
	Path string `json:"path,omitempty"`
}

// Impact is the impact at a glance over the exported entries and the credentials: the figures
// as numbers, for a reader's system, and Shown, the figures as every rendering words them (the
// PDF's first page, the package's page), so that a reader sees the same words.
type Impact struct {
	impact.Figures
	Shown []present.Figure `json:"shown"`
}

// Profile is the educator, without the app's internal blob reference for the photo.
type Profile struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	School   string `json:"school"`
	District string `json:"district"`
	Email    string `json:"email"`
	Bio      string `json:"bio"`
}

// Entry is one piece of evidence with everything the educator wrote.
type Entry struct {
	portfolio.Entry
	Artifacts  []Artifact  `json:"artifacts"` // shadows Entry.Artifacts: adds where each file travels
	Alignments []Alignment `json:"alignments"`
	Evidence   OBEvidence  `json:"openBadgesEvidence"`
}

// Artifact is an attached file or link; Path is where the file is found next to this JSON
// (inside the package) or its name among the PDF's attachments.
type Artifact struct {
	portfolio.Artifact
	Path string `json:"path,omitempty"`
}

// Alignment cites the framework and competency an entry shows, with identifiers a reviewer's
// system can resolve.
type Alignment struct {
	FrameworkID    string `json:"frameworkId"`
	FrameworkTitle string `json:"frameworkTitle"`
	Code           string `json:"code"`
	Competency     string `json:"competency"`
	CompetencyID   string `json:"competencyId"`
	CASEID         string `json:"caseId,omitempty"`
	CASEURI        string `json:"caseUri,omitempty"`
	Strength       string `json:"strength"`
	Rationale      string `json:"rationale"`
}

// FrameworkRef is a framework used by the alignments, cited by its official source, with what
// an import needs to recreate it in a portfolio that lacks it: its strength scale, licence,
// description and every competency. Those fields were added within version 1, so a reader
// finds them empty in files written before them.
type FrameworkRef struct {
	ID          string                    `json:"id"`
	Title       string                    `json:"title"`
	Publisher   string                    `json:"publisher"`
	Version     string                    `json:"version"`
	SourceURL   string                    `json:"sourceUrl"`
	Origin      portfolio.FrameworkOrigin `json:"origin"`
	CASEID      string                    `json:"caseId,omitempty"`
	CASEURI     string                    `json:"caseUri,omitempty"`
	Scale       portfolio.StrengthScale   `json:"scale,omitempty"` // what the alignments' strengths are measured on
	Licence     string                    `json:"licence,omitempty"`
	Description string                    `json:"description,omitempty"`
	// Competencies are all of the framework's competencies, retired ones included (with
	// RetiredAt), in the framework's depth-first order: parents before children, siblings in
	// order, retired ones after the live ones.
	Competencies []portfolio.Competency `json:"competencies,omitempty"`
}

// OBEvidence is the entry as an Open Badges 3.0 evidence object, so a badge issuer can cite it.
type OBEvidence struct {
	Type        []string `json:"type"` // ["Evidence"]
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Narrative   string   `json:"narrative"` // Markdown: the reflection
	Genre       string   `json:"genre"`
}

// Marshal encodes p as indented JSON with a trailing newline. HTML characters are not escaped,
// so text reads as typed.
func Marshal(p Portfolio) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
