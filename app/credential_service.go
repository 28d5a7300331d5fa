package app

import (
	"context"
	"net/url"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// CredentialService is bound to the frontend: certifications, micro-credentials and badges,
// the rubric tool evaluations are scored against, and the impact at a glance.
type CredentialService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
}

// List returns every credential with what its file claims and the offline checks.
func (s *CredentialService) List() ([]workspace.CredentialView, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]workspace.CredentialView, error) {
		return ws.Credentials(s.ctx)
	})
}

// ImportBadge asks for an Open Badges file and records it; cancelling records nothing and
// returns a view without an id.
func (s *CredentialService) ImportBadge() (workspace.CredentialView, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.CredentialView, error) {
		path, err := s.desktop.OpenFile("Import a badge", "Open Badges (PNG, SVG, JSON)", "*.png;*.svg;*.json;*.jws;*.jwt")
		if err != nil || path == "" {
			return workspace.CredentialView{}, err
		}
		return ws.ImportBadge(s.ctx, path)
	})
}

// Add records a credential typed by the educator. withFile asks for its file (a certificate PDF,
// an image) first; cancelling that picker records nothing.
func (s *CredentialService) Add(c portfolio.Credential, withFile bool) (workspace.CredentialView, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.CredentialView, error) {
		path := ""
		if withFile {
			var err error
			path, err = s.desktop.OpenFile("Choose the credential's file", "Certificates and badges", "*.pdf;*.png;*.jpg;*.jpeg;*.svg;*.json")
			if err != nil || path == "" {
				return workspace.CredentialView{}, err
			}
		}
		return ws.AddCredential(s.ctx, c, path)
	})
}

// Save stores the educator's edits of a credential's fields.
func (s *CredentialService) Save(c portfolio.Credential) (workspace.CredentialView, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.CredentialView, error) {
		saved, err := ws.Store.UpdateCredential(s.ctx, c)
		if err != nil {
			return workspace.CredentialView{}, err
		}
		return ws.Credential(s.ctx, saved.ID)
	})
}

// Remove deletes a credential and its file; the frontend asks the user first.
func (s *CredentialService) Remove(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.DeleteCredential(s.ctx, id) })
}

// OpenFile opens a credential's file in the system's app for its type, never inside the window.
func (s *CredentialService) OpenFile(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error {
		c, err := ws.Store.Credential(s.ctx, id)
		if err != nil {
			return err
		}
		if c.SHA256 == "" {
			return portfolio.Errorf(portfolio.CodeNotFound, "%q has no file; add it again with its file to keep one.", c.Name)
		}
		path, err := ws.ExportForViewing(portfolio.Artifact{ID: c.ID, Type: portfolio.ArtifactFile, FileName: c.FileName, SHA256: c.SHA256, Size: c.Size})
		if err != nil {
			return err
		}
		s.desktop.OpenURL((&url.URL{Scheme: "file", Path: path}).String())
		return nil
	})
}

// RubricInfo is the rubric new tool evaluations are scored against and where it came from.
type RubricInfo struct {
	Rubric portfolio.Rubric `json:"rubric"`
	Custom bool             `json:"custom"` // imported by the educator or district; false for the built-in one
}

// Rubric returns the rubric new tool evaluations are scored against.
func (s *CredentialService) Rubric() (RubricInfo, error) {
	return with(s.session, func(ws *workspace.Workspace) (RubricInfo, error) {
		r, custom, err := ws.Store.EvaluationRubric(s.ctx)
		return RubricInfo{Rubric: r, Custom: custom}, err
	})
}

// ImportRubric asks for a district's rubric file and makes it the one new evaluations use.
func (s *CredentialService) ImportRubric() (RubricInfo, error) {
	return with(s.session, func(ws *workspace.Workspace) (RubricInfo, error) {
		path, err := s.desktop.OpenJSON("Import an evaluation rubric (JSON)")
		if err != nil || path == "" {
			return RubricInfo{}, err
		}
		r, err := ws.SetEvaluationRubricFile(s.ctx, path)
		return RubricInfo{Rubric: r, Custom: true}, err
	})
}

// ResetRubric goes back to the built-in rubric for new evaluations.
func (s *CredentialService) ResetRubric() (RubricInfo, error) {
	return with(s.session, func(ws *workspace.Workspace) (RubricInfo, error) {
		if err := ws.Store.SetEvaluationRubric(s.ctx, nil); err != nil {
			return RubricInfo{}, err
		}
		return RubricInfo{Rubric: portfolio.BuiltinRubric()}, nil
	})
}

// Impact is the impact at a glance of the whole portfolio, in the words every export uses.
type Impact struct {
	Title   string           `json:"title"`
	Figures []present.Figure `json:"figures"`
}

// Impact returns the dashboard's impact at a glance: figures derived from every live entry, the
// credentials and the coverage of every framework.
func (s *CredentialService) Impact() (Impact, error) {
	return with(s.session, func(ws *workspace.Workspace) (Impact, error) {
		f, err := ws.Impact(s.ctx)
		if err != nil {
			return Impact{}, err
		}
		figures := present.ImpactFigures(f)
		if figures == nil {
			figures = []present.Figure{}
		}
		return Impact{Title: present.ImpactTitle, Figures: figures}, nil
	})
}
