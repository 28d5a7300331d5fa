// Package demo fills an empty data folder with a realistic sample portfolio: one educator,
// entries of every kind with reflections, outcomes, generated images and links, aligned to
// both built-in frameworks. The same seed
// always gives the same content; larger sizes serve benchmarks.
package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// Options size the sample. Zero values take the defaults.
type Options struct {
	Seed    uint64
	Entries int // default: one of every template, 12 entries over all six kinds
	Images  int // default 6
}

// Report says what was created.
type Report struct {
	Entries     int                    `json:"entries"`
	Images      int                    `json:"images"`
	Artifacts   int                    `json:"artifacts"`
	Alignments  int                    `json:"alignments"`
	ByKind      map[portfolio.Kind]int `json:"byKind"`
	Credentials int                    `json:"credentials"`
}

// batchSize is how many entries one transaction writes.
var batchSize = 200

const templateCount = 12 // len(pilots)+len(redesigns)+len(pds)+len(evaluations)+len(guidance)+len(others)

// Fill writes the sample into w. It refuses a portfolio that already has entries, so that it can
// never mix invented evidence into an educator's real work.
func Fill(ctx context.Context, w *workspace.Workspace, opts Options) (Report, error) {
	if opts.Entries <= 0 {
		opts.Entries = templateCount
	}
	if opts.Images < 0 {
		return Report{}, portfolio.Errorf(portfolio.CodeInvalid, "The number of images cannot be negative.")
	}
	if opts.Images == 0 {
		opts.Images = 6
	}
	existing, err := w.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		return Report{}, err
	}
	if len(existing) > 0 {
		return Report{}, portfolio.Errorf(portfolio.CodeConflict,
			"The data folder %s already holds %d entries; run demo on an empty folder (for example with --data-dir).", w.Dir, len(existing))
	}
	if err := fillProfile(ctx, w); err != nil {
		return Report{}, err
	}
	g := &generator{rng: rand.New(rand.NewPCG(opts.Seed, 0x5eed)), w: w, report: Report{ByKind: map[portfolio.Kind]int{}},
		outcomes: map[string]portfolio.Artifact{}}
	// Entries are written batchSize at a time, each batch one transaction: a commit per change
	// (an entry, each of its artifacts and alignments) made a large sample take minutes.
	for first := 0; first < opts.Entries; first += batchSize {
		err := w.Store.Batch(ctx, "fill the sample portfolio", func(ctx context.Context) error {
			for i := first; i < min(first+batchSize, opts.Entries); i++ {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := g.addEntry(ctx, i, imagesFor(i, opts.Entries, opts.Images)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return g.report, err
		}
	}
	g.report.Credentials, err = addCredentials(ctx, w)
	return g.report, err
}

// imagesFor spreads the requested images evenly over the entries.
func imagesFor(i, entries, images int) int {
	return (i+1)*images/entries - i*images/entries
}

func fillProfile(ctx context.Context, w *workspace.Workspace) error {
	p, err := w.Store.Profile(ctx)
	if err != nil {
		return err
	}
	id, created := p.PortfolioID, p.CreatedAt
	p = sampleProfile
	p.PortfolioID, p.CreatedAt = id, created
	_, err = w.Store.SaveProfile(ctx, p)
	return err
}

type generator struct {
	rng      *rand.Rand
	w        *workspace.Workspace
	report   Report
	outcomes map[string]portfolio.Artifact // outcomes.csv stored so far, by content
}

// addEntry creates the i-th entry from the template cycle, then attaches its media.
func (g *generator) addEntry(ctx context.Context, i, images int) error {
	round := i / templateCount
	e := g.entryFromTemplate(i % templateCount)
	if round > 0 {
		e.Title = fmt.Sprintf("%s (cohort %d)", e.Title, round+1)
	}
	start := time.Date(2024, 9, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, round*120+g.rng.IntN(540))
	e.StartDate = start.Format("2006-01-02")
	if e.Kind == portfolio.KindAIPilot || e.Kind == portfolio.KindPDLed { // the others happen on one day
		e.EndDate = start.AddDate(0, 0, 14+g.rng.IntN(90)).Format("2006-01-02")
	}
	if g.rng.IntN(4) > 0 {
		e.Status = portfolio.StatusReady
	}
	saved, err := g.w.Store.CreateEntry(ctx, e)
	if err != nil {
		return err
	}
	g.report.Entries++
	g.report.ByKind[saved.Kind]++
	if err := g.align(ctx, saved); err != nil {
		return err
	}
	return g.attachMedia(ctx, saved, images)
}

func (g *generator) attachMedia(ctx context.Context, e portfolio.Entry, images int) error {
	role := portfolio.RoleAttachment
	if e.Kind == portfolio.KindLessonRedesign {
		role = portfolio.RoleRedesign
	}
	for n := 0; n < images; n++ {
		img, err := encodeJPEG(g.picture(e, n))
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%s-%d.jpg", slug(e.Title), n+1)
		caption := captionFor(e, n)
		if _, err := g.w.AttachStream(ctx, e.ID, role, name, caption, bytes.NewReader(img)); err != nil {
			return err
		}
		g.report.Images++
		g.report.Artifacts++
	}
	if e.Kind == portfolio.KindAIPilot {
		if err := g.attachOutcomes(ctx, e, role); err != nil {
			return err
		}
		g.report.Artifacts++
	}
	if e.Kind == portfolio.KindPDLed {
		if _, err := g.w.Store.AddArtifact(ctx, portfolio.Artifact{
			EntryID: e.ID, Type: portfolio.ArtifactLink, Role: role,
			URL: "https://lakeview.example.org/pd/ai-practical-start", LinkTitle: "Workshop materials on the district site",
			Caption: "Slides, prompt cards and the privacy checklist",
		}); err != nil {
			return err
		}
		g.report.Artifacts++
	}
	return nil
}

// attachOutcomes attaches the pilot's results as a CSV file. Pilots of the same template have the
// same results: the file is stored once and attached again as it is, since storing a file makes
// it durable (an fsync) before it can tell that the content is there already.
func (g *generator) attachOutcomes(ctx context.Context, e portfolio.Entry, role portfolio.ArtifactRole) error {
	const name, caption = "outcomes.csv", "Measured results as exported from the gradebook"
	csv := string(outcomesCSV(e))
	if stored, ok := g.outcomes[csv]; ok {
		_, err := g.w.Store.AddArtifact(ctx, portfolio.Artifact{EntryID: e.ID, Type: portfolio.ArtifactFile, Role: role,
			FileName: name, Caption: caption, MediaType: stored.MediaType, Size: stored.Size, SHA256: stored.SHA256})
		return err
	}
	stored, err := g.w.AttachStream(ctx, e.ID, role, name, caption, strings.NewReader(csv))
	if err != nil {
		return err
	}
	g.outcomes[csv] = stored
	return nil
}

func captionFor(e portfolio.Entry, n int) string {
	switch e.Kind {
	case portfolio.KindAIPilot:
		return fmt.Sprintf("Baseline and result for the pilot's measures (chart %d)", n+1)
	case portfolio.KindLessonRedesign:
		return fmt.Sprintf("Student work sample from the redesigned task (%d)", n+1)
	case portfolio.KindPDLed:
		return fmt.Sprintf("Participants during the session (%d)", n+1)
	}
	return fmt.Sprintf("Photo %d", n+1)
}
