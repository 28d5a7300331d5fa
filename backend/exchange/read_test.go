package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// richSource has every kind of entry with its fields filled, file and link artifacts, and
// alignments to a built-in, a CASE and a custom framework. Times are in a zone other than UTC
// and some lists are nil, as callers may pass them.
func richSource() Source {
	zone := time.FixedZone("CET", 3600)
	at := func(day int) time.Time { return time.Date(2026, 1, day, 9, 30, 15, 123456789, zone) }
	sha := func(c string) string { return strings.Repeat(c, 64) }

	pilot := portfolio.NewEntry(portfolio.KindAIPilot, "Feedback bot pilot")
	pilot.ID, pilot.Status, pilot.Position = "0192e1a0-0000-7000-8000-000000000001", portfolio.StatusReady, 1
	pilot.StartDate, pilot.EndDate, pilot.Tags = "2025-09-01", "2025-12-19", []string{"feedback", "writing"}
	pilot.Reflection[0].Text, pilot.Reflection[2].Text = "Faster feedback; students argued with the bot.", "No names left the school."
	pilot.Pilot = &portfolio.PilotDetails{GradesSubjects: "Grade 9 English", AITools: []string{"Claude", "Brisk"},
		ProblemGoal: "Feedback took two weeks.", WhatWasDone: "Drafts got AI comments first.", StudentsReached: 112,
		ClassesReached: 4, Outcomes: []portfolio.Outcome{{Metric: "Days to feedback", Baseline: "14", Result: "2"}},
		Privacy:     portfolio.PrivacyReview{StudentDataInvolved: true, ApprovalObtained: true, Notes: "DPA signed"},
		PilotStatus: portfolio.PilotCompleted}
	pilot.Artifacts = []portfolio.Artifact{
		{ID: "a1", EntryID: pilot.ID, Type: portfolio.ArtifactFile, Role: portfolio.RoleAttachment, Position: 1,
			Caption: "Results", FileName: "results chart.png", MediaType: "image/png", Size: 2048, SHA256: sha("a"), CreatedAt: at(2)},
		{ID: "a2", EntryID: pilot.ID, Type: portfolio.ArtifactFile, Role: portfolio.RoleAttachment, Position: 2,
			FileName: "empty..notes.txt", SHA256: sha("b"), CreatedAt: at(2)}, // size 0 is omitted
		{ID: "a3", EntryID: pilot.ID, Type: portfolio.ArtifactLink, Role: portfolio.RoleAttachment, Position: 3,
			Caption: "Write-up", URL: "https://example.org/pilot?x=1", LinkTitle: "Blog post", CreatedAt: at(3)},
		{ID: "a4", EntryID: pilot.ID, Type: portfolio.ArtifactLink, Role: portfolio.RoleAttachment, Position: 4,
			URL: "mailto:head@example.org", CreatedAt: at(3)},
	}
	pilot.CreatedAt, pilot.UpdatedAt = at(1), at(4)

	redesign := portfolio.NewEntry(portfolio.KindLessonRedesign, "Essay → oral defence")
	redesign.ID, redesign.Position, redesign.StartDate = "e-redesign", 2, "2025-10-01"
	redesign.Redesign = &portfolio.RedesignDetails{Subject: "History", Grade: "11", OriginalDescription: "Take-home essay",
		RedesignDescription: "Essay plus a five-minute oral defence", AIRole: "Allowed for outlining",
		IntegrityMeasures: "Oral check", StudentOutcomes: "Deeper arguments"}
	redesign.Artifacts = []portfolio.Artifact{
		{ID: "r1", EntryID: redesign.ID, Type: portfolio.ArtifactFile, Role: portfolio.RoleOriginal, Position: 1,
			FileName: "essay.docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			Size: 9000, SHA256: sha("c"), CreatedAt: at(5)},
		{ID: "r2", EntryID: redesign.ID, Type: portfolio.ArtifactFile, Role: portfolio.RoleRedesign, Position: 2,
			FileName: "essay.docx", Size: 9100, SHA256: sha("d"), CreatedAt: at(5)},
	}
	redesign.CreatedAt, redesign.UpdatedAt = at(5), at(6)

	pd := portfolio.NewEntry(portfolio.KindPDLed, "Prompting for teachers")
	pd.ID, pd.Position, pd.StartDate = "e-pd", 3, "2025-11-12"
	pd.PD = &portfolio.PDDetails{Format: portfolio.FormatCoaching, Audience: "Science department", Participants: 14,
		ContactHours: 7.5, Materials: "Slides", FeedbackSummary: "Wanted more time", FeedbackRating: 4.6}
	pd.Tags = nil // a caller may pass nil lists
	pd.CreatedAt, pd.UpdatedAt = at(7), at(7)

	other := portfolio.NewEntry(portfolio.KindArtifact, "Conference talk")
	other.ID, other.Position = "e-other", 4
	other.Other = &portfolio.ArtifactDetails{Description: "A talk at ISTELive."}
	other.Reflection, other.Artifacts = nil, nil
	deleted := at(9)
	other.CreatedAt, other.UpdatedAt, other.DeletedAt = at(8), at(9), &deleted

	evaluation := portfolio.NewEntry(portfolio.KindToolEvaluation, "Evaluating MagicSchool for Grade 9")
	evaluation.ID, evaluation.Status, evaluation.Position, evaluation.StartDate = "e-evaluation", portfolio.StatusReady, 5, "2025-10-20"
	ev := evaluation.Evaluation
	ev.Tool, ev.Vendor, ev.ToolVersion, ev.IntendedUse, ev.GradeBand = "MagicSchool", "MagicSchool Inc.", "2025.10", "Feedback drafts", "9-12"
	ev.Recommendation, ev.Rationale = portfolio.RecommendPilotFurther, "Accurate enough; the privacy terms need a DPA."
	ev.Scores[0].Score, ev.Scores[0].Notes = 3, "Fits the writing units."
	ev.Scores[1].Score, ev.Scores[1].Answers = 2, map[string]string{"what_checked": "Twenty essays against teacher marks."}
	ev.Scores[2].Answers = nil         // a caller may pass nil answers
	ev.Rubric.Criteria[0].Fields = nil // and a rubric criterion without fields
	evaluation.CreatedAt, evaluation.UpdatedAt = at(10), at(11)

	guidance := portfolio.NewEntry(portfolio.KindPolicyGuidance, "Lakeview AI use guidance")
	guidance.ID, guidance.Position, guidance.StartDate = "e-guidance", 6, "2025-12-01"
	guidance.Guidance = &portfolio.PolicyGuidanceDetails{Body: "Lakeview Unified School District", BodyLevel: portfolio.BodyDistrict,
		Role: portfolio.RoleCoAuthor, Stage: portfolio.StageAdopted, Summary: "When staff and students may use AI, and how to say so."}
	guidance.Artifacts = []portfolio.Artifact{
		{ID: "g1", EntryID: guidance.ID, Type: portfolio.ArtifactFile, Role: portfolio.RoleAttachment, Position: 1,
			FileName: "guidance.pdf", MediaType: "application/pdf", Size: 5000, SHA256: sha("f"), CreatedAt: at(12)},
	}
	guidance.CreatedAt, guidance.UpdatedAt = at(12), at(12)

	credentials := []portfolio.Credential{
		{ID: "0192e1a0-0000-7000-8000-0000000000c1", Kind: portfolio.CredentialCertification, Name: "ISTE Certified Educator",
			Issuer: "ISTE", IssuedOn: "2024-06-30", ExpiresOn: "2027-06-30", CredentialID: "ISTE-123",
			VerificationURL: "https://iste.example.org/verify/123", FileName: "ISTE certificate.pdf", MediaType: "application/pdf",
			Size: 3000, SHA256: sha("1"), Position: 1, CreatedAt: at(13), UpdatedAt: at(14)},
		{ID: "0192e1a0-0000-7000-8000-0000000000c2", Kind: portfolio.CredentialBadge, Name: "AI literacy badge", Issuer: "State DOE",
			IssuedOn: "2023-01-10", ExpiresOn: "2025-01-10", FileName: "badge.png", MediaType: "image/png", Size: 900, SHA256: sha("2"),
			BadgeFormat: "ob2-png", Position: 2, CreatedAt: at(15), UpdatedAt: at(15)},
		{ID: "0192e1a0-0000-7000-8000-0000000000c3", Kind: portfolio.CredentialMicroCredential, Name: "Prompting micro-credential",
			Issuer: "Coursera", Position: 3, CreatedAt: at(16), UpdatedAt: at(16)}, // no file
	}

	unesco := portfolio.Framework{ID: "unesco-ai-cft", Title: "UNESCO AI competency framework for teachers",
		Publisher: "UNESCO", Version: "2024", SourceURL: "https://doi.org/10.54675/ZJTE2084", Licence: "CC BY-SA 3.0 IGO",
		Origin: portfolio.OriginBuiltIn, Scale: portfolio.ScaleUNESCOLevels, ContentDigest: "digest",
		Competencies: []portfolio.Competency{
			{ID: "unesco-ai-cft:4", Code: "4", Title: "AI pedagogy", Position: 1},
			{ID: "unesco-ai-cft:4.2", ParentID: "unesco-ai-cft:4", Code: "4.2", Title: "AI-pedagogy integration",
				Level: "deepen", Position: 1, Depth: 1, Leaf: true},
		}}
	retired := at(20)
	caseFW := portfolio.Framework{ID: "case-c6ab6e1e-2b58-4b1e-9c3a-000000000001", Title: "State AI literacy standards",
		Publisher: "Department of Education", Version: "1.1", SourceURL: "https://case.example.gov/ims/case/v1p0/CFPackages/c6ab",
		Licence: "Public domain", Description: "Standards for educators.", Origin: portfolio.OriginCASE, Scale: portfolio.ScaleProficiency,
		CASEID: "c6ab6e1e-2b58-4b1e-9c3a-000000000001", CASEURI: "https://case.example.gov/uri/c6ab6e1e-2b58-4b1e-9c3a-000000000001",
		Competencies: []portfolio.Competency{
			{ID: "item-1", Code: "A", Title: "Understand AI", Position: 1, CASEID: "item-1", CASEURI: "https://case.example.gov/uri/item-1"},
			{ID: "item-1a", ParentID: "item-1", Code: "A.1", Title: "Explain how models learn", Description: "From data.",
				Position: 1, Depth: 1, Leaf: true, CASEID: "item-1a", CASEURI: "https://case.example.gov/uri/item-1a"},
			{ID: "item-1b", ParentID: "item-1", Code: "A.2", Title: "Old wording", Position: 2, Depth: 1, Leaf: true,
				CASEID: "item-1b", CASEURI: "https://case.example.gov/uri/item-1b", RetiredAt: &retired},
			{ID: "item-2", Code: "", Title: "Use AI ethically", Position: 2, Leaf: true, CASEID: "item-2",
				CASEURI: "https://case.example.gov/uri/item-2"},
		}}
	custom := portfolio.Framework{ID: "custom-0192e1a0-0000-7000-8000-00000000000c", Title: "District coaching goals",
		Origin: portfolio.OriginCustom, Scale: portfolio.ScaleProficiency, Description: "Our own goals.",
		Competencies: []portfolio.Competency{{ID: "g1", Code: "G1", Title: "Coach peers", Position: 1, Leaf: true}}}
	unused := portfolio.Framework{ID: "aaa-unused", Title: "Not cited", Origin: portfolio.OriginCustom}

	align := func(entry string, f portfolio.Framework, comp, strength string) portfolio.Alignment {
		return portfolio.Alignment{ID: "al-" + entry + comp, EntryID: entry, FrameworkID: f.ID, CompetencyID: comp,
			Strength: strength, Rationale: "Because " + comp}
	}
	entries := []portfolio.Entry{pilot, redesign, pd, other, evaluation, guidance}
	coverage := []portfolio.Coverage{{Framework: unesco, LeafCount: 1, WithEvidence: 1}, {Framework: caseFW, LeafCount: 3, WithEvidence: 2}}
	return Source{
		Profile: portfolio.Profile{PortfolioID: "p-1", Name: "Zoë Ñúñez", Role: "Teacher", School: "North High",
			District: "North", Email: "zoe@example.org", Bio: "Teaches English.", PhotoSHA256: sha("e")},
		Entries:     entries,
		Credentials: credentials,
		Impact:      impact.Compute(entries, credentials, coverage, "2026-03-01"),
		Alignments: map[string][]portfolio.Alignment{
			pilot.ID:    {align(pilot.ID, unesco, "unesco-ai-cft:4.2", "deepen"), align(pilot.ID, caseFW, "item-1a", "proficient")},
			redesign.ID: {align(redesign.ID, caseFW, "item-1b", "emerging"), align(redesign.ID, caseFW, "item-2", "exemplary")},
			pd.ID:       {align(pd.ID, custom, "g1", "exemplary")},
		},
		Frameworks:  map[string]portfolio.Framework{unesco.ID: unesco, caseFW.ID: caseFW, custom.ID: custom, unused.ID: unused},
		GeneratedAt: time.Date(2026, 3, 1, 12, 0, 0, 0, zone),
		Generator:   "ReadyFolio test",
	}
}

func richJSON(t *testing.T) []byte {
	t.Helper()
	data, err := Marshal(Build(richSource()))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSchemaCompilesFromEmbeddedBytes(t *testing.T) {
	if _, err := compileSchema(schemaJSON); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(SchemaJSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "https://json-schema.org/draft/2020-12/schema" || doc.ID != SchemaID {
		t.Errorf("$schema = %q, $id = %q", doc.Schema, doc.ID)
	}
}

func TestSchemaCompilerNeverLoadsAnything(t *testing.T) {
	for _, ref := range []string{"https://example.org/other.json", "file:///etc/passwd", "other.json"} {
		withRef := bytes.Replace(schemaJSON, []byte(`"profile": {"$ref": "#/$defs/profile"}`),
			[]byte(`"profile": {"$ref": "`+ref+`"}`), 1)
		if bytes.Equal(withRef, schemaJSON) {
			t.Fatal("the profile property is no longer where the test expects it")
		}
		_, err := compileSchema(withRef)
		if err == nil || !strings.Contains(err.Error(), "refusing to load") {
			t.Errorf("a $ref to %s compiled or failed for another reason: %v", ref, err)
		}
	}
}

func TestBuildOutputValidates(t *testing.T) {
	for name, src := range map[string]Source{"rich": richSource(), "small": fixture()} {
		data, err := Marshal(Build(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := Validate(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestBuildCarriesFrameworksForImport(t *testing.T) {
	src := richSource()
	p := Build(src)
	var ids []string
	for _, f := range p.Frameworks {
		ids = append(ids, f.ID)
	}
	want := []string{"case-c6ab6e1e-2b58-4b1e-9c3a-000000000001", "custom-0192e1a0-0000-7000-8000-00000000000c", "unesco-ai-cft"}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("frameworks = %v, want the cited ones sorted by id: %v", ids, want)
	}
	caseRef := p.Frameworks[0]
	if caseRef.Scale != portfolio.ScaleProficiency || caseRef.Licence != "Public domain" || caseRef.Description != "Standards for educators." ||
		caseRef.CASEURI == "" || len(caseRef.Competencies) != 4 {
		t.Fatalf("CASE framework = %+v", caseRef)
	}
	for i, c := range caseRef.Competencies {
		orig := src.Frameworks[caseRef.ID].Competencies[i]
		if c.ID != orig.ID || c.FrameworkID != caseRef.ID || c.ParentID != orig.ParentID || c.CASEURI != orig.CASEURI || c.Leaf != orig.Leaf {
			t.Errorf("competency %d = %+v, want %+v in the framework's order", i, c, orig)
		}
	}
	if r := caseRef.Competencies[2].RetiredAt; r == nil || r.Location() != time.UTC || !r.Equal(*src.Frameworks[caseRef.ID].Competencies[2].RetiredAt) {
		t.Errorf("retired competency keeps its time, in UTC: %v", r)
	}
	if p.Frameworks[2].Scale != portfolio.ScaleUNESCOLevels || p.Frameworks[2].Licence != "CC BY-SA 3.0 IGO" {
		t.Errorf("UNESCO framework = %+v", p.Frameworks[2])
	}
	if strings.Contains(string(richJSON(t)), "contentDigest") {
		t.Error("the built-in's content digest is the app's own business, not the file's")
	}
	// The caller's entries are not changed by the copies Build makes.
	if src.Entries[2].Tags != nil || src.Entries[0].CreatedAt.Location().String() != "CET" {
		t.Error("Build changed the caller's entries")
	}

	first := richJSON(t)
	for range 20 {
		if again := richJSON(t); !bytes.Equal(first, again) {
			t.Fatal("Build is not deterministic")
		}
	}
}

func TestMarshalUnmarshalRoundTrip(t *testing.T) {
	p := Build(richSource())
	data, err := Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(p)
		t.Fatalf("round trip differs:\n got %s\nwant %s", a, b)
	}
	if again, _ := Marshal(got); !bytes.Equal(again, data) {
		t.Error("re-marshalled file differs")
	}
	if n := len(got.Entries[0].Entry.Artifacts); n != 4 || got.Entries[0].Entry.Artifacts[0].SHA256 != strings.Repeat("a", 64) {
		t.Errorf("the entry's own artifact list has %d artifacts", n)
	}
}

func TestBuildCarriesTheNewKindsCredentialsAndImpact(t *testing.T) {
	p := Build(richSource())
	if err := Validate(richJSON(t)); err != nil {
		t.Fatal(err)
	}
	ev := p.Entries[4]
	if ev.Kind != portfolio.KindToolEvaluation || ev.Evaluation == nil || ev.Evaluation.Recommendation != portfolio.RecommendPilotFurther ||
		len(ev.Evaluation.Rubric.Criteria) == 0 || len(ev.Evaluation.Scores) != len(ev.Evaluation.Rubric.Criteria) {
		t.Fatalf("evaluation = %+v", ev.Evaluation)
	}
	if ev.Evaluation.Scores[2].Answers == nil || ev.Evaluation.Rubric.Criteria[0].Fields == nil {
		t.Error("nil answers and fields should travel as empty")
	}
	if src := richSource(); src.Entries[4].Evaluation.Scores[2].Answers != nil {
		t.Error("Build changed the caller's evaluation")
	}
	if ev.Evidence.Description != "Feedback drafts\n\nAccurate enough; the privacy terms need a DPA." || ev.Evidence.Genre != "AI tool evaluation" {
		t.Errorf("evidence = %+v", ev.Evidence)
	}
	if g := p.Entries[5]; g.Guidance == nil || g.Guidance.Stage != portfolio.StageAdopted || g.Evidence.Description == "" {
		t.Errorf("guidance = %+v", g)
	}
	want := []string{
		"credentials/0192e1a0-0000-7000-8000-0000000000c1/ISTE-certificate.pdf",
		"credentials/0192e1a0-0000-7000-8000-0000000000c2/badge.png",
		"",
	}
	if len(p.Credentials) != 3 {
		t.Fatalf("credentials = %+v", p.Credentials)
	}
	for i, c := range p.Credentials {
		if c.Path != want[i] || c.UpdatedAt.Location() != time.UTC {
			t.Errorf("credential %d: path %q, want %q; updated %v", i, c.Path, want[i], c.UpdatedAt)
		}
	}
	if p.Impact == nil || p.Impact.ToolsEvaluated != 1 || p.Impact.Recommendations.PilotFurther != 1 || p.Impact.GuidanceInForce != 1 ||
		p.Impact.CredentialsHeld != 2 || p.Impact.CredentialsExpired != 1 || len(p.Impact.Frameworks) != 2 {
		t.Fatalf("impact = %+v", p.Impact)
	}
	labels := map[string]string{}
	for _, f := range p.Impact.Shown {
		labels[f.Label] = f.Value
	}
	if labels["AI tool evaluated: 1 to pilot further"] != "1" || labels["credentials held"] != "2" || len(p.Impact.Shown) < 5 {
		t.Errorf("shown = %+v", p.Impact.Shown)
	}
	text := string(richJSON(t))
	for _, w := range []string{`"version": 2`, `"credentials": [`, `"shown": [`, `"recommendation": "pilot_further"`, `"badgeFormat": "ob2-png"`} {
		if !strings.Contains(text, w) {
			t.Errorf("portfolio.json lacks %s", w)
		}
	}
}

func TestBuildWithoutCredentialsOrFiguresValidates(t *testing.T) {
	src := fixture()
	data, err := Marshal(Build(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(data); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"credentials": []`, `"shown": []`, `"frameworks": []`} {
		if !strings.Contains(string(data), w) {
			t.Errorf("portfolio.json lacks %s", w)
		}
	}
}

// version1 is a file as ReadyFolio wrote it before version 2: no credentials, no structured
// impact, the loose impact its schema allowed, and the four kinds of then.
func version1(t *testing.T) []byte {
	src := richSource()
	src.Entries, src.Credentials = src.Entries[:4], nil
	data, err := Marshal(Build(src))
	if err != nil {
		t.Fatal(err)
	}
	return edit(t, data, func(d map[string]any) {
		d["version"] = 1
		delete(d, "credentials")
		d["impact"] = map[string]any{"studentsReached": "112"}
	})
}

func TestUnmarshalReadsVersion1(t *testing.T) {
	p, err := Unmarshal(version1(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 1 || len(p.Entries) != 4 || p.Credentials == nil || len(p.Credentials) != 0 || p.Impact != nil {
		t.Errorf("read version 1 as version %d, %d entries, credentials %v, impact %+v", p.Version, len(p.Entries), p.Credentials, p.Impact)
	}
	// Without the loose impact too, as most version-1 files are.
	if _, err := Unmarshal(edit(t, version1(t), func(d map[string]any) { delete(d, "impact") })); err != nil {
		t.Fatal(err)
	}
	// The loose impact of version 1 is text by name; numbers there were never valid.
	err = Validate(edit(t, version1(t), func(d map[string]any) { d["impact"] = map[string]any{"studentsReached": 112} }))
	if !strings.Contains(fmt.Sprint(err), "/impact/studentsReached") {
		t.Errorf("validate = %v", err)
	}
}

func TestUnmarshalReadsFilesWithoutTheNewFrameworkFieldsAndIgnoresUnknownOnes(t *testing.T) {
	data := edit(t, richJSON(t), func(doc map[string]any) {
		for _, f := range doc["frameworks"].([]any) {
			for _, k := range []string{"scale", "licence", "description", "competencies"} {
				delete(f.(map[string]any), k)
			}
		}
		doc["futureTopLevel"] = map[string]any{"x": 1}
		entry(doc, 0)["futureField"] = []any{"y"}
		entry(doc, 0)["openBadgesEvidence"].(map[string]any)["audience"] = "Reviewers"
	})
	p, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Frameworks) != 3 || p.Frameworks[0].Competencies != nil || len(p.Entries) != 6 {
		t.Errorf("read %+v", p.Frameworks)
	}
}

func TestUnmarshalRefuses(t *testing.T) {
	good := richJSON(t)
	artifact := func(doc map[string]any, i int) map[string]any {
		return entry(doc, 0)["artifacts"].([]any)[i].(map[string]any)
	}
	cases := []struct {
		name string
		data []byte
		code portfolio.ErrorCode
		want []string // in the message
	}{
		{"not JSON", []byte("%PDF-1.7 not json"), portfolio.CodeInvalid, []string{"not a ReadyFolio portfolio.json"}},
		{"a JSON array", []byte(`[1, 2]`), portfolio.CodeInvalid, []string{"not a ReadyFolio portfolio.json"}},
		{"wrong format", edit(t, good, func(d map[string]any) { d["format"] = "someone.else" }),
			portfolio.CodeInvalid, []string{"not a ReadyFolio portfolio.json"}},
		{"no format", edit(t, good, func(d map[string]any) { delete(d, "format") }),
			portfolio.CodeInvalid, []string{"not a ReadyFolio portfolio.json"}},
		{"version 3", edit(t, good, func(d map[string]any) { d["version"] = 3; d["entries"] = "changed shape" }),
			portfolio.CodeTooNew, []string{"newer", "version 3", "reads up to version 2", "Update ReadyFolio"}},
		{"version 0", edit(t, good, func(d map[string]any) { d["version"] = 0 }), portfolio.CodeInvalid, []string{"version 0"}},
		{"version -1", edit(t, good, func(d map[string]any) { d["version"] = -1 }), portfolio.CodeInvalid, []string{"version -1"}},
		{"version missing", edit(t, good, func(d map[string]any) { delete(d, "version") }), portfolio.CodeInvalid, []string{"no version"}},
		{"version text", edit(t, good, func(d map[string]any) { d["version"] = "1" }), portfolio.CodeInvalid, []string{"not a whole number"}},
		{"profile name missing", edit(t, good, func(d map[string]any) { delete(d["profile"].(map[string]any), "name") }),
			portfolio.CodeInvalid, []string{`"name" of profile (/profile/name) is missing`}},
		{"profile name not text", edit(t, good, func(d map[string]any) { d["profile"].(map[string]any)["name"] = 42 }),
			portfolio.CodeInvalid, []string{`"name" of profile (/profile/name) must be text, not a number`}},
		{"sha256 not hex", edit(t, good, func(d map[string]any) { artifact(d, 0)["sha256"] = strings.Repeat("zz", 32) }),
			portfolio.CodeInvalid, []string{`"sha256" of artifact 1 of entry 1 (/entries/0/artifacts/0/sha256)`, "64 lowercase hexadecimal"}},
		{"sha256 upper case", edit(t, good, func(d map[string]any) { artifact(d, 0)["sha256"] = strings.Repeat("AB", 32) }),
			portfolio.CodeInvalid, []string{"/entries/0/artifacts/0/sha256"}},
		{"path with ..", edit(t, good, func(d map[string]any) { artifact(d, 1)["path"] = "artifacts/../../etc/passwd" }),
			portfolio.CodeInvalid, []string{"/entries/0/artifacts/1/path", "relative path"}},
		{"file without sha256", edit(t, good, func(d map[string]any) { delete(artifact(d, 0), "sha256") }),
			portfolio.CodeInvalid, []string{"/entries/0/artifacts/0/sha256) is missing"}},
		{"link that is no web address", edit(t, good, func(d map[string]any) { artifact(d, 2)["url"] = "javascript:alert(1)" }),
			portfolio.CodeInvalid, []string{"/entries/0/artifacts/2/url", "http://"}},
		{"evidence type without Evidence", edit(t, good, func(d map[string]any) {
			entry(d, 1)["openBadgesEvidence"].(map[string]any)["type"] = []any{"Achievement"}
		}), portfolio.CodeInvalid, []string{`"type" of openBadgesEvidence of entry 2 (/entries/1/openBadgesEvidence/type)`, `"Evidence"`}},
		{"evidence type a string", edit(t, good, func(d map[string]any) {
			entry(d, 1)["openBadgesEvidence"].(map[string]any)["type"] = "Evidence"
		}), portfolio.CodeInvalid, []string{"/entries/1/openBadgesEvidence/type", "must be a list"}},
		{"unknown kind", edit(t, good, func(d map[string]any) { entry(d, 2)["kind"] = "classroom_visit" }),
			portfolio.CodeInvalid, []string{"/entries/2/kind", `"ai_pilot"`, `"tool_evaluation"`}},
		{"evaluation without its details", edit(t, good, func(d map[string]any) { delete(entry(d, 4), "evaluation") }),
			portfolio.CodeInvalid, []string{`"evaluation" of entry 5 (/entries/4/evaluation) is missing`}},
		{"bad recommendation", edit(t, good, func(d map[string]any) {
			entry(d, 4)["evaluation"].(map[string]any)["recommendation"] = "buy_it"
		}), portfolio.CodeInvalid, []string{`"recommendation" of evaluation of entry 5 (/entries/4/evaluation/recommendation)`, `"pilot_further"`, `"buy_it"`}},
		{"score not a whole number", edit(t, good, func(d map[string]any) {
			entry(d, 4)["evaluation"].(map[string]any)["scores"].([]any)[0].(map[string]any)["score"] = 2.5
		}), portfolio.CodeInvalid, []string{"score 1 of evaluation of entry 5", "whole number"}},
		{"rubric field of an unknown type", edit(t, good, func(d map[string]any) {
			rubric := entry(d, 4)["evaluation"].(map[string]any)["rubric"].(map[string]any)
			rubric["criteria"].([]any)[1].(map[string]any)["fields"].([]any)[0].(map[string]any)["type"] = "checkbox"
		}), portfolio.CodeInvalid, []string{"/entries/4/evaluation/rubric/criteria/1/fields/0/type", `"yes_no"`}},
		{"guidance stage unknown", edit(t, good, func(d map[string]any) { entry(d, 5)["guidance"].(map[string]any)["stage"] = "rumoured" }),
			portfolio.CodeInvalid, []string{"/entries/5/guidance/stage", `"adopted"`}},
		{"credential without kind", edit(t, good, func(d map[string]any) { delete(credential(d, 0), "kind") }),
			portfolio.CodeInvalid, []string{`"kind" of credential 1 (/credentials/0/kind) is missing`}},
		{"credential file without path", edit(t, good, func(d map[string]any) { delete(credential(d, 0), "path") }),
			portfolio.CodeInvalid, []string{`"path" of credential 1 (/credentials/0/path) is missing`}},
		{"credential path with ..", edit(t, good, func(d map[string]any) { credential(d, 0)["path"] = "credentials/../../x" }),
			portfolio.CodeInvalid, []string{"/credentials/0/path", "relative path"}},
		{"credential expiry not a date", edit(t, good, func(d map[string]any) { credential(d, 1)["expiresOn"] = "next year" }),
			portfolio.CodeInvalid, []string{"/credentials/1/expiresOn", "YYYY-MM-DD"}},
		{"credential verification not a web address", edit(t, good, func(d map[string]any) { credential(d, 1)["verificationUrl"] = "javascript:alert(1)" }),
			portfolio.CodeInvalid, []string{"/credentials/1/verificationUrl"}},
		{"version 2 without credentials", edit(t, good, func(d map[string]any) { delete(d, "credentials") }),
			portfolio.CodeInvalid, []string{`"credentials" (/credentials) is missing`}},
		{"version 2 without impact", edit(t, good, func(d map[string]any) { delete(d, "impact") }),
			portfolio.CodeInvalid, []string{`"impact" (/impact) is missing`}},
		{"impact figures as text", edit(t, good, func(d map[string]any) { d["impact"] = map[string]any{"students": "158"} }),
			portfolio.CodeInvalid, []string{"/impact"}},
		{"impact shown without label", edit(t, good, func(d map[string]any) {
			delete(d["impact"].(map[string]any)["shown"].([]any)[0].(map[string]any), "label")
		}), portfolio.CodeInvalid, []string{`"label" of figure 1 of impact (/impact/shown/0/label) is missing`}},
		{"pilot without its details", edit(t, good, func(d map[string]any) { delete(entry(d, 0), "pilot") }),
			portfolio.CodeInvalid, []string{`"pilot" of entry 1 (/entries/0/pilot) is missing`}},
		{"bad date-time", edit(t, good, func(d map[string]any) { entry(d, 3)["createdAt"] = "yesterday" }),
			portfolio.CodeInvalid, []string{"/entries/3/createdAt", "date and time"}},
		{"bad start date", edit(t, good, func(d map[string]any) { entry(d, 3)["startDate"] = "01/02/2025" }),
			portfolio.CodeInvalid, []string{"/entries/3/startDate", "YYYY-MM-DD"}},
		{"strength off every scale", edit(t, good, func(d map[string]any) {
			entry(d, 0)["alignments"].([]any)[0].(map[string]any)["strength"] = "great"
		}), portfolio.CodeInvalid, []string{"alignment 1 of entry 1", `"great"`}},
		{"negative participants", edit(t, good, func(d map[string]any) { entry(d, 2)["pd"].(map[string]any)["participants"] = -3 }),
			portfolio.CodeInvalid, []string{"/entries/2/pd/participants", "at least 0, not -3"}},
		{"position 1.5", edit(t, good, func(d map[string]any) { entry(d, 0)["position"] = 1.5 }),
			portfolio.CodeInvalid, []string{"/entries/0/position", "whole number"}},
		{"framework origin unknown", edit(t, good, func(d map[string]any) { d["frameworks"].([]any)[0].(map[string]any)["origin"] = "web" }),
			portfolio.CodeInvalid, []string{"/frameworks/0/origin"}},
		{"competency without id", edit(t, good, func(d map[string]any) {
			delete(d["frameworks"].([]any)[0].(map[string]any)["competencies"].([]any)[1].(map[string]any), "id")
		}), portfolio.CodeInvalid, []string{`"id" of competency 2 of framework 1 (/frameworks/0/competencies/1/id) is missing`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Unmarshal(c.data)
			if portfolio.Code(err) != c.code {
				t.Fatalf("code = %q (%v), want %q", portfolio.Code(err), err, c.code)
			}
			for _, w := range c.want {
				if !strings.Contains(portfolio.Message(err), w) {
					t.Errorf("message %q lacks %q", portfolio.Message(err), w)
				}
			}
		})
	}
}

func TestValidateNamesAMissingTopLevelField(t *testing.T) {
	for _, field := range []string{"entries", "frameworks", "profile", "generatedAt"} {
		err := Validate(edit(t, richJSON(t), func(d map[string]any) { delete(d, field) }))
		if portfolio.Code(err) != portfolio.CodeInvalid {
			t.Fatalf("without %s: %v", field, err)
		}
		want := `"` + field + `" (/` + field + `) is missing`
		if !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: %q lacks %q", field, err, want)
		}
	}
}

func TestValidateReportsTheFirstFailureInFileOrder(t *testing.T) {
	data := edit(t, richJSON(t), func(d map[string]any) {
		entry(d, 3)["kind"] = "nope"
		entry(d, 1)["status"] = "published"
		entry(d, 1)["title"] = ""
		d["frameworks"].([]any)[0].(map[string]any)["id"] = ""
	})
	first := Validate(data)
	if first == nil || !strings.Contains(first.Error(), "/entries/1/") {
		t.Fatalf("first failure = %v, want one in entry 2", first)
	}
	for range 30 {
		if again := Validate(data); again.Error() != first.Error() {
			t.Fatalf("messages differ between runs: %q and %q", first, again)
		}
	}
}

func TestArtifactPathPattern(t *testing.T) {
	for path, ok := range map[string]bool{
		"artifacts/Zoë-s-pilot-1d283829/notes.pdf": true,
		"artifacts/x/a..b.pdf":                     true,
		"artifacts/x/.hidden":                      true,
		"artifacts/x/...":                          true,
		"artifacts/李明-survey.docx":                 true,
		"../etc/passwd":                            false,
		"artifacts/../x":                           false,
		"artifacts/x/..":                           false,
		"..":                                       false,
		"./artifacts/x":                            false,
		"/etc/passwd":                              false,
		"artifacts//x":                             false,
		"artifacts/x/":                             false,
		`artifacts\x`:                              false,
		"C:/x":                                     false,
		"artifacts/x\x00y":                         false,
		"":                                         false,
	} {
		err := Validate(edit(t, richJSON(t), func(d map[string]any) {
			entry(d, 0)["artifacts"].([]any)[0].(map[string]any)["path"] = path
		}))
		if (err == nil) != ok {
			t.Errorf("path %q: accepted = %v, want %v (%v)", path, err == nil, ok, err)
		}
	}
}

// edit decodes data, lets change modify it and encodes it again.
func edit(t *testing.T, data []byte, change func(map[string]any)) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	change(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func credential(doc map[string]any, i int) map[string]any {
	return doc["credentials"].([]any)[i].(map[string]any)
}

func entry(doc map[string]any, i int) map[string]any {
	return doc["entries"].([]any)[i].(map[string]any)
}
