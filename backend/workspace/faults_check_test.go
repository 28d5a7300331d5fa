package workspace

import (
	"context"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// TestCheckAfterEditsInTheSameProcess is the regression test for a false alarm the fault tests
// found: a check, then any edit of an entry, then a check again in the same process (as a
// long-running window would do) reported "fts5: checksum mismatch for table entry_search", while
// the index was intact and a fresh connection said so.
func TestCheckAfterEditsInTheSameProcess(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	e, err := w.CreateEntryWithFiles(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Poster"),
		[]string{writeFile(t, "poster.png", pngBytes(t, 60, 40))})
	if err != nil {
		t.Fatal(err)
	}
	faultsHealthy(t, w, "after creating an entry")
	e.Title = "Poster, revised"
	if e, err = w.Store.UpdateEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	faultsHealthy(t, w, "after editing the entry")
	if _, err := w.AttachFile(ctx, e.ID, portfolio.RoleAttachment, faultsRandomFile(t, "notes.bin", 2000), "", nil); err != nil {
		t.Fatal(err)
	}
	faultsHealthy(t, w, "after attaching a file")
	if err := w.RemoveArtifact(ctx, e.Artifacts[0].ID); err != nil {
		t.Fatal(err)
	}
	faultsHealthy(t, w, "after removing a file")
}
