package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Profile returns the educator's profile, which Open creates on first use.
func (s *Store) Profile(ctx context.Context) (portfolio.Profile, error) {
	var p portfolio.Profile
	err := s.read(ctx, "get profile", func(tx *sql.Tx) error {
		var err error
		p, err = getProfile(ctx, tx)
		return err
	})
	if err != nil {
		return portfolio.Profile{}, err
	}
	return p, nil
}

// SaveProfile stores the educator's fields, trimmed. The portfolio id and creation time stay as
// stored.
func (s *Store) SaveProfile(ctx context.Context, p portfolio.Profile) (portfolio.Profile, error) {
	for _, f := range []*string{&p.Name, &p.Role, &p.School, &p.District, &p.Email, &p.Bio} {
		*f = strings.TrimSpace(*f)
	}
	p.PhotoSHA256 = strings.ToLower(strings.TrimSpace(p.PhotoSHA256))
	if p.PhotoSHA256 != "" && !isSHA256(p.PhotoSHA256) {
		return portfolio.Profile{}, portfolio.Errorf(portfolio.CodeInvalid, "The photo must be named by the SHA-256 of its content, 64 hexadecimal digits.")
	}
	var out portfolio.Profile
	err := s.write(ctx, "save profile", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE profile SET name = ?, role = ?, school = ?, district = ?,
			email = ?, bio = ?, photo_sha256 = ?, updated_at = ? WHERE id = 1`,
			p.Name, p.Role, p.School, p.District, p.Email, p.Bio, p.PhotoSHA256, s.stamp())
		if err != nil {
			return err
		}
		out, err = getProfile(ctx, tx)
		return err
	})
	if err != nil {
		return portfolio.Profile{}, err
	}
	return out, nil
}

// ensureProfile creates the profile row, with the portfolio's own id, if it does not exist yet.
// It also takes the write lock once, so a database held by another program is reported by Open.
func (s *Store) ensureProfile(ctx context.Context) error {
	id, err := uuid.NewV7()
	if err != nil {
		return err
	}
	// Not s.write: Open reports SQLITE_BUSY itself, naming the file.
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := s.stamp()
	_, err = tx.ExecContext(ctx, `INSERT INTO profile (id, portfolio_id, created_at, updated_at)
		VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, id.String(), now, now)
	if err != nil {
		return err
	}
	return tx.Commit()
}

func getProfile(ctx context.Context, tx *sql.Tx) (portfolio.Profile, error) {
	var p portfolio.Profile
	var created, updated string
	err := tx.QueryRowContext(ctx, `SELECT portfolio_id, name, role, school, district, email, bio,
		photo_sha256, created_at, updated_at FROM profile WHERE id = 1`).Scan(&p.PortfolioID, &p.Name,
		&p.Role, &p.School, &p.District, &p.Email, &p.Bio, &p.PhotoSHA256, &created, &updated)
	if err == sql.ErrNoRows {
		return p, fmt.Errorf("the profile row is missing")
	}
	if err != nil {
		return p, err
	}
	if p.CreatedAt, err = parseTime(created); err != nil {
		return p, err
	}
	p.UpdatedAt, err = parseTime(updated)
	return p, err
}
