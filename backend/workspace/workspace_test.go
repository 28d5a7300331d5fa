package workspace

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func openTemp(t *testing.T) *Workspace {
	t.Helper()
	w, err := Open(Options{Dir: filepath.Join(t.TempDir(), "data"), Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func pngBytes(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func TestDataFolderIsPrivate(t *testing.T) {
	w := openTemp(t)
	info, err := os.Stat(w.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o700 {
		t.Errorf("data folder permissions %o, want 700", info.Mode().Perm())
	}
}

func TestAttachFileStoresItAndReportsProgress(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	e, err := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Poster"))
	if err != nil {
		t.Fatal(err)
	}
	data := pngBytes(t, 40, 30)
	var lastDone, lastTotal int64
	a, err := w.AttachFile(ctx, e.ID, portfolio.RoleAttachment, writeFile(t, "poster.png", data), "the poster", func(done, total int64) { lastDone, lastTotal = done, total })
	if err != nil {
		t.Fatal(err)
	}
	if a.MediaType != "image/png" || a.Size != int64(len(data)) || a.FileName != "poster.png" || a.Caption != "the poster" {
		t.Errorf("artifact = %+v", a)
	}
	if lastDone != int64(len(data)) || lastTotal != int64(len(data)) {
		t.Errorf("progress ended at %d of %d, want %d", lastDone, lastTotal, len(data))
	}
	thumb, err := w.Thumbnail(a.SHA256, 16)
	if err != nil {
		t.Fatal(err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(thumb))
	if err != nil || format != "jpeg" || cfg.Width != 16 || cfg.Height != 12 {
		t.Errorf("thumbnail %s %dx%d (%v), want a 16x12 jpeg", format, cfg.Width, cfg.Height, err)
	}
}

func TestRemovingTheLastReferenceDeletesTheFile(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	one, _ := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "One"))
	two, _ := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Two"))
	path := writeFile(t, "shared.txt", []byte("same bytes in two entries"))
	a1, err := w.AttachFile(ctx, one.ID, portfolio.RoleAttachment, path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := w.AttachFile(ctx, two.ID, portfolio.RoleAttachment, path, "", nil)
	if a1.SHA256 != a2.SHA256 {
		t.Fatal("identical files were not deduplicated")
	}
	if err := w.RemoveArtifact(ctx, a1.ID); err != nil {
		t.Fatal(err)
	}
	if !w.Blobs.Has(a1.SHA256) {
		t.Fatal("file deleted while another entry still uses it")
	}
	w.Store.TrashEntry(ctx, two.ID)
	if !w.Blobs.Has(a1.SHA256) {
		t.Fatal("file deleted while its entry is only in the trash")
	}
	n, err := w.EmptyTrash(ctx)
	if err != nil || n != 1 {
		t.Fatalf("EmptyTrash = %d, %v", n, err)
	}
	if w.Blobs.Has(a1.SHA256) {
		t.Error("file kept after its last entry was deleted for good")
	}
}

func TestCreateEntryWithFilesIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	good := writeFile(t, "good.txt", []byte("kept only if the whole entry is saved"))
	_, err := w.CreateEntryWithFiles(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Half"), []string{good, filepath.Join(t.TempDir(), "absent.pdf")})
	if portfolio.Code(err) != portfolio.CodeInvalid || !strings.Contains(err.Error(), "absent.pdf") {
		t.Fatalf("err = %v", err)
	}
	list, _ := w.Store.ListEntries(ctx, portfolio.EntryFilter{})
	refs, _ := w.Store.BlobRefs(ctx)
	if len(list) != 0 || len(refs) != 0 {
		t.Fatalf("after a failed add: %d entries, %d blobs referenced", len(list), len(refs))
	}
	e, err := w.CreateEntryWithFiles(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Whole"), []string{good})
	if err != nil || len(e.Artifacts) != 1 || e.Artifacts[0].FileName != "good.txt" {
		t.Fatalf("entry = %+v, %v", e, err)
	}
}

func TestProfilePhotoMustBeAnImageAndReplacesTheOldOne(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	if _, err := w.SetProfilePhoto(ctx, writeFile(t, "cv.txt", []byte("not a picture"))); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("a text file became the photo: %v", err)
	}
	first, err := w.SetProfilePhoto(ctx, writeFile(t, "me.png", pngBytes(t, 10, 10)))
	if err != nil || first.PhotoSHA256 == "" {
		t.Fatalf("photo: %+v %v", first, err)
	}
	second, err := w.SetProfilePhoto(ctx, writeFile(t, "me2.png", pngBytes(t, 12, 12)))
	if err != nil || second.PhotoSHA256 == first.PhotoSHA256 {
		t.Fatalf("second photo: %+v %v", second, err)
	}
	if w.Blobs.Has(first.PhotoSHA256) {
		t.Error("the replaced photo's file was kept")
	}
	cleared, _ := w.RemoveProfilePhoto(ctx)
	if cleared.PhotoSHA256 != "" || w.Blobs.Has(second.PhotoSHA256) {
		t.Error("removing the photo left it in place")
	}
}

func TestExportForViewingCopiesTheOriginal(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	e, _ := w.Store.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Doc"))
	a, _ := w.AttachFile(ctx, e.ID, portfolio.RoleAttachment, writeFile(t, "plan.txt", []byte("lesson plan")), "", nil)
	path, err := w.ExportForViewing(a)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "lesson plan" || filepath.Base(path) != "plan.txt" {
		t.Errorf("viewing copy %s holds %q", path, got)
	}
}
