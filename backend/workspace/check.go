package workspace

import (
	"context"
	"fmt"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Check runs SQLite's integrity check and re-hashes every stored artifact. It returns one
// sentence per problem found; an empty list means the portfolio is healthy.
func (w *Workspace) Check(ctx context.Context) ([]string, error) {
	problems, err := w.Store.IntegrityCheck(ctx)
	if err != nil {
		return nil, err
	}
	refs, err := w.Store.BlobRefs(ctx)
	if err != nil {
		return nil, err
	}
	for _, ref := range refs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := w.Blobs.Verify(ref.SHA256, ref.Size); err != nil {
			if portfolio.Code(err) == portfolio.CodeInternal {
				return nil, fmt.Errorf("checking artifact %s: %w", ref.SHA256, err)
			}
			problems = append(problems, portfolio.Message(err))
		}
	}
	return problems, nil
}
