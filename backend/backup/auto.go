package backup

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// AutoKeep is how many automatic backups Auto keeps.
const AutoKeep = 7

// autoName matches the automatic backups' names and nothing else, so that pruning never
// touches a file the educator or a restore put in the backups folder.
var autoName = regexp.MustCompile(`^readyfolio-\d{4}-\d{2}-\d{2}\.zip$`)

// AutoName is the name of the automatic backup of the day of now, in now's time zone.
func AutoName(now time.Time) string { return "readyfolio-" + now.Format(time.DateOnly) + ".zip" }

// Auto makes the day's automatic backup, backups/readyfolio-YYYY-MM-DD.zip inside the data
// folder, unless there is one already (made reports whether it wrote one). The day is the
// calendar day of now in its time zone: pass time.Now() for the local date. Then it removes the
// oldest automatic backups beyond AutoKeep; other files in the folder are never removed. The app
// calls it when it opens a folder; it takes as long as any backup, so run it in the background.
func Auto(ctx context.Context, ws *workspace.Workspace, now time.Time, appVersion string) (made bool, err error) {
	dir := filepath.Join(ws.Dir, BackupsDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false, portfolio.Errorf(portfolio.CodeConflict, "Cannot create the folder for automatic backups %s: %v.", dir, err)
	}
	dest := filepath.Join(dir, AutoName(now))
	if fileExists(dest) {
		return false, nil
	}
	_, err = Create(ctx, ws, dest, Options{Now: now, AppVersion: appVersion})
	switch {
	case err == nil:
		made = true
	case portfolio.Code(err) == portfolio.CodeConflict && fileExists(dest):
		return false, nil // another process made today's meanwhile
	default:
		return false, err
	}
	return made, prune(dir)
}

// prune removes the oldest automatic backups beyond AutoKeep. Their names sort by date.
func prune(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && autoName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	for len(names) > AutoKeep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return err
		}
		names = names[1:]
	}
	return nil
}
