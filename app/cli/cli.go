// Package cli is ReadyFolio's headless front door: the subcommands of the readyfolio binary.
// Each command parses its flags, opens the data folder and calls the same backend services the
// GUI uses. Exit codes: 0 success, 1 the operation failed or found problems, 2 usage or
// unreadable input. Errors go to stderr as one plain sentence.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"

	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Exit codes shared by every command.
const (
	ExitOK      = 0
	ExitFailed  = 1
	ExitUsage   = 2
	programName = "readyfolio"
)

// Env is what the commands need from the process; tests pass buffers and a fake GUI.
type Env struct {
	Version string
	Stdout  io.Writer
	Stderr  io.Writer
	RunGUI  func(dataDir string, maxArtifactSize int64) error
}

// command is one subcommand. run returns an error; usageError and the error's domain code
// decide the exit code.
type command struct {
	summary string
	run     func(ctx context.Context, env Env, dataDir string, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"version": {"print the version", runVersion},
		"profile": {"set the educator's profile: profile set --name N [--role R] [--school S] [--district D] [--email E]", runProfile},
		"demo":    {"fill the data folder with a sample portfolio: demo [--seed N] [--entries N] [--images N]", runDemo},
		"add": {"add an entry: add --kind K --title T [--status draft|ready] [--date YYYY-MM-DD] [--file F]... [--json]; " +
			"tool_evaluation: [--tool T] [--vendor V] [--tool-version X] [--score CRITERION=N[:NOTES]]... [--recommendation adopt|pilot_further|do_not_adopt]; " +
			"policy_guidance: [--body B] [--body-level school|district|state|association] [--role author|co_author|reviewer|committee_member] [--stage in_progress|adopted|published] [--summary S]", runAdd},
		"credentials": {"certifications and badges: credentials import FILE [--json] | add --name N [--kind K] [--issuer I] [--earned D] [--expires D] [--id X] [--url U] [--file F] | list [--json] | remove ID", runCredentials},
		"rubric":      {"the rubric new tool evaluations are scored against: rubric show [--json] | import FILE.json | reset", runRubric},
		"list":        {"list the entries: list [--json]", runList},
		"search":      {"search everything written and every file name: search QUERY [--json]", runSearch},
		"check":       {"check the database and every stored artifact", runCheck},
		"frameworks":  {"competency frameworks: frameworks list|show ID|import FILE.json [--json]", runFrameworks},
		"align":       {"align an entry: align ENTRY_ID COMPETENCY_CODE --framework ID [--rationale T] [--strength S]", runAlign},
		"coverage":    {"which competencies have evidence: coverage --framework ID [--json]", runCoverage},
		"identity":    {"the signing identity: identity create|import FILE.p12|show|export-cert --out FILE.pem", runIdentity},
		"export":      {"a signed PDF or submission package: export pdf --out FILE.pdf [--preset certification|interview] [--paper letter|a4] --passphrase-file F; export package --out FILE.zip --passphrase-file F", runExport},
		"verify":      {"check a signed PDF or submission package: verify FILE.pdf|FILE.zip [--json] [--trust CERT.pem]", runVerify},
		"backup":      {"back up the whole portfolio into one verified file: backup --out FILE.zip [--json]", runBackup},
		"restore":     {"restore a backup into the data folder (its portfolio is backed up first): restore FILE.zip [--json]", runRestore},
		"import":      {"bring a submission package into the data folder, keeping the newer version of each entry: import FILE.zip [--json]", runImport},
	}
}

// usageError marks mistakes in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	global := flag.NewFlagSet(programName, flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dataDir := global.String("data-dir", "", "the data folder")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(env.Stdout)
			return ExitOK
		}
		return fail(env, usagef("%v; run '%s help' for usage.", err, programName))
	}
	rest := global.Args()
	if len(rest) == 0 {
		dir, err := datadir.Resolve(*dataDir)
		if err != nil {
			return fail(env, err)
		}
		limit, err := maxArtifactSize()
		if err != nil {
			return fail(env, err)
		}
		return fail(env, env.RunGUI(dir, limit))
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		printUsage(env.Stdout)
		return ExitOK
	}
	cmd, ok := commands[name]
	if !ok {
		return fail(env, usagef("Unknown command %q; run '%s help' for the list of commands.", name, programName))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return fail(env, cmd.run(ctx, env, *dataDir, rest[1:]))
}

// fail prints err as one sentence and maps it to an exit code.
func fail(env Env, err error) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintln(env.Stderr, ue.msg)
		return ExitUsage
	case portfolio.Code(err) == portfolio.CodeInvalid:
		fmt.Fprintln(env.Stderr, portfolio.Message(err))
		return ExitUsage
	}
	fmt.Fprintln(env.Stderr, portfolio.Message(err))
	return ExitFailed
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage: %s [--data-dir DIR] [COMMAND [FLAGS]]\n\n", programName)
	fmt.Fprintln(w, "Without a command, ReadyFolio opens its window. Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "\nThe data folder is --data-dir DIR, else $%s, else the per-user default.\n", datadir.EnvVar)
	fmt.Fprintf(w, "Files larger than 4 GiB cannot be attached unless $%s says otherwise (e.g. 8GiB).\n", MaxArtifactSizeEnv)
	fmt.Fprintln(w, "Exit codes: 0 success, 1 failed or found problems, 2 usage or unreadable input.")
}

// flagSet makes a subcommand's flag set that also accepts --data-dir after the command name.
func flagSet(name string, dataDir *string) *flag.FlagSet {
	fs := flag.NewFlagSet(programName+" "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(dataDir, "data-dir", *dataDir, "the data folder")
	return fs
}

// parse parses flags and positional arguments in any order and returns the positionals.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v; run '%s help' for usage.", fs.Name(), err, programName)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// repeated collects a flag given several times, like --file a --file b.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }
