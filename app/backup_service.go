package app

import (
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/readyfolio/readyfolio/backend/backup"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// BackupService is bound to the frontend: "Back up now…", the backups ReadyFolio keeps in the
// data folder, restoring one (checked and confirmed first), and the automatic backup made when
// a folder opens. The backup package does the work; this only asks, reports and reopens.
type BackupService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
	now     func() time.Time // nil: time.Now; tests fix the day

	mu        sync.Mutex
	cancel    context.CancelFunc // of the backup, check or restore in progress; nil when none
	candidate *restoreCandidate  // the backup last checked for a restore, until it is restored
	auto      AutoBackup         // the automatic backup of the folder open now
}

// Stages of BackupProgress.
const (
	StageBackup  = "backup"  // Back up now: writing, then reading back (each byte counts twice)
	StageInspect = "inspect" // checking a chosen backup before asking
	StageRestore = "restore" // checking it again, then unpacking (each byte counts twice)
)

// BackupProgress is sent as the "backup:progress" event.
type BackupProgress struct {
	Stage string `json:"stage"` // StageBackup, StageInspect or StageRestore
	Done  int64  `json:"done"`  // bytes
	Total int64  `json:"total"`
}

// States of AutoBackup.
const (
	AutoRunning = "running" // being made now
	AutoMade    = "made"    // made now
	AutoExists  = "exists"  // today's was made earlier
	AutoFailed  = "failed"  // Message says why
)

// AutoBackup is the day's automatic backup of the open folder; sent as the "backup:auto" event
// when it is done (made, there already, or failed).
type AutoBackup struct {
	State   string `json:"state"`   // "" (none started: no folder open), or one of the Auto* states
	Date    string `json:"date"`    // the day, YYYY-MM-DD
	Path    string `json:"path"`    // the day's backup file
	Message string `json:"message"` // why it failed, in words
}

// RestoreCandidate is a backup that passed every check, for the educator to confirm. Restore
// takes its Path and Token.
type RestoreCandidate struct {
	Path   string         `json:"path"` // "" when the file dialog was cancelled
	Token  string         `json:"token"`
	Backup backup.Summary `json:"backup"`
	// The portfolio open now, which the restore replaces after backing it up.
	CurrentEntries int  `json:"currentEntries"`
	SamePortfolio  bool `json:"samePortfolio"` // the backup is of the portfolio open now (same portfolio id)
}

type restoreCandidate struct {
	token   string
	path    string
	size    int64
	modTime time.Time
}

// progressThrottle is how often at most "backup:progress" is sent between the first and last.
const progressThrottle = 50 * time.Millisecond

func (s *BackupService) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// BackUpNow asks where to save (readyfolio-backup-YYYY-MM-DD.zip) and writes a backup of the
// open portfolio there, read back and verified before it is kept, sending "backup:progress".
// Cancel stops it and leaves no file. A cancelled save dialog returns the zero report.
func (s *BackupService) BackUpNow() (backup.Report, error) {
	return with(s.session, func(ws *workspace.Workspace) (backup.Report, error) {
		now := s.clock()
		path, err := s.desktop.SaveFile("Save a backup of your portfolio", "readyfolio-backup-"+now.Format(time.DateOnly)+".zip", "*.zip")
		if err != nil || path == "" {
			return backup.Report{}, err
		}
		overwrite := true // the save dialog asked before an existing file was chosen
		if filepath.Ext(path) == "" {
			path += ".zip"
			overwrite = false // a name the dialog did not ask about
		}
		if err := outsideData(ws.Dir, path); err != nil {
			return backup.Report{}, err
		}
		ctx, done, err := s.begin()
		if err != nil {
			return backup.Report{}, err
		}
		defer done()
		progress := s.progress(StageBackup)
		report, err := backup.Create(ctx, ws, path, backup.Options{
			Now: now, AppVersion: s.session.version, Overwrite: overwrite,
			Progress: func(done, total int) { progress(int64(done), int64(total)) },
		})
		if err != nil && ctx.Err() != nil {
			return backup.Report{}, cancelled("The backup was cancelled; no file was saved.")
		}
		return report, err
	})
}

// outsideData refuses a backup file inside the data folder, except in its backups folder: a
// backup saved over the database or an artifact would destroy what it backs up.
func outsideData(dataDir, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	within := func(dir string) bool {
		rel, err := filepath.Rel(dir, abs)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	if within(dataDir) && !within(filepath.Join(dataDir, backup.BackupsDir)) {
		return portfolio.Errorf(portfolio.CodeInvalid,
			"Save the backup outside the data folder %s (on another drive is best), or in its backups folder.", dataDir)
	}
	return nil
}

// ListAutomatic lists the backups ReadyFolio keeps in the data folder's backups folder: the
// automatic daily ones and those made before a restore, newest first.
func (s *BackupService) ListAutomatic() ([]backup.Listed, error) {
	return with(s.session, func(ws *workspace.Workspace) ([]backup.Listed, error) {
		return backup.List(ws.Dir)
	})
}

// AutoStatus is the automatic backup of the open folder so far: the frontend asks when it
// starts, in case "backup:auto" was sent before it listened.
func (s *BackupService) AutoStatus() AutoBackup {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.auto
}

// ChooseRestore asks for a backup file and checks it completely (sending "backup:progress"),
// writing nothing: what it holds, for the educator to confirm before Restore. A cancelled
// dialog returns a candidate whose Path is "". A file that is not a backup, is damaged or is
// from a newer version is refused with a message that says which.
func (s *BackupService) ChooseRestore() (RestoreCandidate, error) {
	path, err := s.desktop.OpenFile("Restore from a backup", "ReadyFolio backup (.zip)", "*.zip")
	if err != nil || path == "" {
		return RestoreCandidate{}, userError(err)
	}
	return s.inspect(path)
}

// RestoreAutomatic is ChooseRestore for a backup ListAutomatic listed, by its name.
func (s *BackupService) RestoreAutomatic(name string) (RestoreCandidate, error) {
	dir, err := s.dataDir()
	if err != nil {
		return RestoreCandidate{}, userError(err)
	}
	l, err := backup.Find(dir, name)
	if err != nil {
		return RestoreCandidate{}, userError(err)
	}
	return s.inspect(l.Path)
}

func (s *BackupService) dataDir() (string, error) {
	ws, err := s.session.workspace()
	if err != nil {
		return "", err
	}
	return ws.Dir, nil
}

// inspect checks the backup at path and remembers it, by a new token, as the one to restore.
func (s *BackupService) inspect(path string) (RestoreCandidate, error) {
	s.forgetCandidate()
	ctx, done, err := s.begin()
	if err != nil {
		return RestoreCandidate{}, userError(err)
	}
	defer done()
	before, err := os.Stat(path)
	if err != nil {
		return RestoreCandidate{}, userError(portfolio.Errorf(portfolio.CodeInvalid, "Cannot read the backup %s: %v.", path, err))
	}
	summary, err := backup.Inspect(ctx, path, s.progress(StageInspect))
	if err != nil && ctx.Err() != nil {
		return RestoreCandidate{}, userError(cancelled("The check was cancelled; nothing was restored."))
	}
	if err != nil {
		return RestoreCandidate{}, userError(err)
	}
	// What was checked must be what is restored: a file changed meanwhile is checked again.
	after, err := os.Stat(path)
	if err != nil || !sameFile(before, after) {
		return RestoreCandidate{}, userError(changedSinceChecked(path))
	}
	out := RestoreCandidate{Path: path, Backup: summary}
	if _, err := with(s.session, func(ws *workspace.Workspace) (struct{}, error) {
		entries, err := ws.Store.ListEntries(s.ctx, portfolio.EntryFilter{})
		if err != nil {
			return struct{}{}, err
		}
		profile, err := ws.Store.Profile(s.ctx)
		if err != nil {
			return struct{}{}, err
		}
		out.CurrentEntries = len(entries)
		out.SamePortfolio = summary.PortfolioID != "" && summary.PortfolioID == profile.PortfolioID
		return struct{}{}, nil
	}); err != nil {
		return RestoreCandidate{}, err
	}
	token, err := newToken()
	if err != nil {
		return RestoreCandidate{}, userError(err)
	}
	s.mu.Lock()
	s.candidate = &restoreCandidate{token: token, path: path, size: after.Size(), modTime: after.ModTime()}
	s.mu.Unlock()
	out.Token = token
	return out, nil
}

func (s *BackupService) forgetCandidate() {
	s.mu.Lock()
	s.candidate = nil
	s.mu.Unlock()
}

func changedSinceChecked(path string) error {
	return portfolio.Errorf(portfolio.CodeConflict, "%s changed after it was checked; choose it again. Nothing was restored.", path)
}

// Restore replaces the open portfolio with the backup at path, which ChooseRestore or
// RestoreAutomatic checked and gave token for: the workspace is closed (the folder's lock kept),
// backup.Restore backs up the current portfolio into backups/ and swaps the backup in, and the
// folder is opened again, sending "backup:progress". On any failure nothing was changed and the
// same portfolio is open again; the error says why. The report says where the previous
// portfolio went.
func (s *BackupService) Restore(path, token string) (backup.RestoreReport, error) {
	s.mu.Lock()
	c := s.candidate
	s.candidate = nil // a token is good for one attempt
	s.mu.Unlock()
	if c == nil || token == "" || c.token != token || c.path != path {
		return backup.RestoreReport{}, userError(portfolio.Errorf(portfolio.CodeConflict,
			"Choose the backup to restore again: ReadyFolio restores only the backup it has just checked and you confirmed. Nothing was restored."))
	}
	if info, err := os.Stat(path); err != nil || info.Size() != c.size || !info.ModTime().Equal(c.modTime) {
		return backup.RestoreReport{}, userError(changedSinceChecked(path))
	}
	ctx, done, err := s.begin()
	if err != nil {
		return backup.RestoreReport{}, userError(err)
	}
	defer done()
	progress := s.progress(StageRestore)
	var report backup.RestoreReport
	err = s.session.replace(ctx, func(dir string) error {
		var err error
		report, err = backup.Restore(ctx, path, dir, backup.RestoreOptions{
			Now: s.clock(), AppVersion: s.session.version, LockHeld: true,
			Progress: func(done, total int) { progress(int64(done), int64(total)) },
		})
		return err
	})
	if err != nil && ctx.Err() != nil && stoppedBy(err) {
		return backup.RestoreReport{}, userError(cancelled("The restore was cancelled; nothing was changed."))
	}
	if err != nil {
		return backup.RestoreReport{}, userError(err)
	}
	return report, nil
}

// stoppedBy says that a restore failed because it was cancelled, not for a reason of its own
// that a cancel coincided with (the backup package words some failures anew, keeping only the
// cause's message).
func stoppedBy(err error) bool {
	return errors.Is(err, context.Canceled) || strings.Contains(portfolio.Message(err), context.Canceled.Error())
}

// cancelled is the answer to a job that Cancel stopped.
func cancelled(msg string) error { return portfolio.Errorf(portfolio.CodeConflict, "%s", msg) }

// Cancel stops the backup, check or restore in progress. A restore stops only before it
// starts to swap the folder's contents; until then nothing was changed.
func (s *BackupService) Cancel() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

// begin starts one long job that Cancel can stop; done ends it. Only one runs at a time.
func (s *BackupService) begin() (context.Context, func(), error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil, nil, portfolio.Errorf(portfolio.CodeConflict, "A backup or restore is already running; wait until it has finished.")
	}
	parent := s.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	s.cancel = cancel
	return ctx, func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
		cancel()
	}, nil
}

// progress sends "backup:progress" for stage: the first and the last step, and those between
// at most every progressThrottle.
func (s *BackupService) progress(stage string) func(done, total int64) {
	var last time.Time
	first := true
	return func(done, total int64) {
		now := time.Now()
		if !first && done < total && now.Sub(last) < progressThrottle {
			return
		}
		first, last = false, now
		s.desktop.Emit("backup:progress", BackupProgress{Stage: stage, Done: done, Total: total})
	}
}

// startAuto makes the day's automatic backup of the folder just opened, in the background:
// backup.Auto reads through a snapshot of its own, so editing goes on meanwhile. It sends
// "backup:auto" when done; a failure is reported, never shown as an error dialog. When the
// folder closes first, the backup stops and nothing is said.
func (s *BackupService) startAuto() {
	now := s.clock()
	date := now.Format(time.DateOnly)
	s.mu.Lock()
	s.auto = AutoBackup{State: AutoRunning, Date: date}
	s.mu.Unlock()
	started := s.session.background(func(ctx context.Context, ws *workspace.Workspace) {
		out := AutoBackup{Date: date, Path: filepath.Join(ws.Dir, backup.BackupsDir, backup.AutoName(now))}
		made, err := backup.Auto(ctx, ws, now, s.session.version)
		switch {
		case ctx.Err() != nil:
			s.setAuto(AutoBackup{})
			return
		case err != nil:
			out.State, out.Message = AutoFailed, userError(err).Error()
			log.Printf("automatic backup of %s: %v", ws.Dir, err)
		case made:
			out.State = AutoMade
		default:
			out.State = AutoExists
		}
		s.setAuto(out)
		s.desktop.Emit("backup:auto", out)
	})
	if !started {
		s.setAuto(AutoBackup{})
	}
}

func (s *BackupService) setAuto(a AutoBackup) {
	s.mu.Lock()
	s.auto = a
	s.mu.Unlock()
}
