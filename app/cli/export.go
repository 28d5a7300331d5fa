package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// runExport dispatches `export pdf`.
func runExport(ctx context.Context, env Env, dataDir string, args []string) error {
	if len(args) == 0 || args[0] != "pdf" {
		return usagef("Use 'export pdf --out FILE.pdf [--preset certification|interview] [--paper letter|a4] --passphrase-file F'.")
	}
	fs := flagSet("export pdf", &dataDir)
	out := fs.String("out", "", "")
	preset := fs.String("preset", string(pdfrender.PresetCertification), "")
	paper := fs.String("paper", string(pdfrender.PaperLetter), "")
	entries := fs.String("entries", "", "")
	highlights := fs.String("highlights", "", "")
	leaveOut := fs.String("leave-out-over", "", "")
	passFile := passphraseFlag(fs, "passphrase-file")
	if _, err := parseNoPositional(fs, args[1:]); err != nil {
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
	passphrase, err := readPassphrase("passphrase-file", *passFile, PassphraseEnv)
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
		report, err := ws.ExportPDF(ctx, *out, signing.NewSigner(id), opts)
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

func runVerify(_ context.Context, env Env, _ string, args []string) error {
	fs := flagSet("verify", new(string))
	asJSON := fs.Bool("json", false, "")
	trustFile := fs.String("trust", "", "")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("Use 'verify FILE.pdf [--json] [--trust CERT.pem]'.")
	}
	trust, err := readTrust(*trustFile)
	if err != nil {
		return err
	}
	f, err := os.Open(files[0])
	if err != nil {
		return usagef("Cannot read %s: %v.", files[0], unwrap(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return usagef("Cannot read %s: %v.", files[0], unwrap(err))
	}
	v, err := signing.VerifyPDF(f, info.Size(), trust)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(env.Stdout, v); err != nil {
			return err
		}
	} else {
		writeVerification(env, files[0], v)
	}
	if !v.Valid {
		return portfolio.Errorf(portfolio.CodeRefused, "%s did not pass verification; see the problems above.", files[0])
	}
	return nil
}

func writeVerification(env Env, file string, v signing.Verification) {
	verdict := "VALID"
	if !v.Valid {
		verdict = "NOT VALID"
	}
	fmt.Fprintf(env.Stdout, "%s: %s\n", file, verdict)
	for i, s := range v.Signatures {
		trust := "not checked (no --trust given)"
		if s.Trusted != nil {
			trust = map[bool]string{true: "chains to a trusted certificate", false: "does NOT chain to the trusted certificates"}[*s.Trusted]
		}
		kind := "issued by " + s.Issuer
		if s.SelfSigned {
			kind = "self-signed"
		}
		fmt.Fprintf(env.Stdout, "Signature %d: %s <%s>\n  certificate: %s, %s\n  SHA-256 fingerprint: %s\n  signed: %s\n  covers: %s\n  format: %s\n",
			i+1, s.Signer, s.Email, kind, trust, s.FingerprintSHA256, s.SigningTime.Format(time.RFC3339), s.Covered, s.SubFilter)
		for _, p := range s.Problems {
			fmt.Fprintln(env.Stdout, "  problem: "+p)
		}
	}
	for _, p := range v.Problems {
		fmt.Fprintln(env.Stdout, "problem: "+p)
	}
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
