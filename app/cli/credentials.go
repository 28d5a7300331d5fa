package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/readyfolio/readyfolio/backend/openbadges"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runCredentials dispatches `credentials import|add|list|remove`.
func runCredentials(ctx context.Context, env Env, dataDir string, args []string) error {
	if len(args) == 0 {
		return usagef("Use 'credentials import FILE', 'credentials add --name N ...', 'credentials list' or 'credentials remove ID'.")
	}
	switch args[0] {
	case "import":
		return runCredentialsImport(ctx, env, dataDir, args[1:])
	case "add":
		return runCredentialsAdd(ctx, env, dataDir, args[1:])
	case "list":
		return runCredentialsList(ctx, env, dataDir, args[1:])
	case "remove":
		return runCredentialsRemove(ctx, env, dataDir, args[1:])
	}
	return usagef("Unknown credentials command %q; use import, add, list or remove.", args[0])
}

func runCredentialsImport(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("credentials import", &dataDir)
	asJSON := fs.Bool("json", false, "")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("credentials import takes one Open Badges file: a baked PNG or SVG, or the badge's JSON.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		v, err := ws.ImportBadge(ctx, files[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, v)
		}
		printCredential(env.Stdout, v)
		return nil
	})
}

func runCredentialsAdd(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("credentials add", &dataDir)
	var c portfolio.Credential
	kind := fs.String("kind", string(portfolio.CredentialCertification), "")
	fs.StringVar(&c.Name, "name", "", "")
	fs.StringVar(&c.Issuer, "issuer", "", "")
	fs.StringVar(&c.IssuedOn, "earned", "", "")
	fs.StringVar(&c.ExpiresOn, "expires", "", "")
	fs.StringVar(&c.CredentialID, "id", "", "")
	fs.StringVar(&c.VerificationURL, "url", "", "")
	file := fs.String("file", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(c.Name) == "" {
		return usagef("credentials add needs --name, for example: credentials add --name \"Google Certified Educator\" --issuer Google --earned 2025-06-01.")
	}
	c.Kind = portfolio.CredentialKind(*kind)
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		v, err := ws.AddCredential(ctx, c, *file)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, v)
		}
		fmt.Fprintln(env.Stdout, v.ID)
		return nil
	})
}

func runCredentialsList(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("credentials list", &dataDir)
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		list, err := ws.Credentials(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, list)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tEARNED\tEXPIRES\tHELD\tNAME\tISSUER")
		for _, v := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v.ID, v.Kind, v.IssuedOn, orDash(v.ExpiresOn), yesNo(v.Held), v.Name, v.Issuer)
		}
		return tw.Flush()
	})
}

func runCredentialsRemove(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("credentials remove", &dataDir)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("credentials remove takes the id of one credential (see credentials list).")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		return ws.DeleteCredential(ctx, ids[0])
	})
}

// printCredential says what a credential's file claims, then what was and was not checked.
func printCredential(w io.Writer, v workspace.CredentialView) {
	fmt.Fprintf(w, "Recorded %q (%s) as credential %s.\n", v.Name, v.BadgeFormat, v.ID)
	if b := v.Badge; b != nil {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, f := range [][2]string{
			{"Achievement", b.Achievement}, {"Issuer", strings.TrimSpace(b.Issuer + " " + b.IssuerURL)},
			{"Recipient", recipients(b.Recipients)}, {"Issued", v.IssuedOn}, {"Expires", orDash(v.ExpiresOn)},
			{"Criteria", present.OneLine(strings.TrimSpace(b.Criteria + " " + b.CriteriaURL))},
			{"Credential id", b.CredentialID},
		} {
			if f[1] != "" {
				fmt.Fprintf(tw, "  %s:\t%s\n", f[0], f[1])
			}
		}
		tw.Flush()
	}
	fmt.Fprintln(w, "Checked offline:")
	for _, f := range v.Findings {
		fmt.Fprintf(w, "  [%s] %s\n", findingMark(f.Status), f.Detail)
	}
}

func recipients(list []openbadges.Recipient) string {
	var out []string
	for _, r := range list {
		id := r.Identity
		if r.Hashed {
			id = "hashed " + r.Type
		}
		out = append(out, id)
	}
	return strings.Join(out, ", ")
}

func findingMark(s openbadges.Status) string {
	switch s {
	case openbadges.StatusPassed:
		return "passed"
	case openbadges.StatusFailed:
		return "FAILED"
	}
	return "not checked"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
