package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/submission"
)

// runVerify checks a signed PDF or a submission package, told apart by their first bytes.
func runVerify(ctx context.Context, env Env, _ string, args []string) error {
	fs := flagSet("verify", new(string))
	asJSON := fs.Bool("json", false, "")
	trustFile := fs.String("trust", "", "")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("Use 'verify FILE.pdf|FILE.zip [--json] [--trust CERT.pem]'.")
	}
	name := files[0]
	trust, err := readTrust(*trustFile)
	if err != nil {
		return err
	}
	f, size, err := openInput(name)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 5)
	n, _ := io.ReadFull(f, head)
	var valid bool
	switch {
	case bytes.HasPrefix(head[:n], []byte("PK")):
		v, err := submission.Verify(ctx, f, size, trust, nil)
		if err != nil {
			return err
		}
		valid = v.Valid
		if *asJSON {
			err = writeJSON(env.Stdout, v)
		} else {
			writePackageVerification(env, name, v)
		}
		if err != nil {
			return err
		}
	default: // a PDF, or something the PDF verifier will call unreadable
		v, err := signing.VerifyPDF(f, size, trust)
		if err != nil {
			return err
		}
		valid = v.Valid
		if *asJSON {
			if err := writeJSON(env.Stdout, v); err != nil {
				return err
			}
		} else {
			writeVerification(env, name, v)
		}
	}
	if !valid {
		return portfolio.Errorf(portfolio.CodeRefused, "%s did not pass verification; see the problems above.", name)
	}
	return nil
}

func writePackageVerification(env Env, file string, v submission.Verification) {
	verdict := "VALID"
	if !v.Valid {
		verdict = "NOT VALID"
	}
	fmt.Fprintf(env.Stdout, "%s: %s (submission package)\n", file, verdict)
	if p := v.Portfolio; p.ID != "" {
		fmt.Fprintf(env.Stdout, "Portfolio of %s (%s): %d entries, %d original files, made %s, id %s\n",
			p.Name, p.District, p.Entries, p.Artifacts, p.GeneratedAt.Format(time.DateOnly), p.ID)
	}
	if s := v.Manifest; s != nil {
		fmt.Fprintf(env.Stdout, "Package signature (tagmanifest-sha256.txt.p7s): %s <%s>\n  certificate: %s\n  SHA-256 fingerprint: %s\n  signed: %s\n",
			s.Signer, s.Email, certificateKind(*s), s.FingerprintSHA256, s.SigningTime.Format(time.RFC3339))
	}
	if p := v.PDF; p != nil && len(p.Signatures) > 0 {
		s := p.Signatures[len(p.Signatures)-1]
		state := "valid, covers the whole file"
		if !p.Valid {
			state = "NOT valid"
		}
		fmt.Fprintf(env.Stdout, "PDF signature (data/portfolio.pdf): %s; %s <%s>, %s\n", state, s.Signer, s.Email, s.FingerprintSHA256)
	}
	for _, p := range v.Problems {
		fmt.Fprintln(env.Stdout, "problem: "+p.String())
	}
}
func writeVerification(env Env, file string, v signing.Verification) {
	verdict := "VALID"
	if !v.Valid {
		verdict = "NOT VALID"
	}
	fmt.Fprintf(env.Stdout, "%s: %s\n", file, verdict)
	for i, s := range v.Signatures {
		fmt.Fprintf(env.Stdout, "Signature %d: %s <%s>\n  certificate: %s\n  SHA-256 fingerprint: %s\n  signed: %s\n  covers: %s\n  format: %s\n",
			i+1, s.Signer, s.Email, certificateKind(s), s.FingerprintSHA256, s.SigningTime.Format(time.RFC3339), s.Covered, s.SubFilter)
		for _, p := range s.Problems {
			fmt.Fprintln(env.Stdout, "  problem: "+p)
		}
	}
	for _, p := range v.Problems {
		fmt.Fprintln(env.Stdout, "problem: "+p)
	}
}

// certificateKind is "self-signed, not checked (no --trust given)" or "issued by …, chains to
// a trusted certificate".
func certificateKind(s signing.SignatureReport) string {
	trust := "not checked (no --trust given)"
	if s.Trusted != nil {
		trust = map[bool]string{true: "chains to a trusted certificate", false: "does NOT chain to the trusted certificates"}[*s.Trusted]
	}
	kind := "issued by " + s.Issuer
	if s.SelfSigned {
		kind = "self-signed"
	}
	return kind + ", " + trust
}

// openInput opens a file a command reads (a package or a PDF); a missing file or a folder is a
// usage mistake.
func openInput(name string) (*os.File, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, usagef("Cannot read %s: %v.", name, unwrap(err))
	}
	info, err := f.Stat()
	if err == nil && info.IsDir() {
		err = errors.New("it is a folder; give the file")
	}
	if err != nil {
		f.Close()
		return nil, 0, usagef("Cannot read %s: %v.", name, unwrap(err))
	}
	return f, info.Size(), nil
}
