package app

import (
	"context"
	"net/url"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// ArtifactService is bound to the frontend: files and links attached to entries.
type ArtifactService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
}

// ImportProgress is sent as the "artifacts:progress" event while a file is being stored.
type ImportProgress struct {
	EntryID    string `json:"entryId"`
	FileName   string `json:"fileName"`
	BytesDone  int64  `json:"bytesDone"`
	BytesTotal int64  `json:"bytesTotal"`
}

// PickFiles shows the file picker and attaches the chosen files; cancelling attaches nothing.
func (s *ArtifactService) PickFiles(entryID, role string) ([]portfolio.Artifact, error) {
	paths, err := s.desktop.OpenFiles("Attach files")
	if err != nil {
		return nil, userError(err)
	}
	return s.AddFiles(entryID, role, paths)
}

// AddFiles attaches files by path, as dropped on the window. It stops at the first file that
// fails and reports which one; the files before it stay attached.
func (s *ArtifactService) AddFiles(entryID, role string, paths []string) ([]portfolio.Artifact, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]portfolio.Artifact, error) {
		added := []portfolio.Artifact{}
		for _, path := range paths {
			a, err := ws.AttachFile(s.ctx, entryID, portfolio.ArtifactRole(role), path, "", s.progress(entryID, path))
			if err != nil {
				return added, err
			}
			added = append(added, a)
		}
		return added, nil
	})
}

// progress reports import progress to the frontend at most ten times a second.
func (s *ArtifactService) progress(entryID, path string) workspace.Progress {
	var last time.Time
	return func(done, total int64) {
		if now := time.Now(); done == total || now.Sub(last) >= 100*time.Millisecond {
			last = now
			s.desktop.Emit("artifacts:progress", ImportProgress{EntryID: entryID, FileName: path, BytesDone: done, BytesTotal: total})
		}
	}
}

// AddLink attaches a web link.
func (s *ArtifactService) AddLink(entryID, role, link, title, caption string) (portfolio.Artifact, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Artifact, error) {
		return ws.Store.AddArtifact(s.ctx, portfolio.Artifact{
			EntryID: entryID, Type: portfolio.ArtifactLink, Role: portfolio.ArtifactRole(role),
			URL: link, LinkTitle: title, Caption: caption,
		})
	})
}

// Update saves an artifact's caption, title or link.
func (s *ArtifactService) Update(a portfolio.Artifact) (portfolio.Artifact, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Artifact, error) {
		return ws.Store.UpdateArtifact(s.ctx, a)
	})
}

// Remove detaches an artifact; the frontend asks the user first.
func (s *ArtifactService) Remove(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error { return ws.RemoveArtifact(s.ctx, id) })
}

// Thumbnail returns an image artifact as a small JPEG data URL, "" for other artifacts.
func (s *ArtifactService) Thumbnail(id string) (string, error) {
	return with(s.session, func(ws *workspace.Workspace) (string, error) {
		a, err := ws.Store.Artifact(s.ctx, id)
		if err != nil || !a.IsImage() {
			return "", err
		}
		return jpegDataURL(ws.Thumbnail(a.SHA256, thumbnailSide))
	})
}

// OpenExternally opens a link in the system browser, or a file in the system's app for its
// type, never inside ReadyFolio's own window.
func (s *ArtifactService) OpenExternally(id string) error {
	return do(s.session, func(ws *workspace.Workspace) error {
		a, err := ws.Store.Artifact(s.ctx, id)
		if err != nil {
			return err
		}
		if a.Type == portfolio.ArtifactLink {
			s.desktop.OpenURL(a.URL)
			return nil
		}
		path, err := ws.ExportForViewing(a)
		if err != nil {
			return err
		}
		s.desktop.OpenURL((&url.URL{Scheme: "file", Path: path}).String())
		return nil
	})
}
