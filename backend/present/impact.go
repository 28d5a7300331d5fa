package present

import (
	"fmt"
	"strings"

	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// ImpactTitle heads the figures on the dashboard, the PDF's first page and the package's page.
const ImpactTitle = "Impact at a glance"

// Figure is one figure of the impact at a glance: a large value over its label.
type Figure struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// ImpactFigures are the figures worth showing, in the order every rendering shows them: what
// the educator led first, then reach, evaluations, guidance, credentials and coverage. Figures
// that are zero are left out, except coverage, which says how far the evidence goes.
func ImpactFigures(f impact.Figures) []Figure {
	var out []Figure
	add := func(value, label string) { out = append(out, Figure{Value: value, Label: label}) }
	if f.ColleaguesTrained > 0 {
		add(fmt.Sprint(f.ColleaguesTrained), pluralNoun(f.ColleaguesTrained, "colleague", "colleagues")+" trained in "+
			KindCount(portfolio.KindPDLed, f.SessionsLed))
	}
	if f.ContactHours > 0 {
		add(Number(f.ContactHours), pluralNoun(int(f.ContactHours+0.5), "contact hour", "contact hours")+" of professional development led")
	}
	if f.StudentsReached > 0 {
		label := pluralNoun(f.StudentsReached, "student", "students") + " reached"
		if f.ClassesReached > 0 {
			label += " in " + Plural(f.ClassesReached, "class", "classes")
		}
		add(fmt.Sprint(f.StudentsReached), label+" by "+KindCount(portfolio.KindAIPilot, f.Pilots))
	} else if f.ClassesReached > 0 {
		add(fmt.Sprint(f.ClassesReached), pluralNoun(f.ClassesReached, "class", "classes")+" reached by "+KindCount(portfolio.KindAIPilot, f.Pilots))
	}
	if f.ToolsEvaluated > 0 {
		add(fmt.Sprint(f.ToolsEvaluated), pluralNoun(f.ToolsEvaluated, "AI tool", "AI tools")+" evaluated"+recommendations(f.Recommendations))
	}
	if f.GuidanceDocuments > 0 {
		label := pluralNoun(f.GuidanceDocuments, "policy or guidance document", "policy or guidance documents")
		if f.GuidanceInForce > 0 {
			label += fmt.Sprintf(", %d adopted or published", f.GuidanceInForce)
		}
		add(fmt.Sprint(f.GuidanceDocuments), label)
	}
	if f.CredentialsHeld > 0 {
		add(fmt.Sprint(f.CredentialsHeld), pluralNoun(f.CredentialsHeld, "credential", "credentials")+" held")
	}
	for _, fw := range f.Frameworks {
		add(fmt.Sprintf("%d of %d", fw.WithEvidence, fw.Competencies), fw.Title+" competencies with evidence")
	}
	return out
}

// recommendations is ": 1 to adopt, 2 to pilot further" for the decided ones; "" when none is decided.
func recommendations(r impact.Recommendations) string {
	var parts []string
	for _, c := range []struct {
		n     int
		label string
	}{{r.Adopt, "to adopt"}, {r.PilotFurther, "to pilot further"}, {r.DoNotAdopt, "not to adopt"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.label))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

// pluralNoun is the noun alone, singular for 1: the figure's value is printed above it.
func pluralNoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
