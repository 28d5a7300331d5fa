package app

import (
	"context"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// SessionService is bound to the frontend: what is open, switching folders, quitting.
type SessionService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
	// afterOpen, when set, runs after another folder was opened (the automatic backup).
	afterOpen func()
}

// Status says whether the portfolio is open and the welcome is done.
func (s *SessionService) Status() (StartupStatus, error) {
	return s.session.status(s.ctx), nil
}

// OpenAnotherFolder lets the user pick a data folder and opens it. Cancelling keeps the
// current one.
func (s *SessionService) OpenAnotherFolder() (StartupStatus, error) {
	dir, err := s.desktop.OpenFolder("Open a ReadyFolio data folder")
	if err != nil {
		return StartupStatus{}, userError(err)
	}
	if dir == "" {
		return s.session.status(s.ctx), nil
	}
	s.session.switchTo(dir)
	st := s.session.status(s.ctx)
	if st.Ready && s.afterOpen != nil {
		s.afterOpen()
	}
	return st, nil
}

// Kinds lists the evidence kinds with their labels and reflection prompts.
func (s *SessionService) Kinds() []portfolio.KindInfo { return portfolio.Kinds() }

// Version is the app's version string.
func (s *SessionService) Version() string { return s.session.version }

// Quit closes the window for good; the frontend calls it once it has saved everything.
func (s *SessionService) Quit() {
	s.session.quitting.Store(true)
	s.desktop.Quit()
}
