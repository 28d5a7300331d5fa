package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

const credentialColumns = `id, kind, name, issuer, issued_on, expires_on, credential_id, verification_url,
	file_name, media_type, size, sha256, badge_format, position, created_at, updated_at`

// CreateCredential normalizes c and stores it at the end of the list. Its file, when it has one,
// must already be in the blob store. An empty c.ID gets a new id; a given one (an import) is kept.
func (s *Store) CreateCredential(ctx context.Context, c portfolio.Credential) (portfolio.Credential, error) {
	c, err := portfolio.NormalizeCredential(c)
	if err != nil {
		return portfolio.Credential{}, err
	}
	if c.ID == "" {
		id, err := uuid.NewV7()
		if err != nil {
			return portfolio.Credential{}, fmt.Errorf("store: create credential: %w", err)
		}
		c.ID = id.String()
	}
	var out portfolio.Credential
	err = s.write(ctx, "create credential", func(tx *sql.Tx) error {
		now := s.stamp()
		_, err := tx.ExecContext(ctx, `INSERT INTO credentials (`+credentialColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM credentials), ?, ?)`,
			c.ID, c.Kind, c.Name, c.Issuer, nullIfEmpty(c.IssuedOn), nullIfEmpty(c.ExpiresOn), c.CredentialID,
			c.VerificationURL, c.FileName, c.MediaType, c.Size, c.SHA256, c.BadgeFormat, now, now)
		if err != nil {
			return err
		}
		out, err = getCredential(ctx, tx, c.ID)
		return err
	})
	return out, err
}

// UpdateCredential saves the educator's fields of a credential. Its file, position and creation
// time stay as stored.
func (s *Store) UpdateCredential(ctx context.Context, c portfolio.Credential) (portfolio.Credential, error) {
	c, err := portfolio.NormalizeCredential(c)
	if err != nil {
		return portfolio.Credential{}, err
	}
	var out portfolio.Credential
	err = s.write(ctx, "update credential", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE credentials SET kind = ?, name = ?, issuer = ?, issued_on = ?,
			expires_on = ?, credential_id = ?, verification_url = ?, updated_at = ? WHERE id = ?`,
			c.Kind, c.Name, c.Issuer, nullIfEmpty(c.IssuedOn), nullIfEmpty(c.ExpiresOn), c.CredentialID,
			c.VerificationURL, s.stamp(), c.ID)
		if err := expectOne(res, err, credentialNotFound(c.ID)); err != nil {
			return err
		}
		out, err = getCredential(ctx, tx, c.ID)
		return err
	})
	return out, err
}

// DeleteCredential removes a credential and returns it, so that the caller can remove its file
// from the blob store when nothing else refers to it.
func (s *Store) DeleteCredential(ctx context.Context, id string) (portfolio.Credential, error) {
	var out portfolio.Credential
	err := s.write(ctx, "delete credential", func(tx *sql.Tx) error {
		var err error
		if out, err = getCredential(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM credentials WHERE id = ?", id)
		return err
	})
	return out, err
}

// Credential returns one credential.
func (s *Store) Credential(ctx context.Context, id string) (portfolio.Credential, error) {
	var out portfolio.Credential
	err := s.read(ctx, "get credential", func(tx *sql.Tx) error {
		var err error
		out, err = getCredential(ctx, tx, id)
		return err
	})
	return out, err
}

// Credentials lists every credential in the educator's order.
func (s *Store) Credentials(ctx context.Context) ([]portfolio.Credential, error) {
	out := []portfolio.Credential{}
	err := s.read(ctx, "list credentials", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+credentialColumns+" FROM credentials ORDER BY position")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCredential(rows)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

func credentialNotFound(id string) error {
	return portfolio.Errorf(portfolio.CodeNotFound, "No credential with id %s.", id)
}

func getCredential(ctx context.Context, tx *sql.Tx, id string) (portfolio.Credential, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+credentialColumns+" FROM credentials WHERE id = ?", id)
	if err != nil {
		return portfolio.Credential{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return portfolio.Credential{}, err
		}
		return portfolio.Credential{}, credentialNotFound(id)
	}
	return scanCredential(rows)
}

func scanCredential(rows *sql.Rows) (portfolio.Credential, error) {
	var c portfolio.Credential
	var issued, expires sql.NullString
	var created, updated string
	err := rows.Scan(&c.ID, &c.Kind, &c.Name, &c.Issuer, &issued, &expires, &c.CredentialID, &c.VerificationURL,
		&c.FileName, &c.MediaType, &c.Size, &c.SHA256, &c.BadgeFormat, &c.Position, &created, &updated)
	if err != nil {
		return c, err
	}
	c.IssuedOn, c.ExpiresOn = issued.String, expires.String
	if c.CreatedAt, err = parseTime(created); err != nil {
		return c, err
	}
	c.UpdatedAt, err = parseTime(updated)
	return c, err
}

// settingRubric is the key of the rubric new tool evaluations are scored against.
const settingRubric = "evaluation_rubric"

// EvaluationRubric is the rubric new tool evaluations are scored against: the one the educator
// or district imported, else the built-in one (custom is false).
func (s *Store) EvaluationRubric(ctx context.Context) (r portfolio.Rubric, custom bool, err error) {
	var value string
	err = s.read(ctx, "evaluation rubric", func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingRubric).Scan(&value)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return portfolio.BuiltinRubric(), false, nil
	}
	if err != nil {
		return r, false, err
	}
	if err := json.Unmarshal([]byte(value), &r); err != nil {
		return r, false, fmt.Errorf("store: the stored evaluation rubric: %w", err)
	}
	return r, true, nil
}

// SetEvaluationRubric makes r the rubric new tool evaluations are scored against; nil goes back
// to the built-in one. Evaluations already scored keep the rubric they were scored against.
func (s *Store) SetEvaluationRubric(ctx context.Context, r *portfolio.Rubric) error {
	if r == nil {
		return s.write(ctx, "reset evaluation rubric", func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", settingRubric)
			return err
		})
	}
	if err := r.Check(); err != nil {
		return err
	}
	value, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.write(ctx, "set evaluation rubric", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, settingRubric, string(value))
		return err
	})
}
