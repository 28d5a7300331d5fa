// Package pdfrender renders an educator's portfolio as a PDF a principal or a certification
// body can read: a cover, the contents, the profile, competency coverage per framework, one
// section per piece of evidence and an index of every artifact, with the original files
// embedded for certification. The PDF is not signed here: it is signed afterwards with an
// invisible signature, so nothing is reserved for a signature field and the last page prints
// the signer's details instead.
package pdfrender

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

type Preset string

const (
	PresetCertification Preset = "certification" // everything, with the originals embedded
	PresetInterview     Preset = "interview"     // for reading only: no attachments
)

type Paper string

const (
	PaperLetter Paper = "letter" // the default
	PaperA4     Paper = "a4"
)

// Document is everything the PDF shows, gathered by the caller.
type Document struct {
	Preset      Preset
	Profile     portfolio.Profile
	PhotoSHA256 string               // "" for none
	Entries     []Entry              // in the order to print, already filtered for the preset
	Coverage    []portfolio.Coverage // one per framework in use
	Signer      SignatureBlock       // printed on the last page; nothing when Name is ""
	GeneratedAt time.Time            // the date printed and the PDF's creation date
	AppVersion  string
	Attachments []Attachment // embedded for the certification preset only
	// OriginalsBeside says the original files travel beside the PDF (in the submission
	// package), so only portfolio.json is embedded; LeftOut counts originals left out for
	// their size. Both only change what the PDF says about its attachments.
	OriginalsBeside bool
	LeftOut         int
	Impact          []present.Figure // the impact at a glance, on the first page; none when empty
	// Credentials are listed after the profile, each file with its SHA-256 (and, in the
	// certification preset, embedded: the caller adds them to Attachments like the originals).
	Credentials []portfolio.Credential
}

type Entry struct {
	Entry      portfolio.Entry
	Alignments []AlignmentLine
	Highlight  bool // marked on its page and in the contents
}

type AlignmentLine struct {
	Framework, Code, Competency, Strength, Rationale string
}

type SignatureBlock struct {
	Name, Fingerprint string // the fingerprint as the caller wants it shown (hex, with or without colons)
	SignedAt          time.Time
}

// Attachment is a file embedded in the PDF. Size and SHA256 are checked against the bytes read.
type Attachment struct {
	Name, Description, MediaType, SHA256 string
	Size                                 int64
	Open                                 func() (io.ReadCloser, error)
}

// Images prepares images for print, for example from a cache keyed by hash.
type Images interface {
	Print(sha256 string, maxSidePx int) (Prepared, error)
}

// Prepared is an image fpdf can read: upright, sized, a baseline JPEG or a plain 8-bit PNG
// (imaging.PrepareForPrint makes one).
type Prepared struct {
	Data          []byte
	Format        string // "jpg" or "png"
	Width, Height int
}

type Options struct {
	Paper    Paper
	Compress bool
	Progress func(stage string, done, total int) // may be nil
}

// Stages reported to Options.Progress.
const (
	StageLayout      = "layout"      // the first pass, which finds every page number: per entry
	StageEntries     = "entries"     // the second pass, which draws: per entry
	StageAttachments = "attachments" // reading the files to embed: per file
)

// Report says what went into the PDF and what could not.
type Report struct {
	Pages        int      `json:"pages"`
	Images       int      `json:"images"`       // images printed, the profile photo included
	Placeholders int      `json:"placeholders"` // images that could not be shown and were replaced by a labelled box
	Attachments  int      `json:"attachments"`  // files embedded
	Warnings     []string `json:"warnings"`     // one per image that could not be shown
}

// Render writes the portfolio's pages as a PDF to w, without attachments (Write adds them).
// It lays the document out twice: the first pass
// finds the page of every section, the second prints the contents with those page numbers and
// working links. An image that cannot be prepared becomes a labelled box and a warning; it
// never stops the export. Cancelling ctx stops it between entries with ctx.Err(), before
// anything is written.
func Render(ctx context.Context, w io.Writer, doc Document, images Images, opts Options) (Report, error) {
	doc, opts, err := normalize(doc, opts)
	if err != nil {
		return Report{}, err
	}
	first := newRenderer(ctx, doc, images, opts, nil)
	if err := first.run(); err != nil {
		return Report{}, err
	}
	r := newRenderer(ctx, doc, images, opts, first)
	if err := r.run(); err != nil {
		return Report{}, err
	}
	if r.pdf.PageNo() != first.pdf.PageNo() {
		return Report{}, fmt.Errorf("pdfrender: the layout changed between passes (%d pages, then %d)", first.pdf.PageNo(), r.pdf.PageNo())
	}
	if err := ctx.Err(); err != nil {
		return Report{}, err
	}
	r.report.Pages = r.pdf.PageNo()
	// fpdf assembles the whole file in memory before its first write, so a failure leaves w
	// untouched.
	if err := r.pdf.Output(w); err != nil {
		return Report{}, fmt.Errorf("pdfrender: %w", err)
	}
	return r.report, nil
}

// CountPages lays the document out once, without writing it, for the export dialog's page
// count. Images are prepared as for Render, so a cache behind Images makes Render cheaper next.
func CountPages(ctx context.Context, doc Document, images Images, opts Options) (int, error) {
	doc, opts, err := normalize(doc, opts)
	if err != nil {
		return 0, err
	}
	r := newRenderer(ctx, doc, images, opts, nil)
	if err := r.run(); err != nil {
		return 0, err
	}
	return r.pdf.PageNo(), nil
}

func normalize(doc Document, opts Options) (Document, Options, error) {
	switch doc.Preset {
	case PresetCertification, PresetInterview:
	default:
		return doc, opts, portfolio.Errorf(portfolio.CodeInvalid, "Unknown export preset %q; use certification or interview.", doc.Preset)
	}
	switch opts.Paper {
	case "":
		opts.Paper = PaperLetter
	case PaperLetter, PaperA4:
	default:
		return doc, opts, portfolio.Errorf(portfolio.CodeInvalid, "Unknown paper size %q; use letter or a4.", opts.Paper)
	}
	if doc.GeneratedAt.IsZero() {
		doc.GeneratedAt = time.Now()
	}
	if strings.TrimSpace(doc.Profile.Name) == "" {
		return doc, opts, portfolio.Errorf(portfolio.CodeInvalid, "Add your name to the profile before exporting.")
	}
	return doc, opts, nil
}

// renderer is one pass over the document.
type renderer struct {
	ctx    context.Context
	pdf    *fpdf.Fpdf
	doc    Document
	images Images
	opts   Options
	geo    geometry
	toc    []tocItem

	// final is the second pass. It reads the first pass's page numbers and prepared images,
	// so that both passes lay out exactly the same pages.
	final  bool
	pages  map[string]int      // anchor -> page, recorded by the first pass
	total  int                 // page count, known to the second pass
	links  map[string]int      // anchor -> fpdf link, second pass only
	prints map[string]*printed // image key -> what Images.Print answered, shared by both passes
	widths map[int]int         // pixel width -> images of that width in the PDF so far
	// compactFigures sets the cover's figures smaller, when there are too many for their size.
	compactFigures bool
	report         Report
}

func newRenderer(ctx context.Context, doc Document, images Images, opts Options, first *renderer) *renderer {
	r := &renderer{ctx: ctx, doc: doc, images: images, opts: opts, toc: contents(doc),
		pages: map[string]int{}, prints: map[string]*printed{}, widths: map[int]int{}}
	size := "Letter"
	r.geo = geometry{pageW: 215.9, pageH: 279.4, left: 25, right: 25, top: 24, bottom: 24}
	if opts.Paper == PaperA4 {
		size = "A4"
		r.geo = geometry{pageW: 210, pageH: 297, left: 24, right: 24, top: 25, bottom: 26}
	}
	if first != nil {
		r.final, r.pages, r.total, r.prints = true, first.pages, first.pdf.PageNo(), first.prints
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	r.pdf = pdf
	pdf.SetCompression(opts.Compress)
	// Deterministic output: fixed dates and sorted resource dictionaries (fpdf keeps them in
	// maps); fpdf writes no random file /ID when the document is not encrypted.
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(doc.GeneratedAt)
	pdf.SetModificationDate(doc.GeneratedAt)
	pdf.SetMargins(r.geo.left, r.geo.top, r.geo.right)
	pdf.SetAutoPageBreak(true, r.geo.bottom)
	// Text is placed flush with the margins; tables add their own padding.
	pdf.SetCellMargin(0)
	addFonts(pdf)
	r.metadata()
	pdf.SetFooterFunc(r.footer)
	if r.final {
		r.links = map[string]int{}
		for _, item := range r.toc {
			if _, ok := r.links[item.anchor]; !ok {
				r.links[item.anchor] = pdf.AddLink()
			}
		}
	}
	return r
}

func (r *renderer) metadata() {
	p, preset := r.doc.Profile, presetName(r.doc.Preset)
	r.pdf.SetTitle("Portfolio of "+oneLine(p.Name), true)
	r.pdf.SetAuthor(oneLine(p.Name), true)
	r.pdf.SetSubject("Evidence of AI leadership — "+strings.ToLower(preset), true)
	r.pdf.SetCreator(strings.TrimSpace("ReadyFolio "+r.doc.AppVersion), true)
	r.pdf.SetLang("en")
	keywords := []string{"AI leadership"}
	seen := map[string]bool{}
	for _, e := range r.doc.Entries {
		if k := present.KindLabel(e.Entry.Kind); !seen[k] {
			seen[k] = true
			keywords = append(keywords, k)
		}
	}
	for _, c := range r.doc.Coverage {
		keywords = append(keywords, oneLine(c.Framework.Title))
	}
	r.pdf.SetKeywords(strings.Join(keywords, ", "), true)
}

func presetName(p Preset) string {
	if p == PresetInterview {
		return "Interview portfolio"
	}
	return "Certification portfolio"
}

// run draws the whole document in order.
func (r *renderer) run() error {
	r.cover()
	r.contents()
	r.profile()
	r.credentials()
	for i, c := range r.doc.Coverage {
		r.coverage(i, c)
	}
	stage := StageLayout
	if r.final {
		stage = StageEntries
	}
	for i, e := range r.doc.Entries {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.entry(i, e)
		if r.opts.Progress != nil {
			r.opts.Progress(stage, i+1, len(r.doc.Entries))
		}
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	r.appendix()
	r.signature()
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("pdfrender: %w", err)
	}
	return nil
}

// anchor marks where a section starts: the first pass records its page, the second points
// the contents' links and the reader's bookmarks (the outline) at it.
func (r *renderer) anchor(key string) {
	page := r.pdf.PageNo()
	if !r.final {
		r.pages[key] = page
		return
	}
	if r.pages[key] != page {
		r.pdf.SetErrorf("the layout changed between passes: %s on page %d, then %d", key, r.pages[key], page)
	}
	r.pdf.SetLink(r.links[key], r.y(), page)
	for _, item := range r.toc {
		if item.anchor == key {
			r.pdf.Bookmark(oneLine(item.title), item.level, r.y())
		}
	}
}

// footer prints the educator's name and the page number on every page but the cover. The
// total is printed as a number from the first pass rather than fpdf's AliasNbPages, whose
// placeholder is measured at its own width and would push a right-aligned number off line.
func (r *renderer) footer() {
	page := r.pdf.PageNo()
	if page == 1 {
		return
	}
	g := r.geo
	y := g.pageH - g.bottom + 9
	r.draw(hairline)
	r.pdf.SetLineWidth(0.25)
	r.pdf.Line(g.left, y, g.left+g.textW(), y)
	r.use(stSmall)
	r.pdf.SetXY(g.left, y+1.5)
	r.pdf.CellFormat(g.textW()*0.7, 5, oneLine(r.doc.Profile.Name)+" · "+presetName(r.doc.Preset), "", 0, "L", false, 0, "")
	total := "…"
	if r.final {
		total = fmt.Sprint(r.total)
	}
	r.pdf.SetXY(g.left+g.textW()*0.7, y+1.5)
	r.pdf.CellFormat(g.textW()*0.3, 5, fmt.Sprintf("Page %d of %s", page, total), "", 0, "R", false, 0, "")
}
