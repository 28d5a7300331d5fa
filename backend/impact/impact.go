// Package impact derives the "impact at a glance" figures from the evidence itself: colleagues
// trained and contact hours from PD led, students and classes reached from pilots, tools
// evaluated and what was recommended, guidance documents, credentials held, and competencies with
// evidence per framework. Nothing here is typed twice: change an entry and the figures follow.
package impact

import (
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Figures are the totals over a set of entries and credentials.
type Figures struct {
	ColleaguesTrained  int                 `json:"colleaguesTrained"` // participants of PD led
	ContactHours       float64             `json:"contactHours"`      // hours of PD led
	SessionsLed        int                 `json:"sessionsLed"`
	StudentsReached    int                 `json:"studentsReached"`
	ClassesReached     int                 `json:"classesReached"`
	Pilots             int                 `json:"pilots"`
	ToolsEvaluated     int                 `json:"toolsEvaluated"`
	Recommendations    Recommendations     `json:"recommendations"`
	GuidanceDocuments  int                 `json:"guidanceDocuments"`
	GuidanceInForce    int                 `json:"guidanceInForce"` // adopted or published
	CredentialsHeld    int                 `json:"credentialsHeld"` // not expired on the day computed
	CredentialsExpired int                 `json:"credentialsExpired"`
	Frameworks         []FrameworkCoverage `json:"frameworks"`
}

// Recommendations counts the tool evaluations by what they recommend.
type Recommendations struct {
	Adopt        int `json:"adopt"`
	PilotFurther int `json:"pilotFurther"`
	DoNotAdopt   int `json:"doNotAdopt"`
	Undecided    int `json:"undecided"`
}

// FrameworkCoverage is how many of a framework's competencies have evidence.
type FrameworkCoverage struct {
	FrameworkID  string `json:"frameworkId"`
	Title        string `json:"title"`
	WithEvidence int    `json:"withEvidence"`
	Competencies int    `json:"competencies"`
}

// Compute totals the figures of the given entries (the caller chooses which: every live entry
// for the dashboard, the exported ones for an export), the credentials, and the coverage maps
// of the frameworks in use, computed over the same entries. today is YYYY-MM-DD: credentials
// that expired before it are not held.
func Compute(entries []portfolio.Entry, credentials []portfolio.Credential, coverage []portfolio.Coverage, today string) Figures {
	f := Figures{Frameworks: []FrameworkCoverage{}}
	for _, e := range entries {
		switch {
		case e.PD != nil:
			f.SessionsLed++
			f.ColleaguesTrained += e.PD.Participants
			f.ContactHours += e.PD.ContactHours
		case e.Pilot != nil:
			f.Pilots++
			f.StudentsReached += e.Pilot.StudentsReached
			f.ClassesReached += e.Pilot.ClassesReached
		case e.Evaluation != nil:
			f.ToolsEvaluated++
			f.Recommendations.count(e.Evaluation.Recommendation)
		case e.Guidance != nil:
			f.GuidanceDocuments++
			if e.Guidance.Stage == portfolio.StageAdopted || e.Guidance.Stage == portfolio.StagePublished {
				f.GuidanceInForce++
			}
		}
	}
	for _, c := range credentials {
		if c.HeldOn(today) {
			f.CredentialsHeld++
		} else {
			f.CredentialsExpired++
		}
	}
	for _, c := range coverage {
		f.Frameworks = append(f.Frameworks, FrameworkCoverage{FrameworkID: c.Framework.ID, Title: c.Framework.Title,
			WithEvidence: c.WithEvidence, Competencies: c.LeafCount})
	}
	return f
}

func (r *Recommendations) count(rec portfolio.Recommendation) {
	switch rec {
	case portfolio.RecommendAdopt:
		r.Adopt++
	case portfolio.RecommendPilotFurther:
		r.PilotFurther++
	case portfolio.RecommendDoNotAdopt:
		r.DoNotAdopt++
	default:
		r.Undecided++
	}
}
