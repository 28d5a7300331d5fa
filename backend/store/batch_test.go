package store

import (
	"context"
	"errors"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestBatchCommitsOnce(t *testing.T) {
	s, _, _ := openStore(t)
	var first portfolio.Entry
	err := s.Batch(ctx, "fill", func(ctx context.Context) error {
		for _, title := range []string{"One", "Two", "Three"} {
			e, err := s.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, title))
			if err != nil {
				return err
			}
			if first.ID == "" {
				first = e
			}
		}
		mustAddIn(t, ctx, s, fileArtifact(first.ID, "notes.txt", "Field notes", 1))
		// Reads see the state before the batch until it commits.
		if n := len(mustList(t, s, portfolio.EntryFilter{})); n != 0 {
			t.Errorf("a read during the batch saw %d entries", n)
		}
		// A batch inside the batch joins it.
		return s.Batch(ctx, "inner", func(ctx context.Context) error {
			_, err := s.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Four"))
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "after the batch", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"One", "Two", "Three", "Four"})
	same(t, "search", searchTitles(t, s, "field notes"), []string{"One"})
}

func TestBatchFailureKeepsNothing(t *testing.T) {
	s, _, _ := openStore(t)
	mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Before"))
	boom := errors.New("boom")
	err := s.Batch(ctx, "fill", func(ctx context.Context) error {
		if _, err := s.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Lost")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Batch = %v, want boom", err)
	}
	same(t, "after a failed batch", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"Before"})
	same(t, "search", searchTitles(t, s, "lost"), []string{})
}

// TestBatchChangeIsAllOrNothing: a change that fails inside a batch leaves nothing behind, and
// the batch can go on.
func TestBatchChangeIsAllOrNothing(t *testing.T) {
	s, _, _ := openStore(t)
	err := s.Batch(ctx, "fill", func(ctx context.Context) error {
		e := portfolio.NewEntry(portfolio.KindArtifact, "Half")
		// The entry's row is written before its artifact is refused, and must go with it.
		e.Artifacts = []portfolio.Artifact{{Type: portfolio.ArtifactLink, Role: portfolio.RoleAttachment, URL: "not a link"}}
		if _, err := s.CreateEntry(ctx, e); portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("CreateEntry with a bad link = %v, want invalid", err)
		}
		_, err := s.CreateEntry(ctx, portfolio.NewEntry(portfolio.KindArtifact, "Whole"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "entries", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"Whole"})
	same(t, "rows", count(t, s, "SELECT count(*) FROM entries"), 1)
}

func mustAddIn(t *testing.T, ctx context.Context, s *Store, a portfolio.Artifact) {
	t.Helper()
	if _, err := s.AddArtifact(ctx, a); err != nil {
		t.Fatalf("AddArtifact: %v", err)
	}
}
