package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/readyfolio/readyfolio/backend/demo"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

func runVersion(_ context.Context, env Env, _ string, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments.")
	}
	fmt.Fprintf(env.Stdout, "%s %s\n", programName, env.Version)
	return nil
}

func runProfile(ctx context.Context, env Env, dataDir string, args []string) error {
	if len(args) == 0 || args[0] != "set" {
		return usagef("Use 'profile set --name N [--role R] [--school S] [--district D] [--email E] [--bio B]'.")
	}
	fs := flagSet("profile set", &dataDir)
	fields := map[string]*string{}
	for _, name := range []string{"name", "role", "school", "district", "email", "bio"} {
		fields[name] = fs.String(name, "", "")
	}
	if _, err := parseNoPositional(fs, args[1:]); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if len(given) == 0 || (len(given) == 1 && given["data-dir"]) {
		return usagef("Give at least one field to set, for example --name \"Zoë Ñúñez\".")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		p, err := ws.Store.Profile(ctx)
		if err != nil {
			return err
		}
		set := func(name string, field *string) {
			if given[name] {
				*field = *fields[name]
			}
		}
		set("name", &p.Name)
		set("role", &p.Role)
		set("school", &p.School)
		set("district", &p.District)
		set("email", &p.Email)
		set("bio", &p.Bio)
		saved, err := ws.Store.SaveProfile(ctx, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Profile saved for %s.\n", saved.Name)
		return nil
	})
}

func runDemo(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("demo", &dataDir)
	seed := fs.Uint64("seed", 1, "")
	entries := fs.Int("entries", 0, "")
	images := fs.Int("images", 0, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *entries < 0 || *images < 0 {
		return usagef("--entries and --images cannot be negative.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		report, err := demo.Fill(ctx, ws, demo.Options{Seed: *seed, Entries: *entries, Images: *images})
		if err != nil {
			return err
		}
		var kinds []string
		for _, k := range portfolio.Kinds() {
			kinds = append(kinds, fmt.Sprintf("%d %s", report.ByKind[k.Kind], strings.ToLower(k.Label)))
		}
		fmt.Fprintf(env.Stdout, "Created a sample portfolio in %s: %d entries (%s), %d artifacts of which %d images, %d alignments to the built-in frameworks, %d credentials.\n",
			ws.Dir, report.Entries, strings.Join(kinds, ", "), report.Artifacts, report.Images, report.Alignments, report.Credentials)
		return nil
	})
}

func runAdd(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("add", &dataDir)
	kind := fs.String("kind", "", "")
	title := fs.String("title", "", "")
	status := fs.String("status", string(portfolio.StatusDraft), "")
	asJSON := fs.Bool("json", false, "")
	var files repeated
	fs.Var(&files, "file", "")
	fields := addKindFlags(fs)
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *kind == "" || strings.TrimSpace(*title) == "" {
		return usagef("add needs --kind and --title, for example: add --kind ai_pilot --title \"Chatbot pilot\".")
	}
	k, err := portfolio.ParseKind(*kind)
	if err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		e, err := ws.Draft(ctx, k, *title)
		if err != nil {
			return err
		}
		e.Status = portfolio.Status(*status)
		if err := fields.apply(&e); err != nil {
			return err
		}
		saved, err := ws.CreateEntryWithFiles(ctx, e, files)
		if err != nil {
			return err
		}
		// The id is printed only now, after the entry and its files are committed together.
		if *asJSON {
			return writeJSON(env.Stdout, saved)
		}
		fmt.Fprintln(env.Stdout, saved.ID)
		return nil
	})
}

func runList(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("list", &dataDir)
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		entries, err := ws.Store.ListEntries(ctx, portfolio.EntryFilter{})
		if err != nil {
			return err
		}
		return printEntries(env.Stdout, entries, *asJSON)
	})
}

func runSearch(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("search", &dataDir)
	asJSON := fs.Bool("json", false, "")
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(words, " ")
	if strings.TrimSpace(query) == "" {
		return usagef("search needs a query, for example: search \"writing feedback\".")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		hits, err := ws.Store.Search(ctx, query, searchLimit)
		if err != nil {
			return err
		}
		entries := make([]portfolio.Entry, len(hits))
		for i, h := range hits {
			entries[i] = h.Entry
		}
		return printEntries(env.Stdout, entries, *asJSON)
	})
}

func runCheck(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("check", &dataDir)
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		problems, err := ws.Check(ctx)
		if err != nil {
			return err
		}
		for _, p := range problems {
			fmt.Fprintln(env.Stdout, p)
		}
		if len(problems) > 0 {
			return portfolio.Errorf(portfolio.CodeCorrupt, "Found %d problems in %s (listed above); restore a backup or re-attach the files named.", len(problems), ws.Dir)
		}
		fmt.Fprintf(env.Stdout, "Healthy: the database and every stored artifact in %s passed their checks.\n", ws.Dir)
		return nil
	})
}

func parseNoPositional(fs *flag.FlagSet, args []string) ([]string, error) {
	rest, err := parse(fs, args)
	if err == nil && len(rest) > 0 {
		return nil, usagef("%s: unexpected argument %q; run '%s help' for usage.", fs.Name(), rest[0], programName)
	}
	return rest, err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// searchLimit is far above what a person reads; the command line serves scripts too.
const searchLimit = 1000

func printEntries(w io.Writer, entries []portfolio.Entry, asJSON bool) error {
	if asJSON {
		return writeJSON(w, entries)
	}
	return writeTable(w, entries)
}

func writeTable(w io.Writer, entries []portfolio.Entry) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSTATUS\tDATE\tTITLE")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.ID, e.Kind, e.Status, e.StartDate, e.Title)
	}
	return tw.Flush()
}
