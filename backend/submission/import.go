package submission

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// ImportOptions tune Import.
type ImportOptions struct {
	// Progress, if not nil, is told how far the import is, out of total (1000): the first half
	// is verifying the package (by bytes hashed), the second storing its originals (by bytes),
	// and total is reached when the database change has committed.
	Progress func(done, total int)
}

// ImportReport says what Import brought in and what it left as it was.
type ImportReport struct {
	Package           Summary                  `json:"package"` // what the package holds, from its verification
	Profile           store.ProfileImport      `json:"profile"`
	Imported          int                      `json:"imported"`  // entries new here
	Replaced          int                      `json:"replaced"`  // entries whose package version was newer
	Kept              int                      `json:"kept"`      // entries whose version here is newer (or as new but different)
	Identical         int                      `json:"identical"` // entries here already, unchanged
	Entries           []store.EntryImport      `json:"entries"`   // every entry of the package with its outcome
	Frameworks        []store.FrameworkImport  `json:"frameworks"`
	FrameworksCreated int                      `json:"frameworksCreated"`
	Alignments        int                      `json:"alignments"`
	SkippedAlignments []store.SkippedAlignment `json:"skippedAlignments"`
	FilesStored       int                      `json:"filesStored"`      // originals and credential files copied into the data folder
	FilesAlreadyHere  int                      `json:"filesAlreadyHere"` // files the folder had (same SHA-256)
	// Credentials is every credential of the package with its outcome: imported, replaced (the
	// package's is newer), kept (this folder's is newer) or identical.
	Credentials []store.CredentialImport `json:"credentials"`
}

// progressTotal is the scale of ImportOptions.Progress.
const progressTotal = 1000

// maxListedProblems is how many problems of a refused package the error names.
const maxListedProblems = 5

// Import brings a submission package into the data folder. It verifies the package first, as
// a reviewer would (without trusted certificates: any signature that is intact will do), and
// refuses one that fails, naming the problems (CodeRefused); a package whose portfolio.json is
// of a newer format version is CodeTooNew and a file that is not a package CodeInvalid. Nothing
// is written in either case. Packages of portfolio.json version 1 (before credentials) are
// read too. Then the profile, frameworks, entries, artifacts, alignments and credentials are
// merged as workspace.ImportPortfolio describes: the originals and credential files are
// streamed into the blob store (checked again against their hashes as they are read), then the database changes in
// one transaction.
func Import(ctx context.Context, ws *workspace.Workspace, r io.ReaderAt, size int64, opts ImportOptions) (ImportReport, error) {
	p := newProgress(opts.Progress)
	v, err := Verify(ctx, r, size, nil, func(done, total int64) { p.report(done, total, 0, progressTotal/2) })
	if err != nil {
		return ImportReport{}, err
	}
	if !v.Valid {
		return ImportReport{}, refusal(r, size, v.Problems)
	}
	b, err := bag.Open(r, size, bag.Limits{})
	if err != nil {
		return ImportReport{}, err
	}
	doc, err := readPortfolio(b)
	if err != nil {
		return ImportReport{}, err
	}
	open := func(path string) (io.ReadCloser, error) { return b.OpenFile("data/" + path) }
	result, err := ws.ImportPortfolio(ctx, doc, open, func(done, total int64) { p.report(done, total, progressTotal/2, progressTotal-1) })
	if err != nil {
		return ImportReport{}, err
	}
	p.report(1, 1, progressTotal, progressTotal)
	report := ImportReport{
		Package: v.Portfolio, Profile: result.Profile, Entries: result.Entries, Frameworks: result.Frameworks,
		Alignments: result.Alignments, SkippedAlignments: result.SkippedAlignments,
		FilesStored: result.FilesStored, FilesAlreadyHere: result.FilesAlreadyHere, Credentials: result.Credentials,
		Imported: result.Count(store.ImportCreated), Replaced: result.Count(store.ImportReplaced),
		Kept: result.Count(store.ImportKept), Identical: result.Count(store.ImportIdentical),
	}
	for _, f := range result.Frameworks {
		if f.Outcome == store.FrameworkCreated {
			report.FrameworksCreated++
		}
	}
	return report, nil
}

// refusal is the error for a package that failed verification: too new when all that is wrong
// is a portfolio.json of a newer format, else refused with the first problems.
func refusal(r io.ReaderAt, size int64, problems []bag.Problem) error {
	onlyJSON := true
	for _, p := range problems {
		onlyJSON = onlyJSON && p.File == "data/"+JSONName
	}
	if onlyJSON {
		if b, err := bag.Open(r, size, bag.Limits{}); err == nil {
			if _, err := readPortfolio(b); portfolio.Code(err) == portfolio.CodeTooNew {
				return err
			}
		}
	}
	var listed []string
	for i, p := range problems {
		if i == maxListedProblems {
			listed = append(listed, fmt.Sprintf("and %d more (run 'readyfolio verify' on the file for all of them)", len(problems)-i))
			break
		}
		listed = append(listed, p.String())
	}
	return portfolio.Errorf(portfolio.CodeRefused,
		"The package did not pass verification, so nothing was imported: %s.", strings.Join(listed, "; "))
}

// readPortfolio reads data/portfolio.json and checks it is still the file the manifest names:
// the package is read again after verification, and must not have changed in between.
func readPortfolio(b *bag.Bag) (exchange.Portfolio, error) {
	name := "data/" + JSONName
	rc, err := b.OpenFile(name)
	if err != nil {
		return exchange.Portfolio{}, err
	}
	data, err := io.ReadAll(io.LimitReader(rc, maxJSONSize+1))
	rc.Close()
	if err != nil {
		return exchange.Portfolio{}, portfolio.Errorf(portfolio.CodeRefused, "%s cannot be read from the package (%v); nothing was imported.", name, err)
	}
	if len(data) > maxJSONSize {
		return exchange.Portfolio{}, portfolio.Errorf(portfolio.CodeRefused, "%s is too large to import; nothing was imported.", name)
	}
	sum := sha256.Sum256(data)
	if want := b.Manifest()[name]; want != hex.EncodeToString(sum[:]) {
		return exchange.Portfolio{}, portfolio.Errorf(portfolio.CodeRefused,
			"%s changed while it was being imported (its SHA-256 no longer matches the manifest); nothing was imported.", name)
	}
	doc, err := exchange.Unmarshal(data)
	switch portfolio.Code(err) {
	case "", portfolio.CodeTooNew:
		return doc, err
	}
	return doc, portfolio.Errorf(portfolio.CodeRefused, "%s: %s Nothing was imported.", name, portfolio.Message(err))
}

// progress scales the stages' progress onto ImportOptions.Progress, reporting each value once.
type progress struct {
	fn   func(done, total int)
	last int
}

func newProgress(fn func(done, total int)) *progress { return &progress{fn: fn, last: -1} }

// report maps done out of total onto the range from..to of progressTotal.
func (p *progress) report(done, total int64, from, to int) {
	if p.fn == nil {
		return
	}
	at := to
	if total > 0 && done < total {
		at = from + int(float64(to-from)*float64(done)/float64(total))
	}
	if at > p.last {
		p.last = at
		p.fn(at, progressTotal)
	}
}
