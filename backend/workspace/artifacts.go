package workspace

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/readyfolio/readyfolio/backend/blobs"
	"github.com/readyfolio/readyfolio/backend/imaging"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Progress is told how many bytes of a file have been stored so far, out of total.
type Progress = blobs.Progress

// AttachFile copies the file at path into the artifact store and attaches it to the entry,
// streaming it so that memory stays flat whatever its size.
func (w *Workspace) AttachFile(ctx context.Context, entryID string, role portfolio.ArtifactRole, path, caption string, progress Progress) (portfolio.Artifact, error) {
	a, err := w.storeFile(ctx, path, progress)
	if err != nil {
		return a, err
	}
	a.EntryID, a.Role, a.Caption = entryID, role, caption
	return w.addStored(ctx, a)
}

// AttachStream stores the bytes read from r as an artifact named fileName.
func (w *Workspace) AttachStream(ctx context.Context, entryID string, role portfolio.ArtifactRole, fileName, caption string, r io.Reader) (portfolio.Artifact, error) {
	a, err := w.storeStream(ctx, fileName, r)
	if err != nil {
		return a, err
	}
	a.EntryID, a.Role, a.Caption = entryID, role, caption
	return w.addStored(ctx, a)
}

// CreateEntryWithFiles stores the files first and then creates the entry together with its
// artifacts in one transaction, so the entry is never visible without its files.
func (w *Workspace) CreateEntryWithFiles(ctx context.Context, e portfolio.Entry, paths []string) (portfolio.Entry, error) {
	e.Artifacts = nil
	for _, path := range paths {
		a, err := w.storeFile(ctx, path, nil)
		if err != nil {
			w.forgetStored(e.Artifacts)
			return portfolio.Entry{}, err
		}
		a.Role = portfolio.RoleAttachment
		e.Artifacts = append(e.Artifacts, a)
	}
	saved, err := w.Store.CreateEntry(ctx, e)
	if err != nil {
		w.forgetStored(e.Artifacts)
		return saved, err
	}
	for _, a := range saved.Artifacts {
		w.prepareForPrint(a)
	}
	return saved, nil
}

// addStored records an artifact whose file is already in the blob store.
func (w *Workspace) addStored(ctx context.Context, a portfolio.Artifact) (portfolio.Artifact, error) {
	saved, err := w.Store.AddArtifact(ctx, a)
	if err != nil {
		w.forgetStored([]portfolio.Artifact{a})
		return saved, err
	}
	w.prepareForPrint(saved)
	return saved, nil
}

// prepareForPrint fills the print cache for an image as it is imported, so that exports do not
// decode and shrink every photo again. A failure only means the export will try itself, and
// show a placeholder if the image is really unreadable.
func (w *Workspace) prepareForPrint(a portfolio.Artifact) {
	if a.Type == portfolio.ArtifactFile && a.IsImage() {
		printImages{w}.Print(a.SHA256, pdfrender.PrintSide)
	}
}

// forgetStored removes the files of artifacts that could not be recorded, unless something
// else refers to the same content. It runs after a failure, so its own errors are secondary.
func (w *Workspace) forgetStored(artifacts []portfolio.Artifact) {
	var hashes []string
	for _, a := range artifacts {
		hashes = append(hashes, a.SHA256)
	}
	w.collectGarbage(context.Background(), hashes)
}

// storeFile streams the file at path into the blob store and describes it as an artifact that
// is not yet attached to any entry.
func (w *Workspace) storeFile(ctx context.Context, path string, progress Progress) (portfolio.Artifact, error) {
	blob, err := w.Blobs.PutFile(ctx, path, progress)
	if err != nil {
		return portfolio.Artifact{}, err
	}
	return w.describe(filepath.Base(path), blob)
}

// storeStream is storeFile for bytes that do not come from a file.
func (w *Workspace) storeStream(ctx context.Context, fileName string, r io.Reader) (portfolio.Artifact, error) {
	blob, err := w.Blobs.PutNamed(ctx, r, fileName)
	if err != nil {
		return portfolio.Artifact{}, err
	}
	return w.describe(fileName, blob)
}

// describe names the media type of a stored blob from its first bytes and its file name.
func (w *Workspace) describe(fileName string, blob blobs.Blob) (portfolio.Artifact, error) {
	f, err := w.Blobs.Open(blob.SHA256)
	if err != nil {
		return portfolio.Artifact{}, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return portfolio.Artifact{}, fmt.Errorf("reading the stored copy of %s: %w", fileName, err)
	}
	return portfolio.Artifact{
		Type: portfolio.ArtifactFile, FileName: fileName, MediaType: imaging.SniffMediaType(fileName, head[:n]),
		Size: blob.Size, SHA256: blob.SHA256,
	}, nil
}

// RemoveArtifact detaches an artifact and deletes its file when no other artifact shares it.
func (w *Workspace) RemoveArtifact(ctx context.Context, id string) error {
	a, err := w.Store.DeleteArtifact(ctx, id)
	if err != nil {
		return err
	}
	if a.Type != portfolio.ArtifactFile {
		return nil
	}
	return w.collectGarbage(ctx, []string{a.SHA256})
}

// EmptyTrash deletes the trashed entries for good, and the files only they referred to.
func (w *Workspace) EmptyTrash(ctx context.Context) (int, error) {
	trashed, err := w.Store.ListTrash(ctx)
	if err != nil {
		return 0, err
	}
	var hashes []string
	for _, e := range trashed {
		for _, a := range e.Artifacts {
			if a.Type == portfolio.ArtifactFile {
				hashes = append(hashes, a.SHA256)
			}
		}
	}
	n, err := w.Store.EmptyTrash(ctx)
	if err != nil {
		return 0, err
	}
	return n, w.collectGarbage(ctx, hashes)
}

// ExportForViewing copies a file artifact to a private viewing folder under its own name, so
// the system's app for its type can open it without being able to change the stored original.
func (w *Workspace) ExportForViewing(a portfolio.Artifact) (string, error) {
	if a.Type != portfolio.ArtifactFile {
		return "", portfolio.Errorf(portfolio.CodeInvalid, "Only files can be opened in another app; links open in the browser.")
	}
	src, err := w.Blobs.Open(a.SHA256)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dir := filepath.Join(w.Dir, ViewingDir, a.ID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, filepath.Base(a.FileName))
	if _, err := os.Stat(path); err == nil {
		return path, nil // an artifact's bytes never change, so an earlier copy is still right
	}
	// Copied under a temporary name and renamed when complete: a copy cut short, even by a
	// crash, must never sit at path, where a later call would take it as complete.
	tmp, err := os.CreateTemp(dir, cacheTemp)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(tmp, src)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o400)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		if _, serr := os.Stat(path); serr == nil {
			return path, nil // another call made the same copy meanwhile
		}
		return "", err
	}
	return path, nil
}
