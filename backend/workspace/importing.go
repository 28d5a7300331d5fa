package workspace

import (
	"context"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/store"
)

// OpenCited opens a file that portfolio.json cites, by its path relative to portfolio.json
// ("artifacts/<entry>/<file>", "credentials/<credential>/<file>").
type OpenCited func(path string) (io.ReadCloser, error)

// PortfolioImportResult is what ImportPortfolio did, with what happened to the files.
type PortfolioImportResult struct {
	store.PortfolioImportResult
	FilesStored      int `json:"filesStored"`      // files copied into the data folder
	FilesAlreadyHere int `json:"filesAlreadyHere"` // files the data folder already had (same SHA-256)
}

// ImportPortfolio brings a portfolio read from portfolio.json into this data folder (see
// store.ImportPortfolio for how the profile, frameworks, entries, alignments and credentials
// are merged). The files come first: each original and credential file is streamed from open into the blob store, and its
// SHA-256 and size must be what portfolio.json says; a file the folder already has is not read.
// Then the database is changed in one transaction. If anything fails, the files this import
// added are removed again and the database is as it was; files stored for entries that the
// folder keeps its own version of are removed too. Images are prepared for print as an attach
// does. progress, if not nil, is told how many bytes of the files to store have been read.
func (w *Workspace) ImportPortfolio(ctx context.Context, doc exchange.Portfolio, open OpenCited, progress Progress) (PortfolioImportResult, error) {
	req, err := store.NormalizeImport(importRequest(doc))
	if err != nil {
		return PortfolioImportResult{}, err
	}
	var out PortfolioImportResult
	added, err := w.storeCited(ctx, doc, open, progress, &out)
	if err != nil {
		w.collectGarbage(context.WithoutCancel(ctx), added)
		return PortfolioImportResult{}, err
	}
	result, err := w.Store.ImportPortfolio(ctx, req)
	if err != nil {
		w.collectGarbage(context.WithoutCancel(ctx), added)
		return PortfolioImportResult{}, err
	}
	out.PortfolioImportResult = result
	// Files only kept entries cited, and files replaced entries no longer have, are waste now.
	// Failing to remove them is not worth failing an import that has committed.
	w.collectGarbage(context.WithoutCancel(ctx), append(added, result.DroppedFiles...))
	for _, e := range result.Entries {
		for _, a := range e.WrittenArtifacts() {
			w.prepareForPrint(a)
		}
	}
	return out, nil
}

// citedFile is one distinct original of a portfolio.json.
type citedFile struct {
	path, sha256 string
	size         int64
}

// storeCited streams the originals the folder lacks into the blob store and returns the hashes
// of the blobs it added, also when it fails, so that the caller can remove them.
func (w *Workspace) storeCited(ctx context.Context, doc exchange.Portfolio, open OpenCited, progress Progress, out *PortfolioImportResult) ([]string, error) {
	var files []citedFile
	seen := map[string]bool{}
	var total int64
	cite := func(path, sha string, size int64) {
		sum := strings.ToLower(sha)
		if seen[sum] {
			return
		}
		seen[sum] = true
		if w.hasBlob(sum, size) {
			out.FilesAlreadyHere++
			return
		}
		files = append(files, citedFile{path: path, sha256: sum, size: size})
		total += size
	}
	for _, e := range doc.Entries {
		for _, a := range e.Artifacts {
			if a.Type == portfolio.ArtifactFile {
				cite(a.Path, a.SHA256, a.Size)
			}
		}
	}
	for _, c := range doc.Credentials {
		if c.SHA256 != "" {
			cite(c.Path, c.SHA256, c.Size)
		}
	}
	var added []string
	var done int64
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return added, err
		}
		rc, err := open(f.path)
		if err != nil {
			return added, err
		}
		var r io.Reader = rc
		if progress != nil {
			base := done
			r = &countingReader{r: rc, read: func(n int64) { progress(base+n, total) }}
		}
		blob, err := w.Blobs.PutNamed(ctx, r, f.path)
		rc.Close()
		switch {
		case portfolio.Code(err) == portfolio.CodeTooLarge:
			return added, portfolio.Errorf(portfolio.CodeTooLarge, "%s: %s", f.path, portfolio.Message(err))
		case err != nil:
			return added, err
		case blob.SHA256 != f.sha256 || blob.Size != f.size:
			w.collectGarbage(context.WithoutCancel(ctx), []string{blob.SHA256})
			return added, portfolio.Errorf(portfolio.CodeRefused,
				"The file %s in the package is not the one portfolio.json describes (its SHA-256 or size differs). Nothing was imported.", f.path)
		}
		added = append(added, blob.SHA256)
		out.FilesStored++
		done += f.size
	}
	return added, nil
}

// hasBlob reports whether the blob store has the content already, as blobs.Put judges it: a
// file under the hash with the expected size.
func (w *Workspace) hasBlob(sum string, size int64) bool {
	path, err := w.Blobs.Path(sum)
	if err != nil {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && info.Size() == size
}

type countingReader struct {
	r    io.Reader
	n    int64
	read func(n int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.read(c.n)
	return n, err
}

// importRequest turns portfolio.json into what the store merges. Frameworks carry their whole
// tree; for a file written before they did, or one citing a framework it does not describe,
// the tree is rebuilt from what the alignments say about each competency.
func importRequest(doc exchange.Portfolio) store.PortfolioImport {
	p := store.PortfolioImport{Profile: portfolio.Profile{
		PortfolioID: doc.PortfolioID, Name: doc.Profile.Name, Role: doc.Profile.Role, School: doc.Profile.School,
		District: doc.Profile.District, Email: doc.Profile.Email, Bio: doc.Profile.Bio,
	}}
	described := map[string]bool{}
	for _, ref := range doc.Frameworks {
		if described[ref.ID] {
			continue
		}
		described[ref.ID] = true
		f := portfolio.Framework{
			ID: ref.ID, Title: ref.Title, Publisher: ref.Publisher, Version: ref.Version, SourceURL: ref.SourceURL,
			Licence: ref.Licence, Description: ref.Description, Origin: ref.Origin, Scale: ref.Scale,
			CASEID: ref.CASEID, CASEURI: ref.CASEURI, Competencies: slices.Clone(ref.Competencies),
		}
		if len(f.Competencies) == 0 {
			f.Competencies = competenciesCited(doc, ref.ID)
		}
		if f.Scale == "" {
			f.Scale = scaleCited(doc, ref.ID)
		}
		if strings.TrimSpace(f.Title) == "" {
			f.Title = ref.ID
		}
		p.Frameworks = append(p.Frameworks, f)
	}
	for _, e := range doc.Entries {
		entry := e.Entry
		entry.Artifacts = make([]portfolio.Artifact, len(e.Artifacts))
		for i, a := range e.Artifacts {
			entry.Artifacts[i] = a.Artifact
		}
		ie := store.ImportEntry{Entry: entry}
		for _, a := range e.Alignments {
			ie.Alignments = append(ie.Alignments, portfolio.Alignment{
				EntryID: e.ID, FrameworkID: a.FrameworkID, CompetencyID: a.CompetencyID, Strength: a.Strength, Rationale: a.Rationale,
			})
			if !described[a.FrameworkID] && a.FrameworkID != "" {
				described[a.FrameworkID] = true
				title := a.FrameworkTitle
				if strings.TrimSpace(title) == "" {
					title = a.FrameworkID
				}
				p.Frameworks = append(p.Frameworks, portfolio.Framework{
					ID: a.FrameworkID, Title: title, Origin: portfolio.OriginCustom, Scale: scaleCited(doc, a.FrameworkID),
					Competencies: competenciesCited(doc, a.FrameworkID),
				})
			}
		}
		p.Entries = append(p.Entries, ie)
	}
	for _, c := range doc.Credentials {
		p.Credentials = append(p.Credentials, c.Credential)
	}
	return p
}

// competenciesCited are the competencies of a framework that the alignments cite, as leaves at
// the top of the tree: all a file can say about a framework it does not describe.
func competenciesCited(doc exchange.Portfolio, frameworkID string) []portfolio.Competency {
	var out []portfolio.Competency
	seen := map[string]bool{}
	for _, e := range doc.Entries {
		for _, a := range e.Alignments {
			if a.FrameworkID != frameworkID || a.CompetencyID == "" || seen[a.CompetencyID] {
				continue
			}
			seen[a.CompetencyID] = true
			title := a.Competency
			for _, alt := range []string{a.Code, a.CompetencyID} {
				if strings.TrimSpace(title) == "" {
					title = alt
				}
			}
			out = append(out, portfolio.Competency{ID: a.CompetencyID, Code: a.Code, Title: title, CASEID: a.CASEID, CASEURI: a.CASEURI})
		}
	}
	return out
}

// scaleCited guesses the scale of a framework from its alignments' strengths.
func scaleCited(doc exchange.Portfolio, frameworkID string) portfolio.StrengthScale {
	unesco := portfolio.Strengths(portfolio.ScaleUNESCOLevels)
	for _, e := range doc.Entries {
		for _, a := range e.Alignments {
			if a.FrameworkID == frameworkID && slices.Contains(unesco, strings.ToLower(a.Strength)) {
				return portfolio.ScaleUNESCOLevels
			}
		}
	}
	return portfolio.ScaleProficiency
}
