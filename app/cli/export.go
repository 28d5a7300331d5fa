package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runExport dispatches `export pdf` and `export package`.
func runExport(ctx context.Context, env Env, dataDir string, args []string) error {
	switch {
	case len(args) > 0 && args[0] == "pdf":
		return exportPDF(ctx, env, dataDir, args[1:])
	case len(args) > 0 && args[0] == "package":
		return exportPackage(ctx, env, dataDir, args[1:])
	}
	return usagef("Use 'export pdf --out FILE.pdf [--preset certification|interview] [--paper letter|a4] --passphrase-file F' " +
		"or 'export package --out FILE.zip [--paper letter|a4] --passphrase-file F'.")
}

func exportPDF(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("export pdf", &dataDir)
	out := fs.String("out", "", "")
	preset := fs.String("preset", string(pdfrender.PresetCertification), "")
	paper := fs.String("paper", string(pdfrender.PaperLetter), "")
	entries := fs.String("entries", "", "")
	highlights := fs.String("highlights", "", "")
	leaveOut := fs.String("leave-out-over", "", "")
	passFile := passphraseFlag(fs, "passphrase-file")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("export pdf needs --out FILE.pdf.")
	}
	opts := workspace.ExportOptions{
		Preset: pdfrender.Preset(*preset), Paper: pdfrender.Paper(*paper),
		EntryIDs: splitList(*entries), Highlights: splitList(*highlights), AppVersion: env.Version, Now: time.Now(),
	}
	if *leaveOut != "" {
		n, err := parseSize(*leaveOut)
		if err != nil || n <= 0 {
			return usagef("--leave-out-over takes a size like 20MB.")
		}
		opts.LeaveOutOver = n
	}
	return withSigner(dataDir, *passFile, func(ws *workspace.Workspace, signer *signing.Signer) error {
		report, err := ws.ExportPDF(ctx, *out, signer, opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Wrote %s: %d pages, %d entries, %d images, %d attachments, %s, signed.\n",
			report.Path, report.Pages, report.Entries, report.Images, report.Attachments, humanSize(report.Bytes))
		for _, w := range report.Warnings {
			fmt.Fprintln(env.Stderr, "warning: "+w)
		}
		for _, name := range report.LeftOut {
			fmt.Fprintln(env.Stderr, "left out for its size: "+name)
		}
		return nil
	})
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// withSigner reads the passphrase (before anything is opened, so a missing file costs nothing),
// opens the data folder and unlocks its signing identity, then runs fn: the first steps of every
// signed export.
func withSigner(dataDir, passFile string, fn func(ws *workspace.Workspace, signer *signing.Signer) error) error {
	passphrase, err := readPassphrase("passphrase-file", passFile, PassphraseEnv)
	if err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		ids, err := ws.Identity()
		if err != nil {
			return err
		}
		id, err := ids.Unlock(passphrase)
		if err != nil {
			return err
		}
		return fn(ws, signing.NewSigner(id))
	})
}
