package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestCredentialServiceImportsABadgeAndTheDashboardCountsIt(t *testing.T) {
	ctx := context.Background()
	session := newSession(t, t.TempDir())
	badge := filepath.Join("..", "backend", "openbadges", "testdata", "ob2-baked.png")
	desk := &fakeDesktop{picks: []string{badge}}
	svc := &CredentialService{ctx: ctx, session: session, desktop: desk}
	entries := &EntryService{ctx: ctx, session: session}

	pd, err := entries.New("pd_led", "Prompt lab")
	if err != nil {
		t.Fatal(err)
	}
	pd.PD.Participants, pd.PD.ContactHours = 31, 6
	if _, err := entries.Save(pd); err != nil {
		t.Fatal(err)
	}
	eval, err := entries.New("tool_evaluation", "QuillMate review")
	if err != nil || eval.Evaluation == nil || len(eval.Evaluation.Scores) != 6 {
		t.Fatalf("New tool_evaluation = %+v, %v", eval, err)
	}
	eval.Evaluation.Recommendation = "adopt"
	if _, err := entries.Save(eval); err != nil {
		t.Fatal(err)
	}
	v, err := svc.ImportBadge()
	if err != nil || v.Name != "AI in Pedagogy: Practitioner" || len(v.Findings) != 7 {
		t.Fatalf("ImportBadge = %+v, %v", v, err)
	}
	impact, err := svc.Impact()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range impact.Figures {
		lines = append(lines, f.Value+" "+f.Label)
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"31 colleagues trained in 1 PD session led", "6 contact hours", "1 AI tool evaluated: 1 to adopt",
		"1 credential held"} {
		if !strings.Contains(text, want) {
			t.Errorf("impact lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "competencies with evidence") {
		t.Errorf("a framework without evidence is counted on the dashboard:\n%s", text)
	}
	if impact.Title != "Impact at a glance" {
		t.Errorf("title = %q", impact.Title)
	}
	info, err := svc.Rubric()
	if err != nil || info.Custom || len(info.Rubric.Criteria) != 6 {
		t.Fatalf("Rubric = %+v, %v", info, err)
	}
	if err := svc.Remove(v.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := svc.List(); len(list) != 0 {
		t.Fatalf("after Remove: %+v", list)
	}
}
