package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/readyfolio/readyfolio/backend/backup"
	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runBackup writes a backup of the data folder. Like every command it takes no window lock:
// the snapshot is consistent while the app writes.
func runBackup(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("backup", &dataDir)
	out := fs.String("out", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("backup needs --out FILE.zip.")
	}
	// Opening a folder creates it; a backup of a folder that was never there would only hide a
	// mistyped --data-dir.
	dir, err := datadir.Resolve(dataDir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return portfolio.Errorf(portfolio.CodeNotFound, "There is no data folder at %s, so there is nothing to back up; check --data-dir.", dir)
	}
	return withWorkspace(dir, func(ws *workspace.Workspace) error {
		report, err := backup.Create(ctx, ws, *out, backup.Options{Now: time.Now(), AppVersion: env.Version})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, report)
		}
		identity := "no signing identity"
		if report.Identity {
			identity = "the signing identity (its key sealed by your passphrase)"
		}
		fmt.Fprintf(env.Stdout, "Wrote %s: %d entries, %d artifact files and %s, %s; read back and verified.\n",
			report.Path, report.Entries, report.Artifacts, identity, humanSize(report.Bytes))
		return nil
	})
}

// runRestore restores a backup into the data folder: a new or empty one, or one whose portfolio
// is backed up first. It refuses while a window has the folder open.
func runRestore(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("restore", &dataDir)
	asJSON := fs.Bool("json", false, "")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("Use 'restore FILE.zip [--json]'; the portfolio goes into --data-dir.")
	}
	dir, err := datadir.Resolve(dataDir)
	if err != nil {
		return err
	}
	report, err := backup.Restore(ctx, files[0], dir, backup.RestoreOptions{Now: time.Now(), AppVersion: env.Version})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, report)
	}
	b := report.Backup
	made := b.Made
	if t, err := time.Parse(time.RFC3339, b.Made); err == nil {
		made = t.Format("2006-01-02 15:04")
	}
	fmt.Fprintf(env.Stdout, "Restored %d entries and %d artifact files into %s from %s (made %s by %s).\n",
		b.Entries, b.Artifacts, report.Dir, files[0], made, b.MadeBy)
	switch {
	case report.PreviousAsFiles:
		fmt.Fprintf(env.Stdout, "The previous portfolio could not be backed up as it was damaged; its files are kept as they were in %s.\n", report.Previous)
	case report.Previous != "":
		fmt.Fprintf(env.Stdout, "The previous portfolio was backed up first to %s.\n", report.Previous)
	}
	return nil
}
