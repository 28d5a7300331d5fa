package pdfrender

import (
	"fmt"
	"strings"

	"github.com/readyfolio/readyfolio/backend/present"
)

// profile prints who the educator is and what this document is.
func (r *renderer) profile() {
	p := r.doc.Profile
	r.sectionTitle(anchorProfile, "", present.ProfileTitle)
	for _, f := range present.ProfileFields(p) {
		r.field(f.Label, oneLine(f.Text))
	}
	if strings.TrimSpace(p.Bio) != "" {
		r.heading(stH2, present.AboutMe, 8, 12)
		r.pdf.SetY(r.y() + 1.5)
		r.paragraph(stBody, p.Bio)
	}
	r.heading(stH2, present.AboutPortfolio, 8, 12)
	r.pdf.SetY(r.y() + 1.5)
	r.paragraph(stBody, r.aboutText())
}

func (r *renderer) aboutText() string {
	doc := r.doc
	var b strings.Builder
	kind := "certification"
	if doc.Preset == PresetInterview {
		kind = "interview"
	}
	fmt.Fprintf(&b, "This %s portfolio brings together %s of AI leadership", kind, present.Plural(len(doc.Entries), "piece of evidence", "pieces of evidence"))
	if len(doc.Entries) > 0 {
		fmt.Fprintf(&b, ": %s", strings.ReplaceAll(evidenceCounts(doc.Entries), " · ", ", "))
	}
	b.WriteString(".")
	if len(doc.Coverage) > 0 {
		titles := make([]string, len(doc.Coverage))
		for i, c := range doc.Coverage {
			titles[i] = oneLine(c.Framework.Title)
		}
		fmt.Fprintf(&b, " The evidence is aligned to %s; the coverage pages show which competencies it demonstrates and where there are gaps.", present.JoinAnd(titles))
	}
	switch {
	case doc.Preset != PresetCertification || len(doc.Attachments) == 0:
	case doc.OriginalsBeside:
		b.WriteString(" The original files travel beside this PDF in the submission package and the portfolio's data (portfolio.json) is embedded in it; the appendix lists every file with its SHA-256 fingerprint.")
	default:
		b.WriteString(" The original files and the portfolio's data (portfolio.json) are embedded in this PDF; the appendix lists them with their SHA-256 fingerprints.")
	}
	fmt.Fprintf(&b, " Prepared with %s on %s.", strings.TrimSpace("ReadyFolio "+doc.AppVersion), present.LongDate(doc.GeneratedAt))
	return b.String()
}
