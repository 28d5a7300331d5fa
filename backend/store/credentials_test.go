package store

import (
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestCredentialsCreateListUpdateDelete(t *testing.T) {
	s, _, _ := openStore(t)
	first, err := s.CreateCredential(ctx, portfolio.Credential{Kind: portfolio.CredentialBadge, Name: "  AI Literacy   Educator ",
		Issuer: "ISTE", IssuedOn: "2026-05-02", ExpiresOn: "2028-05-02", VerificationURL: "https://badges.example.org/a/1",
		FileName: "badge.png", MediaType: "image/png", Size: 120, SHA256: sha(3), BadgeFormat: "ob2-png"})
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == "" || first.Name != "AI Literacy Educator" || first.Position != 1 || first.CreatedAt.IsZero() {
		t.Fatalf("created = %+v", first)
	}
	second, err := s.CreateCredential(ctx, portfolio.Credential{ID: "0192f0e0-0000-7000-8000-000000000001", Name: "Google Certified Educator"})
	if err != nil {
		t.Fatal(err)
	}
	if second.ID != "0192f0e0-0000-7000-8000-000000000001" || second.Kind != portfolio.CredentialCertification || second.Position != 2 {
		t.Fatalf("an imported credential keeps its id = %+v", second)
	}
	if used, _ := s.BlobInUse(ctx, sha(3)); !used {
		t.Fatal("a credential's file must count as in use")
	}
	refs, _ := s.BlobRefs(ctx)
	if len(refs) != 1 || refs[0].SHA256 != sha(3) || refs[0].Size != 120 {
		t.Fatalf("BlobRefs = %+v", refs)
	}

	first.Name, first.SHA256 = "AI Literacy Educator, level 2", sha(9) // the file cannot be swapped this way
	updated, err := s.UpdateCredential(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "AI Literacy Educator, level 2" || updated.SHA256 != sha(3) || !updated.UpdatedAt.After(updated.CreatedAt) {
		t.Fatalf("updated = %+v", updated)
	}
	list, _ := s.Credentials(ctx)
	if len(list) != 2 || list[0].ID != first.ID || list[1].ID != second.ID {
		t.Fatalf("list = %+v", list)
	}
	gone, err := s.DeleteCredential(ctx, first.ID)
	if err != nil || gone.SHA256 != sha(3) {
		t.Fatalf("DeleteCredential = %+v, %v", gone, err)
	}
	if used, _ := s.BlobInUse(ctx, sha(3)); used {
		t.Fatal("the deleted credential's file is still counted as in use")
	}
	if _, err := s.Credential(ctx, first.ID); portfolio.Code(err) != portfolio.CodeNotFound {
		t.Fatalf("Credential after delete = %v", err)
	}
}

func TestCredentialsRefuseBadFields(t *testing.T) {
	s, _, _ := openStore(t)
	for _, c := range []struct {
		cred portfolio.Credential
		want string
	}{
		{portfolio.Credential{Name: " "}, "Give the credential a name"},
		{portfolio.Credential{Name: "X", Kind: "diploma"}, "certification, micro_credential or badge"},
		{portfolio.Credential{Name: "X", IssuedOn: "May 2026"}, "write it as YYYY-MM-DD"},
		{portfolio.Credential{Name: "X", IssuedOn: "2026-05-02", ExpiresOn: "2026-01-01"}, "before the date earned"},
		{portfolio.Credential{Name: "X", VerificationURL: "javascript:alert(1)"}, "not a web address"},
	} {
		if _, err := s.CreateCredential(ctx, c.cred); err == nil || !strings.Contains(portfolio.Message(err), c.want) {
			t.Errorf("CreateCredential(%+v) = %v, want %q", c.cred, err, c.want)
		}
	}
	if list, _ := s.Credentials(ctx); len(list) != 0 {
		t.Fatalf("refused credentials were stored: %+v", list)
	}
}

func TestEvaluationRubricSetting(t *testing.T) {
	s, _, path := openStore(t)
	r, custom, err := s.EvaluationRubric(ctx)
	if err != nil || custom || r.ID != portfolio.BuiltinRubric().ID {
		t.Fatalf("default rubric = %s, %v, %v", r.ID, custom, err)
	}
	district := portfolio.BuiltinRubric()
	district.ID, district.Name = "lakeview-2026", "Lakeview AI review"
	district.Criteria = district.Criteria[:2]
	if err := s.SetEvaluationRubric(ctx, &district); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path, newClock().now)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	r, custom, err = s2.EvaluationRubric(ctx)
	if err != nil || !custom || r.Name != "Lakeview AI review" || len(r.Criteria) != 2 {
		t.Fatalf("stored rubric = %+v, %v, %v", r, custom, err)
	}
	bad := district
	bad.Levels = nil
	if err := s2.SetEvaluationRubric(ctx, &bad); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("an invalid rubric was accepted: %v", err)
	}
	if err := s2.SetEvaluationRubric(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, custom, _ := s2.EvaluationRubric(ctx); custom {
		t.Fatal("reset did not go back to the built-in rubric")
	}
}

func TestEvaluationsAndGuidanceAreStoredAndSearched(t *testing.T) {
	s, _, _ := openStore(t)
	e := portfolio.NewEntry(portfolio.KindToolEvaluation, "Essay feedback assistant review")
	e.Evaluation.Tool, e.Evaluation.Vendor = "QuillMate", "Quill Labs"
	e.Evaluation.Scores[1].Score, e.Evaluation.Scores[1].Answers["what_checked"] = 2, "fabricated citations"
	e.Evaluation.Recommendation = portfolio.RecommendPilotFurther
	created, err := s.CreateEntry(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	g := portfolio.NewEntry(portfolio.KindPolicyGuidance, "Responsible AI guidance")
	g.Guidance.Body, g.Guidance.Role = "Lakeview Unified", portfolio.RoleCoAuthor
	if _, err := s.CreateEntry(ctx, g); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Evaluation.Tool != "QuillMate" || got.Evaluation.Scores[1].Answers["what_checked"] != "fabricated citations" ||
		got.Evaluation.Rubric.Name == "" || got.Evaluation.Recommendation != portfolio.RecommendPilotFurther {
		t.Fatalf("stored evaluation = %+v", got.Evaluation)
	}
	for query, want := range map[string]string{"fabricated": created.ID, "QuillMate": created.ID} {
		hits, err := s.Search(ctx, query, 10)
		if err != nil || len(hits) != 1 || hits[0].Entry.ID != want {
			t.Errorf("Search(%q) = %+v, %v", query, hits, err)
		}
	}
	if hits, _ := s.Search(ctx, "Lakeview", 10); len(hits) != 1 || hits[0].Entry.Guidance == nil {
		t.Errorf("Search(Lakeview) = %+v", hits)
	}
}
