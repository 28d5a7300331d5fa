package present

import (
	"fmt"
	"strconv"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// CoverageColumns head a framework's coverage table.
var CoverageColumns = [5]string{"Code", "Competency", "Entries", "Strongest", "Self-assessment"}

const (
	// Gap is what a competency without evidence says in the Strongest column: in words, so
	// the table reads the same in black and white.
	Gap = "Gap"
	// GapNote explains Gap under the summary.
	GapNote = "“Gap” marks a competency that no evidence in this portfolio is aligned to yet."
	// None stands in an empty cell.
	None = "–"
)

// CoverageCells is what a competency's row says besides its code and title.
type CoverageCells struct {
	Entries   string // how many entries show it, None when none
	Strongest string // the strongest alignment, Gap when none
	Status    string // the self-assessment, None when not given
	Gap       bool   // no evidence
}

// CoverageRow words a leaf competency's row of the coverage table.
func CoverageRow(row portfolio.CoverageRow) CoverageCells {
	c := CoverageCells{Entries: strconv.Itoa(len(row.Evidence)), Strongest: Capitalize(row.Strongest),
		Status: AssessmentLabel(row.Status)}
	if len(row.Evidence) == 0 {
		c.Entries, c.Strongest, c.Gap = None, Gap, true
	}
	if row.Status == "" {
		c.Status = None
	}
	return c
}

// CoverageSummary is "9 of 15 competencies have evidence".
func CoverageSummary(c portfolio.Coverage) string {
	if text := OneLine(c.Summary); text != "" {
		return text
	}
	return fmt.Sprintf("%d of %d competencies have evidence", c.WithEvidence, c.LeafCount)
}

// FrameworkSource is who publishes a framework, which version and under which licence, the
// parts that are known.
func FrameworkSource(f portfolio.Framework) []string {
	return NonEmpty([]string{f.Publisher, f.Version, f.Licence})
}
