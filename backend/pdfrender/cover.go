package pdfrender

import (
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

var (
	stCoverName   = textStyle{sans, "B", 30, 12.5, ink}
	stCoverRole   = textStyle{sans, "", 14, 7, ink}
	stCoverPlace  = textStyle{sans, "", 11.5, 5.8, muted}
	stCoverCounts = textStyle{sans, "", 12, 6.2, ink}
	stFigureValue = textStyle{sans, "B", 24, 10, accent}
	stFigureLabel = textStyle{sans, "", 9, 4.5, muted}
)

// cover prints the first page: who, what and when, without a footer. The preset is named
// once, small, at the foot of the page.
func (r *renderer) cover() {
	r.newPage()
	g, p := r.geo, r.doc.Profile
	const photoS, photoGap = 42.0, 10.0
	top := g.top + 38
	textW := g.textW()
	hasPhoto := r.doc.PhotoSHA256 != "" && r.prepare(r.doc.PhotoSHA256, photoSide).err == nil
	if hasPhoto {
		textW -= photoS + photoGap
		// The frame, 1.8 mm outside the photo, lines up with the margin and the accent rule.
		r.photo(g.left+g.textW()-photoS-1.8, top+1.8, photoS)
	} else if r.doc.PhotoSHA256 != "" && r.final {
		r.report.Warnings = append(r.report.Warnings,
			"The profile photo could not be shown: "+r.prepare(r.doc.PhotoSHA256, photoSide).err.Error())
	}

	r.fill(accent)
	r.pdf.Rect(g.left, top, 16, 1.4, "F")
	r.pdf.SetXY(g.left, top+5)
	r.eyebrow(present.Tagline)
	r.pdf.SetY(r.y() + 3)
	r.coverLines(stCoverName, p.Name, textW)
	r.pdf.SetY(r.y() + 2)
	r.coverLines(stCoverRole, p.Role, textW)
	r.pdf.SetY(r.y() + 1)
	r.coverLines(stCoverPlace, p.School, textW)
	r.coverLines(stCoverPlace, p.District, textW)

	y := max(r.y(), top+photoS) + 22
	r.pdf.SetXY(g.left, y)
	r.rule(7)
	r.eyebrow(present.InThisPortfolio)
	r.pdf.SetY(r.y() + 1.5)
	r.coverLines(stCoverCounts, evidenceCounts(r.doc.Entries), g.textW())
	r.impact()

	r.pdf.SetXY(g.left, g.limit()-10)
	r.rule(3)
	r.use(stSmall)
	r.pdf.CellFormat(g.textW()/2, 5, presetName(r.doc.Preset), "", 0, "L", false, 0, "")
	r.pdf.CellFormat(g.textW()/2, 5, "Prepared "+present.LongDate(r.doc.GeneratedAt), "", 0, "R", false, 0, "")
}

func (r *renderer) coverLines(s textStyle, text string, w float64) {
	text = oneLine(text)
	if text == "" {
		return
	}
	lines := r.wrap(s, text, w)
	r.linesAt(s, lines, r.geo.left, r.y(), w, "L")
	r.pdf.SetXY(r.geo.left, r.y()+float64(len(lines))*s.leading)
}

// photo prints the profile photo cropped to a square (the middle of it) in a thin frame.
func (r *renderer) photo(x, y, side float64) {
	p := r.prepare(r.doc.PhotoSHA256, photoSide)
	pw, ph := float64(p.prepared.Width), float64(p.prepared.Height)
	w, h := side, side
	if pw > ph {
		w = side * pw / ph
	} else {
		h = side * ph / pw
	}
	r.pdf.ClipRect(x, y, side, side, false)
	err := r.place(r.doc.PhotoSHA256, photoSide, p, x-(w-side)/2, y-(h-side)/2, w, h)
	r.pdf.ClipEnd()
	if err != nil {
		r.fill(wash)
		r.pdf.Rect(x, y, side, side, "F")
	}
	r.draw(hairline)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Rect(x-1.8, y-1.8, side+3.6, side+3.6, "D")
}

// evidenceCounts is "3 AI pilots · 3 redesigns · 2 PD sessions led · 2 other artifacts".
func evidenceCounts(entries []Entry) string {
	kinds := make([]portfolio.Kind, len(entries))
	for i, e := range entries {
		kinds[i] = e.Entry.Kind
	}
	return present.EvidenceCounts(kinds)
}

// impact prints the optional figures as a row of large numbers over their labels, four to a
// row.
func (r *renderer) impact() {
	var figs []Figure
	for _, f := range r.doc.Impact {
		if oneLine(f.Value) != "" {
			figs = append(figs, f)
		}
	}
	if len(figs) == 0 {
		return
	}
	const perRow = 4
	g := r.geo
	colW := g.textW() / perRow
	r.pdf.SetY(r.y() + 12)
	for start := 0; start < len(figs); start += perRow {
		row := figs[start:min(start+perRow, len(figs))]
		y, rowH := r.y(), 0.0
		for i, f := range row {
			x := g.left + float64(i)*colW
			value := r.wrap(stFigureValue, oneLine(f.Value), colW-6)
			label := r.wrap(stFigureLabel, oneLine(f.Label), colW-6)
			r.linesAt(stFigureValue, value, x, y, colW-6, "L")
			ly := y + float64(len(value))*stFigureValue.leading + 0.5
			r.linesAt(stFigureLabel, label, x, ly, colW-6, "L")
			rowH = max(rowH, ly-y+float64(len(label))*stFigureLabel.leading)
		}
		r.pdf.SetXY(g.left, y+rowH+8)
	}
}
