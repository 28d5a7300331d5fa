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

// Build assembles portfolio.json from src.
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
		out := Entry{Entry: e, Artifacts: []Artifact{}, Alignments: []Alignment{}, Evidence: evidence(e)}
		paths := ArtifactPaths(e)
		for _, a := range e.Artifacts {
			out.Artifacts = append(out.Artifacts, Artifact{Artifact: a, Path: paths[a.ID]})
		}
		for _, al := range src.Alignments[e.ID] {
			f := src.Frameworks[al.FrameworkID]
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
		f := src.Frameworks[id]
		p.Frameworks = append(p.Frameworks, FrameworkRef{ID: f.ID, Title: f.Title, Publisher: f.Publisher,
			Version: f.Version, SourceURL: f.SourceURL, Origin: f.Origin, CASEID: f.CASEID, CASEURI: f.CASEURI})
	}
	sort.Slice(p.Frameworks, func(i, j int) bool { return p.Frameworks[i].ID < p.Frameworks[j].ID })
	return p
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
