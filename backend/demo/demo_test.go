package demo

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// TestBatchesDoNotChangeTheContent: the sample is the same whether it is written in one
// transaction or in many, and pilots of one template share one stored outcomes.csv.
func TestBatchesDoNotChangeTheContent(t *testing.T) {
	fill := func(size int) ([]string, Report) {
		t.Helper()
		defer func(old int) { batchSize = old }(batchSize)
		batchSize = size
		ws, err := workspace.Open(workspace.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		ctx := context.Background()
		report, err := Fill(ctx, ws, Options{Seed: 3, Entries: 26, Images: 2})
		if err != nil {
			t.Fatal(err)
		}
		entries, err := ws.Store.ListEntries(ctx, portfolio.EntryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			aligned, err := ws.Store.EntryAlignments(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			line := fmt.Sprintf("%s|%s|%s|%s|%d aligned", e.Title, e.StartDate, e.EndDate, e.Status, len(aligned))
			for _, a := range e.Artifacts {
				line += fmt.Sprintf("|%s %s %s %d %s %q", a.FileName, a.MediaType, a.SHA256, a.Size, a.Role, a.Caption)
				if a.Type == portfolio.ArtifactFile && !ws.Blobs.Has(a.SHA256) {
					t.Errorf("%s: the file of %s is not in the blob store", e.Title, a.FileName)
				}
			}
			out = append(out, line)
		}
		return out, report
	}
	one, oneReport := fill(500)
	many, manyReport := fill(4)
	if len(one) != 26 {
		t.Fatalf("%d entries, want 26", len(one))
	}
	if !reflect.DeepEqual(one, many) || !reflect.DeepEqual(oneReport, manyReport) {
		t.Errorf("batches of 4 changed the sample:\n%v\n%+v\nvs\n%v\n%+v", many, manyReport, one, oneReport)
	}
}
