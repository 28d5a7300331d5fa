package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// PassphraseEnv may stand in for --passphrase-file, for scripts that keep the passphrase in
// their environment. A passphrase is never taken as a command-line argument: the process list
// would show it to every user of the computer.
const PassphraseEnv = "READYFOLIO_PASSPHRASE"

// runIdentity dispatches `identity create|import|show|export-cert`.
func runIdentity(ctx context.Context, env Env, dataDir string, args []string) error {
	if len(args) == 0 {
		return usagef("Use 'identity create', 'identity import FILE.p12', 'identity show' or 'identity export-cert --out FILE.pem'.")
	}
	switch args[0] {
	case "create":
		return runIdentityCreate(ctx, env, dataDir, args[1:])
	case "import":
		return runIdentityImport(env, dataDir, args[1:])
	case "show":
		return runIdentityShow(env, dataDir, args[1:])
	case "export-cert":
		return runIdentityExportCert(env, dataDir, args[1:])
	}
	return usagef("Unknown identity command %q; use create, import, show or export-cert.", args[0])
}

// passphraseFlag registers --passphrase-file (or another name) on fs.
func passphraseFlag(fs *flag.FlagSet, name string) *string {
	return fs.String(name, "", "a file holding the passphrase")
}

// readPassphrase reads the passphrase from the file named by the flag, else from the
// environment variable envName ("" for none).
func readPassphrase(flagName, path, envName string) ([]byte, error) {
	if path != "" {
		return identity.ReadPassphraseFile(path)
	}
	if envName != "" {
		if v := os.Getenv(envName); v != "" {
			return []byte(v), nil
		}
		return nil, usagef("Give the passphrase with --%s FILE or in $%s.", flagName, envName)
	}
	return nil, usagef("Give the passphrase with --%s FILE.", flagName)
}

func runIdentityCreate(ctx context.Context, env Env, dataDir string, args []string) error {
	fs := flagSet("identity create", &dataDir)
	name := fs.String("name", "", "")
	email := fs.String("email", "", "")
	passFile := passphraseFlag(fs, "passphrase-file")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	passphrase, err := readPassphrase("passphrase-file", *passFile, PassphraseEnv)
	if err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		profile, err := ws.Store.Profile(ctx)
		if err != nil {
			return err
		}
		subject := identity.Subject{Name: profile.Name, Email: profile.Email, School: profile.School, District: profile.District}
		if *name != "" {
			subject.Name = *name
		}
		if *email != "" {
			subject.Email = *email
		}
		if subject.Name == "" {
			return usagef("The certificate needs a name: set the profile's name or give --name.")
		}
		ids, err := ws.Identity()
		if err != nil {
			return err
		}
		info, err := ids.Create(subject, passphrase)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Created a signing identity for %s (%s), valid until %s.\nSHA-256 fingerprint: %s\n",
			info.CommonName, info.KeyType, info.NotAfter.Format("2006-01-02"), info.FingerprintSHA256)
		return nil
	})
}

func runIdentityImport(env Env, dataDir string, args []string) error {
	fs := flagSet("identity import", &dataDir)
	p12PassFile := passphraseFlag(fs, "p12-passphrase-file")
	passFile := passphraseFlag(fs, "passphrase-file")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("Use 'identity import FILE.p12 --p12-passphrase-file F --passphrase-file G'.")
	}
	p12Pass, err := readPassphrase("p12-passphrase-file", *p12PassFile, "")
	if err != nil {
		return err
	}
	passphrase, err := readPassphrase("passphrase-file", *passFile, PassphraseEnv)
	if err != nil {
		return err
	}
	p12, err := os.ReadFile(files[0])
	if err != nil {
		return portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s: %v.", files[0], unwrap(err))
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		ids, err := ws.Identity()
		if err != nil {
			return err
		}
		info, err := ids.Import(p12, p12Pass, passphrase)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Imported the signing identity of %s issued by %s (%s), valid until %s.\nSHA-256 fingerprint: %s\n",
			info.Subject, info.Issuer, info.KeyType, info.NotAfter.Format("2006-01-02"), info.FingerprintSHA256)
		return nil
	})
}

func runIdentityShow(env Env, dataDir string, args []string) error {
	fs := flagSet("identity show", &dataDir)
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		ids, err := ws.Identity()
		if err != nil {
			return err
		}
		info, err := ids.Info()
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, info)
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "Subject\t%s\nIssuer\t%s\nKey\t%s\nValid\t%s to %s\nSHA-256\t%s\nSelf-signed\t%v\n",
			info.Subject, info.Issuer, info.KeyType, info.NotBefore.Format("2006-01-02"), info.NotAfter.Format("2006-01-02"),
			info.FingerprintSHA256, info.SelfSigned)
		return tw.Flush()
	})
}

func runIdentityExportCert(env Env, dataDir string, args []string) error {
	fs := flagSet("identity export-cert", &dataDir)
	out := fs.String("out", "", "")
	if _, err := parseNoPositional(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("Use 'identity export-cert --out FILE.pem'.")
	}
	return withWorkspace(dataDir, func(ws *workspace.Workspace) error {
		ids, err := ws.Identity()
		if err != nil {
			return err
		}
		pem, err := ids.CertificatePEM()
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, pem, 0o644); err != nil {
			return portfolio.Errorf(portfolio.CodeInvalid, "Cannot write %s: %v.", *out, unwrap(err))
		}
		fmt.Fprintf(env.Stdout, "Wrote the public certificate to %s.\n", *out)
		return nil
	})
}

// unwrap drops the path from an *os.PathError; the message names the file already.
func unwrap(err error) error { return atomicfile.UnwrapPathError(err) }
