package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// RestoreOptions configure Restore.
type RestoreOptions struct {
	Now        time.Time // names the backup of the folder's previous contents; zero: time.Now()
	AppVersion string    // for that backup's Bag-Software-Agent
	// LockHeld says the caller holds the data folder's window lock: the app restoring into its
	// own folder after closing its workspace. Otherwise Restore takes the lock and refuses
	// (CodeLocked) while a ReadyFolio window has the folder open.
	LockHeld bool
	// Progress, if not nil, is told how far the restore is, in bytes of payload: each byte
	// counts once when it is verified and once when it is unpacked, so total is twice the
	// payload. The backup of the previous contents is not counted.
	Progress func(done, total int)
}

// RestoreReport says what was restored.
type RestoreReport struct {
	Dir    string  `json:"dir"`
	Backup Summary `json:"backup"`
	// Previous is where the folder's previous portfolio went: the backup made of it
	// (backups/readyfolio-before-restore-….zip), or, when it could not be backed up because
	// it was damaged, its files as they were (backups/readyfolio-replaced-…/, and
	// PreviousAsFiles is set). "" when the folder held no portfolio.
	Previous        string `json:"previous,omitempty"`
	PreviousAsFiles bool   `json:"previousAsFiles,omitempty"`
}

// managedNames are what a restore replaces at the top of a data folder: the database with its
// WAL files (an old WAL beside a new database would be replayed into it), the artifacts, the
// identity and the caches. The lock file, backups/ and anything else stay as they are.
var managedNames = []string{
	databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal",
	artifactsPath, identityPath, "cache",
}

// lockFile is datadir's lock file, which a restore leaves in place.
const lockFile = "readyfolio.lock"

// stagePrefix names the folders a restore unpacks into; an interrupted restore leaves one
// behind, which nothing else reads.
const stagePrefix = ".readyfolio-restore-"

// rename is os.Rename; tests make it fail to see the swap roll back.
var rename = os.Rename

// Restore puts the backup at src into the data folder dataDir. The backup is verified
// completely before anything is written: a file that is not a backup is refused with
// CodeInvalid, a damaged or changed one with CodeCorrupt naming the files, one from a newer
// version with CodeTooNew, and then nothing is written. A missing folder is unpacked into a
// temporary folder beside it and renamed into place. An existing folder is first backed up into
// its backups/ subfolder (when it holds a portfolio), then the backup is unpacked into a
// temporary folder inside it and swapped in with renames; the previous contents are kept until
// every rename succeeded and are put back if one fails. A folder that is not empty and holds no
// portfolio is refused, so that a wrong --data-dir cannot empty a folder of other files.
func Restore(ctx context.Context, src, dataDir string, opts RestoreOptions) (RestoreReport, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return RestoreReport{}, err
	}
	f, size, err := openFile(src)
	if err != nil {
		return RestoreReport{}, err
	}
	defer f.Close()
	prog := newProgress(opts.Progress, 0)
	o, err := openBackup(ctx, f, size, src, readLimits, func(done, total int64) {
		prog.total = 2 * total
		prog.set(done)
	})
	if err != nil {
		return RestoreReport{}, err
	}
	r := &restorer{ctx: ctx, src: src, dir: dir, opts: opts, backup: o, prog: prog}
	srcAbs, _ := filepath.Abs(src)
	target, err := examine(dir, srcAbs)
	if err != nil {
		return RestoreReport{}, err
	}
	if !target.exists {
		err = r.intoNewFolder()
	} else {
		err = r.intoExistingFolder(target)
	}
	if err != nil {
		return RestoreReport{}, err
	}
	r.report.Dir, r.report.Backup = dir, o.summary
	return r.report, nil
}

type restorer struct {
	ctx    context.Context
	src    string
	dir    string
	opts   RestoreOptions
	backup *opened
	prog   *progress
	report RestoreReport
}

// folder is what a data folder holds at its top.
type folder struct {
	exists  bool
	managed []string // of managedNames, in that order
	hasDB   bool
	other   []string // neither managed nor ours (lock, backups, stages)
}

// osFiles are what file managers leave in any folder they show.
var osFiles = []string{".DS_Store", "Thumbs.db", "desktop.ini"}

// examine reads the top of the data folder. src, the backup, may be in it.
func examine(dir, src string) (folder, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return folder{}, nil
	case err != nil:
		return folder{}, portfolio.Errorf(portfolio.CodeInvalid, "Cannot open the data folder %s: %v.", dir, err)
	case !info.IsDir():
		return folder{}, portfolio.Errorf(portfolio.CodeInvalid, "%s is a file, not a folder; restore into a data folder.", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return folder{}, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read the data folder %s: %v.", dir, err)
	}
	f := folder{exists: true}
	present := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		switch {
		case slices.Contains(managedNames, name):
			present[name] = true
		case name == lockFile || name == BackupsDir || strings.HasPrefix(name, stagePrefix) ||
			slices.Contains(osFiles, name) || filepath.Join(dir, name) == src:
		default:
			f.other = append(f.other, name)
		}
	}
	for _, name := range managedNames {
		if present[name] {
			f.managed = append(f.managed, name)
		}
	}
	f.hasDB = present[databasePath]
	if !f.hasDB && len(f.other) > 0 {
		return f, portfolio.Errorf(portfolio.CodeConflict,
			"%s is not empty and holds no ReadyFolio portfolio (it has %q and more); restore into an empty folder or a ReadyFolio data folder. Nothing was changed.",
			dir, f.other[0])
	}
	return f, nil
}

// intoNewFolder unpacks beside the missing folder, in the nearest folder above it that exists
// (so that a refused backup creates no folders), and renames the result into place.
func (r *restorer) intoNewFolder() error {
	parent := filepath.Dir(r.dir)
	near := parent
	for !fileExists(near) && filepath.Dir(near) != near {
		near = filepath.Dir(near)
	}
	stage, err := os.MkdirTemp(near, stagePrefix+"*")
	if err != nil {
		return r.writeError(err)
	}
	defer os.RemoveAll(stage)
	if err := r.unpack(stage); err != nil {
		return err
	}
	if err := os.Chmod(stage, 0o700); err != nil {
		return r.writeError(err)
	}
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return portfolio.Errorf(portfolio.CodeInvalid, "Cannot create the data folder %s: %v.", r.dir, err)
	}
	if err := rename(stage, r.dir); err != nil {
		if _, statErr := os.Stat(r.dir); statErr == nil {
			return portfolio.Errorf(portfolio.CodeConflict, "%s appeared while the backup was being restored; nothing was changed. Try again.", r.dir)
		}
		return r.writeError(err)
	}
	syncDir(parent)
	return nil
}

// intoExistingFolder backs up what the folder holds, unpacks into a folder inside it and swaps.
func (r *restorer) intoExistingFolder(target folder) (err error) {
	if !r.opts.LockHeld {
		release, lockErr := lock(r.dir)
		if lockErr != nil {
			return lockErr
		}
		defer func() { release(err != nil) }()
	}
	root, err := os.MkdirTemp(r.dir, stagePrefix+"*")
	if err != nil {
		return r.writeError(err)
	}
	defer os.RemoveAll(root)
	stage := filepath.Join(root, "new")
	if err := os.Mkdir(stage, 0o700); err != nil {
		return r.writeError(err)
	}
	if err := r.unpack(stage); err != nil {
		return err
	}
	keepFiles := false
	if len(target.managed) > 0 {
		if keepFiles, err = r.backUpPrevious(target); err != nil {
			return err
		}
		// Opening the portfolio to back it up may have added to it (the artifacts folder).
		if target, err = examine(r.dir, ""); err != nil {
			return err
		}
	}
	old := filepath.Join(root, "old")
	if err := os.Mkdir(old, 0o700); err != nil {
		return r.writeError(err)
	}
	if err := r.swap(target.managed, stage, old); err != nil {
		return err
	}
	if keepFiles {
		kept, err := r.keepPrevious(old)
		if err != nil {
			return portfolio.Errorf(portfolio.CodeConflict,
				"The backup was restored into %s, but the previous files could not be kept in %s (%v); they are in %s until you move them.", r.dir, BackupsDir, err, old)
		}
		r.report.Previous, r.report.PreviousAsFiles = kept, true
	}
	if err := os.Chmod(r.dir, 0o700); err != nil {
		return r.writeError(err)
	}
	syncDir(r.dir)
	return nil
}

// lock takes the data folder's window lock. release lets it go; on failure it also removes a
// lock file that only this restore created, so that a refused restore leaves the folder as it
// was.
func lock(dir string) (release func(failed bool), err error) {
	lockPath := filepath.Join(dir, lockFile)
	_, statErr := os.Lstat(lockPath)
	created := errors.Is(statErr, fs.ErrNotExist)
	l, err := datadir.Acquire(dir)
	if err != nil {
		if portfolio.Code(err) == portfolio.CodeLocked {
			return nil, portfolio.Errorf(portfolio.CodeLocked,
				"The portfolio in %s is open in a ReadyFolio window; close that window (or restore from within it) and try again. Nothing was restored.", dir)
		}
		return nil, err
	}
	return func(failed bool) {
		if failed && created {
			os.Remove(lockPath) // while holding it; where an open file cannot be removed, it stays
		}
		l.Release()
	}, nil
}

// backUpPrevious backs up the folder's portfolio into its backups/ folder before it is
// replaced. A portfolio too damaged (or too new) to back up is kept as files instead: keepFiles.
func (r *restorer) backUpPrevious(target folder) (keepFiles bool, err error) {
	if !target.hasDB {
		return true, nil // artifacts or an identity without a database: keep the files
	}
	backups := filepath.Join(r.dir, BackupsDir)
	if err := os.MkdirAll(backups, 0o700); err != nil {
		return false, r.writeError(err)
	}
	ws, err := workspace.Open(workspace.Options{Dir: r.dir})
	if err != nil {
		if keepable(err) {
			return true, nil
		}
		return false, err
	}
	defer ws.Close()
	stamp := r.opts.Now.Format("2006-01-02-150405")
	for i := 1; ; i++ {
		name := "readyfolio-before-restore-" + stamp + ".zip"
		if i > 1 {
			name = fmt.Sprintf("readyfolio-before-restore-%s-%d.zip", stamp, i)
		}
		dest := filepath.Join(backups, name)
		_, err := Create(r.ctx, ws, dest, Options{Now: r.opts.Now, AppVersion: r.opts.AppVersion})
		switch {
		case err == nil:
			r.report.Previous = dest
			return false, nil
		case keepable(err):
			return true, nil
		case portfolio.Code(err) == portfolio.CodeConflict && fileExists(dest) && i < 100:
			continue
		}
		return false, portfolio.Errorf(portfolio.Code(err),
			"Before restoring, ReadyFolio backs up the portfolio in %s, and that failed: %s Nothing was restored.", r.dir, portfolio.Message(err))
	}
}

// keepable says that the previous portfolio cannot be backed up because of what it holds.
func keepable(err error) bool {
	switch portfolio.Code(err) {
	case portfolio.CodeCorrupt, portfolio.CodeTooNew, portfolio.CodeNotFound:
		return true
	}
	return false
}

// keepPrevious moves the previous files into backups/readyfolio-replaced-<time>/.
func (r *restorer) keepPrevious(old string) (string, error) {
	backups := filepath.Join(r.dir, BackupsDir)
	if err := os.MkdirAll(backups, 0o700); err != nil {
		return "", err
	}
	dest := filepath.Join(backups, "readyfolio-replaced-"+r.opts.Now.Format("2006-01-02-150405"))
	for i := 2; fileExists(dest); i++ {
		dest = filepath.Join(backups, fmt.Sprintf("readyfolio-replaced-%s-%d", r.opts.Now.Format("2006-01-02-150405"), i))
	}
	if err := rename(old, dest); err != nil {
		return "", err
	}
	return dest, nil
}

// swap moves the managed names out of the folder into old, then everything in stage into the
// folder. If a rename fails, what was moved is moved back and the folder is as it was.
func (r *restorer) swap(managed []string, stage, old string) error {
	type move struct{ from, to string }
	var done []move
	undo := func() error {
		var errs []error
		for i := len(done) - 1; i >= 0; i-- {
			errs = append(errs, rename(done[i].to, done[i].from))
		}
		return errors.Join(errs...)
	}
	do := func(from, to string) error {
		if err := rename(from, to); err != nil {
			return err
		}
		done = append(done, move{from, to})
		return nil
	}
	fail := func(err error) error {
		if undoErr := undo(); undoErr != nil {
			return portfolio.Errorf(portfolio.CodeInternal,
				"Restoring into %s failed halfway (%v) and could not be undone (%v). The previous files are in %s, the restored ones in %s; %s",
				r.dir, err, undoErr, old, stage, r.previousHint())
		}
		return portfolio.Errorf(portfolio.CodeConflict, "The backup could not be put in place in %s (%v); nothing was changed.", r.dir, err)
	}
	for _, name := range managed {
		if err := do(filepath.Join(r.dir, name), filepath.Join(old, name)); err != nil {
			return fail(err)
		}
	}
	entries, err := os.ReadDir(stage)
	if err != nil {
		return fail(err)
	}
	for _, e := range entries {
		if err := do(filepath.Join(stage, e.Name()), filepath.Join(r.dir, e.Name())); err != nil {
			return fail(err)
		}
	}
	return nil
}

func (r *restorer) previousHint() string {
	if r.report.Previous != "" {
		return "a backup of the previous portfolio is " + r.report.Previous + "."
	}
	return "move them back by hand."
}

// unpack writes the backup's payload into dir (an empty folder of ours), checking each file's
// SHA-256 again as it is written, then checks the database and that it has every artifact file
// it refers to.
func (r *restorer) unpack(dir string) error {
	for _, f := range r.backup.files {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if err := r.unpackFile(dir, f); err != nil {
			return err
		}
	}
	for _, sub := range []string{"", artifactsPath, identityPath} {
		syncDir(filepath.Join(dir, sub))
	}
	return r.checkUnpacked(dir)
}

func (r *restorer) unpackFile(dir string, f backupFile) error {
	target := filepath.Join(dir, filepath.FromSlash(f.rel))
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return r.writeError(err)
	}
	rc, err := r.backup.bag.OpenFile(f.bagPath)
	if err != nil {
		return err
	}
	defer rc.Close()
	out, err := os.OpenFile(target, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return r.writeError(err)
	}
	defer out.Close()
	h := sha256.New()
	w := &errWriter{w: out}
	if _, err := io.Copy(io.MultiWriter(w, h), &ctxReader{ctx: r.ctx, r: rc, prog: r.prog}); err != nil {
		if ctxErr := r.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if w.err != nil {
			return r.writeError(w.err)
		}
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s could not be read while it was restored (%s: %v); nothing was restored.", r.src, f.bagPath, err)
	}
	if hex.EncodeToString(h.Sum(nil)) != f.sha256 {
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s changed while it was being restored (%s no longer matches its manifest); nothing was restored.", r.src, f.bagPath)
	}
	if err := out.Sync(); err != nil {
		return r.writeError(err)
	}
	if err := out.Close(); err != nil {
		return r.writeError(err)
	}
	return nil
}

// checkUnpacked checks the unpacked database (see checkDatabase).
func (r *restorer) checkUnpacked(dir string) error {
	return r.backup.checkDatabase(r.ctx, filepath.Join(dir, databasePath), r.src)
}

// writeError words a failure to write into the data folder; a restore that fails so has
// changed nothing.
func (r *restorer) writeError(err error) error {
	if isNoSpace(err) {
		return portfolio.Errorf(portfolio.CodeConflict,
			"The disk is full: the backup could not be unpacked into %s. Free some space and try again; nothing was changed.", r.dir)
	}
	return portfolio.Errorf(portfolio.CodeConflict, "The backup could not be unpacked into %s (%v); nothing was changed.", r.dir, err)
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// syncDir makes renames and new files in dir durable; where folders cannot be synced
// (Windows) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// errWriter remembers a failed write, to tell the disk's failures from the backup's.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}
