package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/readyfolio/readyfolio/backend/store"
	"github.com/readyfolio/readyfolio/backend/submission"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runImport brings a submission package into the data folder: verified first, then merged
// entry by entry, the newer version of an entry winning.
func runImport(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("import", &dataDir)
	asJSON := fs.Bool("json", false, "")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("Use 'import FILE.zip [--json]'.")
	}
	name := files[0]
	f, size, err := openInput(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		report, err := submission.Import(ctx, ws, f, size, submission.ImportOptions{})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, report)
		}
		return writeImportReport(env.Stdout, name, ws.Dir, report)
	})
}

// outcomeLabels name an entry's outcome in the text report.
var outcomeLabels = map[store.ImportOutcome]string{
	store.ImportCreated:   "imported",
	store.ImportReplaced:  "replaced (package newer)",
	store.ImportKept:      "kept (newer here)",
	store.ImportIdentical: "already here",
}

// updatedLayout shows when an entry was last changed, to the second.
const updatedLayout = time.DateTime + " UTC"

func writeImportReport(w io.Writer, file, dir string, r submission.ImportReport) error {
	fmt.Fprintf(w, "Imported %s into %s: %d entries imported, %d replaced by the package's newer version, %d kept as they are here, %d already here.\n",
		file, dir, r.Imported, r.Replaced, r.Kept, r.Identical)
	switch p := r.Profile; {
	case p.Outcome == store.ProfileCopied:
		fmt.Fprintf(w, "Profile: copied from the package (%s).\n", p.Name)
	case p.PackageName != "" && p.PackageName != p.Name:
		fmt.Fprintf(w, "Profile: kept this folder's profile (%s); the package's is %s's and was not copied.\n", p.Name, p.PackageName)
	default:
		fmt.Fprintf(w, "Profile: kept this folder's profile (%s).\n", p.Name)
	}
	var created []string
	for _, f := range r.Frameworks {
		if f.Outcome == store.FrameworkCreated {
			created = append(created, fmt.Sprintf("%s (%s, %d competencies)", f.Title, f.ID, f.Competencies))
		}
	}
	if len(created) > 0 {
		fmt.Fprintf(w, "Frameworks created: %s.\n", strings.Join(created, "; "))
	}
	fmt.Fprintf(w, "Files: %d copied into the data folder, %d already there. Alignments: %d made.\n",
		r.FilesStored, r.FilesAlreadyHere, r.Alignments)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTCOME\tID\tUPDATED\tTITLE")
	for _, e := range r.Entries {
		updated := e.PackageUpdatedAt.UTC().Format(updatedLayout)
		if e.Outcome == store.ImportKept && e.ExistingUpdatedAt != nil {
			updated = e.ExistingUpdatedAt.UTC().Format(updatedLayout) + " here"
		}
		title := e.Title
		if e.InTrash {
			title += " (in the trash here)"
		}
		label := outcomeLabels[e.Outcome]
		if e.Outcome == store.ImportKept && e.ExistingUpdatedAt != nil && !e.ExistingUpdatedAt.After(e.PackageUpdatedAt) {
			label = "kept (same time, differs)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", label, e.ID, updated, title)
	}
	for _, c := range r.Credentials {
		updated := c.PackageUpdatedAt.UTC().Format(updatedLayout)
		if c.Outcome == store.ImportKept && c.ExistingUpdatedAt != nil {
			updated = c.ExistingUpdatedAt.UTC().Format(updatedLayout) + " here"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\tcredential: %s\n", outcomeLabels[c.Outcome], c.ID, updated, c.Name)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.SkippedAlignments {
		fmt.Fprintf(w, "skipped alignment of %q to %s: %s\n", s.EntryTitle, s.CompetencyID, s.Reason)
	}
	return nil
}
