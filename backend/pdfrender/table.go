package pdfrender

import "strings"

const cellPadX, cellPadY = 1.6, 1.6

var rowRule = rgb{229, 231, 235}

// column is a table column: its header, its share of the text width and its alignment.
type column struct {
	title string
	share float64
	align string // "L", "C" or "R"
}

// cell is a table cell: text wrapped to its column in a style.
type cell struct {
	text  string
	style textStyle
}

// table prints rows of wrapped cells. A row is never split across pages; after a page break
// the header row is printed again.
type table struct {
	r       *renderer
	columns []column
}

func (t *table) width(i int) float64 { return t.columns[i].share * t.r.geo.textW() }

// start prints the header row on a page with room for it and keep millimetres more.
func (t *table) start(keep float64) {
	t.r.ensure(t.height(t.headerCells()) + keep)
	t.head()
}

func (t *table) headerCells() []cell {
	cells := make([]cell, len(t.columns))
	for i, c := range t.columns {
		cells[i] = cell{text: strings.ToUpper(c.title), style: stLabel}
	}
	return cells
}

func (t *table) head() { t.draw(t.headerCells(), false, hairline) }

// row prints a row of cells, one per column. keep is room to leave below it for what must
// stay on the same page (the first row under a group row).
func (t *table) row(cells []cell, keep float64) {
	t.breakBefore(cells, keep)
	t.draw(cells, false, rowRule)
}

// group prints one cell across every column on a washed background.
func (t *table) group(c cell, keep float64) {
	t.breakBefore([]cell{c}, keep)
	t.draw([]cell{c}, true, rowRule)
}

func (t *table) breakBefore(cells []cell, keep float64) {
	h := t.height(cells) + keep
	if h > t.r.pageSpace() {
		h = 3*stCell.leading + 2*cellPadY // a row taller than a page starts where three lines fit
	}
	if t.r.y()+h > t.r.geo.limit() {
		t.r.newPage()
		t.head()
	}
}

// layout wraps each cell in its column; a single cell spans the whole table.
func (t *table) layout(cells []cell) (widths []float64, lines [][]string, h float64) {
	for i, c := range cells {
		w := t.r.geo.textW()
		if len(cells) > 1 {
			w = t.width(i)
		}
		l := t.r.wrap(c.style, clean(c.text), w-2*cellPadX)
		widths, lines = append(widths, w), append(lines, l)
		h = max(h, float64(len(l))*c.style.leading)
	}
	return widths, lines, h + 2*cellPadY
}

func (t *table) height(cells []cell) float64 {
	_, _, h := t.layout(cells)
	return h
}

// draw prints a row at the cursor. breakBefore has moved a row that does not fit to a new
// page, so a row that still does not fit is taller than a page: it is split between lines,
// with the header repeated.
func (t *table) draw(cells []cell, filled bool, under rgb) {
	r := t.r
	widths, lines, h := t.layout(cells)
	leading := 0.0
	for _, c := range cells {
		leading = max(leading, c.style.leading)
	}
	for r.y()+h > r.geo.limit() {
		fit := max(1, int((r.geo.limit()-r.y()-2*cellPadY)/leading))
		part := make([][]string, len(lines))
		for i, l := range lines {
			n := min(fit, len(l))
			part[i], lines[i] = l[:n], l[n:]
		}
		t.drawLines(cells, widths, part, filled, under)
		r.newPage()
		t.head()
		h = 0
		for i, l := range lines {
			h = max(h, float64(len(l))*cells[i].style.leading)
		}
		h += 2 * cellPadY
	}
	t.drawLines(cells, widths, lines, filled, under)
}

func (t *table) drawLines(cells []cell, widths []float64, lines [][]string, filled bool, under rgb) {
	r := t.r
	h := 0.0
	for i, l := range lines {
		h = max(h, float64(len(l))*cells[i].style.leading)
	}
	h += 2 * cellPadY
	x, y := r.geo.left, r.y()
	if filled {
		r.fill(wash)
		r.pdf.Rect(x, y, r.geo.textW(), h, "F")
	}
	for i, c := range cells {
		align := "L"
		if len(cells) > 1 {
			align = t.columns[i].align
		}
		r.linesAt(c.style, lines[i], x+cellPadX, y+cellPadY, widths[i]-2*cellPadX, align)
		x += widths[i]
	}
	r.draw(under)
	r.pdf.SetLineWidth(0.25)
	r.pdf.Line(r.geo.left, y+h, r.geo.left+r.geo.textW(), y+h)
	r.pdf.SetXY(r.geo.left, y+h)
}
