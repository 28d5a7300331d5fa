package app

import (
	"context"
	"sync"
	"time"

	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// ExportService is bound to the frontend: the signed PDF export and its dialog's estimate.
type ExportService struct {
	ctx     context.Context
	session *Session
	desktop Desktop

	mu     sync.Mutex
	cancel context.CancelFunc // of the export in progress, nil when none
}

// ExportRequest is what the export dialog chose.
type ExportRequest struct {
	Preset       string   `json:"preset"`
	Paper        string   `json:"paper"`
	EntryIDs     []string `json:"entryIds"`
	Highlights   []string `json:"highlights"`
	LeaveOutOver int64    `json:"leaveOutOver"`
}

// ExportProgress is sent as the "export:progress" event.
type ExportProgress struct {
	Stage string `json:"stage"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

func (s *ExportService) options(req ExportRequest) workspace.ExportOptions {
	return workspace.ExportOptions{
		Preset: pdfrender.Preset(req.Preset), Paper: pdfrender.Paper(req.Paper), EntryIDs: req.EntryIDs,
		Highlights: req.Highlights, LeaveOutOver: req.LeaveOutOver, AppVersion: s.session.version, Now: time.Now(),
	}
}

// Estimate reports the pages and size the export would have, for the dialog to show live.
func (s *ExportService) Estimate(req ExportRequest) (workspace.Estimate, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.Estimate, error) {
		return ws.EstimatePDF(s.ctx, s.options(req))
	})
}

// ExportPDF asks where to save, unlocks the identity with the passphrase, then renders, signs
// and writes the PDF, reporting progress. Cancelling the save dialog returns an empty report.
func (s *ExportService) ExportPDF(req ExportRequest, passphrase string) (workspace.ExportReport, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.ExportReport, error) {
		ids, err := ws.Identity()
		if err != nil {
			return workspace.ExportReport{}, err
		}
		id, err := ids.Unlock([]byte(passphrase))
		if err != nil {
			return workspace.ExportReport{}, err
		}
		path, err := s.desktop.SaveFile("Save the signed PDF", "portfolio.pdf", "*.pdf")
		if err != nil || path == "" {
			return workspace.ExportReport{}, err
		}
		ctx, cancel := context.WithCancel(s.ctx)
		s.mu.Lock()
		s.cancel = cancel
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			s.cancel = nil
			s.mu.Unlock()
			cancel()
		}()
		opts := s.options(req)
		opts.Overwrite = true // the save dialog has asked the user before choosing an existing file
		opts.Progress = func(stage string, done, total int) {
			s.desktop.Emit("export:progress", ExportProgress{Stage: stage, Done: done, Total: total})
		}
		return ws.ExportPDF(ctx, path, signing.NewSigner(id), opts)
	})
}

// Cancel stops the export in progress; it leaves no file behind.
func (s *ExportService) Cancel() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}
