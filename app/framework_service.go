package app

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// FrameworkService is bound to the frontend: frameworks, alignments, self-assessment and the
// coverage map.
type FrameworkService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
}

// List returns every framework with its competency counts, without the competencies.
func (s *FrameworkService) List() ([]portfolio.Framework, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.Framework, error) {
		return ws.Store.Frameworks(s.ctx)
	})
}

// Get returns one framework with its whole tree.
func (s *FrameworkService) Get(id string) (portfolio.Framework, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Framework, error) {
		return ws.Store.Framework(s.ctx, id)
	})
}

// ImportCASE asks for a CASE JSON file and imports it; cancelling imports nothing and returns
// an empty report.
func (s *FrameworkService) ImportCASE() (workspace.ImportReport, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.ImportReport, error) {
		path, err := s.desktop.OpenJSON("Import a CASE framework (JSON)")
		if err != nil || path == "" {
			return workspace.ImportReport{}, err
		}
		return ws.ImportCASE(s.ctx, path)
	})
}

// CreateCustom starts an empty framework of the educator's own.
func (s *FrameworkService) CreateCustom(title string) (portfolio.Framework, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Framework, error) {
		return ws.CreateCustomFramework(s.ctx, title)
	})
}

// SaveCustom stores edits to a custom framework.
func (s *FrameworkService) SaveCustom(f portfolio.Framework) (portfolio.Framework, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Framework, error) {
		return ws.SaveCustomFramework(s.ctx, f)
	})
}

// Delete removes an imported or custom framework and its alignments; the frontend asks first.
func (s *FrameworkService) Delete(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.Store.DeleteFramework(s.ctx, id) })
}

// Coverage returns the coverage map of a framework.
func (s *FrameworkService) Coverage(frameworkID string) (portfolio.Coverage, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Coverage, error) {
		return ws.Store.Coverage(s.ctx, frameworkID)
	})
}

// Align aligns an entry to a competency, or updates the rationale and strength of an existing
// alignment.
func (s *FrameworkService) Align(a portfolio.Alignment) (portfolio.Alignment, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Alignment, error) {
		return ws.Store.Align(s.ctx, a)
	})
}

// Unalign removes an alignment.
func (s *FrameworkService) Unalign(entryID, competencyID string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.Store.Unalign(s.ctx, entryID, competencyID) })
}

// EntryAlignments lists an entry's alignments.
func (s *FrameworkService) EntryAlignments(entryID string) ([]portfolio.Alignment, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.Alignment, error) {
		return ws.Store.EntryAlignments(s.ctx, entryID)
	})
}

// SetAssessment records the educator's self-assessment of a competency.
func (s *FrameworkService) SetAssessment(competencyID string, status portfolio.AssessmentStatus) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.Store.SetAssessment(s.ctx, competencyID, status) })
}

// NewEntryForGap starts an entry of the given kind aligned to a competency without evidence.
func (s *FrameworkService) NewEntryForGap(kind, frameworkID, competencyID string) (portfolio.Entry, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Entry, error) {
		k, err := portfolio.ParseKind(kind)
		if err != nil {
			return portfolio.Entry{}, err
		}
		return ws.NewEntryForGap(s.ctx, k, frameworkID, competencyID)
	})
}
