package pdfrender

import (
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// credentials lists the educator's certifications, micro-credentials and badges. The section
// follows the profile, before the coverage and the evidence: a hiring panel or a certifying
// body reads qualifications together with the person, as on a CV, and the list is short. Each
// credential keeps its details and its file together; the files are indexed with the artifacts
// in the appendix as well, where every fingerprint of the portfolio is.
func (r *renderer) credentials() {
	if len(r.doc.Credentials) == 0 {
		return
	}
	r.sectionTitle(anchorCredentials, "", present.CredentialsTitle)
	r.paragraph(stBody, present.CredentialsIntro)
	today := present.Day(r.doc.GeneratedAt)
	for _, c := range r.doc.Credentials {
		fields := present.CredentialFields(c, today)
		var files stack
		if a, ok := present.CredentialFile(c); ok {
			files = r.fileStack(a, false)
		}
		title := r.wrap(stH2, oneLine(c.Name), r.geo.textW())
		h := float64(len(title))*stH2.leading + 2
		for _, f := range fields {
			h += r.fieldHeight(f.Label, f.Text)
		}
		if files != nil {
			h += 1.5 + files.height()
		}
		r.gap(8)
		r.keep(h, float64(len(title))*stH2.leading+2+2*stBody.leading)
		r.heading(stH2, c.Name, 0, 0)
		r.pdf.SetY(r.y() + 2)
		for _, f := range fields {
			if f.Label == present.VerificationLabel {
				r.linkField(f.Label, f.Text)
				continue
			}
			r.field(f.Label, oneLine(f.Text))
		}
		if files != nil {
			r.gap(1.5)
			r.drawStack(files, "")
		}
	}
}

// credentialFiles are the credentials that have a file, with it as an artifact.
func credentialFiles(list []portfolio.Credential) ([]portfolio.Credential, []portfolio.Artifact) {
	var creds []portfolio.Credential
	var files []portfolio.Artifact
	for _, c := range list {
		if a, ok := present.CredentialFile(c); ok {
			creds, files = append(creds, c), append(files, a)
		}
	}
	return creds, files
}
