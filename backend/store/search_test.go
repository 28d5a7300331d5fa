package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func searchTitles(t *testing.T, s *Store, query string) []string {
	t.Helper()
	hits, err := s.Search(ctx, query, 0)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	out := []string{}
	for _, h := range hits {
		out = append(out, h.Entry.Title)
	}
	return out
}

func TestSearchFinds(t *testing.T) {
	s, _, _ := openStore(t)
	var entries []portfolio.Entry
	for _, e := range fullEntries() {
		entries = append(entries, mustCreate(t, s, e))
	}
	pilot, redesign, pd, other := entries[0].Title, entries[1].Title, entries[2].Title, entries[3].Title
	mustAdd(t, s, fileArtifact(entries[1].ID, "rubric-v2.pdf", "Scoring guide for debates", 1))
	mustAdd(t, s, portfolio.Artifact{EntryID: entries[2].ID, Type: portfolio.ArtifactLink,
		URL: "https://example.org/agenda", LinkTitle: "Agenda on the district site"})

	for query, want := range map[string][]string{
		"chatbot":           {pilot},        // title
		"CHATBOT tutor":     {pilot},        // case, several words
		"anonymised":        {pilot},        // reflection
		"khanmigo":          {pilot},        // pilot: AI tools
		"fluency":           {pilot},        // pilot: problem and outcome
		"DPA":               {pilot},        // pilot: privacy notes
		"viva":              {redesign},     // redesign: integrity measures
		"brainstorming":     {redesign},     // redesign: AI role
		"handouts":          {pd},           // pd: materials
		"practice time":     {pd},           // pd: feedback summary
		"grade 7":           {pilot, pd},    // pilot subjects and pd audience
		"李明":                {pilot, other}, // tag and description
		"𝑑":                 {other},        // astral plane letter in the title
		"rubric":            {redesign},     // artifact file name
		"debates":           {redesign},     // artifact caption
		"agenda district":   {pd},           // link title
		"zoe":               {pilot},        // diacritics
		"zoë":               {pilot},        // with them
		"nunez":             {pilot},        // ñ and ú
		"łukasz":            {pilot},        // case folds
		"schuler":           {pilot},        // ü
		"zo":                {pilot},        // prefix while typing
		"chem":              {redesign},     // prefix
		"gra 7 engl":        {pilot},        // every word a prefix
		"\"Zoë\" (pilot)":   {pilot},        // FTS syntax typed as text
		"chatbot NOT tutor": {},             // NOT is a word here, and no entry has it
		"keynote":           {other},        // title, also in description
		"":                  {},             // nothing typed
		"   ":               {},             // nothing typed
		"🙂":                 {},             // no letters
		"pilot":             {pilot},        // one hit per entry
	} {
		got := searchTitles(t, s, query)
		slices.Sort(got) // the rank order among several hits is bm25's business
		slices.Sort(want)
		same(t, "Search("+query+")", got, want)
	}
}

func TestSearchSnippetAndRank(t *testing.T) {
	s, _, _ := openStore(t)
	weak := portfolio.NewEntry(portfolio.KindArtifact, "Assessment notes")
	weak.Other.Description = strings.Repeat("background text about many other things ", 20) + "rubric"
	strong := portfolio.NewEntry(portfolio.KindArtifact, "Rubric rubric rubric")
	mustCreate(t, s, weak)
	mustCreate(t, s, strong)
	hits, err := s.Search(ctx, "rubric", 0)
	if err != nil || len(hits) != 2 {
		t.Fatalf("Search = %+v, %v", hits, err)
	}
	if hits[0].Entry.Title != strong.Title {
		t.Errorf("best match %q ranked below %q", strong.Title, hits[1].Entry.Title)
	}
	if hits[0].Snippet != "[Rubric] [rubric] [rubric]" {
		t.Errorf("snippet = %q", hits[0].Snippet)
	}
	if !strings.HasPrefix(hits[1].Snippet, "…") || !strings.HasSuffix(hits[1].Snippet, "[rubric]") || strings.Contains(hits[1].Snippet, "\n") {
		t.Errorf("snippet of a long text = %q", hits[1].Snippet)
	}
	if hits, _ := s.Search(ctx, "rubric", 1); len(hits) != 1 {
		t.Errorf("limit 1 gave %d hits", len(hits))
	}

	zoe := portfolio.NewEntry(portfolio.KindArtifact, "Notes from Zoë's class")
	mustCreate(t, s, zoe)
	if hits, _ := s.Search(ctx, "zoe", 0); len(hits) != 1 || hits[0].Snippet != "Notes from [Zoë]'s class" {
		t.Errorf("snippet = %+v", hits)
	}
}

func TestSearchFollowsChanges(t *testing.T) {
	s, _, _ := openStore(t)
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Chatbot tutor"))
	same(t, "before", searchTitles(t, s, "chatbot"), []string{"Chatbot tutor"})

	e.Title = "Robot tutor"
	if _, err := s.UpdateEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	same(t, "old word after update", searchTitles(t, s, "chatbot"), []string{})
	same(t, "new word after update", searchTitles(t, s, "robot"), []string{"Robot tutor"})

	a := mustAdd(t, s, fileArtifact(e.ID, "transcript.txt", "Interview with Zoë", 1))
	same(t, "artifact caption", searchTitles(t, s, "interview"), []string{"Robot tutor"})
	a.Caption = "Survey"
	if _, err := s.UpdateArtifact(ctx, a); err != nil {
		t.Fatal(err)
	}
	same(t, "old caption", searchTitles(t, s, "interview"), []string{})
	same(t, "new caption", searchTitles(t, s, "survey"), []string{"Robot tutor"})
	if _, err := s.DeleteArtifact(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	same(t, "deleted artifact", searchTitles(t, s, "transcript"), []string{})

	if err := s.TrashEntry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	same(t, "trashed", searchTitles(t, s, "robot"), []string{})
	if err := s.RestoreEntry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	same(t, "restored", searchTitles(t, s, "robot"), []string{"Robot tutor"})
}

func TestSearchAcceptsAnyText(t *testing.T) {
	s, _, _ := openStore(t)
	mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Zoë and the AND gate"))
	queries := []string{
		`"`, `""`, `"zo`, `zo"`, `(`, `)`, `(zo`, `zo)`, `()`, `{zo}`, `[zo]`, `AND`, `OR`, `NOT`, `zo AND`,
		`OR zo`, `NOT zo`, `zo NOT`, `NEAR`, `NEAR(zo gate)`, `NEAR/2`, `*`, `zo*`, `*zo`, `^`, `^zo`, `:`,
		`body:zo`, `entry_id:zo`, `zo:`, `-zo`, `+zo`, `'`, `\`, `%`, `_`, `'; DROP TABLE entries; --`,
		"\x00", "zo\x00", "\xff\xfe", "\u0301", "e\u0301", "🙂", "🙂zo", "👩🏽‍🏫", "𝑑", "李", "\u200b", "\ufeffzo",
		strings.Repeat("zo ", 5000), strings.Repeat("(", 1000), strings.Repeat(`"`, 1001),
	}
	// Plus random text from every corner of Unicode and of FTS5's syntax.
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune(`"'()*^:+-{}[],.;/\ANDORTNEA zoë李𝑑🙂` + "\u0301\u200d\x00")
	for i := 0; i < 500; i++ {
		var b strings.Builder
		for j := r.IntN(12); j >= 0; j-- {
			if r.IntN(4) == 0 {
				b.WriteRune(rune(r.IntN(0x110000)))
			} else {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
		}
		queries = append(queries, b.String())
	}
	for _, q := range queries {
		if _, err := s.Search(ctx, q, 0); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	}
	for _, q := range []string{`"zo`, `(zo`, `zo)`, `zo*`, `^zo`, `-zo`, `zo AND gate`, `AND`, "🙂zo", "\ufeffzo"} {
		if got := searchTitles(t, s, q); len(got) != 1 {
			t.Errorf("Search(%q) = %q, want the entry", q, got)
		}
	}
}

// TestSearchOrder checks the three-step search against the plain query it replaces, on entries
// with equal scores (the educator's order decides), trashed entries among the best matches, a
// custom order, and limits that cut through a run of equal scores.
func TestSearchOrder(t *testing.T) {
	s, _, _ := openStore(t)
	var ids []string
	for i := 0; i < 40; i++ {
		e := portfolio.NewEntry(portfolio.KindArtifact, "Feedback notes")
		switch i % 4 {
		case 1:
			e.Title = "Feedback notes on feedback"
		case 2:
			e.Other.Description = "A long text about many other things than written comments on drafts, with a word: feedback."
		}
		ids = append(ids, mustCreate(t, s, e).ID)
	}
	for _, i := range []int{1, 5, 6, 20} {
		if err := s.TrashEntry(ctx, ids[i]); err != nil {
			t.Fatal(err)
		}
	}
	reordered := slices.Clone(ids)
	slices.Reverse(reordered[10:30])
	if err := s.ReorderEntries(ctx, slices.DeleteFunc(reordered, func(id string) bool {
		return slices.Contains([]string{ids[1], ids[5], ids[6], ids[20]}, id)
	})); err != nil {
		t.Fatal(err)
	}
	plain := func(query string, limit int) []string {
		rows, err := s.r.QueryContext(ctx, `SELECT entry_search.entry_id FROM entry_search
			JOIN entries e ON e.id = entry_search.entry_id WHERE entry_search MATCH ? AND e.deleted_at IS NULL
			ORDER BY bm25(entry_search), `+manualOrder+` LIMIT ?`, matchExpression(query), limit)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := []string{}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		return out
	}
	for _, query := range []string{"feedback", "f", "notes feedback", "drafts", "nothing"} {
		for _, limit := range []int{1, 3, 9, 10, 11, 25, 50} {
			hits, err := s.Search(ctx, query, limit)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, h := range hits {
				got = append(got, h.Entry.ID)
				if h.Snippet == "" || h.Entry.Title == "" {
					t.Fatalf("Search(%q, %d): hit without snippet or entry: %+v", query, limit, h)
				}
			}
			same(t, fmt.Sprintf("Search(%q, %d)", query, limit), got, plain(query, limit))
		}
	}
}

// TestSearchRowsAreKeyed: an entry's search row sits at its key, or at the next free one when
// another entry's row holds it; rows from before keys are re-keyed at the next change.
func TestSearchRowsAreKeyed(t *testing.T) {
	s, _, path := openStore(t)
	a := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Chatbot tutor"))
	b := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Robot tutor"))
	rowOf := func(id string) int64 {
		t.Helper()
		var row int64
		if err := s.r.QueryRowContext(ctx, "SELECT rowid FROM entry_search WHERE entry_id = ?", id).Scan(&row); err != nil {
			t.Fatalf("the search row of %s: %v", id, err)
		}
		return row
	}
	if rowOf(a.ID) != searchKey(a.ID) || rowOf(b.ID) != searchKey(b.ID) {
		t.Fatalf("rows at %d and %d, keys %d and %d", rowOf(a.ID), rowOf(b.ID), searchKey(a.ID), searchKey(b.ID))
	}

	// A collision: another entry's row holds a's key when a is saved again.
	db := rawDB(t, path, "")
	exec(t, db, "DELETE FROM entry_search WHERE entry_id = ?", a.ID)
	exec(t, db, "INSERT INTO entry_search (rowid, entry_id, body) VALUES (?, ?, 'other')", searchKey(a.ID), b.ID+"-twin")
	for _, title := range []string{"Chatbot coach", "Chatbot mentor"} {
		a.Title = title
		if _, err := s.UpdateEntry(ctx, a); err != nil {
			t.Fatal(err)
		}
		if got := rowOf(a.ID); got != searchKey(a.ID)+1 {
			t.Fatalf("after a collision the row is at %d, want the key + 1 (%d)", got, searchKey(a.ID)+1)
		}
	}
	same(t, "search after a collision", searchTitles(t, s, "chatbot"), []string{"Chatbot mentor"})
	same(t, "the other row", count(t, s, "SELECT count(*) FROM entry_search WHERE rowid = ?", searchKey(a.ID)), 1)
	exec(t, db, "DELETE FROM entry_search WHERE entry_id = ?", b.ID+"-twin")

	// Rows numbered by FTS5, as before keys: the next change re-keys them all.
	exec(t, db, "DELETE FROM entry_search")
	exec(t, db, "INSERT INTO entry_search (entry_id, body) VALUES (?, 'chatbot mentor'), (?, 'robot tutor')", a.ID, b.ID)
	c := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Robot helper"))
	for _, e := range []portfolio.Entry{a, b, c} {
		if got := rowOf(e.ID); got != searchKey(e.ID) {
			t.Errorf("%q: row %d after re-keying, want %d", e.Title, got, searchKey(e.ID))
		}
	}
	same(t, "rows", count(t, s, "SELECT count(*) FROM entry_search"), 3)
	same(t, "search after re-keying", searchTitles(t, s, "robot helper"), []string{"Robot helper"})
}
