package workspace

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// Impact is the impact at a glance of the whole portfolio, as the dashboard shows it: every
// live entry, drafts included, every credential, and the coverage of the frameworks in use (with
// evidence for at least one competency; the coverage map shows the others). Exports compute the
// same figures over what they export.
func (w *Workspace) Impact(ctx context.Context) (impact.Figures, error) {
	entries, err := w.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		return impact.Figures{}, err
	}
	credentials, err := w.Store.Credentials(ctx)
	if err != nil {
		return impact.Figures{}, err
	}
	frameworks, err := w.Store.Frameworks(ctx)
	if err != nil {
		return impact.Figures{}, err
	}
	coverage := make([]portfolio.Coverage, 0, len(frameworks))
	for _, f := range frameworks {
		c, err := w.Store.Coverage(ctx, f.ID)
		if err != nil {
			return impact.Figures{}, err
		}
		if c.WithEvidence > 0 {
			coverage = append(coverage, c)
		}
	}
	return impact.Compute(entries, credentials, coverage, present.Day(w.Now())), nil
}
