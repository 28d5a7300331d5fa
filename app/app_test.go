package app

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// fakeDesktop records what the services asked of the window system. Events may come from a
// goroutine of the app's (the automatic backup): read them with sent once it is done.
type fakeDesktop struct {
	mu       sync.Mutex
	events   []string
	payloads []any
	picks    []string
	opened   []string
	saves    int       // save dialogs shown
	onEmit   func(any) // called with every event's data, when set
}

func (d *fakeDesktop) Emit(event string, data any) {
	d.mu.Lock()
	d.events = append(d.events, event)
	d.payloads = append(d.payloads, data)
	onEmit := d.onEmit
	d.mu.Unlock()
	if onEmit != nil {
		onEmit(data)
	}
}

// sent returns the payloads of the events called name so far.
func (d *fakeDesktop) sent(name string) []any {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []any
	for i, e := range d.events {
		if e == name {
			out = append(out, d.payloads[i])
		}
	}
	return out
}
func (d *fakeDesktop) OpenFiles(string) ([]string, error)              { return d.picks, nil }
func (d *fakeDesktop) OpenImage(string) (string, error)                { return d.picks[0], nil }
func (d *fakeDesktop) OpenJSON(string) (string, error)                 { return d.picks[0], nil }
func (d *fakeDesktop) OpenFile(string, string, string) (string, error) { return d.picks[0], nil }
func (d *fakeDesktop) SaveFile(string, string, string) (string, error) {
	d.saves++
	return d.picks[0], nil
}
func (d *fakeDesktop) OpenFolder(string) (string, error) { return d.picks[0], nil }
func (d *fakeDesktop) OpenURL(u string)                  { d.opened = append(d.opened, u) }
func (d *fakeDesktop) Quit()                             {}

func newSession(t *testing.T, dir string) *Session {
	t.Helper()
	s := NewSession(dir, "test", 0)
	t.Cleanup(s.Close)
	return s
}

func TestStatusExplainsAFolderThatCannotBeOpened(t *testing.T) {
	ctx := context.Background()
	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, workspace.DatabaseFile), []byte("not sqlite at all, keep me"), 0o600)
	st := newSession(t, corrupt).status(ctx)
	if st.Ready || st.ProblemKind != "corrupt" || !strings.Contains(st.Problem, corrupt) || st.DataDir != corrupt {
		t.Errorf("corrupt folder status = %+v", st)
	}

	shared := t.TempDir()
	first := newSession(t, shared).status(ctx)
	second := newSession(t, shared).status(ctx)
	if !first.Ready || second.Ready || second.ProblemKind != "locked" || !strings.Contains(second.Problem, "already open") {
		t.Errorf("two windows on one folder: first %+v, second %+v", first, second)
	}
}

func TestOpenAnotherFolderSwitchesAndReleasesTheOldOne(t *testing.T) {
	old, next := t.TempDir(), t.TempDir()
	session := newSession(t, old)
	svc := &SessionService{ctx: context.Background(), session: session, desktop: &fakeDesktop{picks: []string{next}}}
	st, err := svc.OpenAnotherFolder()
	if err != nil || !st.Ready || st.DataDir != next {
		t.Fatalf("status after switching = %+v, %v", st, err)
	}
	if again := newSession(t, old).status(context.Background()); !again.Ready {
		t.Errorf("the old folder stayed locked: %+v", again)
	}
}

func TestEntryAndArtifactServicesWorkThroughTheSession(t *testing.T) {
	ctx := context.Background()
	session := newSession(t, t.TempDir())
	desk := &fakeDesktop{}
	entries := &EntryService{ctx: ctx, session: session}
	artifacts := &ArtifactService{ctx: ctx, session: session, desktop: desk}

	e, err := entries.New("pd_led", "Prompt lab")
	if err != nil || e.PD == nil || len(e.Reflection) == 0 {
		t.Fatalf("New = %+v, %v", e, err)
	}
	if _, err := entries.New("sonnet", "x"); err == nil || !strings.Contains(err.Error(), "Unknown evidence kind") {
		t.Errorf("unknown kind: %v", err)
	}
	e.PD.Participants = 31
	e.Reflection[0].Text = "They wanted guardrails first."
	if _, err := entries.Save(e); err != nil {
		t.Fatal(err)
	}

	img := image.NewRGBA(image.Rect(0, 0, 64, 32))
	var buf bytes.Buffer
	png.Encode(&buf, img)
	photo := filepath.Join(t.TempDir(), "workshop.png")
	os.WriteFile(photo, buf.Bytes(), 0o600)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("agenda"), 0o600)
	desk.picks = []string{photo, notes}

	added, err := artifacts.PickFiles(e.ID, string(portfolio.RoleAttachment))
	if err != nil || len(added) != 2 {
		t.Fatalf("PickFiles = %+v, %v", added, err)
	}
	if len(desk.events) == 0 || desk.events[0] != "artifacts:progress" {
		t.Errorf("no progress events: %v", desk.events)
	}
	thumb, err := artifacts.Thumbnail(added[0].ID)
	if err != nil || !strings.HasPrefix(thumb, "data:image/jpeg;base64,") {
		t.Errorf("image thumbnail = %.40q, %v", thumb, err)
	}
	if thumb, _ := artifacts.Thumbnail(added[1].ID); thumb != "" {
		t.Errorf("a text file got a thumbnail")
	}
	link, err := artifacts.AddLink(e.ID, "attachment", "https://example.org/slides", "Slides", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := artifacts.OpenExternally(link.ID); err != nil || len(desk.opened) != 1 || desk.opened[0] != "https://example.org/slides" {
		t.Errorf("opening a link: %v %v", err, desk.opened)
	}

	hits, err := (&SearchService{ctx: ctx, session: session}).Search("guardrail")
	if err != nil || len(hits) != 1 || hits[0].Entry.ID != e.ID {
		t.Errorf("search = %+v, %v", hits, err)
	}
	got, _ := entries.Get(e.ID)
	if got.PD.Participants != 31 || len(got.Artifacts) != 3 {
		t.Errorf("entry after edits = %+v", got)
	}
}

func TestServicesExplainWhenNoPortfolioIsOpen(t *testing.T) {
	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, workspace.DatabaseFile), []byte("garbage"), 0o600)
	entries := &EntryService{ctx: context.Background(), session: newSession(t, corrupt)}
	if _, err := entries.List(portfolio.EntryFilter{}); err == nil || !strings.Contains(err.Error(), "No portfolio is open") {
		t.Errorf("List without a portfolio: %v", err)
	}
}
