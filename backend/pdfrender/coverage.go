package pdfrender

import (
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// coverage prints one framework's coverage: which competencies have evidence, how strong the
// strongest is, and the educator's self-assessment. A competency without evidence says "Gap"
// in words, so the table reads the same in black and white.
func (r *renderer) coverage(i int, c portfolio.Coverage) {
	f := c.Framework
	r.sectionTitle(coverageAnchor(i), present.CoverageTitle, f.Title)
	if source := present.FrameworkSource(f); len(source) > 0 {
		r.paragraph(stSmall, strings.Join(source, " · "))
	}
	if url := oneLine(f.SourceURL); url != "" {
		r.paragraph(stSmall, url)
	}
	r.pdf.SetY(r.y() + 4)
	r.summary(c)
	r.pdf.SetY(r.y() + 4)

	cols := present.CoverageColumns
	t := &table{r: r, columns: []column{
		{cols[0], 0.10, "L"},
		{cols[1], 0.44, "L"},
		{cols[2], 0.10, "C"},
		{cols[3], 0.16, "L"},
		{cols[4], 0.20, "L"},
	}}
	keep := 2 * (stCell.leading + 2*cellPadY) // a group row keeps its first competency
	t.start(keep)
	for _, row := range c.Rows {
		comp := row.Competency
		if comp.RetiredAt != nil {
			continue // retired by a later version of the framework: not part of its coverage
		}
		if !comp.Leaf {
			title := strings.TrimSpace(oneLine(comp.Code) + "  " + oneLine(comp.Title))
			t.group(cell{title, stCellB}, keep)
			continue
		}
		cells := present.CoverageRow(row)
		strongest := cell{cells.Strongest, stCell}
		if cells.Gap {
			strongest.style = stCellB
		}
		t.row([]cell{
			{comp.Code, stCell},
			{comp.Title, stCell},
			{cells.Entries, stCell},
			strongest,
			{cells.Status, stCell},
		}, 0)
	}
}

// summary prints "9 of 15 competencies have evidence" over a bar that shows the same share.
func (r *renderer) summary(c portfolio.Coverage) {
	text := oneLine(present.CoverageSummary(c))
	r.use(stBold)
	r.pdf.SetX(r.geo.left)
	r.pdf.CellFormat(r.geo.textW(), stBold.leading, text, "", 2, "L", false, 0, "")
	const barW, barH = 70.0, 2.2
	y := r.y() + 1.5
	r.fill(wash)
	r.pdf.Rect(r.geo.left, y, barW, barH, "F")
	if c.LeafCount > 0 {
		r.fill(accent)
		r.pdf.Rect(r.geo.left, y, barW*float64(min(c.WithEvidence, c.LeafCount))/float64(c.LeafCount), barH, "F")
	}
	r.pdf.SetXY(r.geo.left, y+barH+3)
	r.paragraph(stSmall, present.GapNote)
}
