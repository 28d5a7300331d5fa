package exchange

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

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
	return Source{
		Profile: portfolio.Profile{PortfolioID: "p-1", Name: "Zoë Ñúñez", Role: "Teacher", School: "North High",
			District: "North", Email: "zoe@example.org", Bio: "Teaches English.", PhotoSHA256: sha("e")},
		Entries: []portfolio.Entry{pilot, redesign, pd, other},
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
	if len(p.Frameworks) != 3 || p.Frameworks[0].Competencies != nil || len(p.Entries) != 4 {
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
		{"version 2", edit(t, good, func(d map[string]any) { d["version"] = 2; d["entries"] = "changed shape" }),
			portfolio.CodeTooNew, []string{"newer", "version 2", "Update ReadyFolio"}},
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
		{"unknown kind", edit(t, good, func(d map[string]any) { entry(d, 2)["kind"] = "tool_evaluation" }),
			portfolio.CodeInvalid, []string{"/entries/2/kind", `"ai_pilot"`}},
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

func entry(doc map[string]any, i int) map[string]any {
	return doc["entries"].([]any)[i].(map[string]any)
}
