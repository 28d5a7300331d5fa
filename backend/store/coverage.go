package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Coverage maps a framework: its competencies depth-first, each leaf with the educator's
// assessment and the live entries aligned to it, strongest first. Retired competencies appear
// only while live entries are aligned to them (with their retired parents, to keep the tree);
// they do not count. The work is three queries whatever the size of the framework.
func (s *Store) Coverage(ctx context.Context, frameworkID string) (portfolio.Coverage, error) {
	return s.CoverageOf(ctx, frameworkID, nil)
}

// CoverageOf is Coverage counting only the given entries, such as the ones an export prints,
// so that a PDF never claims evidence it does not hold; nil counts every live entry.
func (s *Store) CoverageOf(ctx context.Context, frameworkID string, entryIDs map[string]bool) (portfolio.Coverage, error) {
	var out portfolio.Coverage
	err := s.read(ctx, "coverage", func(tx *sql.Tx) error {
		f, err := getFramework(ctx, tx, frameworkID, false)
		if err != nil {
			return err
		}
		competencies, statuses, err := coverageCompetencies(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		evidence, err := coverageEvidence(ctx, tx, frameworkID, entryIDs)
		if err != nil {
			return err
		}
		out = buildCoverage(f, competencies, statuses, evidence)
		return nil
	})
	if err != nil {
		return portfolio.Coverage{}, err
	}
	return out, nil
}

// coverageCompetencies loads a framework's competencies depth-first with their assessments.
func coverageCompetencies(ctx context.Context, tx *sql.Tx, frameworkID string) ([]portfolio.Competency, []portfolio.AssessmentStatus, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+competencyColumns+`, COALESCE(s.status, '')
		FROM competencies c LEFT JOIN assessments s ON s.framework_id = c.framework_id AND s.competency_id = c.id
		WHERE c.framework_id = ? ORDER BY c.sort_order`, frameworkID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var competencies []portfolio.Competency
	var statuses []portfolio.AssessmentStatus
	for rows.Next() {
		var status portfolio.AssessmentStatus
		r, err := scanCompetency(rows, &status)
		if err != nil {
			return nil, nil, err
		}
		competencies = append(competencies, r.Competency)
		statuses = append(statuses, status)
	}
	return competencies, statuses, rows.Err()
}

// coverageEvidence loads the live entries aligned to a framework's competencies, by competency;
// only those in entryIDs unless it is nil.
func coverageEvidence(ctx context.Context, tx *sql.Tx, frameworkID string, entryIDs map[string]bool) (map[string][]portfolio.CoverageEntry, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.competency_id, e.id, e.title, e.kind, a.strength, a.rationale
		FROM alignments a JOIN entries e ON e.id = a.entry_id
		WHERE a.framework_id = ? AND e.deleted_at IS NULL`, frameworkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]portfolio.CoverageEntry{}
	for rows.Next() {
		var competencyID string
		var ce portfolio.CoverageEntry
		if err := rows.Scan(&competencyID, &ce.EntryID, &ce.Title, &ce.Kind, &ce.Strength, &ce.Rationale); err != nil {
			return nil, err
		}
		if entryIDs != nil && !entryIDs[ce.EntryID] {
			continue
		}
		out[competencyID] = append(out[competencyID], ce)
	}
	return out, rows.Err()
}

// buildCoverage assembles the map from a framework's competencies in depth-first order.
func buildCoverage(f portfolio.Framework, competencies []portfolio.Competency, statuses []portfolio.AssessmentStatus,
	evidence map[string][]portfolio.CoverageEntry) portfolio.Coverage {
	scale := portfolio.Strengths(f.Scale)
	rank := func(strength string) int { return slices.Index(scale, strength) } // -1 for a value of no scale

	// A retired competency is shown while live entries are aligned to it, and so are its
	// retired ancestors.
	parentOf := make(map[string]string, len(competencies))
	for _, c := range competencies {
		parentOf[c.ID] = c.ParentID
	}
	shown := make(map[string]bool, len(competencies))
	for _, c := range competencies {
		if c.RetiredAt == nil {
			shown[c.ID] = true
		} else if c.Leaf && len(evidence[c.ID]) > 0 {
			for id := c.ID; id != "" && !shown[id]; id = parentOf[id] {
				shown[id] = true
			}
		}
	}

	out := portfolio.Coverage{Framework: f, Rows: []portfolio.CoverageRow{}}
	for i, c := range competencies {
		if !shown[c.ID] {
			continue
		}
		row := portfolio.CoverageRow{Competency: c, Evidence: []portfolio.CoverageEntry{}}
		if c.Leaf {
			row.Status = cmp.Or(statuses[i], portfolio.AssessNotStarted)
			if list := evidence[c.ID]; len(list) > 0 {
				slices.SortFunc(list, func(a, b portfolio.CoverageEntry) int {
					return cmp.Or(
						cmp.Compare(rank(b.Strength), rank(a.Strength)),
						cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)),
						cmp.Compare(a.Title, b.Title),
						cmp.Compare(a.EntryID, b.EntryID))
				})
				row.Evidence = list
				if rank(list[0].Strength) >= 0 {
					row.Strongest = list[0].Strength
				}
			}
			if c.RetiredAt == nil {
				out.LeafCount++
				if len(row.Evidence) > 0 {
					out.WithEvidence++
				}
			}
		}
		out.Rows = append(out.Rows, row)
	}
	out.Summary = coverageSummary(out.WithEvidence, out.LeafCount)
	return out
}

// coverageSummary is "11 of 15 competencies have evidence", or "1 of 1 competency has evidence".
func coverageSummary(with, total int) string {
	if total == 1 {
		return fmt.Sprintf("%d of 1 competency has evidence", with)
	}
	return fmt.Sprintf("%d of %d competencies have evidence", with, total)
}
