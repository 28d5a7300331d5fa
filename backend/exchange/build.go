package exchange

import (
	"sort"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// Source is what Build needs from a portfolio: the entries to include, each with its
// alignments, the frameworks they cite, the credentials and the impact figures.
type Source struct {
	Profile     portfolio.Profile
	Entries     []portfolio.Entry
	Alignments  map[string][]portfolio.Alignment // by entry id
	Frameworks  map[string]portfolio.Framework   // by id, with competencies
	Credentials []portfolio.Credential           // every credential, in the educator's order
	// Impact is impact.Compute over Entries, Credentials and the coverage of the frameworks in
	// use (counting these entries only), on the day of GeneratedAt; the caller computes it.
	Impact      impact.Figures
	GeneratedAt time.Time
	Generator   string
}

// Build assembles portfolio.json from src. The result is deterministic: entries in src's order,
// the cited frameworks sorted by id, each with its competencies in the framework's own order.
func Build(src Source) Portfolio {
	p := Portfolio{
		Format: Format, Version: Version, GeneratedAt: src.GeneratedAt.UTC(), Generator: src.Generator,
		PortfolioID: src.Profile.PortfolioID,
		Profile: Profile{Name: src.Profile.Name, Role: src.Profile.Role, School: src.Profile.School,
			District: src.Profile.District, Email: src.Profile.Email, Bio: src.Profile.Bio},
		Entries:     []Entry{},
		Frameworks:  []FrameworkRef{},
		Credentials: []Credential{},
		Impact:      exportImpact(src.Impact),
	}
	credentialPaths := CredentialPaths(src.Credentials)
	for _, c := range src.Credentials {
		p.Credentials = append(p.Credentials, Credential{Credential: exportCredential(c), Path: credentialPaths[c.ID]})
	}
	used := map[string]bool{}
	for _, e := range src.Entries {
		e = exportEntry(e)
		out := Entry{Entry: e, Artifacts: []Artifact{}, Alignments: []Alignment{}, Evidence: evidence(e)}
		paths := ArtifactPaths(e)
		for _, a := range e.Artifacts {
			out.Artifacts = append(out.Artifacts, Artifact{Artifact: a, Path: paths[a.ID]})
		}
		for _, al := range src.Alignments[e.ID] {
			f := framework(src.Frameworks, al.FrameworkID)
			c := competency(f, al.CompetencyID)
			out.Alignments = append(out.Alignments, Alignment{
				FrameworkID: f.ID, FrameworkTitle: f.Title, Code: c.Code, Competency: c.Title, CompetencyID: c.ID,
				CASEID: c.CASEID, CASEURI: c.CASEURI, Strength: al.Strength, Rationale: al.Rationale,
			})
			used[f.ID] = true
		}
		p.Entries = append(p.Entries, out)
	}
	for id := range used {
		p.Frameworks = append(p.Frameworks, frameworkRef(framework(src.Frameworks, id)))
	}
	sort.Slice(p.Frameworks, func(i, j int) bool { return p.Frameworks[i].ID < p.Frameworks[j].ID })
	return p
}

// framework returns the framework with the given id; one missing from frameworks is cited by
// its id alone.
func framework(frameworks map[string]portfolio.Framework, id string) portfolio.Framework {
	f, ok := frameworks[id]
	if !ok || f.ID == "" {
		f.ID = id
	}
	return f
}

// frameworkRef describes f with everything an import needs to recreate it: its competencies
// keep the framework's own order (depth-first, siblings in order), which is deterministic.
func frameworkRef(f portfolio.Framework) FrameworkRef {
	ref := FrameworkRef{ID: f.ID, Title: f.Title, Publisher: f.Publisher, Version: f.Version, SourceURL: f.SourceURL,
		Origin: f.Origin, CASEID: f.CASEID, CASEURI: f.CASEURI, Scale: f.Scale, Licence: f.Licence,
		Description: f.Description}
	if ref.Origin == "" {
		ref.Origin = portfolio.OriginCustom // what the store makes of an empty origin
	}
	if len(f.Competencies) > 0 {
		ref.Competencies = make([]portfolio.Competency, len(f.Competencies))
		for i, c := range f.Competencies {
			c.FrameworkID = f.ID
			c.RetiredAt = utcPtr(c.RetiredAt)
			ref.Competencies[i] = c
		}
	}
	return ref
}

// exportImpact is the figures as the file carries them, with the words every rendering shows;
// lists are empty rather than absent.
func exportImpact(f impact.Figures) *Impact {
	f.Frameworks = orEmpty(f.Frameworks)
	return &Impact{Figures: f, Shown: orEmpty(present.ImpactFigures(f))}
}

// exportCredential returns c with its times in UTC.
func exportCredential(c portfolio.Credential) portfolio.Credential {
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return c
}

// exportEntry returns a copy of e as the file carries it: times in UTC, lists that are empty
// rather than absent and an artifact's empty role as attachment, so that the file validates and
// reads back equal. The caller's entry and the details it points to are not changed.
func exportEntry(e portfolio.Entry) portfolio.Entry {
	e.CreatedAt, e.UpdatedAt, e.DeletedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC(), utcPtr(e.DeletedAt)
	e.Tags = orEmpty(e.Tags)
	e.Reflection = orEmpty(e.Reflection)
	if e.Pilot != nil {
		pilot := *e.Pilot
		pilot.AITools, pilot.Outcomes = orEmpty(pilot.AITools), orEmpty(pilot.Outcomes)
		e.Pilot = &pilot
	}
	if e.Evaluation != nil {
		e.Evaluation = exportEvaluation(*e.Evaluation)
	}
	artifacts := make([]portfolio.Artifact, len(e.Artifacts))
	for i, a := range e.Artifacts {
		a.CreatedAt = a.CreatedAt.UTC()
		if a.Role == "" {
			a.Role = portfolio.RoleAttachment // what the store makes of an empty role
		}
		artifacts[i] = a
	}
	e.Artifacts = artifacts
	return e
}

// exportEvaluation copies an evaluation with its rubric's lists, its scores and their answers
// empty rather than absent.
func exportEvaluation(ev portfolio.ToolEvaluationDetails) *portfolio.ToolEvaluationDetails {
	r := ev.Rubric
	r.Levels = orEmpty(r.Levels)
	criteria := make([]portfolio.RubricCriterion, len(r.Criteria))
	for i, c := range r.Criteria {
		c.Fields = orEmpty(c.Fields)
		criteria[i] = c
	}
	r.Criteria = criteria
	ev.Rubric = r
	scores := make([]portfolio.CriterionScore, len(ev.Scores))
	for i, s := range ev.Scores {
		if s.Answers == nil {
			s.Answers = map[string]string{}
		}
		scores[i] = s
	}
	ev.Scores = scores
	return &ev
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func competency(f portfolio.Framework, id string) portfolio.Competency {
	for _, c := range f.Competencies {
		if c.ID == id {
			return c
		}
	}
	return portfolio.Competency{ID: id}
}

// evidence describes an entry as Open Badges 3.0 evidence: the kind as genre, the kind's main
// text as description and the reflection, prompt by prompt, as the Markdown narrative.
func evidence(e portfolio.Entry) OBEvidence {
	info, _ := portfolio.LookupKind(e.Kind)
	var narrative strings.Builder
	for _, r := range e.Reflection {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		narrative.WriteString("**" + r.Prompt + "**\n\n" + strings.TrimSpace(r.Text) + "\n\n")
	}
	return OBEvidence{Type: []string{"Evidence"}, Name: e.Title, Description: summary(e),
		Narrative: strings.TrimSpace(narrative.String()), Genre: info.Label}
}

func summary(e portfolio.Entry) string {
	var parts []string
	switch {
	case e.Pilot != nil:
		parts = []string{e.Pilot.ProblemGoal, e.Pilot.WhatWasDone}
	case e.Redesign != nil:
		parts = []string{e.Redesign.RedesignDescription}
	case e.PD != nil:
		parts = []string{e.PD.Audience, e.PD.FeedbackSummary}
	case e.Other != nil:
		parts = []string{e.Other.Description}
	case e.Evaluation != nil:
		parts = []string{e.Evaluation.IntendedUse, e.Evaluation.Rationale}
	case e.Guidance != nil:
		parts = []string{e.Guidance.Summary}
	}
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
