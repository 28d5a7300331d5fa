package pdfrender

import (
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Zoe\u0308":         "Zoë",
		"a\tb\r\nc\x00\x07": "a b\nc",
		"party 🎉":           "party \ufffd",
		"Σωκράτης Пётр 李明":  "Σωκράτης Пётр 李明",
		"  two\n\nlines  ":  "  two\n\nlines  ",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := oneLine(" a \n b\t c "); got != "a b c" {
		t.Errorf("oneLine = %q", got)
	}
}

func TestLabels(t *testing.T) {
	entries := []Entry{{Entry: portfolio.NewEntry(portfolio.KindPDLed, "a")}, {Entry: portfolio.NewEntry(portfolio.KindAIPilot, "b")},
		{Entry: portfolio.NewEntry(portfolio.KindAIPilot, "c")}}
	if got := evidenceCounts(entries); got != "2 AI pilots · 1 PD session led" {
		t.Errorf("evidenceCounts = %q", got)
	}
}
