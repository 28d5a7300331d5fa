package store

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func searchTitles(t *testing.T, s *Store, query string) []string {
	t.Helper()
	return titlesOf(t, s, query, 0)
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
	// plain is every live match with its score, best first and in the educator's order among
	// equal scores: what Search must return a prefix of, up to ties at the cut.
	type scored struct {
		id    string
		score float64
	}
	plain := func(query string) []scored {
		rows, err := s.r.QueryContext(ctx, `SELECT entry_search.entry_id, bm25(entry_search) FROM entry_search
			JOIN entries e ON e.id = entry_search.entry_id WHERE entry_search MATCH ? AND e.deleted_at IS NULL
			ORDER BY bm25(entry_search), `+manualOrder, matchExpression(query))
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := []scored{}
		for rows.Next() {
			var r scored
			if err := rows.Scan(&r.id, &r.score); err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	for _, query := range []string{"feedback", "fe", "notes feedback", "drafts", "nothing"} {
		all := plain(query)
		scoreOf := map[string]float64{}
		for _, r := range all {
			scoreOf[r.id] = r.score
		}
		for _, limit := range []int{1, 3, 9, 10, 11, 25, 50} {
			hits, err := s.Search(ctx, query, limit)
			if err != nil {
				t.Fatal(err)
			}
			want := all[:min(limit, len(all))]
			if len(hits) != len(want) {
				t.Fatalf("Search(%q, %d): %d hits, want %d", query, limit, len(hits), len(want))
			}
			for i, h := range hits {
				score, live := scoreOf[h.Entry.ID]
				if !live || h.Snippet == "" || h.Entry.Title == "" {
					t.Fatalf("Search(%q, %d): hit %d is not a live match with a snippet: %+v", query, limit, i, h)
				}
				// The same scores as the best matches, in the same order...
				if score != want[i].score {
					t.Fatalf("Search(%q, %d): hit %d scores %v, want %v", query, limit, i, score, want[i].score)
				}
				// ...and among equal scores, the educator's order.
				if i > 0 && score == scoreOf[hits[i-1].Entry.ID] && slices.Index(reordered, h.Entry.ID) < slices.Index(reordered, hits[i-1].Entry.ID) {
					t.Fatalf("Search(%q, %d): hits %d and %d tie but are not in the educator's order", query, limit, i-1, i)
				}
			}
		}
	}
}

// TestSearchRowFollowsItsEntry: every change rewrites the entry's one search row, and the entry
// records where it is.
func TestSearchRowFollowsItsEntry(t *testing.T) {
	s, _, _ := openStore(t)
	a := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Chatbot tutor"))
	b := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Robot tutor"))
	for _, title := range []string{"Chatbot coach", "Chatbot mentor"} {
		a.Title = title
		if _, err := s.UpdateEntry(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	same(t, "rows", count(t, s, "SELECT count(*) FROM entry_search"), 2)
	same(t, "rows the entries record", count(t, s, `SELECT count(*) FROM entries e JOIN entry_search s
		ON s.rowid = e.search_rowid AND s.entry_id = e.id`), 2)
	same(t, "search after edits", searchTitles(t, s, "chatbot"), []string{"Chatbot mentor"})
	same(t, "the old title is gone", searchTitles(t, s, "coach"), []string{})
	same(t, "the other entry", searchTitles(t, s, "robot"), []string{b.Title})
}

// TestOneLetterListsMatchesInTheEducatorsOrder: a single character ranks nothing; its matches
// come in the educator's order, trashed entries left out.
func TestOneLetterListsMatchesInTheEducatorsOrder(t *testing.T) {
	s, _, _ := openStore(t)
	var ids []string
	for _, title := range []string{"Feedback pilot", "Lesson plan", "Family letter", "Formative quiz", "Flipped class"} {
		ids = append(ids, mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, title)).ID)
	}
	if err := s.TrashEntry(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	if err := s.ReorderEntries(ctx, []string{ids[4], ids[1], ids[2], ids[0]}); err != nil {
		t.Fatal(err)
	}
	same(t, "f", searchTitles(t, s, "f"), []string{"Flipped class", "Family letter", "Feedback pilot"})
	same(t, "f, limit 2", titlesOf(t, s, "F", 2), []string{"Flipped class", "Family letter"})
	same(t, "f l", searchTitles(t, s, "f l"), []string{"Family letter"})
}

// TestOneLetterSearchWalksTheOrderIndex: the plan reads live entries in order from the index and
// sorts nothing, so it stops at the limit however many entries match.
func TestOneLetterSearchWalksTheOrderIndex(t *testing.T) {
	s, _, _ := openStore(t)
	rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+firstInOrderQuery, matchExpression("f"), 50)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	text := strings.Join(plan, "\n")
	if !strings.Contains(text, "SCAN e USING INDEX entries_live_order") || strings.Contains(text, "TEMP B-TREE") {
		t.Fatalf("the one-character search's plan:\n%s", text)
	}
}

func titlesOf(t *testing.T, s *Store, query string, limit int) []string {
	t.Helper()
	hits, err := s.Search(ctx, query, limit)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, h := range hits {
		out = append(out, h.Entry.Title)
		if h.Snippet == "" {
			t.Errorf("%q has no snippet", h.Entry.Title)
		}
	}
	return out
}
