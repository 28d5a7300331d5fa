package workspace

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/google/uuid"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/frameworks"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
)

// syncBuiltIns stores the frameworks this version of the app ships. An unchanged built-in costs
// no write; an updated one is updated in place, and competencies it dropped are retired, so
// alignments made with an older version are never lost.
func (w *Workspace) syncBuiltIns(ctx context.Context) error {
	for _, f := range frameworks.BuiltIns() {
		if _, _, err := w.Store.SaveFramework(ctx, f); err != nil {
			return fmt.Errorf("installing the built-in framework %q: %w", f.Title, err)
		}
	}
	return nil
}

// ImportReport tells what importing a CASE file read and changed.
type ImportReport struct {
	Framework portfolio.Framework   `json:"framework"`
	File      frameworks.CASEReport `json:"file"`
	Change    store.FrameworkChange `json:"change"`
	Replaced  bool                  `json:"replaced"` // the same document was imported before and was updated in place
}

// ImportCASE reads a 1EdTech CASE JSON file and stores its framework. Importing the same
// document again (same CFDocument identifier) updates it in place and keeps the alignments.
// A file that cannot be read changes nothing.
func (w *Workspace) ImportCASE(ctx context.Context, path string) (ImportReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportReport{}, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s: %v.", path, atomicfile.UnwrapPathError(err))
	}
	defer f.Close()
	framework, fileReport, err := frameworks.ReadCASE(f)
	if err != nil {
		return ImportReport{}, err
	}
	_, getErr := w.Store.Framework(ctx, framework.ID)
	replaced := getErr == nil
	if getErr != nil && portfolio.Code(getErr) != portfolio.CodeNotFound {
		return ImportReport{}, getErr
	}
	saved, change, err := w.Store.SaveFramework(ctx, framework)
	if err != nil {
		return ImportReport{}, err
	}
	return ImportReport{Framework: saved, File: fileReport, Change: change, Replaced: replaced}, nil
}

// CreateCustomFramework starts an empty framework the educator builds in the app, such as a
// district rubric or a certification's criteria.
func (w *Workspace) CreateCustomFramework(ctx context.Context, title string) (portfolio.Framework, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return portfolio.Framework{}, portfolio.Errorf(portfolio.CodeInvalid, "Give the framework a title.")
	}
	id, err := uuid.NewV7()
	if err != nil {
		return portfolio.Framework{}, err
	}
	f, _, err := w.Store.SaveFramework(ctx, portfolio.Framework{
		ID: "custom-" + id.String(), Title: title, Origin: portfolio.OriginCustom, Scale: portfolio.ScaleProficiency,
		Competencies: []portfolio.Competency{},
	})
	return f, err
}

// SaveCustomFramework stores the educator's edits to a custom framework: competencies added,
// renamed, reordered or nested. Competencies removed from it are retired, not deleted.
func (w *Workspace) SaveCustomFramework(ctx context.Context, f portfolio.Framework) (portfolio.Framework, error) {
	stored, err := w.Store.Framework(ctx, f.ID)
	if err != nil {
		return portfolio.Framework{}, err
	}
	if stored.Origin != portfolio.OriginCustom {
		return portfolio.Framework{}, portfolio.Errorf(portfolio.CodeInvalid,
			"%q is not a custom framework: built-in frameworks are read-only and imported ones change by importing them again.", stored.Title)
	}
	f.Origin, f.Scale = portfolio.OriginCustom, stored.Scale
	for i := range f.Competencies {
		if f.Competencies[i].ID == "" {
			id, err := uuid.NewV7()
			if err != nil {
				return portfolio.Framework{}, err
			}
			f.Competencies[i].ID = f.ID + ":" + id.String()
		}
		f.Competencies[i].FrameworkID = f.ID
	}
	saved, _, err := w.Store.SaveFramework(ctx, f)
	return saved, err
}

// NewEntryForGap starts an entry of the given kind already aligned to a competency that has no
// evidence yet. If the alignment cannot be made the new entry is removed again.
func (w *Workspace) NewEntryForGap(ctx context.Context, kind portfolio.Kind, frameworkID, competencyID string) (portfolio.Entry, error) {
	framework, err := w.Store.Framework(ctx, frameworkID)
	if err != nil {
		return portfolio.Entry{}, err
	}
	var competency *portfolio.Competency
	for i, c := range framework.Competencies {
		if c.ID == competencyID {
			competency = &framework.Competencies[i]
		}
	}
	if competency == nil {
		return portfolio.Entry{}, portfolio.Errorf(portfolio.CodeNotFound, "No competency %s in %q.", competencyID, framework.Title)
	}
	title := "Evidence for " + strings.TrimSpace(competency.Code+" "+competency.Title)
	e, err := w.NewEntry(ctx, kind, title)
	if err != nil {
		return portfolio.Entry{}, err
	}
	if _, err := w.Store.Align(ctx, portfolio.Alignment{EntryID: e.ID, FrameworkID: frameworkID, CompetencyID: competencyID}); err != nil {
		w.Store.TrashEntry(context.WithoutCancel(ctx), e.ID)
		return portfolio.Entry{}, err
	}
	return e, nil
}

// FindCompetency finds a live competency of a framework by its code, as the command line names it.
func (w *Workspace) FindCompetency(ctx context.Context, frameworkID, code string) (portfolio.Competency, error) {
	framework, err := w.Store.Framework(ctx, frameworkID)
	if err != nil {
		return portfolio.Competency{}, err
	}
	for _, c := range framework.Competencies {
		if c.Code == code && c.RetiredAt == nil {
			return c, nil
		}
	}
	return portfolio.Competency{}, portfolio.Errorf(portfolio.CodeNotFound,
		"%q has no competency with the code %q; see 'readyfolio frameworks show %s'.", framework.Title, code, frameworkID)
}
