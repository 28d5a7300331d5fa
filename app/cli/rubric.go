package cli

import (
	"context"
	"fmt"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runRubric dispatches `rubric show|import|reset`: the rubric new tool evaluations are scored
// against.
func runRubric(ctx context.Context, env Env, dataDir string, args []string) error {
	if len(args) == 0 {
		return usagef("Use 'rubric show [--json]', 'rubric import FILE.json' or 'rubric reset'.")
	}
	fs := flagSet("rubric "+args[0], &dataDir)
	asJSON := fs.Bool("json", false, "")
	rest, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		switch args[0] {
		case "show":
			r, custom, err := ws.Store.EvaluationRubric(ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				// The rubric file format, so that a district can edit it and import it.
				data, err := portfolio.MarshalRubricFile(r)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(env.Stdout, "%s\n", data)
				return err
			}
			origin := "built in"
			if custom {
				origin = "imported"
			}
			fmt.Fprintf(env.Stdout, "%s (%s, %s), scored %d to %d:\n", r.Name, r.Edition, origin, r.Levels[0].Score, r.MaxScore())
			for _, c := range r.Criteria {
				fmt.Fprintf(env.Stdout, "  %-26s %s\n", c.ID, c.Label)
			}
			return nil
		case "import":
			if len(rest) != 1 {
				return usagef("rubric import takes one rubric file; start from 'rubric show --json'.")
			}
			r, err := ws.SetEvaluationRubricFile(ctx, rest[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "New tool evaluations are now scored against %q (%d criteria). Evaluations already scored keep their rubric.\n", r.Name, len(r.Criteria))
			return nil
		case "reset":
			if err := ws.Store.SetEvaluationRubric(ctx, nil); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "New tool evaluations are now scored against the built-in rubric.")
			return nil
		}
		return usagef("Unknown rubric command %q; use show, import or reset.", args[0])
	})
}
