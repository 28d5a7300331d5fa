package pdfrender

import (
	"strings"
	"unicode/utf8"
)

// The page is laid out in millimetres, type in points. Only one colour carries meaning, the
// accent; the rest is ink on paper in three greys.
type rgb struct{ r, g, b int }

var (
	ink      = rgb{31, 41, 55}    // body text
	muted    = rgb{107, 114, 128} // labels, captions, meta lines
	hairline = rgb{209, 213, 219} // rules and frames
	wash     = rgb{243, 244, 246} // group rows, placeholders
	accent   = rgb{15, 118, 110}  // teal #0f766e
)

type textStyle struct {
	family, weight string
	size           float64 // points
	leading        float64 // millimetres from one line to the next
	color          rgb
}

var (
	stBody    = textStyle{sans, "", 10, 5.2, ink}
	stBold    = textStyle{sans, "B", 10, 5.2, ink}
	stSmall   = textStyle{sans, "", 8.5, 4.3, muted}
	stCell    = textStyle{sans, "", 9, 4.5, ink}
	stCellB   = textStyle{sans, "B", 9, 4.5, ink}
	stLabel   = textStyle{sans, "B", 8, 4.4, muted}
	stEyebrow = textStyle{sans, "B", 8.5, 4.6, accent}
	stCaption = textStyle{sans, "I", 8.5, 4.2, muted}
	stMono    = textStyle{mono, "", 7.5, 3.8, muted}
	stH1      = textStyle{sans, "B", 20, 9, ink}
	stH2      = textStyle{sans, "B", 13, 6.6, ink}
	stH3      = textStyle{sans, "B", 10, 5.2, ink}
)

type geometry struct {
	pageW, pageH             float64
	left, right, top, bottom float64
}

func (g geometry) textW() float64 { return g.pageW - g.left - g.right }

// limit is the lowest a line may end; the footer lives below it.
func (g geometry) limit() float64 { return g.pageH - g.bottom }

func (r *renderer) use(s textStyle) {
	r.pdf.SetFont(s.family, s.weight, s.size)
	r.pdf.SetTextColor(s.color.r, s.color.g, s.color.b)
}

func (r *renderer) fill(c rgb) { r.pdf.SetFillColor(c.r, c.g, c.b) }
func (r *renderer) draw(c rgb) { r.pdf.SetDrawColor(c.r, c.g, c.b) }

func (r *renderer) y() float64 { return r.pdf.GetY() }

func (r *renderer) atTop() bool { return r.y() <= r.geo.top+0.01 }

// newPage starts a page with the cursor at the top margin.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.pdf.SetXY(r.geo.left, r.geo.top)
}

// ensure starts a new page when less than h remains above the limit, so that a heading stays
// with what follows it and a table row, an image or a block is never cut.
func (r *renderer) ensure(h float64) {
	if r.y()+h > r.geo.limit() && !r.atTop() {
		r.newPage()
	}
}

// keep is ensure for a block of height h that should stay on one page: one taller than a page
// starts here all the same, when its first lines (first) fit.
func (r *renderer) keep(h, first float64) {
	if h > r.pageSpace() {
		h = first
	}
	r.ensure(h)
}

// gap moves down by h, except at the top of a page, where space would only look like a hole.
func (r *renderer) gap(h float64) {
	if r.atTop() {
		return
	}
	if r.y()+h > r.geo.limit() {
		r.newPage()
		return
	}
	r.pdf.SetY(r.y() + h)
}

// wrap breaks text into lines no wider than w in style s: at spaces where it can, inside a
// word only when the word alone is wider than a line (a URL, a hash, text without spaces).
// Line breaks in the text are kept; an empty string stands for a blank line. fpdf's own
// SplitText counts characters missing from the font as zero wide, so a line of them would run
// off the page; GetStringWidth counts them as wide as the box the reader draws.
func (r *renderer) wrap(s textStyle, text string, w float64) []string {
	r.use(s)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			candidate := word
			if line != "" {
				candidate = line + " " + word
			}
			if r.pdf.GetStringWidth(candidate) <= w {
				line = candidate
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			for r.pdf.GetStringWidth(word) > w {
				n := r.fitting(word, w)
				out = append(out, word[:n])
				word = word[n:]
			}
			line = word
		}
		out = append(out, line)
	}
	return out
}

// fitting returns how many bytes of word fit in w, at least one character's worth. It breaks
// after a separator (the colons of a fingerprint, the slashes of a URL) when one falls in the
// second half of what fits, so that the pieces stay readable.
func (r *renderer) fitting(word string, w float64) int {
	n, sep := 0, 0
	for i, c := range word {
		end := i + utf8.RuneLen(c)
		if r.pdf.GetStringWidth(word[:end]) > w {
			break
		}
		n = end
		if strings.ContainsRune(":/-_.?&=", c) {
			sep = end
		}
	}
	switch {
	case n == 0:
		_, n = utf8.DecodeRuneInString(word)
	case sep > n/2 && n < len(word):
		n = sep
	}
	return n
}

// paragraph prints user text across the text width, continuing on the next page when it
// runs out. Runs of blank lines print as one short gap.
func (r *renderer) paragraph(s textStyle, text string) {
	r.block(s, text, r.geo.left, r.geo.textW(), "L")
}

// block prints text in the column from x, w wide, breaking pages between lines. The first two
// lines (or all, if fewer) start on a page that has room for them: no lonely first line.
func (r *renderer) block(s textStyle, text string, x, w float64, align string) {
	lines := r.wrap(s, strings.TrimSpace(clean(text)), w)
	r.ensure(float64(min(2, len(lines))) * s.leading)
	blank := false
	for _, line := range lines {
		if line == "" {
			if !blank {
				r.gap(s.leading * 0.6)
			}
			blank = true
			continue
		}
		blank = false
		if r.y()+s.leading > r.geo.limit() {
			r.newPage()
			r.use(s)
		}
		r.pdf.SetXY(x, r.y())
		r.pdf.CellFormat(w, s.leading, line, "", 2, align, false, 0, "")
	}
	r.pdf.SetX(r.geo.left)
}

// linesAt prints lines already wrapped at (x, y) without page breaks; the caller made room.
func (r *renderer) linesAt(s textStyle, lines []string, x, y, w float64, align string) {
	r.use(s)
	for i, line := range lines {
		r.pdf.SetXY(x, y+float64(i)*s.leading)
		r.pdf.CellFormat(w, s.leading, line, "", 0, align, false, 0, "")
	}
}

// heading prints a heading that keeps at least keep millimetres of what follows on its page.
func (r *renderer) heading(s textStyle, text string, before, keep float64) {
	r.gap(before)
	lines := r.wrap(s, oneLine(text), r.geo.textW())
	r.ensure(float64(len(lines))*s.leading + keep)
	y := r.y()
	r.linesAt(s, lines, r.geo.left, y, r.geo.textW(), "L")
	r.pdf.SetXY(r.geo.left, y+float64(len(lines))*s.leading)
}

// eyebrow prints a short upper-case label in the accent colour above a title.
func (r *renderer) eyebrow(text string) {
	r.use(stEyebrow)
	r.pdf.SetX(r.geo.left)
	r.pdf.CellFormat(r.geo.textW(), stEyebrow.leading, strings.ToUpper(oneLine(text)), "", 2, "L", false, 0, "")
}

// rule draws a hairline across the text width and leaves a little air below it.
func (r *renderer) rule(after float64) {
	r.draw(hairline)
	r.pdf.SetLineWidth(0.25)
	y := r.y()
	r.pdf.Line(r.geo.left, y, r.geo.left+r.geo.textW(), y)
	r.pdf.SetXY(r.geo.left, y+after)
}

// sectionTitle starts a major section on a new page: eyebrow, title, and an anchor for the
// contents.
func (r *renderer) sectionTitle(anchor, eyebrow, title string) {
	r.newPage()
	if anchor != "" {
		r.anchor(anchor)
	}
	if eyebrow != "" {
		r.eyebrow(eyebrow)
		r.pdf.SetY(r.y() + 1)
	}
	r.heading(stH1, title, 0, 20)
	r.pdf.SetY(r.y() + 4)
}

// The columns of a field: the label's and the gutter; the value takes the rest.
const fieldLabelW, fieldGutter = 42.0, 4.0

// field prints a label in a narrow left column and its value beside it. A value longer than
// a page continues on the next.
func (r *renderer) field(label, value string) {
	r.fieldIn(stBody, label, value)
}

// linkField is a field whose value is a web address: printed in the accent colour and
// clickable.
func (r *renderer) linkField(label, url string) {
	url = oneLine(url)
	style := stBody
	style.color = accent
	top, ok := r.fieldIn(style, label, url)
	if !ok {
		return
	}
	x, w := r.geo.left+fieldLabelW+fieldGutter, r.geo.textW()-fieldLabelW-fieldGutter
	r.pdf.LinkString(x, top, w, float64(len(r.wrap(style, url, w)))*style.leading, url)
}

// fieldHeight is the height field takes on one page, with the space below it.
func (r *renderer) fieldHeight(label, value string) float64 {
	if value = clean(value); value == "" {
		return 0
	}
	labels := r.wrap(stLabel, strings.ToUpper(oneLine(label)), fieldLabelW)
	values := r.wrap(stBody, value, r.geo.textW()-fieldLabelW-fieldGutter)
	return max(float64(len(labels))*stLabel.leading, float64(len(values))*stBody.leading) + 1.6
}

// fieldIn prints a field with its value in style s, and returns where the value starts and
// whether it was printed whole on that page.
func (r *renderer) fieldIn(s textStyle, label, value string) (top float64, onePage bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	valueW := r.geo.textW() - fieldLabelW - fieldGutter
	labelLines := r.wrap(stLabel, strings.ToUpper(oneLine(label)), fieldLabelW)
	valueLines := r.wrap(s, clean(value), valueW)
	labelH := float64(len(labelLines)) * stLabel.leading
	r.keep(max(labelH, float64(len(valueLines))*s.leading), max(labelH, 2*s.leading))
	y, page := r.y(), r.pdf.PageNo()
	// Label and value share a baseline: the smaller label sits a little lower in its line.
	r.linesAt(stLabel, labelLines, r.geo.left, y+0.7, fieldLabelW, "L")
	r.pdf.SetY(y)
	r.block(s, value, r.geo.left+fieldLabelW+fieldGutter, valueW, "L")
	onePage = r.pdf.PageNo() == page
	if onePage {
		r.pdf.SetY(max(r.y(), y+labelH))
	}
	r.pdf.SetY(r.y() + 1.6)
	return y, onePage
}

// pageSpace is the height between the margins: more than this can never be kept together.
func (r *renderer) pageSpace() float64 { return r.geo.limit() - r.geo.top }

// run is a piece of a flowing line in one style.
type run struct {
	style textStyle
	text  string
}

// placed is a word of a flow at its position, relative to the flow's top left corner.
type placed struct {
	style      textStyle
	text       string
	x, y, line float64 // line is the flow's leading, so that every word sits on one baseline
}

// layoutFlow sets runs in different styles as one paragraph w wide, wrapping between words; a
// word wider than a line (a fingerprint) is broken. It returns the words in place and the
// height they take.
func (r *renderer) layoutFlow(runs []run, w float64) ([]placed, float64) {
	leading := 0.0
	for _, rn := range runs {
		leading = max(leading, rn.style.leading)
	}
	var out []placed
	x, y, space := 0.0, 0.0, false
	for _, rn := range runs {
		space = space || strings.HasPrefix(rn.text, " ")
		for i, word := range strings.Split(oneLine(rn.text), " ") {
			space = space || i > 0
			if word == "" {
				continue
			}
			r.use(rn.style)
			sp := 0.0
			if space && x > 0 {
				sp = r.pdf.GetStringWidth(" ")
			}
			space = false
			ww := r.pdf.GetStringWidth(word)
			if x > 0 && x+sp+ww > w {
				x, y, sp = 0, y+leading, 0
			}
			for ww > w {
				n := r.fitting(word, w)
				out = append(out, placed{rn.style, word[:n], 0, y, leading})
				word, y = word[n:], y+leading
				ww = r.pdf.GetStringWidth(word)
			}
			out = append(out, placed{rn.style, word, x + sp, y, leading})
			x += sp + ww
		}
		space = space || strings.HasSuffix(rn.text, " ")
	}
	return out, y + leading
}

// drawFlow prints what layoutFlow placed, from (x, y).
func (r *renderer) drawFlow(words []placed, x, y float64) {
	for _, p := range words {
		r.use(p.style)
		r.pdf.SetXY(x+p.x, y+p.y)
		r.pdf.CellFormat(r.pdf.GetStringWidth(p.text), p.line, p.text, "", 0, "L", false, 0, "")
	}
}
