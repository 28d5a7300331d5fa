package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/submission"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// exportPackage writes the signed submission package.
func exportPackage(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("export package", &dataDir)
	out := fs.String("out", "", "")
	paper := fs.String("paper", string(pdfrender.PaperLetter), "")
	passFile := passphraseFlag(fs, "passphrase-file")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("export package needs --out FILE.zip.")
	}
	return withSigner(dataDir, *passFile, func(ws *workspace.Workspace, signer *signing.Signer) error {
		report, err := submission.Build(ctx, ws, *out, signer,
			submission.Options{Paper: pdfrender.Paper(*paper), Now: time.Now(), AppVersion: env.Version})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote %s: %d entries, %d original files, a %d-page signed PDF, %s, signed.\n",
			report.Path, report.Entries, report.Artifacts, report.PDF.Pages, humanSize(report.Bytes))
		for _, w := range report.PDF.Warnings {
			fmt.Fprintln(env.Stderr, "warning: "+w)
		}
		return nil
	})
}
