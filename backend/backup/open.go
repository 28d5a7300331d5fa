package backup

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
)

// Summary is what a backup says about itself, trusted once the whole file has been verified.
type Summary struct {
	FormatVersion int    `json:"formatVersion"`
	SchemaVersion int    `json:"schemaVersion"`
	MadeBy        string `json:"madeBy"` // Bag-Software-Agent, e.g. "ReadyFolio 1.4.0"
	Made          string `json:"made"`   // when, RFC 3339
	PortfolioID   string `json:"portfolioId"`
	Entries       int    `json:"entries"`
	Artifacts     int    `json:"artifacts"`
	Identity      bool   `json:"identity"`
	Bytes         int64  `json:"bytes"` // of the files it holds, unpacked
}

// Inspect verifies the backup file at src as Restore does before it writes anything, and says
// what it holds, for a screen that asks before restoring. It writes nothing but a copy of the
// backup's database in the system's temporary folder, to check it, removed again. A file that
// is not a backup is refused with CodeInvalid, a damaged or changed one with CodeCorrupt (the
// message names the files), one from a newer version with CodeTooNew. progress as for
// bag.Verify.
func Inspect(ctx context.Context, src string, progress func(done, total int64)) (Summary, error) {
	f, size, err := openFile(src)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	o, err := openBackup(ctx, f, size, src, readLimits, progress)
	if err != nil {
		return Summary{}, err
	}
	// The database can only be checked as a file: unpack it alone into a temporary folder.
	tmp, err := os.MkdirTemp("", stagePrefix+"*")
	if err != nil {
		return Summary{}, err
	}
	defer os.RemoveAll(tmp)
	r := &restorer{ctx: ctx, src: src, dir: tmp, backup: o}
	if err := r.unpackFile(tmp, o.database); err != nil {
		return Summary{}, err
	}
	if err := o.checkDatabase(ctx, filepath.Join(tmp, databasePath), src); err != nil {
		return Summary{}, err
	}
	return o.summary, nil
}

// checkDatabase opens a backup's database, unpacked at path, read-only: it must be a sound
// ReadyFolio database of the schema the backup names, and every artifact file it refers to must
// be in the backup. name is how messages call the backup.
func (o *opened) checkDatabase(ctx context.Context, path, name string) error {
	sum, err := store.Inspect(ctx, path)
	switch portfolio.Code(err) {
	case "":
	case portfolio.CodeTooNew:
		return portfolio.Errorf(portfolio.CodeTooNew,
			"%s holds a database from a newer version of ReadyFolio; update ReadyFolio to restore it. Nothing was restored.", name)
	case portfolio.CodeCorrupt:
		return portfolio.Errorf(portfolio.CodeCorrupt,
			"%s holds a database that is damaged or is not a ReadyFolio database; nothing was restored.", name)
	default:
		return err
	}
	if sum.Version != o.summary.SchemaVersion {
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s is inconsistent: it says its database is schema %d, but it is schema %d; nothing was restored.",
			name, o.summary.SchemaVersion, sum.Version)
	}
	for _, b := range sum.Blobs {
		if !o.blobs[b.SHA256] {
			return portfolio.Errorf(portfolio.CodeCorrupt,
				"%s is incomplete: its database refers to the artifact file %s…, which it does not hold; nothing was restored.", name, b.SHA256[:12])
		}
	}
	o.summary.Entries, o.summary.PortfolioID = sum.Entries, sum.PortfolioID
	return nil
}

// opened is a backup that passed every check that needs no unpacking.
type opened struct {
	bag      *bag.Bag
	summary  Summary
	files    []backupFile // the payload, sorted by path
	database backupFile
	blobs    map[string]bool // the artifact files it holds, by hash
}

type backupFile struct {
	bagPath string // "data/…"
	rel     string // relative to data/ and to the data folder, slash-separated
	sha256  string // from the verified manifest
}

// openFile opens a file to restore from; what cannot be read is a usage problem.
func openFile(src string) (*os.File, int64, error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, 0, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read the backup %s: %v.", src, atomicfile.UnwrapPathError(err))
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read the backup %s: %v.", src, atomicfile.UnwrapPathError(err))
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, portfolio.Errorf(portfolio.CodeInvalid, "%s is not a file; choose a backup file (.zip).", src)
	}
	return f, info.Size(), nil
}

// openBackup checks a backup from its bytes alone, reading no more than it must: that it is a
// safe zip (bag.Open), a ReadyFolio backup of a format and schema this version knows, that
// every file matches its manifest (bag.Verify) and that the payload is laid out as a data
// folder. name is how messages call the file.
func openBackup(ctx context.Context, r io.ReaderAt, size int64, name string, limits bag.Limits, progress func(done, total int64)) (*opened, error) {
	b, err := bag.Open(r, size, limits)
	if err != nil {
		if portfolio.Code(err) == portfolio.CodeInternal {
			return nil, fmt.Errorf("reading the backup %s: %w", name, err)
		}
		return nil, portfolio.Errorf(portfolio.Code(err), "%s", reword(name, portfolio.Message(err)))
	}
	o := &opened{bag: b, blobs: map[string]bool{}}
	// A backup too new to restore is refused before the long verification. One that does not
	// say it is a backup is verified first: a damaged bag-info.txt is damage, not another kind
	// of file.
	notBackup := o.readInfo(name)
	if notBackup != nil && portfolio.Code(notBackup) != portfolio.CodeInvalid {
		return nil, notBackup
	}
	var payloadBytes int64
	problems, err := b.Verify(ctx, func(done, total int64) {
		payloadBytes = total
		if progress != nil {
			progress(done, total)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("reading the backup %s: %w", name, err)
	}
	if len(problems) > 0 {
		return nil, portfolio.Errorf(portfolio.CodeCorrupt,
			"%s is damaged or was changed after it was made, so nothing was restored: %s.", name, describe(problems))
	}
	if notBackup != nil {
		return nil, notBackup
	}
	if err := o.readPayload(name); err != nil {
		return nil, err
	}
	o.summary.Bytes = payloadBytes
	return o, nil
}

// reword puts a bag's refusal in a backup's words.
func reword(name, msg string) string {
	return strings.NewReplacer(
		"This file is not a ReadyFolio package, or it is damaged:", name+" is not a ReadyFolio backup, or it is damaged (nothing was restored):",
		"This package is unsafe and was not opened:", name+" is unsafe and was not opened (nothing was restored):",
		"This package is too large to open:", name+" is too large to restore:",
	).Replace(msg)
}

// readInfo tells a backup from other bags and refuses one this version cannot restore. It runs
// before the (long) verification, on fields Verify has not vouched for yet: a changed field can
// only make it refuse, and what it accepts is verified next.
func (o *opened) readInfo(name string) error {
	info := o.bag.Info
	version := lookup(info, VersionField)
	if version == "" {
		for _, p := range []string{"data/portfolio.pdf", "data/portfolio.json"} {
			if o.hasPayload(p) {
				return portfolio.Errorf(portfolio.CodeInvalid,
					"%s is a submission package, not a backup: it holds a signed portfolio for a reviewer, not a data folder. Restore from a file made with Backup (readyfolio backup), or import the package to bring its entries into a portfolio (readyfolio import).", name)
			}
		}
		return portfolio.Errorf(portfolio.CodeInvalid,
			"%s is not a ReadyFolio backup: its bag-info.txt has no %s field. Restore from a file made with Backup (readyfolio backup).", name, VersionField)
	}
	v, err := strconv.Atoi(version)
	switch {
	case err != nil || v < 1:
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s is damaged: its backup format %q is not a version number. Nothing was restored.", name, version)
	case v > FormatVersion:
		return portfolio.Errorf(portfolio.CodeTooNew,
			"%s was made by a newer version of ReadyFolio (backup format %d; this version restores format %d). Update ReadyFolio to restore it; nothing was restored.",
			name, v, FormatVersion)
	}
	schema, err := strconv.Atoi(lookup(info, SchemaField))
	switch {
	case err != nil || schema < 1:
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s is damaged: its %s %q is not a version number. Nothing was restored.", name, SchemaField, lookup(info, SchemaField))
	case schema > store.LatestVersion:
		return portfolio.Errorf(portfolio.CodeTooNew,
			"%s holds a portfolio from a newer version of ReadyFolio (database schema %d; this version knows %d). Update ReadyFolio to restore it; nothing was restored.",
			name, schema, store.LatestVersion)
	}
	o.summary = Summary{FormatVersion: v, SchemaVersion: schema, MadeBy: lookup(info, agentField), Made: lookup(info, TimeField),
		PortfolioID: lookup(info, "External-Identifier")}
	o.summary.Entries, _ = strconv.Atoi(lookup(info, EntriesField))
	return nil
}

func (o *opened) hasPayload(p string) bool {
	for _, q := range o.bag.Payload() {
		if q == p {
			return true
		}
	}
	return false
}

// readPayload checks that the verified payload is a data folder: the database, artifact files
// named by their content's SHA-256, and the identity's files, nothing else.
func (o *opened) readPayload(name string) error {
	manifest := o.bag.Manifest()
	hasDB := false
	for _, p := range o.bag.Payload() {
		f := backupFile{bagPath: p, rel: strings.TrimPrefix(p, "data/"), sha256: manifest[p]}
		switch kind := classify(f.rel); {
		case kind == "":
			return portfolio.Errorf(portfolio.CodeCorrupt, "%s holds %s, which a ReadyFolio backup does not hold; nothing was restored.", name, p)
		case kind == databasePath:
			hasDB = true
			o.database = f
		case kind == artifactsPath:
			sha := f.rel[strings.LastIndex(f.rel, "/")+1:]
			if f.sha256 != sha {
				return portfolio.Errorf(portfolio.CodeCorrupt, "%s is damaged: the content of %s does not match its name; nothing was restored.", name, p)
			}
			o.blobs[sha] = true
			o.summary.Artifacts++
		case kind == identityPath:
			o.summary.Identity = true
		}
		o.files = append(o.files, f)
	}
	if !hasDB {
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s has no data/%s, so it holds no portfolio; nothing was restored.", name, databasePath)
	}
	return nil
}

// classify says what a payload path is in a data folder: databasePath, artifactsPath,
// identityPath, or "" for what a backup does not hold.
func classify(rel string) string {
	parts := strings.Split(rel, "/")
	switch {
	case len(parts) == 1 && parts[0] == databasePath:
		return databasePath
	case len(parts) == 3 && parts[0] == artifactsPath && isSHA256(parts[2]) && parts[1] == parts[2][:2]:
		return artifactsPath
	case len(parts) == 2 && parts[0] == identityPath && identityName(parts[1]):
		return identityPath
	}
	return ""
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// lookup returns the value of the first field with this label, ignoring case.
func lookup(fields []bag.Field, label string) string {
	for _, f := range fields {
		if strings.EqualFold(f.Name, label) {
			return f.Value
		}
	}
	return ""
}
