package app

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// EntryService is bound to the frontend: creating, editing, ordering and trashing entries.
type EntryService struct {
	ctx     context.Context
	session *Session
}

// New creates an entry of the given kind with its kind's reflection prompts; a tool evaluation
// gets the data folder's evaluation rubric.
func (s *EntryService) New(kind string, title string) (portfolio.Entry, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Entry, error) {
		k, err := portfolio.ParseKind(kind)
		if err != nil {
			return portfolio.Entry{}, err
		}
		return ws.NewEntry(s.ctx, k, title)
	})
}

// Get returns one entry with its artifacts.
func (s *EntryService) Get(id string) (portfolio.Entry, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Entry, error) {
		return ws.Store.Entry(s.ctx, id)
	})
}

// Save stores an edited entry; the editor calls it on every change after a short pause.
func (s *EntryService) Save(e portfolio.Entry) (portfolio.Entry, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Entry, error) {
		return ws.Store.UpdateEntry(s.ctx, e)
	})
}

// List returns the live entries that pass the filter, in its sort order.
func (s *EntryService) List(f portfolio.EntryFilter) ([]portfolio.Entry, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.Entry, error) {
		return ws.Store.ListEntries(s.ctx, f)
	})
}

// Reorder sets the educator's own order.
func (s *EntryService) Reorder(ids []string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.Store.ReorderEntries(s.ctx, ids) })
}

// Trash moves an entry to the trash.
func (s *EntryService) Trash(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.Store.TrashEntry(s.ctx, id) })
}

// Restore brings an entry back from the trash.
func (s *EntryService) Restore(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.Store.RestoreEntry(s.ctx, id) })
}

// ListTrash returns the trashed entries, most recently deleted first.
func (s *EntryService) ListTrash() ([]portfolio.Entry, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.Entry, error) {
		return ws.Store.ListTrash(s.ctx)
	})
}

// EmptyTrash deletes the trashed entries for good; the frontend asks the user first.
func (s *EntryService) EmptyTrash() (int, error) {
	return with(s.session, func(ws *workspace.Workspace) (int, error) { return ws.EmptyTrash(s.ctx) })
}

// Tags lists the tags in use with their counts.
func (s *EntryService) Tags() ([]portfolio.TagCount, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.TagCount, error) {
		return ws.Store.Tags(s.ctx)
	})
}
