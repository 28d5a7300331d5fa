package store

import (
	"fmt"
	"sync"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestEntryRoundTripEveryKind(t *testing.T) {
	s, c, _ := openStore(t)
	for i, in := range fullEntries() {
		t.Run(string(in.Kind), func(t *testing.T) {
			got := mustCreate(t, s, in)
			checkV7(t, got.ID)
			want := in
			want.ID, want.Position = got.ID, i+1
			want.CreatedAt, want.UpdatedAt = c.last(), c.last()
			want.Artifacts = []portfolio.Artifact{}
			same(t, "created entry", got, want)
			same(t, "stored entry", mustEntry(t, s, got.ID), want)

			// Change every field the educator can change; the rest must stay.
			edit := fullEntries()[(i+1)%4]
			edit.ID, edit.Kind = got.ID, got.Kind
			edit.Pilot, edit.Redesign, edit.PD, edit.Other = nil, nil, nil, nil
			switch in.Kind {
			case portfolio.KindAIPilot:
				edit.Pilot = &portfolio.PilotDetails{GradesSubjects: "Grade 8", AITools: []string{"Gemini"},
					Outcomes: []portfolio.Outcome{}, PilotStatus: portfolio.PilotRunning, StudentsReached: 3}
			case portfolio.KindLessonRedesign:
				edit.Redesign = &portfolio.RedesignDetails{Subject: "Physics 🔭"}
			case portfolio.KindPDLed:
				edit.PD = &portfolio.PDDetails{Format: portfolio.FormatConference, ContactHours: 1.25}
			case portfolio.KindArtifact:
				edit.Other = &portfolio.ArtifactDetails{Description: "Zoë's 𝑑 note"}
			}
			edit.Position, edit.CreatedAt = 99, c.last().AddDate(-1, 0, 0) // ignored
			updated, err := s.UpdateEntry(ctx, edit)
			if err != nil {
				t.Fatal(err)
			}
			want = edit
			want.Position, want.CreatedAt, want.UpdatedAt = got.Position, got.CreatedAt, c.last()
			want.Artifacts = []portfolio.Artifact{}
			same(t, "updated entry", updated, want)
			same(t, "stored updated entry", mustEntry(t, s, got.ID), want)
		})
	}
}

func TestCreateEntryNormalizesAndValidates(t *testing.T) {
	s, _, _ := openStore(t)
	in := portfolio.Entry{Kind: portfolio.KindPDLed, Title: "  Workshop  ", Tags: []string{" AI ", "ai", "Math  Club"},
		Artifacts: []portfolio.Artifact{{Type: portfolio.ArtifactLink, URL: "https://example.org"}}}
	got := mustCreate(t, s, in)
	if got.Title != "Workshop" || got.Status != portfolio.StatusDraft || fmt.Sprint(got.Tags) != "[AI Math Club]" ||
		got.PD == nil || got.PD.Format != portfolio.FormatWorkshop || got.Pilot != nil {
		t.Fatalf("normalized entry = %+v", got)
	}
	// Artifacts given with a new entry are committed with it.
	if len(got.Artifacts) != 1 || got.Artifacts[0].URL != "https://example.org" || got.Artifacts[0].EntryID != got.ID {
		t.Fatalf("artifacts of the new entry = %+v", got.Artifacts)
	}
	for _, bad := range []portfolio.Entry{
		{Kind: "essay", Title: "x"},
		{Kind: portfolio.KindArtifact, Title: "   "},
		{Kind: portfolio.KindArtifact, Title: "x", StartDate: "2025-02-30"},
	} {
		_, err := s.CreateEntry(ctx, bad)
		wantCode(t, err, portfolio.CodeInvalid)
	}
	if n := count(t, s, "SELECT count(*) FROM entries"); n != 1 {
		t.Fatalf("%d entries stored, want only the valid one", n)
	}
}

func TestUpdateEntryRules(t *testing.T) {
	s, _, _ := openStore(t)
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindAIPilot, "Pilot"))
	a := mustAdd(t, s, fileArtifact(e.ID, "plan.pdf", "Plan", 1))

	changed := e
	changed.Kind, changed.Pilot = portfolio.KindArtifact, nil
	_, err := s.UpdateEntry(ctx, changed)
	wantCode(t, err, portfolio.CodeInvalid)

	missing := e
	missing.ID = "01950a1b-0000-7000-8000-00000000dead"
	_, err = s.UpdateEntry(ctx, missing)
	wantCode(t, err, portfolio.CodeNotFound)

	e.Title = "Pilot, renamed"
	got, err := s.UpdateEntry(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "artifacts returned by UpdateEntry", got.Artifacts, []portfolio.Artifact{a})

	if err := s.TrashEntry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.UpdateEntry(ctx, e)
	wantCode(t, err, portfolio.CodeNotFound)
	_, err = s.Entry(ctx, "nope")
	wantCode(t, err, portfolio.CodeNotFound)
}

func TestTextRoundTripsExactly(t *testing.T) {
	s, _, _ := openStore(t)
	texts := []string{"Zoë Ñúñez-Łukasz", "李明", "emoji 👩🏽‍🏫 🙂", "𝑑𝑦/𝑑𝑥", "e\u0301cole (decomposed)", "quote \" and ' and \\", "<b>&amp;</b>", "tab\tand\nnewline"}
	in := portfolio.NewEntry(portfolio.KindArtifact, texts[0]+" "+texts[1]+" "+texts[3])
	in.Tags = texts[:len(texts)-1] // Normalize joins the spaces inside a tag
	for i := range in.Reflection {
		in.Reflection[i].Text = texts[i+2]
	}
	in.Other.Description = fmt.Sprint(texts)
	got := mustCreate(t, s, in)
	stored := mustEntry(t, s, got.ID)
	same(t, "tags", stored.Tags, in.Tags)
	if stored.Title != in.Title || stored.Other.Description != in.Other.Description {
		t.Fatalf("title/description changed: %q / %q", stored.Title, stored.Other.Description)
	}
	same(t, "reflection", stored.Reflection, in.Reflection)
}

func TestEntryIDsAreDistinctOrderedV7(t *testing.T) {
	s, _, _ := openStore(t)
	seen := map[string]bool{}
	prev := ""
	for i := 0; i < 1000; i++ {
		e := mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: fmt.Sprint("entry ", i)})
		checkV7(t, e.ID)
		if seen[e.ID] || e.ID <= prev {
			t.Fatalf("id %d %s is a repeat or not after %s", i, e.ID, prev)
		}
		if e.Position != i+1 {
			t.Fatalf("entry %d at position %d", i, e.Position)
		}
		seen[e.ID], prev = true, e.ID
	}
	if list := mustList(t, s, portfolio.EntryFilter{}); len(list) != 1000 || list[999].ID != prev {
		t.Fatalf("listed %d entries, last %s", len(list), list[len(list)-1].ID)
	}
}

func TestListFiltersAndSorts(t *testing.T) {
	s, _, _ := openStore(t)
	mk := func(kind portfolio.Kind, title string, status portfolio.Status, start string, tags ...string) portfolio.Entry {
		e := portfolio.NewEntry(kind, title)
		e.Status, e.StartDate, e.Tags = status, start, tags
		return mustCreate(t, s, e)
	}
	p1 := mk(portfolio.KindAIPilot, "P1", portfolio.StatusReady, "2024-09-01", "AI", "Math")
	mk(portfolio.KindLessonRedesign, "R2", portfolio.StatusDraft, "2025-01-15", "ai")
	mk(portfolio.KindPDLed, "D3", portfolio.StatusReady, "", "Coaching")
	mk(portfolio.KindArtifact, "A4", portfolio.StatusDraft, "2024-09-01")
	gone := mk(portfolio.KindAIPilot, "Trashed", portfolio.StatusReady, "2024-09-01", "AI")
	if err := s.TrashEntry(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		f    portfolio.EntryFilter
		want []string
	}{
		{portfolio.EntryFilter{}, []string{"P1", "R2", "D3", "A4"}},
		{portfolio.EntryFilter{Kinds: []portfolio.Kind{portfolio.KindAIPilot}}, []string{"P1"}},
		{portfolio.EntryFilter{Kinds: []portfolio.Kind{portfolio.KindPDLed, portfolio.KindAIPilot}}, []string{"P1", "D3"}},
		{portfolio.EntryFilter{Status: portfolio.StatusReady}, []string{"P1", "D3"}},
		{portfolio.EntryFilter{Tag: "ai"}, []string{"P1", "R2"}},
		{portfolio.EntryFilter{Tag: " AI "}, []string{"P1", "R2"}},
		{portfolio.EntryFilter{Tag: "coaching", Status: portfolio.StatusReady}, []string{"D3"}},
		{portfolio.EntryFilter{Tag: "none"}, []string{}},
		{portfolio.EntryFilter{DateFrom: "2024-10-01"}, []string{"R2"}},
		{portfolio.EntryFilter{DateTo: "2024-12-31"}, []string{"P1", "A4"}},
		{portfolio.EntryFilter{DateFrom: "2024-09-01", DateTo: "2025-01-15"}, []string{"P1", "R2", "A4"}},
		{portfolio.EntryFilter{Sort: portfolio.SortManual}, []string{"P1", "R2", "D3", "A4"}},
		{portfolio.EntryFilter{Sort: portfolio.SortDateNewest}, []string{"R2", "P1", "A4", "D3"}},
		{portfolio.EntryFilter{Sort: portfolio.SortDateOldest}, []string{"P1", "A4", "R2", "D3"}},
		{portfolio.EntryFilter{Sort: portfolio.SortDateOldest, Kinds: []portfolio.Kind{portfolio.KindArtifact, portfolio.KindPDLed}}, []string{"A4", "D3"}},
	} {
		same(t, fmt.Sprintf("titles for %+v", tc.f), titles(mustList(t, s, tc.f)), tc.want)
	}

	p1.Title = "P1"
	if _, err := s.UpdateEntry(ctx, p1); err != nil {
		t.Fatal(err)
	}
	same(t, "updated_desc", titles(mustList(t, s, portfolio.EntryFilter{Sort: portfolio.SortUpdatedDesc})), []string{"P1", "A4", "D3", "R2"})

	for _, bad := range []portfolio.EntryFilter{
		{Sort: "random"}, {Status: "done"}, {DateFrom: "1/2/2024"}, {Kinds: []portfolio.Kind{"essay"}},
	} {
		_, err := s.ListEntries(ctx, bad)
		wantCode(t, err, portfolio.CodeInvalid)
	}
}

func TestReorderEntries(t *testing.T) {
	s, _, _ := openStore(t)
	ids := map[string]string{}
	for _, title := range []string{"a", "b", "c", "d", "e"} {
		ids[title] = mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: title}).ID
	}
	if err := s.TrashEntry(ctx, ids["e"]); err != nil {
		t.Fatal(err)
	}
	if err := s.ReorderEntries(ctx, []string{ids["c"], ids["a"]}); err != nil {
		t.Fatal(err)
	}
	list := mustList(t, s, portfolio.EntryFilter{})
	same(t, "order", titles(list), []string{"c", "a", "b", "d"})
	for i, e := range list {
		if e.Position != i+1 {
			t.Fatalf("%s at position %d, want %d", e.Title, e.Position, i+1)
		}
	}
	if err := s.ReorderEntries(ctx, []string{ids["d"], ids["c"], ids["b"], ids["a"]}); err != nil {
		t.Fatal(err)
	}
	same(t, "full reorder", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"d", "c", "b", "a"})

	wantCode(t, s.ReorderEntries(ctx, []string{ids["a"], ids["e"]}), portfolio.CodeNotFound)
	wantCode(t, s.ReorderEntries(ctx, []string{"nope"}), portfolio.CodeNotFound)
	wantCode(t, s.ReorderEntries(ctx, []string{ids["a"], ids["a"]}), portfolio.CodeInvalid)
	same(t, "order after refused reorders", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"d", "c", "b", "a"})

	// A new entry goes to the end.
	mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "f"})
	same(t, "order with new entry", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"d", "c", "b", "a", "f"})
}

func TestTrashRestoreAndEmpty(t *testing.T) {
	s, c, _ := openStore(t)
	keep := mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "Keep", Tags: []string{"x"}})
	first := mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "First", Tags: []string{"x"}})
	second := mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "Second"})
	file := mustAdd(t, s, fileArtifact(first.ID, "evidence.pdf", "Evidence", 7))
	mustAdd(t, s, fileArtifact(keep.ID, "shared.pdf", "", 8))
	mustAdd(t, s, fileArtifact(first.ID, "shared copy.pdf", "", 8))

	if err := s.TrashEntry(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	trashedAt := c.last()
	wantCode(t, s.TrashEntry(ctx, first.ID), portfolio.CodeNotFound)
	wantCode(t, s.RestoreEntry(ctx, keep.ID), portfolio.CodeNotFound)
	same(t, "live entries", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"Keep", "Second"})
	got := mustEntry(t, s, first.ID)
	if got.DeletedAt == nil || !got.DeletedAt.Equal(trashedAt) || len(got.Artifacts) != 2 {
		t.Fatalf("trashed entry = %+v", got)
	}
	_, err := s.AddArtifact(ctx, fileArtifact(first.ID, "late.pdf", "", 9))
	wantCode(t, err, portfolio.CodeNotFound)
	_, err = s.DeleteArtifact(ctx, file.ID)
	wantCode(t, err, portfolio.CodeNotFound)
	if got, err := s.Artifact(ctx, file.ID); err != nil || got.ID != file.ID {
		t.Fatalf("Artifact of a trashed entry = %+v, %v", got, err)
	}
	same(t, "tags of live entries", mustTags(t, s), []portfolio.TagCount{{Tag: "x", Count: 1}})
	if used, err := s.BlobInUse(ctx, sha(7)); err != nil || !used {
		t.Fatalf("blob of a trashed entry: in use = %v, %v", used, err)
	}

	if err := s.RestoreEntry(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if got := mustEntry(t, s, first.ID); got.DeletedAt != nil {
		t.Fatalf("restored entry still deleted at %v", got.DeletedAt)
	}
	same(t, "live entries after restore", titles(mustList(t, s, portfolio.EntryFilter{})), []string{"Keep", "First", "Second"})

	for _, id := range []string{first.ID, second.ID} {
		if err := s.TrashEntry(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	trash, err := s.ListTrash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "trash, newest first", titles(trash), []string{"Second", "First"})
	if len(trash[1].Artifacts) != 2 || trash[1].Tags[0] != "x" {
		t.Fatalf("trashed entry lacks its artifacts or tags: %+v", trash[1])
	}

	n, err := s.EmptyTrash(ctx)
	if err != nil || n != 2 {
		t.Fatalf("EmptyTrash = %d, %v; want 2", n, err)
	}
	for query, want := range map[string]int{
		"SELECT count(*) FROM entries":      1,
		"SELECT count(*) FROM artifacts":    1,
		"SELECT count(*) FROM entry_tags":   1,
		"SELECT count(*) FROM entry_search": 1,
	} {
		if got := count(t, s, query); got != want {
			t.Errorf("%s = %d, want %d", query, got, want)
		}
	}
	if used, _ := s.BlobInUse(ctx, sha(7)); used {
		t.Error("blob of an emptied entry still in use")
	}
	if used, _ := s.BlobInUse(ctx, sha(8)); !used {
		t.Error("blob shared with a live entry no longer in use")
	}
	_, err = s.Entry(ctx, first.ID)
	wantCode(t, err, portfolio.CodeNotFound)
	wantCode(t, s.RestoreEntry(ctx, first.ID), portfolio.CodeNotFound)
	if n, err := s.EmptyTrash(ctx); err != nil || n != 0 {
		t.Fatalf("second EmptyTrash = %d, %v", n, err)
	}
	if trash, _ := s.ListTrash(ctx); len(trash) != 0 {
		t.Fatalf("trash after emptying: %v", titles(trash))
	}
}

func mustTags(t *testing.T, s *Store) []portfolio.TagCount {
	t.Helper()
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return tags
}

func TestTagsCountLiveEntries(t *testing.T) {
	s, _, _ := openStore(t)
	same(t, "no tags", mustTags(t, s), []portfolio.TagCount{})
	mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "1", Tags: []string{"Reading", "AI"}})
	mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "2", Tags: []string{"ai", "Zoë"}})
	gone := mustCreate(t, s, portfolio.Entry{Kind: portfolio.KindArtifact, Title: "3", Tags: []string{"Trash only", "AI"}})
	if err := s.TrashEntry(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	same(t, "tags", mustTags(t, s), []portfolio.TagCount{{Tag: "AI", Count: 2}, {Tag: "Reading", Count: 1}, {Tag: "Zoë", Count: 1}})
}

// TestConcurrentUse runs writers and readers at once, as the GUI's services do: writes queue
// on the one write connection and reads go on beside them, so nobody sees SQLITE_BUSY.
func TestConcurrentUse(t *testing.T) {
	s, _, _ := openStore(t)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				e, err := s.CreateEntry(ctx, portfolio.Entry{Kind: portfolio.KindArtifact, Title: fmt.Sprint("writer ", w, " entry ", i)})
				if err == nil {
					_, err = s.AddArtifact(ctx, fileArtifact(e.ID, "f.pdf", "", byte(i)))
				}
				if err == nil {
					_, err = s.ListEntries(ctx, portfolio.EntryFilter{Sort: portfolio.SortUpdatedDesc})
				}
				if err == nil {
					_, err = s.Search(ctx, "writer entr", 5)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list := mustList(t, s, portfolio.EntryFilter{})
	seen := map[int]bool{}
	for _, e := range list {
		if len(e.Artifacts) != 1 || seen[e.Position] {
			t.Fatalf("entry %q: %d artifacts, position %d seen before", e.Title, len(e.Artifacts), e.Position)
		}
		seen[e.Position] = true
	}
	if len(list) != 160 {
		t.Fatalf("%d entries, want 160", len(list))
	}
}

func TestCreateEntryWithABadArtifactStoresNothing(t *testing.T) {
	s, _, _ := openStore(t)
	in := portfolio.NewEntry(portfolio.KindArtifact, "All or nothing")
	in.Artifacts = []portfolio.Artifact{
		{Type: portfolio.ArtifactLink, URL: "https://example.org/fine"},
		{Type: portfolio.ArtifactLink, URL: "javascript:alert(1)"},
	}
	_, err := s.CreateEntry(t.Context(), in)
	wantCode(t, err, portfolio.CodeInvalid)
	list, lerr := s.ListEntries(t.Context(), portfolio.EntryFilter{})
	if lerr != nil || len(list) != 0 {
		t.Fatalf("after a refused create: %d entries (%v)", len(list), lerr)
	}
}
