package pdfrender

import (
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// appendix indexes every artifact by entry, then the credentials' files, with the SHA-256
// that lets anyone check a copy, and says which files are embedded.
func (r *renderer) appendix() {
	r.sectionTitle(anchorAppendix, present.AppendixEyebrow, present.AppendixTitle)
	r.paragraph(stBody, present.ArtifactsIntroText)
	listed := map[string]bool{}
	for _, e := range r.doc.Entries {
		en := e.Entry
		if len(en.Artifacts) == 0 {
			continue
		}
		blocks := make([]stack, len(en.Artifacts))
		urls := make([]string, len(en.Artifacts))
		for i, a := range en.Artifacts {
			if a.Type == portfolio.ArtifactLink {
				blocks[i], urls[i] = r.linkStack(a, false), oneLine(a.URL)
				continue
			}
			blocks[i] = r.fileStack(a, false)
			listed[strings.ToLower(a.SHA256)] = true
		}
		r.indexGroup(present.KindLabel(en.Kind), en.Title, blocks, urls)
	}
	creds, files := credentialFiles(r.doc.Credentials)
	for i, c := range creds {
		r.indexGroup(present.CredentialKindLabel(c.Kind), c.Name, []stack{r.fileStack(files[i], false)}, []string{""})
		listed[strings.ToLower(files[i].SHA256)] = true
	}
	if len(listed) == 0 && !r.anyLinks() {
		r.gap(5)
		r.paragraph(stBody, present.NoArtifacts)
	}
	r.embedded(listed)
}

// indexGroup prints the files and links of an entry or a credential under its kind and name,
// which stay with the first of them.
func (r *renderer) indexGroup(kind, title string, blocks []stack, urls []string) {
	r.gap(7)
	r.heading(stSmall, kind, 0, stH3.leading+2.5+blocks[0].height())
	r.heading(stH3, title, 0, 2.5+blocks[0].height())
	for i, b := range blocks {
		r.gap(2.5)
		r.drawStack(b, urls[i])
	}
}

func (r *renderer) anyLinks() bool {
	for _, e := range r.doc.Entries {
		for _, a := range e.Entry.Artifacts {
			if a.Type == portfolio.ArtifactLink {
				return true
			}
		}
	}
	return false
}

// embedded explains the attachments of the certification preset and lists those that are not
// artifacts (portfolio.json).
func (r *renderer) embedded(listed map[string]bool) {
	if r.doc.Preset != PresetCertification || len(r.doc.Attachments) == 0 {
		return
	}
	r.heading(stH2, "Embedded files", 10, 3*stBody.leading)
	r.pdf.SetY(r.y() + 1.5)
	r.paragraph(stBody, embeddedText(r.doc))
	for _, a := range r.doc.Attachments {
		if listed[strings.ToLower(a.SHA256)] {
			continue
		}
		r.gap(3)
		r.drawStack(r.fileStack(portfolio.Artifact{FileName: a.Name, MediaType: a.MediaType, Size: a.Size, SHA256: a.SHA256, Caption: a.Description}, true), "")
	}
}

// embeddedText says where the originals are: in this PDF, partly, or beside it.
func embeddedText(doc Document) string {
	const panel = " Open the attachments panel of your PDF reader (the paperclip in Adobe Acrobat Reader) to save "
	count := present.Plural(len(doc.Attachments), "file", "files")
	switch {
	case doc.OriginalsBeside:
		folders := "(data/artifacts)"
		if _, files := credentialFiles(doc.Credentials); len(files) > 0 {
			folders = "(data/artifacts, and data/credentials for the credentials' files)"
		}
		return "The original of every file listed above travels beside this PDF in the submission package " +
			folders + ", where its SHA-256 can be checked. portfolio.json, the portfolio's data, is embedded " +
			"in this PDF as an attachment." + panel + "it."
	case doc.LeftOut > 0:
		return "The originals of the files listed above and portfolio.json, the portfolio's data, are embedded in this " +
			"PDF as attachments (" + count + "), except " + present.Plural(doc.LeftOut, "file", "files") +
			" left out for their size; those are listed with the SHA-256 that identifies them." + panel + "them."
	}
	return "The original of every file listed above and portfolio.json, the portfolio's data, are embedded in this PDF " +
		"as attachments (" + count + ")." + panel + "them."
}

// signature prints who signs the document, which certificate and when. The signature itself
// is invisible, added after rendering; this block is how a reader of the paper copy learns
// of it, and it is the last thing in the document, on the last page.
func (r *renderer) signature() {
	s := r.doc.Signer
	if oneLine(s.Name) == "" {
		return
	}
	signed := s.SignedAt
	if signed.IsZero() {
		signed = r.doc.GeneratedAt
	}
	const bar, pad = 1.2, 6.0
	x, w := r.geo.left+bar+pad, r.geo.textW()-bar-pad
	fingerprint := stMono
	fingerprint.size, fingerprint.color = 8.5, ink
	words, flowH := r.layoutFlow([]run{
		{stBody, "Digitally signed by "},
		{stBold, s.Name},
		{stBody, " · certificate SHA-256 "},
		{fingerprint, s.Fingerprint},
		{stBody, " · " + present.LongDate(signed)},
	}, w)
	note := r.wrap(stSmall, "The signature is embedded in this PDF. Your PDF reader's signature panel shows "+
		"whether the document has changed since it was signed.", w)
	h := 1 + stEyebrow.leading + 1 + flowH + 1.5 + float64(len(note))*stSmall.leading + 1
	r.gap(12)
	r.ensure(h)
	y := r.y()
	r.linesAt(stEyebrow, []string{"DIGITAL SIGNATURE"}, x, y+1, w, "L")
	r.drawFlow(words, x, y+1+stEyebrow.leading+1)
	r.linesAt(stSmall, note, x, y+h-1-float64(len(note))*stSmall.leading, w, "L")
	r.fill(accent)
	r.pdf.Rect(r.geo.left, y, bar, h, "F")
	r.pdf.SetXY(r.geo.left, y+h)
}
