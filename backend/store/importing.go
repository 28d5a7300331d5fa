package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// ImportOutcome says what importing a portfolio did with one of its entries.
type ImportOutcome string

const (
	ImportCreated   ImportOutcome = "imported"          // absent here: created as the package has it
	ImportReplaced  ImportOutcome = "replaced"          // the package's version is newer and replaced this folder's
	ImportKept      ImportOutcome = "kept_existing"     // this folder's version is newer, or as new but different: kept
	ImportIdentical ImportOutcome = "skipped_identical" // the same version is here already
)

// PortfolioImport is a portfolio from elsewhere (a submission package) to merge into this one.
type PortfolioImport struct {
	// Profile is copied, when it has a name, into an empty profile (one without a name). Its
	// PortfolioID is adopted too when the database holds no entry at all, so that a portfolio
	// moved to a new folder keeps its identity. A profile with a name is never overwritten.
	Profile portfolio.Profile
	// Frameworks are created when no framework has their id; an existing one is used as it is.
	// Competencies with RetiredAt are stored retired, so alignments to them survive the move.
	Frameworks []portfolio.Framework
	Entries    []ImportEntry
	// Credentials keep their ids, fields, files and times; as with entries, one that is here
	// already keeps whichever version has the newer updatedAt. Files must already be in the
	// blob store. New ones follow this folder's credentials in the package's order.
	Credentials []portfolio.Credential
}

// ImportEntry is one entry to import with its alignments.
type ImportEntry struct {
	// Entry keeps its id, kind, fields, created and updated times; its artifacts keep their ids,
	// positions, captions, roles and created times. Files must already be in the blob store.
	// Position is the entry's place in the package: new entries follow this folder's entries in
	// that order. DeletedAt is ignored: imported entries are live.
	Entry      portfolio.Entry
	Alignments []portfolio.Alignment // FrameworkID, CompetencyID, Strength and Rationale are used
}

// PortfolioImportResult is what ImportPortfolio did.
type PortfolioImportResult struct {
	Profile           ProfileImport      `json:"profile"`
	Frameworks        []FrameworkImport  `json:"frameworks"`
	Entries           []EntryImport      `json:"entries"`
	Alignments        int                `json:"alignments"` // made or updated for imported and replaced entries
	SkippedAlignments []SkippedAlignment `json:"skippedAlignments"`
	Credentials       []CredentialImport `json:"credentials"`
	// DroppedFiles are the hashes of files that replaced entries and credentials had and no
	// longer have; the caller removes the blobs nothing refers to any more.
	DroppedFiles []string `json:"-"`
}

// CredentialImport is the outcome for one credential of the package: the same outcomes as an
// entry's.
type CredentialImport struct {
	ID                string        `json:"id"`
	Name              string        `json:"name"` // as the package has it
	Outcome           ImportOutcome `json:"outcome"`
	Reason            string        `json:"reason"`
	PackageUpdatedAt  time.Time     `json:"packageUpdatedAt"`
	ExistingUpdatedAt *time.Time    `json:"existingUpdatedAt,omitempty"`
}

// Count returns how many entries had the outcome o.
func (r PortfolioImportResult) Count(o ImportOutcome) int {
	n := 0
	for _, e := range r.Entries {
		if e.Outcome == o {
			n++
		}
	}
	return n
}

// ProfileImport says whether the educator's profile was copied from the package or kept.
type ProfileImport struct {
	Outcome            string `json:"outcome"` // "copied" or "kept"
	Name               string `json:"name"`    // the profile's name after the import
	PackageName        string `json:"packageName"`
	PortfolioIDAdopted bool   `json:"portfolioIdAdopted"`
}

// Profile outcomes.
const (
	ProfileCopied = "copied"
	ProfileKept   = "kept"
)

// FrameworkImport says whether a framework of the package was created here or already existed.
type FrameworkImport struct {
	ID           string                    `json:"id"`
	Title        string                    `json:"title"`
	Origin       portfolio.FrameworkOrigin `json:"origin"`
	Outcome      string                    `json:"outcome"`      // "created" or "existing"
	Competencies int                       `json:"competencies"` // created, retired ones included
}

// Framework outcomes.
const (
	FrameworkCreated  = "created"
	FrameworkExisting = "existing"
)

// EntryImport is the outcome for one entry of the package.
type EntryImport struct {
	ID                string               `json:"id"`
	Title             string               `json:"title"` // as the package has it
	Kind              portfolio.Kind       `json:"kind"`
	Outcome           ImportOutcome        `json:"outcome"`
	Reason            string               `json:"reason"` // the outcome in words
	PackageUpdatedAt  time.Time            `json:"packageUpdatedAt"`
	ExistingUpdatedAt *time.Time           `json:"existingUpdatedAt,omitempty"`
	InTrash           bool                 `json:"inTrash,omitempty"` // the entry here is in the trash, and stays there
	Artifacts         int                  `json:"artifacts"`         // written with it (imported and replaced only)
	Alignments        int                  `json:"alignments"`        // made or updated with it
	Skipped           []SkippedAlignment   `json:"-"`
	artifacts         []portfolio.Artifact // as written, for the caller's print cache
}

// WrittenArtifacts returns the artifacts written with an imported or replaced entry, with the ids
// they were given.
func (e EntryImport) WrittenArtifacts() []portfolio.Artifact { return slices.Clone(e.artifacts) }

// SkippedAlignment is an alignment of the package that could not be made here.
type SkippedAlignment struct {
	EntryID      string `json:"entryId"`
	EntryTitle   string `json:"entryTitle"`
	FrameworkID  string `json:"frameworkId"`
	CompetencyID string `json:"competencyId"`
	Reason       string `json:"reason"`
}

// NormalizeImport checks and cleans everything ImportPortfolio will write, so that a caller can
// refuse a bad portfolio before storing its files. Problems are CodeRefused errors naming the
// entry, artifact or framework.
func NormalizeImport(p PortfolioImport) (PortfolioImport, error) {
	out := PortfolioImport{Profile: p.Profile}
	for _, f := range []*string{&out.Profile.Name, &out.Profile.Role, &out.Profile.School, &out.Profile.District,
		&out.Profile.Email, &out.Profile.Bio, &out.Profile.PortfolioID} {
		*f = strings.TrimSpace(*f)
	}
	seenFramework := map[string]bool{}
	for _, f := range p.Frameworks {
		nf, err := normalizeImportedFramework(f)
		if err != nil {
			return out, refused("the framework %q (%s): %s", f.Title, f.ID, clause(err))
		}
		if seenFramework[nf.ID] {
			return out, refused("it lists the framework %s twice", nf.ID)
		}
		seenFramework[nf.ID] = true
		out.Frameworks = append(out.Frameworks, nf)
	}
	seenEntry, seenArtifact := map[string]bool{}, map[string]bool{}
	for _, ie := range p.Entries {
		e := ie.Entry
		if err := newID(seenEntry, &e.ID, "entry", e.Title); err != nil {
			return out, err
		}
		artifacts := e.Artifacts
		e, err := portfolio.Normalize(e)
		if err != nil {
			return out, refused("the entry %q: %s", ie.Entry.Title, clause(err))
		}
		e.DeletedAt = nil
		e.Artifacts = make([]portfolio.Artifact, 0, len(artifacts))
		for _, a := range artifacts {
			a.EntryID = e.ID
			a.ID = strings.TrimSpace(a.ID)
			if a, err = normalizeArtifact(a); err == nil {
				err = checkRole(e.Kind, a.Role)
			}
			if err != nil {
				return out, refused("an artifact of the entry %q (%s): %s", e.Title, artifactLabel(a), clause(err))
			}
			if a.ID != "" && seenArtifact[a.ID] {
				return out, refused("it lists the artifact %s twice", a.ID)
			}
			seenArtifact[a.ID] = true
			e.Artifacts = append(e.Artifacts, a)
		}
		ne := ImportEntry{Entry: e}
		for _, al := range ie.Alignments {
			al.EntryID = e.ID
			al.FrameworkID, al.CompetencyID = strings.TrimSpace(al.FrameworkID), strings.TrimSpace(al.CompetencyID)
			al.Strength = strings.ToLower(strings.TrimSpace(al.Strength))
			al.Rationale = strings.TrimSpace(al.Rationale)
			ne.Alignments = append(ne.Alignments, al)
		}
		out.Entries = append(out.Entries, ne)
	}
	seenCredential := map[string]bool{}
	for _, c := range p.Credentials {
		if err := newID(seenCredential, &c.ID, "credential", c.Name); err != nil {
			return out, err
		}
		c.SHA256 = strings.ToLower(strings.TrimSpace(c.SHA256))
		nc, err := portfolio.NormalizeCredential(c)
		if err == nil && nc.SHA256 != "" && (!isSHA256(nc.SHA256) || strings.TrimSpace(nc.FileName) == "") {
			err = portfolio.Errorf(portfolio.CodeInvalid, "its file needs a name and a SHA-256 of 64 hexadecimal digits")
		}
		if err != nil {
			return out, refused("the credential %q: %s", c.Name, clause(err))
		}
		out.Credentials = append(out.Credentials, nc)
	}
	return out, nil
}

// newID trims the id of an entry or credential (what) named name, and refuses one that is
// empty or seen before; it marks it seen.
func newID(seen map[string]bool, id *string, what, name string) error {
	*id = strings.TrimSpace(*id)
	if *id == "" {
		return refused("the %s %q has no id", what, name)
	}
	if seen[*id] {
		return refused("it lists the %s %s twice", what, *id)
	}
	seen[*id] = true
	return nil
}

// ImportPortfolio merges a portfolio into this one in one transaction: the profile into an
// empty profile, the frameworks this database lacks, then every entry by its id. An entry that
// is absent is created as it is; one that is here already keeps whichever version has the newer
// updatedAt (this folder's when both are as new, reported as identical when nothing differs).
// Imported and replaced entries get the package's alignments (added to, or updating, the ones
// they have here); alignments that cannot be made here are skipped and reported. Files of file
// artifacts must be in the blob store before. Nothing is written if anything fails.
func (s *Store) ImportPortfolio(ctx context.Context, p PortfolioImport) (PortfolioImportResult, error) {
	p, err := NormalizeImport(p)
	if err != nil {
		return PortfolioImportResult{}, err
	}
	var out PortfolioImportResult
	err = s.write(ctx, "import portfolio", func(tx *sql.Tx) error {
		out = PortfolioImportResult{Frameworks: []FrameworkImport{}, Entries: []EntryImport{}, SkippedAlignments: []SkippedAlignment{},
			Credentials: []CredentialImport{}}
		now := s.stamp()
		var entryCount, offset int
		err := tx.QueryRowContext(ctx, "SELECT count(*), COALESCE(MAX(position), 0) FROM entries").Scan(&entryCount, &offset)
		if err != nil {
			return err
		}
		if out.Profile, err = importProfile(ctx, tx, p.Profile, entryCount == 0, now); err != nil {
			return err
		}
		for _, f := range p.Frameworks {
			fi, err := importFramework(ctx, tx, f, now)
			if err != nil {
				return err
			}
			out.Frameworks = append(out.Frameworks, fi)
		}
		for _, ie := range p.Entries {
			ei, dropped, err := s.importEntry(ctx, tx, ie, offset, now)
			if err != nil {
				return err
			}
			out.Entries = append(out.Entries, ei)
			out.Alignments += ei.Alignments
			out.SkippedAlignments = append(out.SkippedAlignments, ei.Skipped...)
			out.DroppedFiles = append(out.DroppedFiles, dropped...)
		}
		var credentialOffset int
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) FROM credentials").Scan(&credentialOffset); err != nil {
			return err
		}
		for _, c := range p.Credentials {
			ci, dropped, err := importCredential(ctx, tx, c, credentialOffset, now)
			if err != nil {
				return err
			}
			out.Credentials = append(out.Credentials, ci)
			out.DroppedFiles = append(out.DroppedFiles, dropped...)
		}
		return nil
	})
	if err != nil {
		return PortfolioImportResult{}, err
	}
	return out, nil
}

// importProfile copies the package's profile into an empty one.
func importProfile(ctx context.Context, tx *sql.Tx, p portfolio.Profile, adoptID bool, now string) (ProfileImport, error) {
	cur, err := getProfile(ctx, tx)
	if err != nil {
		return ProfileImport{}, err
	}
	if cur.Name != "" || p.Name == "" {
		return ProfileImport{Outcome: ProfileKept, Name: cur.Name, PackageName: p.Name}, nil
	}
	id := cur.PortfolioID
	adopt := adoptID && p.PortfolioID != "" && p.PortfolioID != id
	if adopt {
		id = p.PortfolioID
	}
	_, err = tx.ExecContext(ctx, `UPDATE profile SET portfolio_id = ?, name = ?, role = ?, school = ?, district = ?,
		email = ?, bio = ?, updated_at = ? WHERE id = 1`, id, p.Name, p.Role, p.School, p.District, p.Email, p.Bio, now)
	if err != nil {
		return ProfileImport{}, err
	}
	return ProfileImport{Outcome: ProfileCopied, Name: p.Name, PackageName: p.Name, PortfolioIDAdopted: adopt}, nil
}

// normalizeImportedFramework checks a framework as SaveFramework would, keeping its retired
// competencies (which SaveFramework cannot create) beside the live ones.
func normalizeImportedFramework(f portfolio.Framework) (portfolio.Framework, error) {
	f.ID = strings.TrimSpace(f.ID)
	var live, retired []portfolio.Competency
	for _, c := range f.Competencies {
		if c.RetiredAt != nil {
			retired = append(retired, c)
		} else {
			live = append(live, c)
		}
	}
	f.Competencies = live
	f, err := normalizeFramework(f)
	if err != nil {
		return f, err
	}
	ids := map[string]bool{}
	for _, c := range f.Competencies {
		ids[c.ID] = true
	}
	for _, c := range retired {
		for _, p := range []*string{&c.Code, &c.Title, &c.Description, &c.Level, &c.CASEID, &c.CASEURI} {
			*p = strings.TrimSpace(*p)
		}
		switch {
		case strings.TrimSpace(c.ID) == "":
			return f, portfolio.Errorf(portfolio.CodeInvalid, "a retired competency (%s) has no id", competencyLabel(c))
		case c.Title == "":
			return f, portfolio.Errorf(portfolio.CodeInvalid, "the retired competency %s has no title", c.ID)
		case ids[c.ID]:
			return f, portfolio.Errorf(portfolio.CodeInvalid, "the competency id %s appears twice", c.ID)
		}
		ids[c.ID] = true
		t := c.RetiredAt.UTC()
		c.FrameworkID, c.RetiredAt = f.ID, &t
		f.Competencies = append(f.Competencies, c)
	}
	return f, nil
}

// importFramework creates a framework this database lacks, with its competencies as given:
// live ones placed as the tree says, retired ones keeping their last place and retirement time.
func importFramework(ctx context.Context, tx *sql.Tx, f portfolio.Framework, now string) (FrameworkImport, error) {
	stored, err := getFramework(ctx, tx, f.ID, false)
	switch {
	case err == nil:
		return FrameworkImport{ID: stored.ID, Title: stored.Title, Origin: stored.Origin, Outcome: FrameworkExisting}, nil
	case portfolio.Code(err) != portfolio.CodeNotFound:
		return FrameworkImport{}, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO frameworks (id, title, publisher, version, source_url, licence,
		description, origin, scale, case_id, case_uri, content_digest, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
		f.ID, f.Title, f.Publisher, f.Version, f.SourceURL, f.Licence, f.Description, f.Origin, f.Scale,
		f.CASEID, f.CASEURI, now, now)
	if err != nil {
		return FrameworkImport{}, err
	}
	rows := make([]competencyRow, len(f.Competencies))
	for i, c := range f.Competencies {
		rows[i] = competencyRow{Competency: c}
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO competencies (framework_id, id, parent_id, code, title,
		description, level, position, depth, leaf, case_id, case_uri, retired_at, sort_order)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return FrameworkImport{}, err
	}
	defer stmt.Close()
	for _, r := range treeOrder(rows) {
		c := r.Competency
		var retired any
		if c.RetiredAt != nil {
			retired = formatTime(*c.RetiredAt)
		}
		_, err := stmt.ExecContext(ctx, f.ID, c.ID, c.ParentID, c.Code, c.Title, c.Description, c.Level,
			c.Position, r.Depth, c.Leaf, c.CASEID, c.CASEURI, retired, r.ord)
		if err != nil {
			return FrameworkImport{}, err
		}
	}
	return FrameworkImport{ID: f.ID, Title: f.Title, Origin: f.Origin, Outcome: FrameworkCreated, Competencies: len(rows)}, nil
}

// importEntry creates, replaces or keeps one entry, and returns the hashes of files a replaced
// entry no longer has.
func (s *Store) importEntry(ctx context.Context, tx *sql.Tx, ie ImportEntry, offset int, now string) (EntryImport, []string, error) {
	e := ie.Entry
	e.CreatedAt, e.UpdatedAt = orNow(e.CreatedAt, now), orNow(e.UpdatedAt, now)
	out := EntryImport{ID: e.ID, Title: e.Title, Kind: e.Kind, PackageUpdatedAt: e.UpdatedAt}
	local, err := getEntry(ctx, tx, e.ID)
	exists := err == nil
	if err != nil && portfolio.Code(err) != portfolio.CodeNotFound {
		return out, nil, err
	}
	resolved, skipped, err := resolveAlignments(ctx, tx, e, ie.Alignments)
	if err != nil {
		return out, nil, err
	}
	var dropped []string
	if exists {
		updated := local.UpdatedAt
		out.ExistingUpdatedAt, out.InTrash = &updated, local.DeletedAt != nil
		switch {
		case local.UpdatedAt.After(e.UpdatedAt):
			out.Outcome, out.Reason = ImportKept, "this folder's version is newer"
			return out, nil, nil
		case local.UpdatedAt.Equal(e.UpdatedAt):
			same, err := sameImport(ctx, tx, local, e, resolved)
			if err != nil {
				return out, nil, err
			}
			if same {
				out.Outcome, out.Reason = ImportIdentical, "the same version is here already"
			} else {
				out.Outcome, out.Reason = ImportKept, "both were last changed at the same time but differ; this folder's version was kept"
			}
			return out, nil, nil
		}
		out.Outcome, out.Reason = ImportReplaced, "the package's version is newer"
		if out.InTrash {
			out.Reason += "; the entry stays in the trash here"
		}
		details, reflection, err := entryJSON(e)
		if err != nil {
			return out, nil, err
		}
		_, err = tx.ExecContext(ctx, `UPDATE entries SET kind = ?, title = ?, status = ?, include_in_exports = ?,
			start_date = ?, end_date = ?, details = ?, reflection = ?, created_at = ?, updated_at = ? WHERE id = ?`,
			e.Kind, e.Title, e.Status, e.IncludeInExports, nullIfEmpty(e.StartDate), nullIfEmpty(e.EndDate),
			details, reflection, formatTime(e.CreatedAt), formatTime(e.UpdatedAt), e.ID)
		if err != nil {
			return out, nil, err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM artifacts WHERE entry_id = ?", e.ID); err != nil {
			return out, nil, err
		}
		keep := map[string]bool{}
		for _, a := range e.Artifacts {
			keep[a.SHA256] = true
		}
		for _, a := range local.Artifacts {
			if a.Type == portfolio.ArtifactFile && !keep[a.SHA256] {
				dropped = append(dropped, a.SHA256)
			}
		}
	} else {
		out.Outcome, out.Reason = ImportCreated, "new here"
		details, reflection, err := entryJSON(e)
		if err != nil {
			return out, nil, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO entries (id, kind, title, status, include_in_exports,
			position, start_date, end_date, details, reflection, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, e.Kind, e.Title, e.Status, e.IncludeInExports, offset+e.Position,
			nullIfEmpty(e.StartDate), nullIfEmpty(e.EndDate), details, reflection,
			formatTime(e.CreatedAt), formatTime(e.UpdatedAt))
		if err != nil {
			return out, nil, err
		}
	}
	if err := writeTags(ctx, tx, e.ID, e.Tags); err != nil {
		return out, nil, err
	}
	for _, a := range e.Artifacts {
		written, err := insertImportedArtifact(ctx, tx, a, now)
		if err != nil {
			return out, nil, err
		}
		out.artifacts = append(out.artifacts, written)
	}
	out.Artifacts = len(out.artifacts)
	if _, err := reindexEntry(ctx, tx, e.ID); err != nil {
		return out, nil, err
	}
	for _, r := range resolved {
		_, err := tx.ExecContext(ctx, `INSERT INTO alignments (id, entry_id, framework_id, competency_id, rationale,
			strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (entry_id, framework_id, competency_id) DO UPDATE SET rationale = excluded.rationale,
				strength = excluded.strength, updated_at = excluded.updated_at
			WHERE rationale IS NOT excluded.rationale OR strength IS NOT excluded.strength`,
			r.ID, e.ID, r.FrameworkID, r.CompetencyID, r.Rationale, r.Strength, now, now)
		if err != nil {
			return out, nil, err
		}
	}
	out.Alignments, out.Skipped = len(resolved), skipped
	return out, dropped, nil
}

// importCredential creates, replaces or keeps one credential, as importEntry does an entry, and
// returns the hash of a file a replaced credential no longer has.
func importCredential(ctx context.Context, tx *sql.Tx, c portfolio.Credential, offset int, now string) (CredentialImport, []string, error) {
	c.CreatedAt, c.UpdatedAt = orNow(c.CreatedAt, now), orNow(c.UpdatedAt, now)
	out := CredentialImport{ID: c.ID, Name: c.Name, PackageUpdatedAt: c.UpdatedAt}
	local, err := getCredential(ctx, tx, c.ID)
	if err != nil && portfolio.Code(err) != portfolio.CodeNotFound {
		return out, nil, err
	}
	if err != nil {
		out.Outcome, out.Reason = ImportCreated, "new here"
		_, err := tx.ExecContext(ctx, `INSERT INTO credentials (`+credentialColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Kind, c.Name, c.Issuer, nullIfEmpty(c.IssuedOn), nullIfEmpty(c.ExpiresOn), c.CredentialID,
			c.VerificationURL, c.FileName, c.MediaType, c.Size, c.SHA256, c.BadgeFormat, offset+c.Position,
			formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
		return out, nil, err
	}
	updated := local.UpdatedAt
	out.ExistingUpdatedAt = &updated
	switch {
	case local.UpdatedAt.After(c.UpdatedAt):
		out.Outcome, out.Reason = ImportKept, "this folder's version is newer"
		return out, nil, nil
	case local.UpdatedAt.Equal(c.UpdatedAt):
		if bytes.Equal(canonicalCredential(local), canonicalCredential(c)) {
			out.Outcome, out.Reason = ImportIdentical, "the same version is here already"
		} else {
			out.Outcome, out.Reason = ImportKept, "both were last changed at the same time but differ; this folder's version was kept"
		}
		return out, nil, nil
	}
	out.Outcome, out.Reason = ImportReplaced, "the package's version is newer"
	_, err = tx.ExecContext(ctx, `UPDATE credentials SET kind = ?, name = ?, issuer = ?, issued_on = ?, expires_on = ?,
		credential_id = ?, verification_url = ?, file_name = ?, media_type = ?, size = ?, sha256 = ?, badge_format = ?,
		created_at = ?, updated_at = ? WHERE id = ?`,
		c.Kind, c.Name, c.Issuer, nullIfEmpty(c.IssuedOn), nullIfEmpty(c.ExpiresOn), c.CredentialID, c.VerificationURL,
		c.FileName, c.MediaType, c.Size, c.SHA256, c.BadgeFormat, formatTime(c.CreatedAt), formatTime(c.UpdatedAt), c.ID)
	var dropped []string
	if local.SHA256 != "" && local.SHA256 != c.SHA256 {
		dropped = append(dropped, local.SHA256)
	}
	return out, dropped, err
}

// canonicalCredential encodes what a credential says, leaving out where it sits.
func canonicalCredential(c portfolio.Credential) []byte {
	c.Position = 0
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	data, _ := json.Marshal(c) // a credential always encodes
	return data
}

// insertImportedArtifact writes an artifact with its own id, place and creation time. An id that
// another entry's artifact already has (which only a hand-made package can cause) is replaced by
// a new one.
func insertImportedArtifact(ctx context.Context, tx *sql.Tx, a portfolio.Artifact, now string) (portfolio.Artifact, error) {
	var taken bool
	if a.ID != "" {
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM artifacts WHERE id = ?)", a.ID).Scan(&taken); err != nil {
			return a, err
		}
	}
	if a.ID == "" || taken {
		id, err := uuid.NewV7()
		if err != nil {
			return a, err
		}
		a.ID = id.String()
	}
	a.CreatedAt = orNow(a.CreatedAt, now)
	_, err := tx.ExecContext(ctx, `INSERT INTO artifacts (id, entry_id, type, role, position, caption,
		file_name, media_type, size, sha256, url, link_title, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.EntryID, a.Type, a.Role, a.Position, a.Caption, a.FileName, a.MediaType, a.Size, a.SHA256,
		a.URL, a.LinkTitle, formatTime(a.CreatedAt))
	return a, err
}

// resolveAlignments finds the competency of each alignment here and checks its strength against
// the framework's scale (an empty strength is the scale's weakest). Alignments to retired
// competencies or to groups are kept: they were made when the competency was a live leaf.
func resolveAlignments(ctx context.Context, tx *sql.Tx, e portfolio.Entry, list []portfolio.Alignment) ([]portfolio.Alignment, []SkippedAlignment, error) {
	var out []portfolio.Alignment
	var skipped []SkippedAlignment
	skip := func(a portfolio.Alignment, format string, args ...any) {
		skipped = append(skipped, SkippedAlignment{EntryID: e.ID, EntryTitle: e.Title, FrameworkID: a.FrameworkID,
			CompetencyID: a.CompetencyID, Reason: fmt.Sprintf(format, args...)})
	}
	for _, a := range list {
		if a.FrameworkID == "" || a.CompetencyID == "" {
			skip(a, "the alignment names no framework or no competency")
			continue
		}
		if n := utf8.RuneCountInString(a.Rationale); n > maxRationale {
			skip(a, "its rationale is %d characters long, more than the %d allowed", n, maxRationale)
			continue
		}
		found, err := findCompetencies(ctx, tx, a.FrameworkID, a.CompetencyID)
		if portfolio.Code(err) == portfolio.CodeNotFound {
			skip(a, "%s", clause(err))
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		c := found[0]
		strengths := portfolio.Strengths(c.scale)
		switch {
		case a.Strength == "":
			a.Strength = strengths[0]
		case !slices.Contains(strengths, a.Strength):
			skip(a, "its strength %q is not on the scale of %q here (%s)", a.Strength, c.frameworkTitle, strings.Join(strengths, ", "))
			continue
		}
		id, err := uuid.NewV7()
		if err != nil {
			return nil, nil, err
		}
		a.ID, a.FrameworkID, a.CompetencyID = id.String(), c.FrameworkID, c.ID
		out = append(out, a)
	}
	return out, skipped, nil
}

// sameImport reports whether the entry here is the package's entry: the same fields, artifacts
// and alignments. Its place in the list and the trash are this folder's business.
func sameImport(ctx context.Context, tx *sql.Tx, local, e portfolio.Entry, aligned []portfolio.Alignment) (bool, error) {
	if !bytes.Equal(canonicalEntry(local), canonicalEntry(e)) {
		return false, nil
	}
	here, err := queryAlignments(ctx, tx, "a.entry_id = ?", local.ID)
	if err != nil {
		return false, err
	}
	key := func(a portfolio.Alignment) string {
		return a.FrameworkID + "\x00" + a.CompetencyID + "\x00" + a.Strength + "\x00" + a.Rationale
	}
	want := map[string]bool{}
	for _, a := range aligned {
		want[key(a)] = true
	}
	have := map[string]bool{}
	for _, a := range here {
		have[key(a)] = true
	}
	if len(want) != len(have) {
		return false, nil
	}
	for k := range want {
		if !have[k] {
			return false, nil
		}
	}
	return true, nil
}

// canonicalEntry encodes what an entry says, leaving out where it sits.
func canonicalEntry(e portfolio.Entry) []byte {
	e.Position, e.DeletedAt = 0, nil
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
	artifacts := make([]portfolio.Artifact, len(e.Artifacts))
	for i, a := range e.Artifacts {
		a.EntryID, a.CreatedAt = "", a.CreatedAt.UTC()
		artifacts[i] = a
	}
	e.Artifacts = artifacts
	data, _ := json.Marshal(e) // an entry always encodes
	return data
}

func orNow(t time.Time, now string) time.Time {
	if t.IsZero() {
		t, _ = parseTime(now)
	}
	return t.UTC()
}

func artifactLabel(a portfolio.Artifact) string {
	switch {
	case a.FileName != "":
		return a.FileName
	case a.URL != "":
		return a.URL
	}
	return a.ID
}

// clause is an error's message without its full stop, to go inside another sentence.
func clause(err error) string { return strings.TrimSuffix(portfolio.Message(err), ".") }

func refused(format string, args ...any) error {
	return portfolio.Errorf(portfolio.CodeRefused, "The portfolio cannot be imported: "+format+". Nothing was imported.", args...)
}
