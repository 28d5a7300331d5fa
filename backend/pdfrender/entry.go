package pdfrender

import (
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// entry prints one piece of evidence on pages of its own: what it is, what happened, the
// educator's reflection, the competencies it shows and the files behind it.
func (r *renderer) entry(i int, e Entry) {
	en := e.Entry
	eyebrow := present.KindLabel(en.Kind)
	if e.Highlight {
		eyebrow += " · Highlight"
	}
	r.sectionTitle(entryAnchor(i), eyebrow, en.Title)
	r.pdf.SetY(r.y() - 2.5)
	if meta := present.Meta(en); len(meta) > 0 {
		r.paragraph(stSmall, strings.Join(meta, " · "))
	}
	r.pdf.SetY(r.y() + 3)
	r.rule(5)

	for _, b := range present.Details(en) {
		switch b.Kind {
		case present.Field:
			r.field(b.Label, b.Text)
		case present.Narrative:
			r.narrative(b.Label, b.Text)
		case present.Outcomes:
			r.outcomes(b.Outcomes)
		case present.Scores:
			r.scores(b)
		}
	}
	r.reflection(en.Reflection)
	r.alignments(e.Alignments)
	r.evidence(en)
}

// outcomes prints the pilot's measured results as a table of metric, baseline and result.
func (r *renderer) outcomes(list []portfolio.Outcome) {
	var rows [][]cell
	for _, o := range present.MeasuredOutcomes(list) {
		rows = append(rows, []cell{{o.Metric, stCellB}, {o.Baseline, stCell}, {o.Result, stCell}})
	}
	if len(rows) == 0 {
		return
	}
	r.heading(stH3, present.OutcomesTitle, 5, 2*stCell.leading+4*cellPadY)
	r.pdf.SetY(r.y() + 0.5)
	cols := present.OutcomeColumns
	t := &table{r: r, columns: []column{{cols[0], 0.46, "L"}, {cols[1], 0.27, "L"}, {cols[2], 0.27, "L"}}}
	t.start(stCell.leading + 2*cellPadY)
	for _, row := range rows {
		t.row(row, 0)
	}
}

// scores prints a tool evaluation's rubric: a table of each criterion, its score, and the
// notes and answers under it.
func (r *renderer) scores(b present.Block) {
	r.heading(stH3, b.Label, 5, stSmall.leading+2*stCell.leading+4*cellPadY)
	r.pdf.SetY(r.y() + 0.5)
	r.paragraph(stSmall, b.Text)
	r.pdf.SetY(r.y() + 1)
	cols := present.ScoreColumns
	t := &table{r: r, columns: []column{{cols[0], 0.26, "L"}, {cols[1], 0.2, "L"}, {cols[2], 0.54, "L"}}}
	t.start(stCell.leading + 2*cellPadY)
	for _, row := range b.Scores {
		t.row([]cell{{row.Criterion, stCellB}, {row.Score, stCell}, {present.ScoreNotes(row), stCell}}, 0)
	}
}

const narrativeGap, narrativeSpacing = 5.0, 0.8

// narrativeKeep is the room a narrative needs on a page: its gap, its heading and two lines.
var narrativeKeep = narrativeGap + stH3.leading + narrativeSpacing + 2*stBody.leading

// narrative prints a field of prose under a small heading; empty fields are left out.
func (r *renderer) narrative(title, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	r.heading(stH3, title, narrativeGap, narrativeSpacing+2*stBody.leading)
	r.pdf.SetY(r.y() + narrativeSpacing)
	r.paragraph(stBody, text)
}

func (r *renderer) reflection(answers []portfolio.ReflectionAnswer) {
	given := present.Reflection(answers)
	if len(given) == 0 {
		return
	}
	r.heading(stH2, present.ReflectionTitle, 10, narrativeKeep)
	for _, a := range given {
		r.narrative(a.Prompt, a.Text)
	}
}

// alignments prints each competency the entry is aligned to, with the educator's rationale.
func (r *renderer) alignments(list []AlignmentLine) {
	if len(list) == 0 {
		return
	}
	const strengthW, above = 28.0, 4.0
	titleW := r.geo.textW() - strengthW - 4
	// Each competency's title keeps its framework and the first line of the rationale.
	height := func(lines []string) float64 {
		return float64(len(lines))*stBold.leading + stSmall.leading + stBody.leading
	}
	titles := make([][]string, len(list))
	for i, a := range list {
		titles[i] = r.wrap(stBold, strings.TrimSpace(oneLine(a.Code)+"  "+oneLine(a.Competency)), titleW)
	}
	r.heading(stH2, present.AlignmentsTitle, 10, above+height(titles[0]))
	for i, a := range list {
		r.gap(above)
		r.ensure(height(titles[i]))
		y := r.y()
		r.linesAt(stBold, titles[i], r.geo.left, y, titleW, "L")
		if s := oneLine(a.Strength); s != "" {
			r.linesAt(stEyebrow, []string{strings.ToUpper(s)}, r.geo.left+titleW+4, y+0.4, strengthW, "R")
		}
		r.pdf.SetXY(r.geo.left, y+float64(len(titles[i]))*stBold.leading)
		r.paragraph(stSmall, a.Framework)
		if strings.TrimSpace(a.Rationale) != "" {
			r.pdf.SetY(r.y() + 0.8)
			r.paragraph(stBody, a.Rationale)
		}
	}
}

// evidence prints the entry's files and links, then its images: the short list first, so
// that page breaks fall between images.
func (r *renderer) evidence(en portfolio.Entry) {
	var images []portfolio.Artifact
	var blocks []stack
	var urls []string
	for _, a := range en.Artifacts {
		switch {
		case a.Type == portfolio.ArtifactLink:
			blocks, urls = append(blocks, r.linkStack(a, true)), append(urls, oneLine(a.URL))
		case a.IsImage():
			images = append(images, a)
		default:
			blocks, urls = append(blocks, r.fileStack(a, true)), append(urls, "")
		}
	}
	rows := r.galleryRows(images)
	if len(blocks) == 0 && len(rows) == 0 {
		return
	}
	keep := 0.0
	if len(blocks) > 0 {
		keep = blocks[0].height()
	} else {
		keep = rowHeight(rows[0]) + 4
	}
	r.heading(stH2, present.EvidenceTitle, 10, keep)
	for i, b := range blocks {
		r.gap(3)
		r.drawStack(b, urls[i])
	}
	for _, row := range rows {
		r.figureRow(en.Title, row)
	}
}

// segment is lines of one style in a stack, with space above them.
type segment struct {
	style textStyle
	lines []string
	above float64
}

// stack is a small block of segments printed top to bottom and kept on one page: a file or a
// link with its details.
type stack []segment

func (s stack) height() float64 {
	h := 0.0
	for _, seg := range s {
		h += seg.above + float64(len(seg.lines))*seg.style.leading
	}
	return h
}

// drawStack prints a stack at the left margin, on one page unless it is longer than a page.
// With a URL, the lines of its first two segments (a link's title and address) are clickable.
func (r *renderer) drawStack(s stack, url string) {
	r.keep(s.height(), 3*stCell.leading)
	y := r.y()
	for i, seg := range s {
		y += seg.above
		for _, line := range seg.lines {
			if y+seg.style.leading > r.geo.limit() {
				r.newPage()
				y = r.y()
			}
			r.linesAt(seg.style, []string{line}, r.geo.left, y, r.geo.textW(), "L")
			if url != "" && i < 2 {
				r.pdf.LinkString(r.geo.left, y, r.pdf.GetStringWidth(line), seg.style.leading, url)
			}
			y += seg.style.leading
		}
	}
	r.pdf.SetXY(r.geo.left, y)
}

// fileStack is a file's name, type and size, caption (on entry pages) and SHA-256.
func (r *renderer) fileStack(a portfolio.Artifact, caption bool) stack {
	w := r.geo.textW()
	s := stack{
		{stCellB, r.wrap(stCellB, oneLine(a.FileName), w), 0},
		{stSmall, []string{present.FileSummary(a)}, 0},
	}
	if c := oneLine(a.Caption); caption && c != "" {
		s = append(s, segment{stCell, r.wrap(stCell, c, w), 0})
	}
	return append(s, segment{stMono, r.wrap(stMono, present.FingerprintPrefix+a.SHA256, w), 0.4})
}

// linkStack is a link's title and address and, on entry pages, its caption.
func (r *renderer) linkStack(a portfolio.Artifact, caption bool) stack {
	w := r.geo.textW()
	title := oneLine(present.LinkTitle(a))
	linkStyle := stCellB
	linkStyle.color = accent
	s := stack{
		{linkStyle, r.wrap(linkStyle, title, w), 0},
		{stSmall, r.wrap(stSmall, oneLine(a.URL), w), 0},
	}
	if c := oneLine(a.Caption); caption && c != "" {
		s = append(s, segment{stCell, r.wrap(stCell, c, w), 0})
	}
	return s
}
