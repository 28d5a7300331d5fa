package app

import (
	"context"
	"sync"
	"time"

	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/submission"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// ExportService is bound to the frontend: the signed PDF and the submission package, and the
// export page's estimate.
type ExportService struct {
	ctx     context.Context
	session *Session
	desktop Desktop

	mu     sync.Mutex
	cancel context.CancelFunc // of the export in progress, nil when none
}

// PresetPackage is ExportRequest.Preset for the submission package: the Certification PDF with
// the original files beside it in a signed zip. Only Paper matters for it.
const PresetPackage = "package"

// ExportRequest is what the export page chose.
type ExportRequest struct {
	Preset       string   `json:"preset"` // "certification", "interview" or PresetPackage
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

// progressInterval is how often at most "export:progress" is sent within a stage: a package of
// thousands of files would otherwise flood the window with events.
const progressInterval = 50 * time.Millisecond

func (s *ExportService) options(req ExportRequest) workspace.ExportOptions {
	return workspace.ExportOptions{
		Preset: pdfrender.Preset(req.Preset), Paper: pdfrender.Paper(req.Paper), EntryIDs: req.EntryIDs,
		Highlights: req.Highlights, LeaveOutOver: req.LeaveOutOver, AppVersion: s.session.version, Now: time.Now(),
	}
}

// Estimate reports the pages and size the export would have, for the page to show live. For
// the package it is the PDF's estimate (with the originals beside it rather than embedded) plus
// the originals' sizes: about right, since most evidence is already compressed media.
func (s *ExportService) Estimate(req ExportRequest) (workspace.Estimate, error) {
	return with(s.session, func(ws *workspace.Workspace) (workspace.Estimate, error) {
		if req.Preset != PresetPackage {
			return ws.EstimatePDF(s.ctx, s.options(req))
		}
		opts := s.options(ExportRequest{Preset: string(pdfrender.PresetCertification), Paper: req.Paper})
		opts.OriginalsBeside = true
		est, err := ws.EstimatePDF(s.ctx, opts)
		if err != nil {
			return est, err
		}
		src, err := ws.ExportSource(s.ctx, opts)
		if err != nil {
			return est, err
		}
		for _, e := range src.Entries {
			for _, a := range e.Artifacts {
				if a.Type == portfolio.ArtifactFile {
					est.Bytes += a.Size
				}
			}
		}
		est.LeftOut = []string{}
		return est, nil
	})
}

// ExportPDF asks where to save, unlocks the identity with the passphrase, then renders, signs
// and writes the PDF, reporting progress. Cancelling the save dialog returns an empty report.
func (s *ExportService) ExportPDF(req ExportRequest, passphrase string) (workspace.ExportReport, error) {
	return signAndSave(s, passphrase, saveDialog{"Save the signed PDF", "portfolio.pdf", "*.pdf"},
		func(ctx context.Context, ws *workspace.Workspace, path string, signer *signing.Signer, progress func(string, int, int)) (workspace.ExportReport, error) {
			opts := s.options(req)
			opts.Overwrite = true // the save dialog has asked the user before choosing an existing file
			opts.Progress = progress
			return ws.ExportPDF(ctx, path, signer, opts)
		})
}

// ExportPackage is ExportPDF for the submission package (.zip): the signed Certification PDF,
// portfolio.json, the offline viewer and every original file, for a certifying body. Progress
// goes through the PDF's stages, then submission.StagePayload ("package") once per file.
func (s *ExportService) ExportPackage(req ExportRequest, passphrase string) (submission.Report, error) {
	return signAndSave(s, passphrase, saveDialog{"Save the submission package", "portfolio-package.zip", "*.zip"},
		func(ctx context.Context, ws *workspace.Workspace, path string, signer *signing.Signer, progress func(string, int, int)) (submission.Report, error) {
			return submission.Build(ctx, ws, path, signer, submission.Options{
				Paper: pdfrender.Paper(req.Paper), Now: time.Now(), AppVersion: s.session.version,
				Overwrite: true, // the save dialog has asked
				Progress:  progress,
			})
		})
}

// saveDialog is what the save dialog of an export says and proposes.
type saveDialog struct{ title, defaultName, pattern string }

// signAndSave is what every signed export shares: unlock the identity with the passphrase
// (before any dialog, so a wrong one is said at once), ask where to save, then write with a
// context that Cancel stops and progress sent as "export:progress". A cancelled save dialog
// returns the zero report.
func signAndSave[T any](s *ExportService, passphrase string, dialog saveDialog,
	write func(ctx context.Context, ws *workspace.Workspace, path string, signer *signing.Signer, progress func(stage string, done, total int)) (T, error),
) (T, error) {
	return with(s.session, func(ws *workspace.Workspace) (T, error) {
		var zero T
		ids, err := ws.Identity()
		if err != nil {
			return zero, err
		}
		id, err := ids.Unlock([]byte(passphrase))
		if err != nil {
			return zero, err
		}
		path, err := s.desktop.SaveFile(dialog.title, dialog.defaultName, dialog.pattern)
		if err != nil || path == "" {
			return zero, err
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
		return write(ctx, ws, path, signing.NewSigner(id), s.progress())
	})
}

// progress sends "export:progress": the first and last step of every stage, and the steps
// between at most every progressInterval.
func (s *ExportService) progress() func(stage string, done, total int) {
	var last time.Time
	var lastStage string
	return func(stage string, done, total int) {
		now := time.Now()
		if stage == lastStage && done < total && now.Sub(last) < progressInterval {
			return
		}
		last, lastStage = now, stage
		s.desktop.Emit("export:progress", ExportProgress{Stage: stage, Done: done, Total: total})
	}
}

// Cancel stops the export in progress; it leaves no file behind.
func (s *ExportService) Cancel() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}
