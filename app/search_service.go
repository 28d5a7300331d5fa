package app

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// searchLimit caps results; more than a screenful as-you-type is noise.
const searchLimit = 50

// SearchService is bound to the frontend: full-text search as the user types.
type SearchService struct {
	ctx     context.Context
	session *Session
}

// Search finds entries by anything the educator wrote and by artifact names.
func (s *SearchService) Search(query string) ([]portfolio.SearchHit, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.SearchHit, error) {
		return ws.Store.Search(s.ctx, query, searchLimit)
	})
}
