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
	// A cover with many figures sets them smaller, so that the first page holds them all.
	stFigureValueCompact = textStyle{sans, "B", 16, 7, accent}
	stFigureLabelCompact = textStyle{sans, "", 8, 3.8, muted}
)

// The cover's vertical spacing: the room above the identity, between the identity and the
// counts, and above the figures, at most. A cover with many figures takes from these, in this
// order, so that it always stays one page.
const coverTop, coverBetween, coverBeforeFigures = 38.0, 22.0, 12.0

// cover prints the first page without a footer: who, what and when, and the impact at a
// glance. The certification preset introduces the educator first and ends with the figures; the
// interview preset leads with the figures, because a hiring panel skims the first page for
// what the candidate achieved, and the name is in the footer of every other page anyway. The
// preset is named once, small, at the foot of the page.
func (r *renderer) cover() {
	r.newPage()
	g := r.geo
	figs := r.figures()
	hasPhoto := r.doc.PhotoSHA256 != "" && r.prepare(r.doc.PhotoSHA256, photoSide).err == nil
	if !hasPhoto && r.doc.PhotoSHA256 != "" && r.final {
		r.report.Warnings = append(r.report.Warnings,
			"The profile photo could not be shown: "+r.prepare(r.doc.PhotoSHA256, photoSide).err.Error())
	}
	// What the page must hold, and how much of the default spacing is left for it. Figures
	// that do not fit at their size are set smaller; in the unlikely case that they still do
	// not fit, the last rows are left out and counted.
	foot := g.limit() - 10
	identityH, countsH := r.identityHeight(hasPhoto), r.countsHeight()
	const minSpacing = 4 + 8 + 6 + 12
	room := foot - g.top - identityH - countsH - 12
	r.compactFigures = r.impactHeight(figs) > room-minSpacing
	hidden := 0
	for len(figs) > 0 && r.impactHeight(figs) > room-minSpacing {
		cut := (len(figs)-1)/figuresPerRow*figuresPerRow - 1 // the last row goes, and one more for the note
		hidden += len(figs) - max(cut, 0)
		figs = figs[:max(cut, 0)]
	}
	impactH := r.impactHeight(figs)
	if hidden > 0 {
		impactH += figureRowGap + stSmall.leading
	}
	slack := room - impactH
	top := min(coverTop, max(slack/3, 4))
	slack -= top
	between := min(coverBetween, max(slack/2, 8))
	slack -= between
	beforeFigures := min(coverBeforeFigures, max(slack, 6))
	if len(figs) == 0 {
		beforeFigures = 0
	}

	if r.doc.Preset == PresetInterview && len(figs) > 0 {
		r.pdf.SetXY(g.left, g.top+min(top, 10))
		r.accentBar()
		r.impact(figs, hidden)
		r.pdf.SetY(r.y() + between + top - min(top, 10))
		r.identity(r.y(), hasPhoto)
		r.pdf.SetY(r.y() + beforeFigures)
		r.counts()
	} else {
		r.identity(g.top+top, hasPhoto)
		r.pdf.SetY(r.y() + between)
		r.counts()
		r.pdf.SetY(r.y() + beforeFigures)
		r.impact(figs, hidden)
	}

	r.pdf.SetXY(g.left, foot)
	r.rule(3)
	r.use(stSmall)
	r.pdf.CellFormat(g.textW()/2, 5, presetName(r.doc.Preset), "", 0, "L", false, 0, "")
	r.pdf.CellFormat(g.textW()/2, 5, "Prepared "+present.LongDate(r.doc.GeneratedAt), "", 0, "R", false, 0, "")
}

// accentBar is the short bar in the accent colour that opens the first block of the cover.
func (r *renderer) accentBar() {
	r.fill(accent)
	r.pdf.Rect(r.geo.left, r.y(), 16, 1.4, "F")
	r.pdf.SetXY(r.geo.left, r.y()+5)
}

const coverPhoto, coverPhotoGap = 42.0, 10.0

// identityWidth is the width of the name and the lines under it, beside the photo if any.
func (r *renderer) identityWidth(hasPhoto bool) float64 {
	if hasPhoto {
		return r.geo.textW() - coverPhoto - coverPhotoGap
	}
	return r.geo.textW()
}

// identity prints who the educator is from top: the accent bar, the tagline, name, role,
// school and district, and the photo beside them. The cursor ends below both.
func (r *renderer) identity(top float64, hasPhoto bool) {
	g, p := r.geo, r.doc.Profile
	textW := r.identityWidth(hasPhoto)
	if hasPhoto {
		// The frame, 1.8 mm outside the photo, lines up with the margin and the accent rule.
		r.photo(g.left+g.textW()-coverPhoto-1.8, top+1.8, coverPhoto)
	}
	r.pdf.SetXY(g.left, top)
	r.accentBar()
	r.eyebrow(present.Tagline)
	r.pdf.SetY(r.y() + 3)
	r.coverLines(stCoverName, p.Name, textW)
	r.pdf.SetY(r.y() + 2)
	r.coverLines(stCoverRole, p.Role, textW)
	r.pdf.SetY(r.y() + 1)
	r.coverLines(stCoverPlace, p.School, textW)
	r.coverLines(stCoverPlace, p.District, textW)
	if hasPhoto {
		r.pdf.SetY(max(r.y(), top+coverPhoto+3.6))
	}
}

// identityHeight is what identity takes, measured as it prints.
func (r *renderer) identityHeight(hasPhoto bool) float64 {
	p, w := r.doc.Profile, r.identityWidth(hasPhoto)
	h := 5 + stEyebrow.leading + 3 + r.linesHeight(stCoverName, p.Name, w) + 2 +
		r.linesHeight(stCoverRole, p.Role, w) + 1 + r.linesHeight(stCoverPlace, p.School, w) + r.linesHeight(stCoverPlace, p.District, w)
	if hasPhoto {
		h = max(h, coverPhoto+3.6)
	}
	return h
}

// linesHeight is the height coverLines takes for text.
func (r *renderer) linesHeight(s textStyle, text string, w float64) float64 {
	if text = oneLine(text); text == "" {
		return 0
	}
	return float64(len(r.wrap(s, text, w))) * s.leading
}

// counts prints what kinds of evidence the portfolio holds, under a rule.
func (r *renderer) counts() {
	r.pdf.SetX(r.geo.left)
	r.rule(7)
	r.eyebrow(present.InThisPortfolio)
	r.pdf.SetY(r.y() + 1.5)
	r.coverLines(stCoverCounts, evidenceCounts(r.doc.Entries), r.geo.textW())
}

func (r *renderer) countsHeight() float64 {
	return 7 + stEyebrow.leading + 1.5 + r.linesHeight(stCoverCounts, evidenceCounts(r.doc.Entries), r.geo.textW())
}

func (r *renderer) coverLines(s textStyle, text string, w float64) {
	text = oneLine(text)
	if text == "" {
		return
	}
	lines := r.wrap(s, text, w)
	y := r.y()
	r.linesAt(s, lines, r.geo.left, y, w, "L")
	r.pdf.SetXY(r.geo.left, y+float64(len(lines))*s.leading)
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

// figures are the impact figures that have a value to print.
func (r *renderer) figures() []present.Figure {
	var figs []present.Figure
	for _, f := range r.doc.Impact {
		if oneLine(f.Value) != "" {
			figs = append(figs, f)
		}
	}
	return figs
}

// figuresPerRow is how many figures share a row of the cover.
const figuresPerRow = 4

// figureWidth is the width of a figure's text: its column less the gutter.
func (r *renderer) figureWidth() float64 { return r.geo.textW()/figuresPerRow - 6 }

// figureStyles are the styles of a figure's value and label on this cover.
func (r *renderer) figureStyles() (value, label textStyle) {
	if r.compactFigures {
		return stFigureValueCompact, stFigureLabelCompact
	}
	return stFigureValue, stFigureLabel
}

// figureRowHeight is the height of a row of figures, its value over its label, without the
// space below it.
func (r *renderer) figureRowHeight(row []present.Figure) float64 {
	h := 0.0
	sv, sl := r.figureStyles()
	for _, f := range row {
		value := r.wrap(sv, oneLine(f.Value), r.figureWidth())
		label := r.wrap(sl, oneLine(f.Label), r.figureWidth())
		h = max(h, float64(len(value))*sv.leading+0.5+float64(len(label))*sl.leading)
	}
	return h
}

const figureRowGap = 7.0

// impactHeight is what impact takes for figs: the heading and the rows.
func (r *renderer) impactHeight(figs []present.Figure) float64 {
	if len(figs) == 0 {
		return 0
	}
	h := stEyebrow.leading + 3
	for start := 0; start < len(figs); start += figuresPerRow {
		h += r.figureRowHeight(figs[start:min(start+figuresPerRow, len(figs))]) + figureRowGap
	}
	return h - figureRowGap
}

// impact prints the figures under present.ImpactTitle as rows of large numbers over their
// labels, four to a row, and says how many more there are when hidden were left out.
func (r *renderer) impact(figs []present.Figure, hidden int) {
	if len(figs) == 0 && hidden == 0 {
		return
	}
	g := r.geo
	colW, w := g.textW()/figuresPerRow, r.figureWidth()
	sv, sl := r.figureStyles()
	r.eyebrow(present.ImpactTitle)
	r.pdf.SetY(r.y() + 3)
	for start := 0; start < len(figs); start += figuresPerRow {
		if start > 0 {
			r.pdf.SetY(r.y() + figureRowGap)
		}
		row := figs[start:min(start+figuresPerRow, len(figs))]
		y := r.y()
		for i, f := range row {
			x := g.left + float64(i)*colW
			value := r.wrap(sv, oneLine(f.Value), w)
			r.linesAt(sv, value, x, y, w, "L")
			r.linesAt(sl, r.wrap(sl, oneLine(f.Label), w), x, y+float64(len(value))*sv.leading+0.5, w, "L")
		}
		r.pdf.SetXY(g.left, y+r.figureRowHeight(row))
	}
	if hidden > 0 {
		r.pdf.SetY(r.y() + figureRowGap)
		r.linesAt(stSmall, []string{present.Plural(hidden, "more figure does", "more figures do") + " not fit on this page."}, g.left, r.y(), g.textW(), "L")
		r.pdf.SetXY(g.left, r.y()+stSmall.leading)
	}
}
