package portfolio

import "time"

// FrameworkOrigin says where a framework came from, which decides who may change it.
type FrameworkOrigin string

const (
	OriginBuiltIn FrameworkOrigin = "builtin" // shipped with the app: read-only, versioned
	OriginCASE    FrameworkOrigin = "case"    // imported from a 1EdTech CASE file: updated by re-import
	OriginCustom  FrameworkOrigin = "custom"  // made in the app: the educator edits it
)

// StrengthScale names the scale an alignment's strength is measured on.
type StrengthScale string

const (
	// ScaleUNESCOLevels uses the UNESCO framework's progression levels.
	ScaleUNESCOLevels StrengthScale = "unesco_levels"
	// ScaleProficiency is the general scale for every other framework.
	ScaleProficiency StrengthScale = "proficiency"
)

// Strength values, in increasing order on each scale.
const (
	StrengthAcquire    = "acquire"
	StrengthDeepen     = "deepen"
	StrengthCreate     = "create"
	StrengthEmerging   = "emerging"
	StrengthProficient = "proficient"
	StrengthExemplary  = "exemplary"
)

// Strengths lists a scale's values from weakest to strongest.
func Strengths(scale StrengthScale) []string {
	if scale == ScaleUNESCOLevels {
		return []string{StrengthAcquire, StrengthDeepen, StrengthCreate}
	}
	return []string{StrengthEmerging, StrengthProficient, StrengthExemplary}
}

// Framework is a competency framework: a tree of competencies that evidence is aligned to.
type Framework struct {
	ID            string          `json:"id"` // stable: "unesco-ai-cft" for built-ins, "case-<CFDocument identifier>", "custom-<UUID>"
	Title         string          `json:"title"`
	Publisher     string          `json:"publisher"`
	Version       string          `json:"version"`
	SourceURL     string          `json:"sourceUrl"` // the official source, cited in exports
	Licence       string          `json:"licence"`
	Description   string          `json:"description"`
	Origin        FrameworkOrigin `json:"origin"`
	Scale         StrengthScale   `json:"scale"`
	CASEID        string          `json:"caseId,omitempty"`  // CFDocument identifier
	CASEURI       string          `json:"caseUri,omitempty"` // CFDocument uri
	Competencies  []Competency    `json:"competencies"`      // depth-first, parents before children
	CreatedAt     time.Time       `json:"createdAt"`
	UpdatedAt     time.Time       `json:"updatedAt"`
	Retired       int             `json:"retired"`       // competencies retired by later versions
	LeafCount     int             `json:"leafCount"`     // live competencies that evidence aligns to
	ContentDigest string          `json:"contentDigest"` // of a built-in's shipped data, to detect updates
}

// Competency is one node of a framework's tree. Leaves are what evidence is aligned to; inner
// nodes (a UNESCO dimension, an ISTE standard) group them.
type Competency struct {
	ID          string     `json:"id"` // framework id + ":" + code (built-in), CASE item identifier or UUID
	FrameworkID string     `json:"frameworkId"`
	ParentID    string     `json:"parentId"` // "" at the top level
	Code        string     `json:"code"`     // "1.1", "2.4.d"; may be empty for CASE items without a code
	Title       string     `json:"title"`    // the short statement
	Description string     `json:"description"`
	Level       string     `json:"level,omitempty"` // UNESCO: acquire, deepen or create
	Position    int        `json:"position"`        // among its siblings, from 1
	Depth       int        `json:"depth"`           // 0 at the top level
	Leaf        bool       `json:"leaf"`
	CASEID      string     `json:"caseId,omitempty"`
	CASEURI     string     `json:"caseUri,omitempty"`
	RetiredAt   *time.Time `json:"retiredAt,omitempty"` // set when a re-import or update dropped it
}

// Alignment says how an entry shows a competency.
type Alignment struct {
	ID           string    `json:"id"`
	EntryID      string    `json:"entryId"`
	CompetencyID string    `json:"competencyId"`
	FrameworkID  string    `json:"frameworkId"`
	Rationale    string    `json:"rationale"` // "how this shows the competency"
	Strength     string    `json:"strength"`  // a value of the framework's scale
	CreatedAt    time.Time `json:"createdAt"`
	UpdatedAt    time.Time `json:"updatedAt"`
}

// AssessmentStatus is the educator's own judgement of where they stand on a competency.
type AssessmentStatus string

const (
	AssessNotStarted AssessmentStatus = "not_started"
	AssessInProgress AssessmentStatus = "in_progress"
	AssessReady      AssessmentStatus = "ready_for_review"
	AssessMet        AssessmentStatus = "met"
)

// CoverageRow is one competency of a framework with the evidence aligned to it.
type CoverageRow struct {
	Competency Competency       `json:"competency"`
	Status     AssessmentStatus `json:"status"`
	Evidence   []CoverageEntry  `json:"evidence"`  // live entries only
	Strongest  string           `json:"strongest"` // "" when there is no evidence
}

// CoverageEntry is an entry aligned to a competency, as the coverage map shows it.
type CoverageEntry struct {
	EntryID   string `json:"entryId"`
	Title     string `json:"title"`
	Kind      Kind   `json:"kind"`
	Strength  string `json:"strength"`
	Rationale string `json:"rationale"`
}

// Coverage is a framework's map: every competency, grouped under its parents, with its evidence.
type Coverage struct {
	Framework    Framework     `json:"framework"`
	Rows         []CoverageRow `json:"rows"` // depth-first; inner nodes have no evidence of their own
	LeafCount    int           `json:"leafCount"`
	WithEvidence int           `json:"withEvidence"`
	Summary      string        `json:"summary"` // "11 of 15 competencies have evidence"
}
