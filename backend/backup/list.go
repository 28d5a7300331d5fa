package backup

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// The kinds of backup List finds in a data folder's backups folder.
const (
	KindDaily         = "daily"          // Auto's readyfolio-YYYY-MM-DD.zip
	KindBeforeRestore = "before-restore" // Restore's readyfolio-before-restore-YYYY-MM-DD-HHMMSS[-N].zip
)

// beforeRestoreName matches the names backUpPrevious gives, with the date and time in groups.
var beforeRestoreName = regexp.MustCompile(`^readyfolio-before-restore-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.zip$`)

// Listed is a backup that ReadyFolio made inside a data folder.
type Listed struct {
	Name  string `json:"name"` // the file's name in the backups folder
	Path  string `json:"path"`
	Kind  string `json:"kind"`  // KindDaily or KindBeforeRestore
	Date  string `json:"date"`  // the local day it was made, YYYY-MM-DD, from its name
	Time  string `json:"time"`  // the local time, HH:MM:SS, of a before-restore backup; "" for a daily one
	Bytes int64  `json:"bytes"` // the file's size
}

// List returns the backups ReadyFolio made in the data folder dataDir (the automatic daily ones
// and those a restore made of the portfolio it replaced), newest first. Only regular files with
// the names ReadyFolio gives are listed: not files the educator put there, not unfinished ones.
// A folder with no backups folder has none.
func List(dataDir string) ([]Listed, error) {
	dir := filepath.Join(dataDir, BackupsDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []Listed{}, nil
	}
	if err != nil {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read the backups folder %s: %v.", dir, err)
	}
	out := []Listed{}
	for _, e := range entries {
		l, ok := listed(dir, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		l.Bytes = info.Size()
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		// The same day: a restore's backup was made after that day's automatic one (which is
		// made at the app's start), and later restores after earlier ones.
		if a.Time != b.Time {
			return a.Time > b.Time
		}
		// readyfolio-before-restore-…-093000.zip, then …-093000-2.zip, …-093000-10.zip
		if len(a.Name) != len(b.Name) {
			return len(a.Name) > len(b.Name)
		}
		return a.Name > b.Name
	})
	return out, nil
}

// Find returns the backup called name in the data folder's backups folder, as List lists it.
// Any other name, a path among them, is refused (CodeNotFound): only ReadyFolio's own backups
// are found this way.
func Find(dataDir, name string) (Listed, error) {
	dir := filepath.Join(dataDir, BackupsDir)
	l, ok := listed(dir, name)
	if !ok {
		return Listed{}, portfolio.Errorf(portfolio.CodeNotFound, "%q is not one of ReadyFolio's backups in %s.", name, dir)
	}
	info, err := os.Lstat(l.Path)
	if err != nil || !info.Mode().IsRegular() {
		return Listed{}, portfolio.Errorf(portfolio.CodeNotFound, "The backup %s is no longer there.", l.Path)
	}
	l.Bytes = info.Size()
	return l, nil
}

// listed says whether name is one of ReadyFolio's backups, and what it is.
func listed(dir, name string) (Listed, bool) {
	l := Listed{Name: name, Path: filepath.Join(dir, name)}
	if autoName.MatchString(name) {
		l.Kind, l.Date = KindDaily, name[len("readyfolio-"):len("readyfolio-")+len("2006-01-02")]
		return l, true
	}
	if m := beforeRestoreName.FindStringSubmatch(name); m != nil {
		l.Kind, l.Date, l.Time = KindBeforeRestore, m[1], m[2]+":"+m[3]+":"+m[4]
		return l, true
	}
	return Listed{}, false
}
