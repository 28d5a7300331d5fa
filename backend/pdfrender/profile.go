package pdfrender

import (
	"fmt"
	"strings"
)

// profile prints who the educator is and what this document is.
func (r *renderer) profile() {
	p := r.doc.Profile
	r.sectionTitle(anchorProfile, "", "Profile")
	r.field("Name", oneLine(p.Name))
	r.field("Role", oneLine(p.Role))
	r.field("School", oneLine(p.School))
	r.field("District", oneLine(p.District))
	r.field("Email", oneLine(p.Email))
	if strings.TrimSpace(p.Bio) != "" {
		r.heading(stH2, "About me", 8, 12)
		r.pdf.SetY(r.y() + 1.5)
		r.paragraph(stBody, p.Bio)
	}
	r.heading(stH2, "About this portfolio", 8, 12)
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
	fmt.Fprintf(&b, "This %s portfolio brings together %s of AI leadership", kind, plural(len(doc.Entries), "piece of evidence", "pieces of evidence"))
	if len(doc.Entries) > 0 {
		fmt.Fprintf(&b, ": %s", strings.ReplaceAll(evidenceCounts(doc.Entries), " · ", ", "))
	}
	b.WriteString(".")
	if len(doc.Coverage) > 0 {
		titles := make([]string, len(doc.Coverage))
		for i, c := range doc.Coverage {
			titles[i] = oneLine(c.Framework.Title)
		}
		fmt.Fprintf(&b, " The evidence is aligned to %s; the coverage pages show which competencies it demonstrates and where there are gaps.", joinAnd(titles))
	}
	if doc.Preset == PresetCertification && len(doc.Attachments) > 0 {
		b.WriteString(" The original files and the portfolio's data (portfolio.json) are embedded in this PDF; the appendix lists them with their SHA-256 fingerprints.")
	}
	fmt.Fprintf(&b, " Prepared with %s on %s.", strings.TrimSpace("ReadyFolio "+doc.AppVersion), longDate(doc.GeneratedAt))
	return b.String()
}

// joinAnd is "A", "A and B", "A, B and C".
func joinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
