package workspace

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// SetProfilePhoto stores the image at path and makes it the profile's photo. The previous
// photo's file is removed when nothing else uses it.
func (w *Workspace) SetProfilePhoto(ctx context.Context, path string) (portfolio.Profile, error) {
	photo, err := w.storeFile(ctx, path, nil)
	if err != nil {
		return portfolio.Profile{}, err
	}
	if !photo.IsImage() {
		w.forgetStored([]portfolio.Artifact{photo})
		return portfolio.Profile{}, portfolio.Errorf(portfolio.CodeInvalid, "%s is not an image (it looks like %s); choose a JPEG, PNG, GIF or WebP photo.", path, photo.MediaType)
	}
	return w.replacePhoto(ctx, photo.SHA256)
}

// RemoveProfilePhoto clears the profile's photo.
func (w *Workspace) RemoveProfilePhoto(ctx context.Context) (portfolio.Profile, error) {
	return w.replacePhoto(ctx, "")
}

func (w *Workspace) replacePhoto(ctx context.Context, sha256 string) (portfolio.Profile, error) {
	p, err := w.Store.Profile(ctx)
	if err != nil {
		return p, err
	}
	old := p.PhotoSHA256
	p.PhotoSHA256 = sha256
	saved, err := w.Store.SaveProfile(ctx, p)
	if err != nil {
		return saved, err
	}
	if old == "" || old == sha256 {
		return saved, nil
	}
	return saved, w.collectGarbage(ctx, []string{old})
}
