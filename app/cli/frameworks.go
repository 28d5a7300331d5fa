package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runFrameworks dispatches `frameworks list|show|import`.
func runFrameworks(ctx context.Context, env Env, dataDir string, args []string) error {
	if len(args) == 0 {
		return usagef("Use 'frameworks list', 'frameworks show ID' or 'frameworks import FILE.json'.")
	}
	switch args[0] {
	case "list":
		return runFrameworksList(ctx, env, dataDir, args[1:])
	case "show":
		return runFrameworksShow(ctx, env, dataDir, args[1:])
	case "import":
		return runFrameworksImport(ctx, env, dataDir, args[1:])
	}
	return usagef("Unknown frameworks command %q; use list, show or import.", args[0])
}

func runFrameworksList(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("frameworks list", &dataDir)
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		list, err := ws.Store.Frameworks(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, frameworkSummaries(list))
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tCOMPETENCIES\tVERSION\tORIGIN\tTITLE")
		for _, f := range list {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", f.ID, f.LeafCount, f.Version, f.Origin, f.Title)
		}
		return tw.Flush()
	})
}

// frameworkSummary is a framework as `frameworks list --json` prints it.
type frameworkSummary struct {
	ID           string                    `json:"id"`
	Title        string                    `json:"title"`
	Source       string                    `json:"source"`
	Version      string                    `json:"version"`
	Publisher    string                    `json:"publisher"`
	Origin       portfolio.FrameworkOrigin `json:"origin"`
	Competencies int                       `json:"competencies"`
	Retired      int                       `json:"retired"`
}

func frameworkSummaries(list []portfolio.Framework) []frameworkSummary {
	out := make([]frameworkSummary, len(list))
	for i, f := range list {
		out[i] = frameworkSummary{ID: f.ID, Title: f.Title, Source: f.SourceURL, Version: f.Version,
			Publisher: f.Publisher, Origin: f.Origin, Competencies: f.LeafCount, Retired: f.Retired}
	}
	return out
}

func runFrameworksShow(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("frameworks show", &dataDir)
	asJSON := fs.Bool("json", false, "")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("Use 'frameworks show ID'; 'frameworks list' shows the ids.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		f, err := ws.Store.Framework(ctx, ids[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, f)
		}
		fmt.Fprintf(env.Stdout, "%s (%s %s)\n%s\n\n", f.Title, f.Publisher, f.Version, f.SourceURL)
		for _, c := range f.Competencies {
			retired := ""
			if c.RetiredAt != nil {
				retired = "  [retired]"
			}
			fmt.Fprintf(env.Stdout, "%s%s %s%s\n", strings.Repeat("  ", c.Depth), orDash(c.Code), c.Title, retired)
		}
		return nil
	})
}

func runFrameworksImport(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("frameworks import", &dataDir)
	asJSON := fs.Bool("json", false, "")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("Use 'frameworks import FILE.json' with one CASE JSON file.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		report, err := ws.ImportCASE(ctx, files[0])
		if err != nil {
			return err
		}
		report.Framework.Competencies = nil // the report, not the tree: `frameworks show` prints that
		if *asJSON {
			return writeJSON(env.Stdout, report)
		}
		verb := "Imported"
		if report.Replaced {
			verb = "Updated"
		}
		fmt.Fprintf(env.Stdout, "%s %q as %s: %d items, %d of %d associations used (ignored: %d to other documents, %d of other types, %d second parents); %d competencies added, %d updated, %d retired.\n",
			verb, report.Framework.Title, report.Framework.ID, report.File.Items, report.File.Used, report.File.Associations,
			report.File.IgnoredExternal, report.File.IgnoredOtherType, report.File.IgnoredExtraParents,
			report.Change.Added, report.Change.Updated, report.Change.Retired)
		return nil
	})
}

func runAlign(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("align", &dataDir)
	frameworkID := fs.String("framework", "", "")
	rationale := fs.String("rationale", "", "")
	strength := fs.String("strength", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || *frameworkID == "" {
		return usagef("Use 'align ENTRY_ID COMPETENCY_CODE --framework ID [--rationale T] [--strength S]'.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		c, err := ws.FindCompetency(ctx, *frameworkID, pos[1])
		if err != nil {
			return err
		}
		a, err := ws.Store.Align(ctx, portfolio.Alignment{EntryID: pos[0], FrameworkID: *frameworkID, CompetencyID: c.ID,
			Rationale: *rationale, Strength: *strength})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Aligned entry %s to %s %s (%s).\n", a.EntryID, c.Code, c.Title, a.Strength)
		return nil
	})
}

func runCoverage(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("coverage", &dataDir)
	frameworkID := fs.String("framework", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *frameworkID == "" {
		return usagef("Use 'coverage --framework ID'; 'frameworks list' shows the ids.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		cov, err := ws.Store.Coverage(ctx, *frameworkID)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, cov)
		}
		return writeCoverage(env.Stdout, cov)
	})
}

func writeCoverage(w io.Writer, cov portfolio.Coverage) error {
	fmt.Fprintf(w, "%s: %s.\n\n", cov.Framework.Title, cov.Summary)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tCOMPETENCY\tENTRIES\tSTRONGEST\tSTATUS")
	for _, row := range cov.Rows {
		c := row.Competency
		indent := strings.Repeat("  ", c.Depth)
		if !c.Leaf {
			fmt.Fprintf(tw, "%s%s\t%s\t\t\t\n", indent, orDash(c.Code), c.Title)
			continue
		}
		entries := "GAP"
		if len(row.Evidence) > 0 {
			entries = fmt.Sprint(len(row.Evidence))
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%s\n", indent, orDash(c.Code), c.Title, entries, orDash(row.Strongest), row.Status)
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
