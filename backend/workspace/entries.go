package workspace

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// NewEntry creates an empty entry of kind k. A tool evaluation is scored against the data
// folder's evaluation rubric: the district's, when one was imported, else the built-in one.
func (w *Workspace) NewEntry(ctx context.Context, k portfolio.Kind, title string) (portfolio.Entry, error) {
	e, err := w.Draft(ctx, k, title)
	if err != nil {
		return e, err
	}
	return w.Store.CreateEntry(ctx, e)
}

// Draft is NewEntry without storing it: for callers that fill in more fields first.
func (w *Workspace) Draft(ctx context.Context, k portfolio.Kind, title string) (portfolio.Entry, error) {
	e := portfolio.NewEntry(k, title)
	if e.Evaluation != nil {
		rubric, _, err := w.Store.EvaluationRubric(ctx)
		if err != nil {
			return e, err
		}
		e.Evaluation = portfolio.NewToolEvaluation(rubric)
	}
	return e, nil
}
