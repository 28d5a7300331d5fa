package exchange

import (
	"sort"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Source is what Build needs from a portfolio: the entries to include, each with its
// alignments, and the frameworks they cite.
type Source struct {
	Profile     portfolio.Profile
	Entries     []portfolio.Entry
	Alignments  map[string][]portfolio.Alignment // by entry id
	Frameworks  map[string]portfolio.Framework   // by id, with competencies
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
		Entries:    []Entry{},
		Frameworks: []FrameworkRef{},
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
	}
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
