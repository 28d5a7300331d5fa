package pdfrender

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

const (
	// PrintSide is the longest side asked of Images.Print for evidence: 170 dpi across the
	// full text width and about 210 dpi at the height a landscape photo usually gets, sharp on
	// paper without making the PDF (and the memory fpdf needs for it) heavy. Exported so that
	// a cache can prepare images in this size ahead of the first export.
	PrintSide = 1100
	photoSide = 600
	// minDPI keeps small images (a phone screenshot, a logo) from being blown up into a blur:
	// they print no larger than this resolution allows.
	minDPI = 110
	// mmPerInch converts pixels at a resolution to millimetres.
	mmPerInch = 25.4
)

// printed is what Images.Print answered for one image. The first pass asks; the second lays
// out the same boxes from the same answer and hands the bytes to fpdf, so every image is
// prepared once per export.
type printed struct {
	prepared Prepared
	err      error
}

func printKey(sha string, side int) string { return sha + "@" + strconv.Itoa(side) }

func (r *renderer) prepare(sha string, side int) *printed {
	key := printKey(sha, side)
	if p, ok := r.prints[key]; ok {
		return p
	}
	p := &printed{}
	switch {
	case r.images == nil:
		p.err = errors.New("no image source")
	case sha == "":
		p.err = errors.New("the file is missing")
	default:
		p.prepared, p.err = r.images.Print(sha, side)
	}
	if f := p.prepared.Format; p.err == nil && (f != "jpg" && f != "png" || p.prepared.Width <= 0 || p.prepared.Height <= 0) {
		p.err = fmt.Errorf("the prepared image is %q, %d × %d; want a JPEG or PNG", f, p.prepared.Width, p.prepared.Height)
	}
	r.prints[key] = p
	return p
}

// place draws a prepared image in its box. The first pass only lays out, so it draws
// nothing. fpdf can still refuse bytes that Images vouched for; its error is sticky, so it is
// cleared here and the caller draws a placeholder instead.
func (r *renderer) place(sha string, side int, p *printed, x, y, w, h float64) error {
	if p.err != nil || !r.final {
		return p.err
	}
	name := printKey(sha, side)
	opts := fpdf.ImageOptions{ImageType: p.prepared.Format}
	if r.pdf.GetImageInfo(name) == nil {
		r.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(p.prepared.Data))
		if err := r.pdf.Error(); err != nil {
			r.pdf.ClearError()
			p.err = err
			return err
		}
		p.prepared.Data = nil // fpdf holds its own copy now
		if err := r.untie(r.pdf.GetImageInfo(name), p.prepared.Width); err != nil {
			return err
		}
	}
	r.pdf.ImageOptions(name, x, y, w, h, false, opts, 0, "")
	r.report.Images++
	return nil
}

// untie keeps the order of images in the file deterministic. fpdf v0.9.0 writes images in
// the order of a stable sort by pixel width over its map of images, so two images of the same
// width (every phone photo shrunk to the same size) would swap places from one run to the
// next. Each image after the first of a width gets a millionth of a pixel more; the PDF gives
// the width as a whole number, so nothing else changes. fpdf has no setter for the width: it
// goes through GobEncode and GobDecode, whose fields are listed in this order.
func (r *renderer) untie(info *fpdf.ImageInfoType, width int) error {
	seen := r.widths[width]
	r.widths[width]++
	if seen == 0 || info == nil {
		return nil
	}
	buf, err := info.GobEncode()
	if err != nil {
		return err
	}
	var (
		data, smask, pal []byte
		n, bpc           int
		w, h             float64
		cs, filter, dp   string
		trns             []int
		scale, dpi       float64
	)
	fields := []any{&data, &smask, &n, &w, &h, &cs, &pal, &bpc, &filter, &dp, &trns, &scale, &dpi}
	dec := gob.NewDecoder(bytes.NewReader(buf))
	for _, f := range fields {
		if err := dec.Decode(f); err != nil {
			return fmt.Errorf("reading fpdf's image record: %w", err)
		}
	}
	w += float64(seen) * 1e-6
	var out bytes.Buffer
	enc := gob.NewEncoder(&out)
	for _, f := range []any{data, smask, n, w, h, cs, pal, bpc, filter, dp, trns, scale, dpi} {
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("writing fpdf's image record: %w", err)
		}
	}
	return info.GobDecode(out.Bytes())
}

// figure is an image with its box on the page and its caption.
type figure struct {
	artifact portfolio.Artifact
	print    *printed
	w, h     float64 // the image's box (or the placeholder's)
	caption  []string
}

const (
	figureGutter    = 8.0
	wideMaxH        = 100.0 // a landscape image across the text width stops here
	halfMaxH        = 95.0  // an image in a half-width column
	placeholderH    = 40.0
	maxCaptionLines = 5
)

func (r *renderer) figure(a portfolio.Artifact, slotW, maxH float64) *figure {
	f := &figure{artifact: a, print: r.prepare(a.SHA256, PrintSide)}
	if f.print.err != nil {
		f.w, f.h = slotW, placeholderH
	} else {
		pw, ph := float64(f.print.prepared.Width), float64(f.print.prepared.Height)
		f.w = min(slotW, pw*mmPerInch/minDPI)
		f.h = f.w * ph / pw
		if f.h > maxH {
			f.h, f.w = maxH, maxH*pw/ph
		}
	}
	f.caption = r.wrap(stCaption, oneLine(present.CaptionText(a)), slotW)
	if len(f.caption) > maxCaptionLines {
		// A caption is a line or two; an essay pasted into one would push the image off the page.
		f.caption = append(f.caption[:maxCaptionLines-1], r.ellipsis(stCaption, f.caption[maxCaptionLines-1], slotW))
	}
	return f
}

// ellipsis ends a line with "…", shortening it until it fits in w.
func (r *renderer) ellipsis(s textStyle, line string, w float64) string {
	r.use(s)
	for line != "" && r.pdf.GetStringWidth(line+"…") > w {
		_, size := utf8.DecodeLastRuneInString(line)
		line = line[:len(line)-size]
	}
	return line + "…"
}

// galleryRows lays out an entry's images in reading order: a landscape image across the text
// width, others two to a row (a lone one centred).
func (r *renderer) galleryRows(images []portfolio.Artifact) [][]*figure {
	full := r.geo.textW()
	half := (full - figureGutter) / 2
	var rows [][]*figure
	var pending *figure
	for _, a := range images {
		p := r.prepare(a.SHA256, PrintSide)
		wide := p.err == nil && float64(p.prepared.Width) >= 1.3*float64(p.prepared.Height) &&
			float64(p.prepared.Width)*mmPerInch/minDPI > half
		switch {
		case wide:
			if pending != nil {
				rows = append(rows, []*figure{pending})
				pending = nil
			}
			rows = append(rows, []*figure{r.figure(a, full, wideMaxH)})
		case pending == nil:
			pending = r.figure(a, half, halfMaxH)
		default:
			rows = append(rows, []*figure{pending, r.figure(a, half, halfMaxH)})
			pending = nil
		}
	}
	if pending != nil {
		rows = append(rows, []*figure{pending})
	}
	return rows
}

const captionGap = 2.0

// rowHeight is the height of a row of figures: the tallest image and the longest caption.
func rowHeight(figs []*figure) float64 {
	imgH, capLines := 0.0, 0
	for _, f := range figs {
		imgH = max(imgH, f.h)
		capLines = max(capLines, len(f.caption))
	}
	return imgH + captionGap + float64(capLines)*stCaption.leading
}

// figureRow prints one or two figures side by side, images aligned at the bottom so that the
// captions share a line, each with its caption beneath.
func (r *renderer) figureRow(entryTitle string, figs []*figure) {
	slotW := r.geo.textW()
	if len(figs) == 2 {
		slotW = (slotW - figureGutter) / 2
	}
	imgH := 0.0
	for _, f := range figs {
		imgH = max(imgH, f.h)
	}
	rowH := rowHeight(figs)
	r.gap(4)
	r.ensure(rowH)
	y := r.y()
	for i, f := range figs {
		slotX := r.geo.left + float64(i)*(slotW+figureGutter)
		x, top := slotX+(slotW-f.w)/2, y+imgH-f.h
		if err := r.place(f.artifact.SHA256, PrintSide, f.print, x, top, f.w, f.h); err != nil {
			r.placeholder(x, top, f.w, f.h, f.artifact.FileName)
			if r.final {
				r.report.Placeholders++
				r.report.Warnings = append(r.report.Warnings,
					fmt.Sprintf("%q in %q could not be shown: %v", f.artifact.FileName, entryTitle, err))
			}
		} else if r.final {
			r.draw(hairline)
			r.pdf.SetLineWidth(0.2)
			r.pdf.Rect(x, top, f.w, f.h, "D")
		}
		r.linesAt(stCaption, f.caption, slotX, y+imgH+captionGap, slotW, "C")
	}
	r.pdf.SetXY(r.geo.left, y+rowH)
}

// placeholder stands in for an image that could not be shown, saying which one.
func (r *renderer) placeholder(x, y, w, h float64, name string) {
	r.fill(wash)
	r.draw(hairline)
	r.pdf.SetLineWidth(0.3)
	r.pdf.SetDashPattern([]float64{1.2, 1}, 0)
	r.pdf.Rect(x, y, w, h, "FD")
	r.pdf.SetDashPattern(nil, 0)
	head := r.wrap(stCellB, "Image could not be shown:", w-8)
	names := r.wrap(stSmall, oneLine(name), w-8)
	top := y + (h-float64(len(head))*stCellB.leading-float64(len(names))*stSmall.leading)/2
	r.linesAt(stCellB, head, x+4, top, w-8, "C")
	r.linesAt(stSmall, names, x+4, top+float64(len(head))*stCellB.leading, w-8, "C")
}
