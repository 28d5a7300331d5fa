package portfolio

import (
	"strings"
	"testing"
)

func TestBuiltinRubricHasTheIssuesCriteria(t *testing.T) {
	r := BuiltinRubric()
	var labels []string
	for _, c := range r.Criteria {
		labels = append(labels, c.Label)
	}
	want := "Instructional alignment|Accuracy|Bias and fairness|Student data privacy|Accessibility|Cost and sustainability"
	if got := strings.Join(labels, "|"); got != want {
		t.Fatalf("criteria = %s, want %s", got, want)
	}
	if r.Levels[0].Score != 1 || r.MaxScore() != 4 {
		t.Fatalf("scale = %+v, want 1 to 4", r.Levels)
	}
	privacy, _ := r.Criterion("student_data_privacy")
	var dpa RubricField
	for _, f := range privacy.Fields {
		if f.ID == "dpa_signed" {
			dpa = f
		}
	}
	if dpa.Type != FieldYesNo {
		t.Fatalf("the signed agreement is a yes/no field, got %+v", dpa)
	}
}

func TestRubricFileRoundTripAndDistrictRubric(t *testing.T) {
	data, err := MarshalRubricFile(BuiltinRubric())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"format": "readyfolio-rubric"`) {
		t.Fatalf("a rubric file names its format:\n%s", data)
	}
	district := `{"format":"readyfolio-rubric","formatVersion":1,"id":"lakeview-ai-2026","name":"Lakeview AI review",
		"edition":"","publisher":"Lakeview Unified","levels":[{"score":1,"label":"No"},{"score":2,"label":"Partly"},{"score":3,"label":"Yes"}],
		"criteria":[{"id":"ferpa","label":"FERPA compliance","guidance":"","fields":[{"id":"contract","label":"Contract on file","type":"yes_no","help":""}]}]}`
	r, err := ParseRubric([]byte(district))
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Lakeview AI review" || r.MaxScore() != 3 || len(r.Criteria) != 1 {
		t.Fatalf("district rubric = %+v", r)
	}
}

func TestParseRubricRefusesBadFilesWithAMessage(t *testing.T) {
	base := `{"format":"readyfolio-rubric","formatVersion":1,"id":"x","name":"X","edition":"","publisher":"",
		"levels":[{"score":1,"label":"a"},{"score":2,"label":"b"}],"criteria":[%s]}`
	crit := `{"id":"c","label":"C","guidance":"","fields":[]}`
	cases := map[string]struct{ data, want string }{
		"not json":          {`{"format":`, "not a rubric file"},
		"unknown field":     {`{"format":"readyfolio-rubric","formatVersion":1,"colour":"red"}`, "unknown field"},
		"wrong format":      {`{"format":"case","formatVersion":1}`, `"format" must be "readyfolio-rubric"`},
		"newer":             {`{"format":"readyfolio-rubric","formatVersion":9}`, "newer ReadyFolio"},
		"no criteria":       {strings.Replace(base, "%s", "", 1), "between 1 and 30 criteria"},
		"duplicate id":      {strings.Replace(base, "%s", crit+","+crit, 1), "needs an id of its own"},
		"bad field type":    {strings.Replace(base, "%s", `{"id":"c","label":"C","guidance":"","fields":[{"id":"f","label":"F","type":"number","help":""}]}`, 1), `use "text" or "yes_no"`},
		"levels not rising": {strings.Replace(strings.Replace(base, `"score":2`, `"score":1`, 1), "%s", crit, 1), "lowest first"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseRubric([]byte(c.data))
			if err == nil || !strings.Contains(Message(err), c.want) {
				t.Fatalf("ParseRubric = %v, want a message with %q", err, c.want)
			}
		})
	}
}
