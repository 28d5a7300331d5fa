package portfolio

import (
	"strings"
	"testing"
)

func TestNormalizeTrimsAndDefaults(t *testing.T) {
	e := NewEntry(KindPDLed, "  Workshop on prompts  ")
	e.Status = ""
	e.Tags = []string{" AI ", "ai", "  prompt   design ", ""}
	e.PD.Format = ""
	got, err := Normalize(e)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Workshop on prompts" || got.Status != StatusDraft || got.PD.Format != FormatWorkshop {
		t.Errorf("normalized = %q %q %q", got.Title, got.Status, got.PD.Format)
	}
	if strings.Join(got.Tags, "|") != "AI|prompt design" {
		t.Errorf("tags = %q, want duplicates and blanks removed", got.Tags)
	}
}

func TestNormalizeKeepsOnlyTheKindsDetails(t *testing.T) {
	e := NewEntry(KindArtifact, "Letter")
	e.Pilot = &PilotDetails{ProblemGoal: "stray"}
	got, err := Normalize(e)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pilot != nil || got.Other == nil {
		t.Errorf("pilot = %v, other = %v; want only the artifact details", got.Pilot, got.Other)
	}
}

func TestNormalizeRejectsBadInputWithAClearMessage(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Entry)
		want string
	}{
		{"empty title", func(e *Entry) { e.Title = "   " }, "title"},
		{"unknown kind", func(e *Entry) { e.Kind = "poem" }, "Unknown evidence kind"},
		{"bad status", func(e *Entry) { e.Status = "done" }, "draft or ready"},
		{"bad date", func(e *Entry) { e.StartDate = "31/12/2025" }, "YYYY-MM-DD"},
		{"end before start", func(e *Entry) { e.StartDate, e.EndDate = "2025-05-02", "2025-05-01" }, "before the start date"},
		{"negative students", func(e *Entry) { e.Pilot.StudentsReached = -1 }, "cannot be negative"},
		{"bad pilot status", func(e *Entry) { e.Pilot.PilotStatus = "paused" }, "planned, running or completed"},
		{"long title", func(e *Entry) { e.Title = strings.Repeat("é", 301) }, "longer than 300"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewEntry(KindAIPilot, "Pilot")
			c.edit(&e)
			_, err := Normalize(e)
			if Code(err) != CodeInvalid || !strings.Contains(Message(err), c.want) {
				t.Fatalf("err = %v, want invalid mentioning %q", err, c.want)
			}
		})
	}
}

func TestNormalizePDRating(t *testing.T) {
	e := NewEntry(KindPDLed, "Course")
	e.PD.FeedbackRating = 6
	if _, err := Normalize(e); Code(err) != CodeInvalid {
		t.Fatalf("rating 6 accepted: %v", err)
	}
	e.PD.FeedbackRating = 4.5
	if _, err := Normalize(e); err != nil {
		t.Fatalf("rating 4.5 refused: %v", err)
	}
}

func TestSearchTextHoldsEveryWrittenField(t *testing.T) {
	e := NewEntry(KindAIPilot, "Chatbot pilot")
	e.Tags = []string{"algebra"}
	e.Reflection[0].Text = "students argued with the bot"
	e.Pilot.AITools = []string{"Khanmigo"}
	e.Pilot.Outcomes = []Outcome{{Metric: "retake pass rate", Baseline: "52%", Result: "74%"}}
	e.Pilot.Privacy.Notes = "anonymous class codes"
	e.Artifacts = []Artifact{{FileName: "survey-李明.pdf", Caption: "end-of-unit survey"}}
	text := SearchText(e)
	for _, want := range []string{"Chatbot pilot", "algebra", "argued", "Khanmigo", "retake pass rate", "74%", "anonymous", "survey-李明.pdf", "end-of-unit survey"} {
		if !strings.Contains(text, want) {
			t.Errorf("search text lacks %q:\n%s", want, text)
		}
	}
}

func TestNewEntryCarriesTheKindsPrompts(t *testing.T) {
	for _, info := range Kinds() {
		e := NewEntry(info.Kind, "x")
		if len(e.Reflection) != len(info.ReflectionPrompts) || len(e.Reflection) == 0 {
			t.Errorf("%s: %d reflection answers for %d prompts", info.Kind, len(e.Reflection), len(info.ReflectionPrompts))
		}
		if _, err := Normalize(e); err != nil {
			t.Errorf("%s: a new entry does not validate: %v", info.Kind, err)
		}
	}
}

func TestWordCount(t *testing.T) {
	got := WordCount([]ReflectionAnswer{{Text: "one two  three"}, {Text: "\tfour\n"}, {Text: ""}})
	if got != 4 {
		t.Errorf("WordCount = %d, want 4", got)
	}
}
