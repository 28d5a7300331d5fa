// Package app is the GUI's side of ReadyFolio: the services bound to the frontend, the bridge
// to Wails' runtime (events, dialogs) and the window's life cycle. It holds no business logic:
// every method hands over to a backend workspace.
package app

import (
	"context"
	"log"
	"sync"
	"sync/atomic"
	"time"

	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// StartupStatus tells the frontend whether a portfolio is open, and if not, why.
type StartupStatus struct {
	Ready           bool   `json:"ready"`
	DataDir         string `json:"dataDir"`
	Problem         string `json:"problem"`     // one plain sentence when not ready
	ProblemKind     string `json:"problemKind"` // locked, corrupt, newer or other
	ProfileComplete bool   `json:"profileComplete"`
	Version         string `json:"version"`
}

// Session owns the open workspace and the data folder's lock, and can switch to another folder.
type Session struct {
	mu       sync.Mutex
	version  string
	dir      string
	ws       *workspace.Workspace
	lock     *datadir.Lock
	problem  error
	maxBytes int64
	quitting atomic.Bool // set once the frontend has flushed its edits and asked to quit

	// inUse is held shared by every call that works on the workspace (with, do) and exclusively
	// by replace, which closes the workspace and puts another portfolio in its place: a restore
	// never pulls the database from under a save, an export or an import.
	inUse sync.RWMutex
	// The background job on the open workspace (the automatic backup): cancelled and waited for
	// before the workspace closes. Both nil when none runs.
	bgCancel context.CancelFunc
	bgDone   chan struct{}
}

// busyWait is how long replace waits for the calls in progress to finish before it refuses.
var busyWait = 10 * time.Second

// NewSession opens the data folder dir. A failure is kept, not returned: the window still
// opens and shows the problem with a way out.
func NewSession(dir, version string, maxArtifactBytes int64) *Session {
	s := &Session{version: version, maxBytes: maxArtifactBytes}
	s.open(dir)
	return s
}

func (s *Session) open(dir string) {
	s.dir = dir
	s.problem = nil
	if err := datadir.Prepare(dir); err != nil {
		s.problem = err
		return
	}
	lock, err := datadir.Acquire(dir)
	if err != nil {
		s.problem = err
		return
	}
	ws, err := workspace.Open(workspace.Options{Dir: dir, MaxArtifactSize: s.maxBytes})
	if err != nil {
		lock.Release()
		s.problem = err
		log.Printf("opening %s: %v", dir, err)
		return
	}
	s.ws, s.lock = ws, lock
}

// switchTo closes the current folder and opens dir.
func (s *Session) switchTo(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
	s.open(dir)
}

// Close releases the database and the lock.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
}

func (s *Session) closeLocked() {
	s.stopBackgroundLocked()
	if s.ws != nil {
		s.ws.Close()
		s.ws = nil
	}
	s.lock.Release()
	s.lock = nil
}

// workspace returns the open workspace or an error the frontend can show.
func (s *Session) workspace() (*workspace.Workspace, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws == nil {
		return nil, portfolio.Errorf(portfolio.CodeConflict, "No portfolio is open; open a data folder first.")
	}
	return s.ws, nil
}

func (s *Session) status(ctx context.Context) StartupStatus {
	s.mu.Lock()
	ws, problem, dir := s.ws, s.problem, s.dir
	s.mu.Unlock()
	st := StartupStatus{DataDir: dir, Version: s.version}
	if ws == nil {
		st.Problem, st.ProblemKind = portfolio.Message(problem), problemKind(problem)
		return st
	}
	st.Ready = true
	if p, err := ws.Store.Profile(ctx); err == nil {
		st.ProfileComplete = p.Complete()
	}
	return st
}

func problemKind(err error) string {
	switch portfolio.Code(err) {
	case portfolio.CodeCorrupt:
		return "corrupt"
	case portfolio.CodeLocked:
		return "locked"
	case portfolio.CodeTooNew:
		return "newer"
	}
	return "other"
}

// background runs job on the open workspace in a goroutine of its own, until it returns or its
// context is cancelled, which happens before the workspace closes (and closing waits for job to
// return). job must not call the Session. It reports whether a workspace was open to run it on.
func (s *Session) background(job func(ctx context.Context, ws *workspace.Workspace)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws == nil {
		return false
	}
	s.stopBackgroundLocked() // one job at a time
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.bgCancel, s.bgDone = cancel, done
	ws := s.ws
	go func() {
		defer close(done)
		job(ctx, ws)
	}()
	return true
}

// stopBackgroundLocked cancels the background job and waits until it has returned.
func (s *Session) stopBackgroundLocked() {
	if s.bgCancel == nil {
		return
	}
	s.bgCancel()
	<-s.bgDone
	s.bgCancel, s.bgDone = nil, nil
}

// errBusy is replace's answer while other calls keep the workspace in use.
var errBusy = portfolio.Errorf(portfolio.CodeConflict,
	"ReadyFolio is still busy with another task (an export, an import or a file being added). Wait until it has finished, then try again; nothing was changed.")

// replace closes the workspace (keeping the folder's lock), runs fn on the data folder, and opens
// the workspace again, whether fn succeeded or not: fn replaces the folder's contents, or fails
// and leaves them as they were. It first waits up to busyWait for calls in progress to finish,
// and refuses (errBusy) if they do not. If the folder cannot be opened again, the session keeps
// that problem (status shows it) and releases the lock; fn's own error comes first.
func (s *Session) replace(ctx context.Context, fn func(dir string) error) error {
	deadline := time.Now().Add(busyWait)
	for !s.inUse.TryLock() {
		if time.Now().After(deadline) {
			return errBusy
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	defer s.inUse.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws == nil {
		return portfolio.Errorf(portfolio.CodeConflict, "No portfolio is open; open a data folder first.")
	}
	s.stopBackgroundLocked()
	if err := s.ws.Close(); err != nil {
		log.Printf("closing %s: %v", s.dir, err)
	}
	s.ws = nil
	fnErr := fn(s.dir)
	ws, err := workspace.Open(workspace.Options{Dir: s.dir, MaxArtifactSize: s.maxBytes})
	if err != nil {
		log.Printf("opening %s again: %v", s.dir, err)
		s.lock.Release()
		s.lock = nil
		s.problem = err
		if fnErr != nil {
			return fnErr
		}
		return err
	}
	s.ws = ws
	return fnErr
}

// with runs fn on the open workspace and turns any failure into a message for the frontend.
func with[T any](s *Session, fn func(ws *workspace.Workspace) (T, error)) (T, error) {
	s.inUse.RLock()
	defer s.inUse.RUnlock()
	ws, err := s.workspace()
	if err != nil {
		var zero T
		return zero, userError(err)
	}
	v, err := fn(ws)
	return v, userError(err)
}

// do is with for operations that return nothing but an error.
func do(s *Session, fn func(ws *workspace.Workspace) error) error {
	_, err := with(s, func(ws *workspace.Workspace) (struct{}, error) { return struct{}{}, fn(ws) })
	return err
}
