package pdfrender

import (
	"strconv"

	"github.com/readyfolio/readyfolio/backend/present"
)

// tocItem is a line of the contents. Items that start on the same page share
// an anchor: "Evidence" and its first entry.
type tocItem struct {
	anchor    string
	level     int    // 0 a section, 1 a framework or an entry
	label     string // the entry's kind, printed small before the title
	title     string
	highlight bool
}

func coverageAnchor(i int) string { return "coverage/" + strconv.Itoa(i) }
func entryAnchor(i int) string    { return "entry/" + strconv.Itoa(i) }

const (
	anchorProfile     = "profile"
	anchorCredentials = "credentials"
	anchorAppendix    = "appendix"
)

func contents(doc Document) []tocItem {
	items := []tocItem{{anchor: anchorProfile, title: present.ProfileTitle}}
	if len(doc.Credentials) > 0 {
		items = append(items, tocItem{anchor: anchorCredentials, title: present.CredentialsTitle})
	}
	if len(doc.Coverage) > 0 {
		items = append(items, tocItem{anchor: coverageAnchor(0), title: present.CoverageTitle})
		for i, c := range doc.Coverage {
			items = append(items, tocItem{anchor: coverageAnchor(i), level: 1, title: c.Framework.Title})
		}
	}
	if len(doc.Entries) > 0 {
		items = append(items, tocItem{anchor: entryAnchor(0), title: present.EvidenceTitle})
		for i, e := range doc.Entries {
			items = append(items, tocItem{anchor: entryAnchor(i), level: 1, label: present.KindShort(e.Entry.Kind),
				title: e.Entry.Title, highlight: e.Highlight})
		}
	}
	return append(items, tocItem{anchor: anchorAppendix, title: present.AppendixContents})
}

// contents prints the table of contents. Its layout does not depend on the page numbers (they
// sit in a column of their own), so the first pass, which does not know them yet, fills the
// same pages as the second.
func (r *renderer) contents() {
	r.sectionTitle("", "", "Contents")
	const numW, labelW, indent = 12.0, 28.0, 6.0
	g := r.geo
	right := g.left + g.textW()
	for i, item := range r.toc {
		style, x := stH3, g.left
		if item.level == 0 && i > 0 {
			r.gap(5)
		}
		if item.level == 1 {
			style, x = stBody, g.left+indent
			if item.highlight {
				style = stBold
			}
		}
		titleX := x
		if item.label != "" {
			titleX = x + labelW
		}
		titleW := right - numW - 6 - titleX
		lines := r.wrap(style, oneLine(item.title), titleW)
		h := float64(len(lines)) * style.leading
		r.ensure(h)
		y := r.y()
		if item.label != "" {
			r.linesAt(stSmall, []string{item.label}, x, y+0.4, labelW, "L")
		}
		r.linesAt(style, lines, titleX, y, titleW, "L")
		last := y + h - style.leading
		r.use(style)
		r.leader(titleX+r.pdf.GetStringWidth(lines[len(lines)-1])+2, right-numW-1, last+style.leading*0.68)
		if r.final {
			r.linesAt(style, []string{strconv.Itoa(r.pages[item.anchor])}, right-numW, last, numW, "R")
			r.pdf.Link(x, y, right-x, h, r.links[item.anchor])
		}
		r.pdf.SetXY(g.left, y+h+1.4)
	}
	for _, item := range r.toc {
		if item.highlight {
			r.gap(6)
			r.paragraph(stSmall, "Evidence in bold is highlighted by the educator.")
			break
		}
	}
}

// leader draws the dotted line that leads the eye from a title to its page number.
func (r *renderer) leader(x0, x1, y float64) {
	if x1-x0 < 4 {
		return
	}
	r.draw(hairline)
	r.pdf.SetLineWidth(0.35)
	r.pdf.SetLineCapStyle("round")
	r.pdf.SetDashPattern([]float64{0, 1.3}, 0)
	r.pdf.Line(x0, y, x1, y)
	r.pdf.SetDashPattern(nil, 0)
	r.pdf.SetLineCapStyle("butt")
}
