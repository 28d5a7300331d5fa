package exchange

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func fixture() Source {
	pilot := portfolio.NewEntry(portfolio.KindAIPilot, "Feedback <bot> pilot")
	pilot.ID = "e1"
	pilot.Pilot.ProblemGoal = "Slow feedback."
	pilot.Reflection[0].Text = "Students argued with the bot."
	pilot.Artifacts = []portfolio.Artifact{
		{ID: "a1", Type: portfolio.ArtifactFile, FileName: "chart.png", SHA256: strings.Repeat("ab", 32), Size: 10},
		{ID: "a2", Type: portfolio.ArtifactLink, URL: "https://example.org"},
	}
	unesco := portfolio.Framework{ID: "unesco-ai-cft", Title: "UNESCO AI CFT", Version: "2024", SourceURL: "https://doi.org/10.54675/ZJTE2084",
		Competencies: []portfolio.Competency{{ID: "unesco-ai-cft:4.2", Code: "4.2", Title: "AI-pedagogy integration"}}}
	return Source{
		Profile:     portfolio.Profile{PortfolioID: "p-1", Name: "Zoë Ñúñez-Łukasz", Email: "zoe@example.org"},
		Entries:     []portfolio.Entry{pilot},
		Alignments:  map[string][]portfolio.Alignment{"e1": {{EntryID: "e1", FrameworkID: "unesco-ai-cft", CompetencyID: "unesco-ai-cft:4.2", Strength: "deepen", Rationale: "Measured it"}}},
		Frameworks:  map[string]portfolio.Framework{"unesco-ai-cft": unesco},
		GeneratedAt: time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("x", 3600)),
		Generator:   "ReadyFolio test",
	}
}

func TestBuildCarriesEntriesAlignmentsAndEvidence(t *testing.T) {
	data, err := Marshal(Build(fixture()))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		`"format": "readyfolio.portfolio"`, `"version": 2`, `"generatedAt": "2026-03-01T11:00:00Z"`,
		`"portfolioId": "p-1"`, `"name": "Zoë Ñúñez-Łukasz"`, `"title": "Feedback <bot> pilot"`,
		`"path": "artifacts/Feedback-bot-pilot-e1/chart.png"`, `"code": "4.2"`, `"competency": "AI-pedagogy integration"`,
		`"frameworkTitle": "UNESCO AI CFT"`, `"sourceUrl": "https://doi.org/10.54675/ZJTE2084"`,
		`"type": [`, `"Evidence"`, `"genre": "AI pilot"`, `"description": "Slow feedback."`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("portfolio.json lacks %s", want)
		}
	}
	if strings.Contains(text, "photoSha256") {
		t.Error("the app's internal photo reference leaked into portfolio.json")
	}
	entries := doc["entries"].([]any)
	artifacts := entries[0].(map[string]any)["artifacts"].([]any)
	if len(artifacts) != 2 || artifacts[1].(map[string]any)["path"] != nil {
		t.Errorf("artifacts = %v; a link has no path", artifacts)
	}
	narrative := entries[0].(map[string]any)["openBadgesEvidence"].(map[string]any)["narrative"].(string)
	if !strings.Contains(narrative, "**What did you expect") || !strings.Contains(narrative, "Students argued with the bot.") {
		t.Errorf("narrative = %q", narrative)
	}
}
