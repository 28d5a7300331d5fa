package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const artifactColumns = `a.id, a.entry_id, a.type, a.role, a.position, a.caption, a.file_name, a.media_type,
	a.size, a.sha256, a.url, a.link_title, a.created_at`

// AddArtifact attaches a file (already in the blob store) or a link to a live entry, at the end
// of its artifacts.
func (s *Store) AddArtifact(ctx context.Context, a portfolio.Artifact) (portfolio.Artifact, error) {
	var out portfolio.Artifact
	err := s.write(ctx, "add artifact", func(tx *sql.Tx) error {
		id, err := s.insertArtifact(ctx, tx, a)
		if err != nil {
			return err
		}
		if err := s.artifactsChanged(ctx, tx, a.EntryID); err != nil {
			return err
		}
		out, err = liveArtifact(ctx, tx, id)
		return err
	})
	if err != nil {
		return portfolio.Artifact{}, err
	}
	return out, nil
}

// insertArtifact validates a and appends it to its live entry's artifacts, returning its new id.
// The caller refreshes the entry's search text.
func (s *Store) insertArtifact(ctx context.Context, tx *sql.Tx, a portfolio.Artifact) (string, error) {
	a, err := normalizeArtifact(a)
	if err != nil {
		return "", err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("store: add artifact: %w", err)
	}
	kind, err := liveEntryKind(ctx, tx, a.EntryID)
	if err != nil {
		return "", err
	}
	if err := checkRole(kind, a.Role); err != nil {
		return "", err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO artifacts (id, entry_id, type, role, position, caption,
		file_name, media_type, size, sha256, url, link_title, created_at)
		VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM artifacts WHERE entry_id = ?),
		?, ?, ?, ?, ?, ?, ?, ?)`,
		id.String(), a.EntryID, a.Type, a.Role, a.EntryID, a.Caption, a.FileName, a.MediaType, a.Size,
		a.SHA256, a.URL, a.LinkTitle, s.stamp())
	return id.String(), err
}

// UpdateArtifact changes what the educator may edit: caption and role, the display name of a
// file, the address and title of a link. Other fields of a are ignored.
func (s *Store) UpdateArtifact(ctx context.Context, a portfolio.Artifact) (portfolio.Artifact, error) {
	var out portfolio.Artifact
	err := s.write(ctx, "update artifact", func(tx *sql.Tx) error {
		cur, err := liveArtifact(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		cur.Caption, cur.Role = a.Caption, a.Role
		switch cur.Type {
		case portfolio.ArtifactFile:
			cur.FileName = a.FileName
		case portfolio.ArtifactLink:
			cur.URL, cur.LinkTitle = a.URL, a.LinkTitle
		}
		if cur, err = normalizeArtifact(cur); err != nil {
			return err
		}
		kind, err := liveEntryKind(ctx, tx, cur.EntryID)
		if err != nil {
			return err
		}
		if err := checkRole(kind, cur.Role); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE artifacts SET caption = ?, role = ?, file_name = ?, url = ?,
			link_title = ? WHERE id = ?`, cur.Caption, cur.Role, cur.FileName, cur.URL, cur.LinkTitle, cur.ID)
		if err != nil {
			return err
		}
		if err := s.artifactsChanged(ctx, tx, cur.EntryID); err != nil {
			return err
		}
		out, err = liveArtifact(ctx, tx, cur.ID)
		return err
	})
	if err != nil {
		return portfolio.Artifact{}, err
	}
	return out, nil
}

// DeleteArtifact removes an artifact of a live entry and returns it, so the caller can decide
// about its blob.
func (s *Store) DeleteArtifact(ctx context.Context, id string) (portfolio.Artifact, error) {
	var out portfolio.Artifact
	err := s.write(ctx, "delete artifact", func(tx *sql.Tx) error {
		var err error
		if out, err = liveArtifact(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM artifacts WHERE id = ?", id); err != nil {
			return err
		}
		return s.artifactsChanged(ctx, tx, out.EntryID)
	})
	if err != nil {
		return portfolio.Artifact{}, err
	}
	return out, nil
}

// ReorderArtifacts puts the given artifacts of a live entry first, in the given order; its other
// artifacts follow in their current order.
func (s *Store) ReorderArtifacts(ctx context.Context, entryID string, ids []string) error {
	return s.write(ctx, "reorder artifacts", func(tx *sql.Tx) error {
		if _, err := liveEntryKind(ctx, tx, entryID); err != nil {
			return err
		}
		current, err := queryIDs(ctx, tx, "SELECT id FROM artifacts WHERE entry_id = ? ORDER BY position, id", entryID)
		if err != nil {
			return err
		}
		order, err := reorder(current, ids, "artifact")
		if err != nil {
			return err
		}
		if err := setPositions(ctx, tx, "UPDATE artifacts SET position = ? WHERE id = ?", order); err != nil {
			return err
		}
		return s.artifactsChanged(ctx, tx, entryID)
	})
}

// Artifact returns one artifact, also of an entry in the trash.
func (s *Store) Artifact(ctx context.Context, id string) (portfolio.Artifact, error) {
	var out portfolio.Artifact
	err := s.read(ctx, "get artifact", func(tx *sql.Tx) error {
		var err error
		out, err = oneArtifact(ctx, tx, "a.id = ?", id)
		return err
	})
	if err != nil {
		return portfolio.Artifact{}, err
	}
	return out, nil
}

// BlobInUse reports whether any artifact, of a live or a trashed entry, or the profile photo
// refers to the blob.
func (s *Store) BlobInUse(ctx context.Context, sha256 string) (bool, error) {
	var used bool
	err := s.read(ctx, "blob in use", func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM artifacts WHERE sha256 = ?1)
			OR EXISTS (SELECT 1 FROM credentials WHERE sha256 = ?1)
			OR EXISTS (SELECT 1 FROM profile WHERE photo_sha256 = ?1)`, strings.ToLower(sha256)).Scan(&used)
	})
	return used, err
}

// BlobRefs lists every blob the database refers to, once, ordered by hash.
func (s *Store) BlobRefs(ctx context.Context) ([]BlobRef, error) {
	out := []BlobRef{}
	err := s.read(ctx, "blob refs", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT sha256, size FROM blob_refs ORDER BY 1")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r BlobRef
			if err := rows.Scan(&r.SHA256, &r.Size); err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// artifactsChanged marks the entry as edited and rewrites its search row, which includes the
// names and captions of its artifacts.
func (s *Store) artifactsChanged(ctx context.Context, tx *sql.Tx, entryID string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE entries SET updated_at = ? WHERE id = ?", s.stamp(), entryID); err != nil {
		return err
	}
	_, err := reindexEntry(ctx, tx, entryID)
	return err
}

// liveArtifact loads an artifact whose entry is live; artifacts in the trash cannot be edited.
func liveArtifact(ctx context.Context, tx *sql.Tx, id string) (portfolio.Artifact, error) {
	return oneArtifact(ctx, tx, `a.id = ? AND EXISTS
		(SELECT 1 FROM entries e WHERE e.id = a.entry_id AND e.deleted_at IS NULL)`, id)
}

// oneArtifact loads the artifact matching where, whose one parameter is the artifact's id.
func oneArtifact(ctx context.Context, tx *sql.Tx, where, id string) (portfolio.Artifact, error) {
	list, err := queryArtifacts(ctx, tx, where, id)
	if err != nil {
		return portfolio.Artifact{}, err
	}
	if len(list) == 0 {
		return portfolio.Artifact{}, portfolio.Errorf(portfolio.CodeNotFound, "No artifact with id %s.", id)
	}
	return list[0], nil
}

// loadArtifacts fills in the artifacts of entries, in their order.
func loadArtifacts(ctx context.Context, tx *sql.Tx, entries []portfolio.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	list, err := queryArtifacts(ctx, tx, "a.entry_id IN (SELECT value FROM json_each(?))", jsonArray(entryIDs(entries)))
	if err != nil {
		return err
	}
	index := entryIndex(entries)
	for _, a := range list {
		e := &entries[index[a.EntryID]]
		e.Artifacts = append(e.Artifacts, a)
	}
	return nil
}

func queryArtifacts(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]portfolio.Artifact, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+artifactColumns+" FROM artifacts a WHERE "+where+
		" ORDER BY a.entry_id, a.position, a.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []portfolio.Artifact
	for rows.Next() {
		var a portfolio.Artifact
		var created string
		err := rows.Scan(&a.ID, &a.EntryID, &a.Type, &a.Role, &a.Position, &a.Caption, &a.FileName,
			&a.MediaType, &a.Size, &a.SHA256, &a.URL, &a.LinkTitle, &created)
		if err != nil {
			return nil, err
		}
		if a.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// normalizeArtifact trims an artifact, checks the fields its type needs and clears the fields
// of the other type.
func normalizeArtifact(a portfolio.Artifact) (portfolio.Artifact, error) {
	a.Caption = strings.TrimSpace(a.Caption)
	if a.Role == "" {
		a.Role = portfolio.RoleAttachment
	}
	switch a.Role {
	case portfolio.RoleAttachment, portfolio.RoleOriginal, portfolio.RoleRedesign:
	default:
		return a, portfolio.Errorf(portfolio.CodeInvalid, "An artifact's role must be attachment, original or redesign, not %q.", a.Role)
	}
	switch a.Type {
	case portfolio.ArtifactFile:
		a.URL, a.LinkTitle = "", ""
		a.FileName = strings.TrimSpace(a.FileName)
		a.MediaType = strings.TrimSpace(a.MediaType)
		a.SHA256 = strings.ToLower(a.SHA256)
		if !isSHA256(a.SHA256) {
			return a, portfolio.Errorf(portfolio.CodeInvalid, "A file artifact needs the SHA-256 of its content as 64 hexadecimal digits.")
		}
		if a.FileName == "" {
			return a, portfolio.Errorf(portfolio.CodeInvalid, "Give the file a name.")
		}
		if a.Size < 0 {
			return a, portfolio.Errorf(portfolio.CodeInvalid, "A file cannot have a negative size.")
		}
	case portfolio.ArtifactLink:
		a.FileName, a.MediaType, a.Size, a.SHA256 = "", "", 0, ""
		a.URL = strings.TrimSpace(a.URL)
		a.LinkTitle = strings.TrimSpace(a.LinkTitle)
		if !isLinkURL(a.URL) {
			return a, portfolio.Errorf(portfolio.CodeInvalid,
				"The link %q is not a web or e-mail address; it must start with http://, https:// or mailto:.", a.URL)
		}
	default:
		return a, portfolio.Errorf(portfolio.CodeInvalid, "An artifact must be a file or a link, not %q.", a.Type)
	}
	return a, nil
}

// checkRole allows the original/redesign roles only on lesson redesigns, the one kind that has
// both sides.
func checkRole(kind portfolio.Kind, role portfolio.ArtifactRole) error {
	if role != portfolio.RoleAttachment && kind != portfolio.KindLessonRedesign {
		return portfolio.Errorf(portfolio.CodeInvalid, "Only a lesson redesign has original and redesign artifacts; attach this one as an attachment.")
	}
	return nil
}

// isLinkURL accepts the links the app can open safely: web pages and e-mail addresses.
func isLinkURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
