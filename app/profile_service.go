package app

import (
	"context"
	"encoding/base64"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

const (
	photoSide     = 256 // pixels of the longer side of the profile photo shown in the app
	thumbnailSide = 320 // pixels of the longer side of artifact thumbnails
)

// ProfileService is bound to the frontend: the educator's profile and photo.
type ProfileService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
}

// Get returns the profile.
func (s *ProfileService) Get() (portfolio.Profile, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Profile, error) {
		return ws.Store.Profile(s.ctx)
	})
}

// Save stores the profile's text fields; the photo changes only through ChoosePhoto and
// RemovePhoto.
func (s *ProfileService) Save(p portfolio.Profile) (portfolio.Profile, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Profile, error) {
		current, err := ws.Store.Profile(s.ctx)
		if err != nil {
			return current, err
		}
		p.PhotoSHA256 = current.PhotoSHA256
		return ws.Store.SaveProfile(s.ctx, p)
	})
}

// ChoosePhoto asks for an image and makes it the profile photo. Cancelling changes nothing.
func (s *ProfileService) ChoosePhoto() (portfolio.Profile, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Profile, error) {
		path, err := s.desktop.OpenImage("Choose a profile photo")
		if err != nil || path == "" {
			p, perr := ws.Store.Profile(s.ctx)
			if err == nil {
				err = perr
			}
			return p, err
		}
		return ws.SetProfilePhoto(s.ctx, path)
	})
}

// RemovePhoto clears the profile photo.
func (s *ProfileService) RemovePhoto() (portfolio.Profile, error) {
	return with(s.session, func(ws *workspace.Workspace) (portfolio.Profile, error) {
		return ws.RemoveProfilePhoto(s.ctx)
	})
}

// Photo returns the profile photo as a data URL, or "" when there is none.
func (s *ProfileService) Photo() (string, error) {
	return with(s.session, func(ws *workspace.Workspace) (string, error) {
		p, err := ws.Store.Profile(s.ctx)
		if err != nil || p.PhotoSHA256 == "" {
			return "", err
		}
		return jpegDataURL(ws.Thumbnail(p.PhotoSHA256, photoSide))
	})
}

func jpegDataURL(jpegBytes []byte, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(jpegBytes), nil
}
