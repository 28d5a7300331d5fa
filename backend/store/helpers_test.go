package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

var ctx = context.Background()

// clock is a test clock: every call is one second and a few nanoseconds after the previous one,
// in a non-UTC zone, so tests see that the store keeps nanoseconds and writes UTC.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 120000000, time.UTC)}
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second + 7)
	return c.t.In(time.FixedZone("CET", 3600))
}

// last is the time the store saw on its latest call, as it reads it back.
func (c *clock) last() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func openStore(t testing.TB) (*Store, *clock, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "portfolio.db")
	c := newClock()
	s, err := Open(path, c.now)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, c, path
}

// rawDB opens the file without the store, for setting up states the store would never write.
func rawDB(t *testing.T, path, query string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path, query))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(ctx, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func count(t testing.TB, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.r.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func wantCode(t *testing.T, err error, code portfolio.ErrorCode) {
	t.Helper()
	if got := portfolio.Code(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// same fails the test with both values as JSON when got and want differ in any field.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("%s differs\n got: %s\nwant: %s", what, g, w)
	}
}

func mustCreate(t testing.TB, s *Store, e portfolio.Entry) portfolio.Entry {
	t.Helper()
	out, err := s.CreateEntry(ctx, e)
	if err != nil {
		t.Fatalf("CreateEntry(%q): %v", e.Title, err)
	}
	return out
}

func mustEntry(t *testing.T, s *Store, id string) portfolio.Entry {
	t.Helper()
	e, err := s.Entry(ctx, id)
	if err != nil {
		t.Fatalf("Entry(%s): %v", id, err)
	}
	return e
}

func mustAdd(t *testing.T, s *Store, a portfolio.Artifact) portfolio.Artifact {
	t.Helper()
	out, err := s.AddArtifact(ctx, a)
	if err != nil {
		t.Fatalf("AddArtifact: %v", err)
	}
	return out
}

func mustList(t *testing.T, s *Store, f portfolio.EntryFilter) []portfolio.Entry {
	t.Helper()
	list, err := s.ListEntries(ctx, f)
	if err != nil {
		t.Fatalf("ListEntries(%+v): %v", f, err)
	}
	return list
}

func titles(list []portfolio.Entry) []string {
	out := []string{}
	for _, e := range list {
		out = append(out, e.Title)
	}
	return out
}

func fileArtifact(entryID, name, caption string, n byte) portfolio.Artifact {
	return portfolio.Artifact{EntryID: entryID, Type: portfolio.ArtifactFile, FileName: name, Caption: caption,
		MediaType: "application/pdf", Size: 1000 + int64(n), SHA256: sha(n)}
}

// sha is a well-formed, distinct SHA-256 for each n.
func sha(n byte) string {
	return strings.Repeat(string("0123456789abcdef"[n%16]), 63) + string("0123456789abcdef"[n/16%16])
}

func checkV7(t *testing.T, id string) uuid.UUID {
	t.Helper()
	u, err := uuid.Parse(id)
	if err != nil || u.Version() != 7 || u.Variant() != uuid.RFC4122 {
		t.Fatalf("id %q is not a UUID v7 (%v)", id, err)
	}
	return u
}

// fullEntries returns one entry of every kind with every field filled, text in several scripts.
func fullEntries() []portfolio.Entry {
	pilot := portfolio.NewEntry(portfolio.KindAIPilot, "Chatbot tutor pilot with Zoë Ñúñez-Łukasz")
	pilot.Status = portfolio.StatusReady
	pilot.IncludeInExports = false
	pilot.StartDate, pilot.EndDate = "2024-09-02", "2025-01-31"
	pilot.Tags = []string{"AI", "Reading", "李明"}
	pilot.Reflection[0].Text = "Students in the Schüler exchange wrote more 📚 drafts."
	pilot.Reflection[1].Text = "Start earlier."
	pilot.Reflection[2].Text = "No accounts; anonymised logs."
	pilot.Pilot = &portfolio.PilotDetails{
		GradesSubjects:  "Grade 7 English",
		AITools:         []string{"Khanmigo", "ChatGPT"},
		ProblemGoal:     "Improve reading fluency",
		WhatWasDone:     "Weekly tutoring sessions",
		StudentsReached: 112,
		ClassesReached:  4,
		Outcomes:        []portfolio.Outcome{{Metric: "Words per minute", Baseline: "92", Result: "118"}},
		Privacy:         portfolio.PrivacyReview{StudentDataInvolved: true, ApprovalObtained: true, Notes: "District DPA signed"},
		PilotStatus:     portfolio.PilotCompleted,
	}

	redesign := portfolio.NewEntry(portfolio.KindLessonRedesign, "Lab report redesign")
	redesign.StartDate = "2024-10-10"
	redesign.Tags = []string{"Chemistry"}
	redesign.Reflection[0].Text = "Reports were easy to generate."
	redesign.Redesign = &portfolio.RedesignDetails{
		Subject: "Chemistry", Grade: "10", OriginalDescription: "Written lab report",
		RedesignDescription: "Oral defence of data", AIRole: "Brainstorming partner",
		IntegrityMeasures: "In-class viva", StudentOutcomes: "Deeper explanations",
	}

	pd := portfolio.NewEntry(portfolio.KindPDLed, "Prompting workshop")
	pd.StartDate = "2025-02-14"
	pd.PD = &portfolio.PDDetails{
		Format: portfolio.FormatCoaching, Audience: "Grade 7 team", Participants: 14, ContactHours: 7.5,
		Materials: "Slide deck and handouts", FeedbackSummary: "Wanted more practice time", FeedbackRating: 4.6,
	}

	other := portfolio.NewEntry(portfolio.KindArtifact, "Conference keynote 𝑑/𝑑𝑥")
	other.Tags = []string{"Talks"}
	other.Reflection[1].Text = "Keeping it short 🙂"
	other.Other = &portfolio.ArtifactDetails{Description: "Keynote at the 李明 conference"}
	return []portfolio.Entry{pilot, redesign, pd, other}
}

// fixtureFramework is a custom framework three levels deep with eight leaves, listed out of
// depth-first order and with wrong positions, depths and leaf flags, which the store recomputes.
func fixtureFramework() portfolio.Framework {
	c := func(id, parent, code, title string) portfolio.Competency {
		return portfolio.Competency{ID: "fx:" + id, ParentID: parent, Code: code, Title: title,
			Description: "About " + title, Position: 99, Depth: 7, Leaf: true}
	}
	return portfolio.Framework{
		ID: "fx", Title: "Fixture framework", Publisher: "Zoë's district", Version: "2025",
		SourceURL: "https://example.org/fx", Licence: "CC BY 4.0", Description: "For tests",
		Origin: portfolio.OriginCustom, Scale: portfolio.ScaleProficiency,
		Competencies: []portfolio.Competency{
			c("1", "", "1", "Planning"),
			c("2.1", "fx:2", "2.1", "Questioning"),
			c("1.1", "fx:1", "1.1", "Designing"),
			c("1.1.a", "fx:1.1", "1.1.a", "Goals 🎯"),
			c("2", "", "2", "Practice"),
			c("1.1.b", "fx:1.1", "1.1.b", "Activities"),
			c("2.2", "fx:2", "2.2", "Feedback"),
			c("1.2", "fx:1", "1.2", "Sequencing"),
			c("3", "", "3", "Reflection 李明"),
			c("2.3", "fx:2", "2.3", "Differentiation"),
			c("4", "", "4", "Community"),
			c("4.1", "fx:4", "4.1", "Families"),
		},
	}
}

// fixtureTree is the depth-first order of fixtureFramework with what the store computes:
// id, parent, position, depth, leaf.
var fixtureTree = []struct {
	id, parent string
	position   int
	depth      int
	leaf       bool
}{
	{"fx:1", "", 1, 0, false},
	{"fx:1.1", "fx:1", 1, 1, false},
	{"fx:1.1.a", "fx:1.1", 1, 2, true},
	{"fx:1.1.b", "fx:1.1", 2, 2, true},
	{"fx:1.2", "fx:1", 2, 1, true},
	{"fx:2", "", 2, 0, false},
	{"fx:2.1", "fx:2", 1, 1, true},
	{"fx:2.2", "fx:2", 2, 1, true},
	{"fx:2.3", "fx:2", 3, 1, true},
	{"fx:3", "", 3, 0, true},
	{"fx:4", "", 4, 0, false},
	{"fx:4.1", "fx:4", 1, 1, true},
}

// fixtureStored is fixtureFramework as the store returns it, saved at time at.
func fixtureStored(at time.Time) portfolio.Framework {
	f := fixtureFramework()
	byID := map[string]portfolio.Competency{}
	for _, c := range f.Competencies {
		byID[c.ID] = c
	}
	f.Competencies = nil
	for _, n := range fixtureTree {
		c := byID[n.id]
		c.FrameworkID, c.Position, c.Depth, c.Leaf = "fx", n.position, n.depth, n.leaf
		f.Competencies = append(f.Competencies, c)
	}
	f.CreatedAt, f.UpdatedAt, f.LeafCount = at, at, 8
	return f
}

// without returns f without the competency id.
func without(f portfolio.Framework, id string) portfolio.Framework {
	var cs []portfolio.Competency
	for _, c := range f.Competencies {
		if c.ID != id {
			cs = append(cs, c)
		}
	}
	f.Competencies = cs
	return f
}

// competency returns a pointer to the competency id of f, to change it.
func competency(t testing.TB, f *portfolio.Framework, id string) *portfolio.Competency {
	t.Helper()
	for i := range f.Competencies {
		if f.Competencies[i].ID == id {
			return &f.Competencies[i]
		}
	}
	t.Fatalf("no competency %s in %s", id, f.ID)
	return nil
}

func mustSave(t testing.TB, s *Store, f portfolio.Framework) (portfolio.Framework, FrameworkChange) {
	t.Helper()
	out, change, err := s.SaveFramework(ctx, f)
	if err != nil {
		t.Fatalf("SaveFramework(%s): %v", f.ID, err)
	}
	return out, change
}

func mustFramework(t testing.TB, s *Store, id string) portfolio.Framework {
	t.Helper()
	f, err := s.Framework(ctx, id)
	if err != nil {
		t.Fatalf("Framework(%s): %v", id, err)
	}
	return f
}

func mustAlign(t testing.TB, s *Store, a portfolio.Alignment) portfolio.Alignment {
	t.Helper()
	out, err := s.Align(ctx, a)
	if err != nil {
		t.Fatalf("Align(%s, %s): %v", a.EntryID, a.CompetencyID, err)
	}
	return out
}

func mustCoverage(t testing.TB, s *Store, frameworkID string) portfolio.Coverage {
	t.Helper()
	cov, err := s.Coverage(ctx, frameworkID)
	if err != nil {
		t.Fatalf("Coverage(%s): %v", frameworkID, err)
	}
	return cov
}

func mustAlignments(t testing.TB, s *Store, entryID string) []portfolio.Alignment {
	t.Helper()
	list, err := s.EntryAlignments(ctx, entryID)
	if err != nil {
		t.Fatalf("EntryAlignments(%s): %v", entryID, err)
	}
	return list
}

// writes is the number of rows the store's writing connection has changed so far.
func writes(t testing.TB, s *Store) int {
	t.Helper()
	var n int
	if err := s.w.QueryRowContext(ctx, "SELECT total_changes()").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// wantError asserts the code of err and that its message contains every part.
func wantError(t testing.TB, err error, code portfolio.ErrorCode, parts ...string) {
	t.Helper()
	if got := portfolio.Code(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
	for _, p := range parts {
		if !strings.Contains(portfolio.Message(err), p) {
			t.Errorf("message %q lacks %q", portfolio.Message(err), p)
		}
	}
}
