// Package backup makes and restores whole-portfolio backups: one zip holding a BagIt bag whose
// data/ folder mirrors the data folder, so that every file carries its SHA-256 and a backup can
// be checked with ReadyFolio or with sha256sum alone.
//
//	readyfolio-backup-2026-05-01/
//	  bagit.txt, bag-info.txt, manifest-sha256.txt, tagmanifest-sha256.txt
//	  data/portfolio.db                 a consistent snapshot of the database (VACUUM INTO)
//	  data/artifacts/ab/abcd…           every artifact file the snapshot refers to
//	  data/identity/certificate.pem     the signing identity as it is on disk: the certificate
//	  data/identity/key.enc             and the key, sealed under the educator's passphrase
//
// bag-info.txt says ReadyFolio-Backup-Version (this format: 1) and ReadyFolio-Schema-Version
// (the database's). Caches, the window lock and the backups/ folder are never in a backup.
//
// The identity is in it because a portfolio restored on a new computer must go on signing as
// the same educator: reviewers know the certificate's fingerprint from earlier packages, and a
// new identity could not be told from an impostor's. The key is copied sealed, never unlocked:
// the backup is as safe as the data folder it came from, and private (0600) like it.
//
// Create writes through atomicfile and reads the result back before it is renamed into place;
// Restore checks a backup completely before it writes anything, unpacks it beside the folder
// and swaps it in with renames, after backing up what the folder held; Auto keeps a week of
// daily backups inside the data folder.
package backup

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/atomicfile"
	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/mediatype"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// FormatVersion is the backup format this version writes and the newest it restores.
const FormatVersion = 1

// The bag-info.txt fields a backup has besides BagIt's own.
const (
	VersionField   = "ReadyFolio-Backup-Version"
	SchemaField    = "ReadyFolio-Schema-Version"
	TimeField      = "ReadyFolio-Backup-Time"
	EntriesField   = "ReadyFolio-Entries"
	ArtifactsField = "ReadyFolio-Artifacts"
	agentField     = "Bag-Software-Agent"
)

// BackupsDir is the folder inside the data folder that holds the automatic backups and the
// backups Restore makes before it replaces a portfolio. Backups never include it.
const BackupsDir = "backups"

// Payload paths, relative to the bag's data/ folder and to the data folder alike.
const (
	databasePath  = workspace.DatabaseFile
	artifactsPath = workspace.ArtifactsDir
	identityPath  = identity.DirName
)

// readLimits let a backup hold as much as a data folder can: many artifacts of up to 4 GiB
// each. The bag's ratio limits still refuse zip bombs.
var readLimits = bag.Limits{MaxEntries: 1 << 20, MaxExpanded: 1 << 42}

// Options configure Create.
type Options struct {
	Now        time.Time // the backup's dates; zero means time.Now()
	AppVersion string    // for Bag-Software-Agent
	Overwrite  bool      // replace an existing file at dest (the GUI's save dialog asked first)
	// Progress, if not nil, is told how far the backup is, in bytes of payload: each byte counts
	// once when it is written and once when it is read back, so total is twice the payload.
	Progress func(done, total int)
}

// Report says what a backup holds.
type Report struct {
	Path          string `json:"path"`
	Bytes         int64  `json:"bytes"`
	Entries       int    `json:"entries"`   // outside the trash
	Artifacts     int    `json:"artifacts"` // files, each distinct content once
	Identity      bool   `json:"identity"`  // the signing identity's files are in it
	SchemaVersion int    `json:"schemaVersion"`
	PortfolioID   string `json:"portfolioId"`
}

// payloadFile is one file of a backup: where it comes from and where it goes in the bag.
type payloadFile struct {
	rel      string // slash-separated, relative to data/ and to the data folder
	src      string // the file to read; "" when data is set
	data     []byte
	size     int64
	sha256   string // for artifacts: the name, which their content must match
	compress bool
}

// testHookWritten, when set by a test, sees the finished backup before it is read back.
var testHookWritten func(f *os.File)

// Create writes a backup of the open workspace to dest: a snapshot of the database taken while
// the app may be writing, every artifact file the snapshot refers to, and the signing
// identity's files as they are. The file is written atomically; before it is renamed into
// place it is read back and verified, and a problem fails the backup and leaves no file. An
// artifact file that is missing or no longer matches its hash fails the backup (CodeCorrupt);
// a full disk is said in words. dest is never replaced unless opts.Overwrite is set.
func Create(ctx context.Context, ws *workspace.Workspace, dest string, opts Options) (Report, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	dest, err := filepath.Abs(dest)
	if err != nil {
		return Report{}, err
	}
	if info, err := os.Stat(dest); err == nil {
		if info.IsDir() {
			return Report{}, portfolio.Errorf(portfolio.CodeInvalid, "%s is a folder; give the backup a file name, such as portfolio-backup.zip.", dest)
		}
		if !opts.Overwrite {
			return Report{}, portfolio.Errorf(portfolio.CodeConflict, "%s already exists; choose another file name for the backup (ReadyFolio never overwrites a file unless asked).", dest)
		}
	}
	// An artifact file the snapshot refers to may be removed before it is copied, when the
	// trash is emptied meanwhile: then a new snapshot no longer refers to it.
	for attempt := 1; ; attempt++ {
		report, err := create(ctx, ws, dest, opts)
		var gone goneError
		if errors.As(err, &gone) && attempt < 3 {
			continue
		}
		if errors.As(err, &gone) {
			return Report{}, missingArtifact(gone.sha)
		}
		return report, err
	}
}

// goneError is an artifact file that was removed after the snapshot, because nothing refers
// to it any more.
type goneError struct{ sha string }

func (e goneError) Error() string { return "artifact " + e.sha + " removed during the backup" }

func create(ctx context.Context, ws *workspace.Workspace, dest string, opts Options) (Report, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(dest), ".readyfolio-backup-*")
	if err != nil {
		if isNoSpace(err) {
			return Report{}, diskFull(dest)
		}
		return Report{}, portfolio.Errorf(portfolio.CodeInvalid, "Cannot write in %s: %v.", filepath.Dir(dest), atomicfile.UnwrapPathError(err))
	}
	defer os.RemoveAll(tmp)

	snapshot := filepath.Join(tmp, databasePath)
	if err := ws.Store.Snapshot(ctx, snapshot); err != nil {
		if isNoSpace(err) {
			return Report{}, diskFull(dest)
		}
		return Report{}, err
	}
	summary, err := store.Inspect(ctx, snapshot)
	if err != nil {
		return Report{}, err
	}
	files, err := collect(ctx, ws, snapshot, summary)
	if err != nil {
		return Report{}, err
	}
	report := Report{Path: dest, Entries: summary.Entries, Artifacts: len(summary.Blobs),
		SchemaVersion: summary.Version, PortfolioID: summary.PortfolioID}
	var total int64
	for _, f := range files {
		total += f.size
		report.Identity = report.Identity || strings.HasPrefix(f.rel, identityPath+"/")
	}
	info := []bag.Field{
		{Name: agentField, Value: strings.TrimSpace("ReadyFolio " + opts.AppVersion)},
		{Name: VersionField, Value: strconv.Itoa(FormatVersion)},
		{Name: SchemaField, Value: strconv.Itoa(summary.Version)},
		{Name: TimeField, Value: opts.Now.Format(time.RFC3339)},
		{Name: "External-Identifier", Value: summary.PortfolioID},
		{Name: EntriesField, Value: strconv.Itoa(summary.Entries)},
		{Name: ArtifactsField, Value: strconv.Itoa(len(summary.Blobs))},
	}

	prog := newProgress(opts.Progress, 2*total)
	err = atomicfile.Write(dest, opts.Overwrite, func(f *os.File) error {
		if err := write(ctx, ws, f, bagRoot(opts.Now), opts.Now, files, info, prog); err != nil {
			if isNoSpace(err) {
				return diskFull(dest)
			}
			return err
		}
		if testHookWritten != nil {
			testHookWritten(f)
		}
		written, err := f.Stat()
		if err != nil {
			return err
		}
		report.Bytes = written.Size()
		return verifyWritten(ctx, f, written.Size(), dest, files, prog)
	})
	if err != nil {
		if isNoSpace(err) {
			return Report{}, diskFull(dest)
		}
		return Report{}, err
	}
	return report, nil
}

// bagRoot is the folder the backup unzips into.
func bagRoot(now time.Time) string { return "readyfolio-backup-" + now.Format(time.DateOnly) }

// collect lists what goes into the backup: the snapshot, every artifact file it refers to
// (checked to be there, its size when the database records one), and the identity's files.
func collect(ctx context.Context, ws *workspace.Workspace, snapshot string, summary store.FileSummary) ([]payloadFile, error) {
	info, err := os.Stat(snapshot)
	if err != nil {
		return nil, err
	}
	files := []payloadFile{{rel: databasePath, src: snapshot, size: info.Size(), compress: true}}
	for _, b := range summary.Blobs {
		p, err := ws.Blobs.Path(b.SHA256)
		if err != nil {
			return nil, portfolio.Errorf(portfolio.CodeCorrupt, "The database refers to an artifact file by %q, which is not a SHA-256; run a check of the portfolio.", b.SHA256)
		}
		info, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, missingOrGone(ctx, ws, b.SHA256)
		case err != nil:
			return nil, err
		case b.Size >= 0 && info.Size() != b.Size:
			return nil, damagedArtifact(b.SHA256)
		}
		files = append(files, payloadFile{rel: artifactPath(b.SHA256), src: p, size: info.Size(), sha256: b.SHA256,
			compress: !mediatype.Compressed(b.MediaType)})
	}
	ids, err := identityFiles(filepath.Join(ws.Dir, identityPath))
	if err != nil {
		return nil, err
	}
	return append(files, ids...), nil
}

// identityFiles reads the signing identity's files: small, read whole so that the backup holds
// them as they were at one moment. Hidden files are an interrupted save's leftovers.
func identityFiles(dir string) ([]payloadFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the identity folder: %w", err)
	}
	var out []payloadFile
	for _, e := range entries {
		if !e.Type().IsRegular() || !identityName(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("reading the identity file %s: %w", e.Name(), err)
		}
		out = append(out, payloadFile{rel: identityPath + "/" + e.Name(), data: data, size: int64(len(data)), compress: true})
	}
	return out, nil
}

// identityName accepts the plain names the identity folder holds.
func identityName(name string) bool {
	return name != "" && !strings.HasPrefix(name, ".") && !strings.ContainsAny(name, `/\:`) && len(name) <= 128
}

// missingOrGone tells an artifact file missing from the data folder from one removed after
// the snapshot because nothing refers to it any more.
func missingOrGone(ctx context.Context, ws *workspace.Workspace, sha string) error {
	if used, err := ws.Store.BlobInUse(ctx, sha); err == nil && !used {
		return goneError{sha}
	}
	return missingArtifact(sha)
}

func missingArtifact(sha string) error {
	return portfolio.Errorf(portfolio.CodeCorrupt, "The artifact file %s… is missing from the data folder, so no complete backup can be made; run a check of the portfolio and re-attach the file it names.", sha[:12])
}

func artifactPath(sha string) string { return path.Join(artifactsPath, sha[:2], sha) }

func damagedArtifact(sha string) error {
	return portfolio.Errorf(portfolio.CodeCorrupt, "The artifact file %s… is damaged (it no longer matches its SHA-256), so no complete backup can be made; run a check of the portfolio and re-attach the file it names.", sha[:12])
}

// write streams the bag into f.
func write(ctx context.Context, ws *workspace.Workspace, f *os.File, root string, now time.Time, files []payloadFile, info []bag.Field, prog *progress) error {
	w := bag.NewWriter(f, root, now)
	for _, pf := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		sum, err := addPayload(ctx, w, pf, prog)
		if pf.sha256 != "" && errors.Is(err, fs.ErrNotExist) {
			return missingOrGone(ctx, ws, pf.sha256)
		}
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			return err
		}
		if pf.sha256 != "" && sum != pf.sha256 {
			return damagedArtifact(pf.sha256)
		}
	}
	return w.Finish(info, nil, nil)
}

func addPayload(ctx context.Context, w *bag.Writer, pf payloadFile, prog *progress) (string, error) {
	var r io.Reader = bytes.NewReader(pf.data)
	if pf.src != "" {
		src, err := os.Open(pf.src)
		if err != nil {
			return "", fmt.Errorf("reading %s: %w", pf.rel, err)
		}
		defer src.Close()
		r = src
	}
	sum, _, err := w.AddPayload(pf.rel, &ctxReader{ctx: ctx, r: r, prog: prog}, pf.compress)
	return sum, err
}

// verifyWritten reads the finished file back: the bag must verify and its manifest must list
// exactly the files written.
func verifyWritten(ctx context.Context, f *os.File, size int64, dest string, files []payloadFile, prog *progress) error {
	b, err := bag.Open(f, size, readLimits)
	if err != nil {
		if portfolio.Code(err) == portfolio.CodeInternal {
			return err
		}
		return unreadable(dest, portfolio.Message(err))
	}
	base := prog.done
	problems, err := b.Verify(ctx, func(done, _ int64) { prog.set(base + done) })
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return unreadable(dest, describe(problems))
	}
	manifest := b.Manifest()
	if len(manifest) != len(files) {
		return unreadable(dest, fmt.Sprintf("it lists %d files instead of %d", len(manifest), len(files)))
	}
	for _, pf := range files {
		if _, ok := manifest["data/"+pf.rel]; !ok {
			return unreadable(dest, "data/"+pf.rel+" is missing")
		}
	}
	return nil
}

func unreadable(dest, why string) error {
	return portfolio.Errorf(portfolio.CodeCorrupt,
		"The backup %s did not read back intact after it was written (%s), so it was not kept. The disk may be failing; try another place.", dest, why)
}

// describe lists up to five problems in one sentence.
func describe(problems []bag.Problem) string {
	var parts []string
	for _, p := range problems[:min(len(problems), 5)] {
		parts = append(parts, p.String())
	}
	s := strings.Join(parts, "; ")
	if len(problems) > 5 {
		s += fmt.Sprintf("; and %d more", len(problems)-5)
	}
	return s
}

func diskFull(dest string) error {
	return portfolio.Errorf(portfolio.CodeConflict,
		"The disk is full: the backup %s could not be written. Free some space and try again; the portfolio was not changed and no partial file was left.", dest)
}

// progress adds up bytes and tells Options.Progress.
type progress struct {
	fn          func(done, total int)
	done, total int64
}

func newProgress(fn func(done, total int), total int64) *progress {
	p := &progress{fn: fn, total: total}
	p.set(0)
	return p
}

func (p *progress) add(n int64) { p.set(p.done + n) }

func (p *progress) set(done int64) {
	p.done = done
	if p.fn != nil {
		p.fn(int(done), int(p.total))
	}
}

// ctxReader stops a long copy when ctx is cancelled and counts what it reads.
type ctxReader struct {
	ctx  context.Context
	r    io.Reader
	prog *progress
}

func (c *ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(b)
	if n > 0 && c.prog != nil {
		c.prog.add(int64(n))
	}
	return n, err
}
