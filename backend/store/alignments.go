package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// maxRationale is the length limit of an alignment's rationale, in characters.
const maxRationale = 2000

const alignmentColumns = `a.id, a.entry_id, a.competency_id, a.framework_id, a.rationale, a.strength,
	a.created_at, a.updated_at`

// Align says that a live entry shows a competency, or changes how it does: one alignment per
// entry and competency. The competency must be a live leaf; a.FrameworkID may be empty when the
// competency id is in one framework only. An empty Strength is the weakest of the framework's
// scale. The rationale is trimmed. Aligning does not change the entry's updatedAt.
func (s *Store) Align(ctx context.Context, a portfolio.Alignment) (portfolio.Alignment, error) {
	a.Rationale = strings.TrimSpace(a.Rationale)
	if n := utf8.RuneCountInString(a.Rationale); n > maxRationale {
		return portfolio.Alignment{}, portfolio.Errorf(portfolio.CodeInvalid,
			"The rationale is %d characters long; shorten it to at most %d.", n, maxRationale)
	}
	a.Strength = strings.ToLower(strings.TrimSpace(a.Strength))
	id, err := uuid.NewV7()
	if err != nil {
		return portfolio.Alignment{}, fmt.Errorf("store: align: %w", err)
	}
	var out portfolio.Alignment
	err = s.write(ctx, "align", func(tx *sql.Tx) error {
		if _, err := liveEntryKind(ctx, tx, a.EntryID); err != nil {
			return err
		}
		found, err := findCompetencies(ctx, tx, a.FrameworkID, a.CompetencyID)
		if err != nil {
			return err
		}
		if len(found) > 1 {
			return portfolio.Errorf(portfolio.CodeInvalid,
				"The competency id %s is in %d frameworks; say which framework to align to.", a.CompetencyID, len(found))
		}
		c := found[0]
		if c.RetiredAt != nil {
			return portfolio.Errorf(portfolio.CodeInvalid,
				"%s was retired from %q by a later version of the framework; align to a current competency.",
				competencyLabel(c.Competency), c.frameworkTitle)
		}
		if !c.Leaf {
			return portfolio.Errorf(portfolio.CodeInvalid,
				"%s groups other competencies; align to one of them.", competencyLabel(c.Competency))
		}
		strengths := portfolio.Strengths(c.scale)
		switch {
		case a.Strength == "":
			a.Strength = strengths[0]
		case !slices.Contains(strengths, a.Strength):
			return portfolio.Errorf(portfolio.CodeInvalid, "The strength for %q must be one of %s, not %q.",
				c.frameworkTitle, strings.Join(strengths, ", "), a.Strength)
		}
		now := s.stamp()
		// An unchanged alignment keeps its updatedAt, so an autosave that changed nothing is a no-op.
		_, err = tx.ExecContext(ctx, `INSERT INTO alignments (id, entry_id, framework_id, competency_id, rationale,
			strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (entry_id, framework_id, competency_id) DO UPDATE SET rationale = excluded.rationale,
				strength = excluded.strength, updated_at = excluded.updated_at
			WHERE rationale IS NOT excluded.rationale OR strength IS NOT excluded.strength`,
			id.String(), a.EntryID, c.FrameworkID, c.ID, a.Rationale, a.Strength, now, now)
		if err != nil {
			return err
		}
		list, err := queryAlignments(ctx, tx, "a.entry_id = ? AND a.framework_id = ? AND a.competency_id = ?",
			a.EntryID, c.FrameworkID, c.ID)
		if err != nil {
			return err
		}
		out = list[0]
		return nil
	})
	if err != nil {
		return portfolio.Alignment{}, err
	}
	return out, nil
}

// Unalign removes the alignment of a live entry to a competency (in every framework that has
// that competency id, which only CASE frameworks sharing items can).
func (s *Store) Unalign(ctx context.Context, entryID, competencyID string) error {
	return s.write(ctx, "unalign", func(tx *sql.Tx) error {
		if _, err := liveEntryKind(ctx, tx, entryID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM alignments WHERE entry_id = ? AND competency_id = ?", entryID, competencyID)
		return expectOne(res, err, portfolio.Errorf(portfolio.CodeNotFound,
			"The entry %s is not aligned to the competency %s.", entryID, competencyID))
	})
}

// EntryAlignments returns the alignments of an entry, also while it is in the trash and also to
// retired competencies, ordered by framework (as Frameworks lists them) and then depth-first.
func (s *Store) EntryAlignments(ctx context.Context, entryID string) ([]portfolio.Alignment, error) {
	var out []portfolio.Alignment
	err := s.read(ctx, "list alignments", func(tx *sql.Tx) error {
		var exists int
		err := tx.QueryRowContext(ctx, "SELECT count(*) FROM entries WHERE id = ?", entryID).Scan(&exists)
		if err != nil {
			return err
		}
		if exists == 0 {
			return portfolio.Errorf(portfolio.CodeNotFound, "No entry with id %s.", entryID)
		}
		out, err = queryAlignments(ctx, tx, "a.entry_id = ?", entryID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetAssessment records the educator's judgement of a competency (a leaf, retired or not).
// Not started is the default and removes the record.
func (s *Store) SetAssessment(ctx context.Context, competencyID string, status portfolio.AssessmentStatus) error {
	switch status {
	case portfolio.AssessNotStarted, portfolio.AssessInProgress, portfolio.AssessReady, portfolio.AssessMet:
	default:
		return portfolio.Errorf(portfolio.CodeInvalid, "An assessment must be one of %s, %s, %s or %s, not %q.",
			portfolio.AssessNotStarted, portfolio.AssessInProgress, portfolio.AssessReady, portfolio.AssessMet, status)
	}
	return s.write(ctx, "set assessment", func(tx *sql.Tx) error {
		found, err := findCompetencies(ctx, tx, "", competencyID)
		if err != nil {
			return err
		}
		now := s.stamp()
		for _, c := range found { // more than one only for a CASE item shared by frameworks
			if !c.Leaf {
				return portfolio.Errorf(portfolio.CodeInvalid,
					"%s groups other competencies; assess each of them.", competencyLabel(c.Competency))
			}
			if status == portfolio.AssessNotStarted {
				_, err = tx.ExecContext(ctx, "DELETE FROM assessments WHERE framework_id = ? AND competency_id = ?",
					c.FrameworkID, c.ID)
			} else {
				_, err = tx.ExecContext(ctx, `INSERT INTO assessments (framework_id, competency_id, status, updated_at)
					VALUES (?, ?, ?, ?) ON CONFLICT (framework_id, competency_id)
					DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
					WHERE status IS NOT excluded.status`, c.FrameworkID, c.ID, status, now)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// foundCompetency is a competency with what aligning to it needs of its framework.
type foundCompetency struct {
	competencyRow
	frameworkTitle string
	scale          portfolio.StrengthScale
}

// findCompetencies returns the competencies with the given id, in the given framework or, when
// frameworkID is empty, in any; CodeNotFound if there are none.
func findCompetencies(ctx context.Context, tx *sql.Tx, frameworkID, competencyID string) ([]foundCompetency, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+competencyColumns+`, f.title, f.scale
		FROM competencies c JOIN frameworks f ON f.id = c.framework_id
		WHERE c.id = ? AND (? = '' OR c.framework_id = ?) ORDER BY c.framework_id`, competencyID, frameworkID, frameworkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []foundCompetency
	for rows.Next() {
		var fc foundCompetency
		if fc.competencyRow, err = scanCompetency(rows, &fc.frameworkTitle, &fc.scale); err != nil {
			return nil, err
		}
		out = append(out, fc)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		if frameworkID != "" {
			return nil, portfolio.Errorf(portfolio.CodeNotFound, "The framework %s has no competency with id %s.", frameworkID, competencyID)
		}
		return nil, portfolio.Errorf(portfolio.CodeNotFound, "No competency with id %s.", competencyID)
	}
	return out, nil
}

// queryAlignments loads the alignments matching where (a constant SQL condition over a), by
// framework and then depth-first.
func queryAlignments(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]portfolio.Alignment, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+alignmentColumns+` FROM alignments a
		JOIN frameworks f ON f.id = a.framework_id
		JOIN competencies c ON c.framework_id = a.framework_id AND c.id = a.competency_id
		WHERE `+where+" ORDER BY "+frameworkOrder+", c.sort_order, a.entry_id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []portfolio.Alignment{}
	for rows.Next() {
		var a portfolio.Alignment
		var created, updated string
		err := rows.Scan(&a.ID, &a.EntryID, &a.CompetencyID, &a.FrameworkID, &a.Rationale, &a.Strength, &created, &updated)
		if err != nil {
			return nil, err
		}
		if a.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		if a.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
