package pdfrender

import (
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 999: "999 bytes", 1000: "1.0 KB", 4150: "4.2 KB",
		312_000: "312 KB", 999_600: "1.0 MB", 1_400_000: "1.4 MB", 73_000_000_000: "73 GB"} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDateRange(t *testing.T) {
	for _, tc := range []struct{ start, end, want string }{
		{"", "", ""},
		{"2024-09-09", "", "9 Sep 2024"},
		{"2024-09-09", "2024-09-09", "9 Sep 2024"},
		{"2024-09-09", "2024-11-20", "9 Sep – 20 Nov 2024"},
		{"2024-09-09", "2025-01-24", "9 Sep 2024 – 24 Jan 2025"},
		{"", "2025-01-24", "Until 24 Jan 2025"},
		{"spring", "", "spring"},
	} {
		if got := dateRange(tc.start, tc.end); got != tc.want {
			t.Errorf("dateRange(%q, %q) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
}

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
	if got := typeName("text/plain; charset=utf-8"); got != "Text" {
		t.Errorf("typeName = %q", got)
	}
	if got := typeName("application/x-unknown"); got != "application/x-unknown" {
		t.Errorf("typeName = %q", got)
	}
	if got := joinAnd([]string{"A", "B", "C"}); got != "A, B and C" {
		t.Errorf("joinAnd = %q", got)
	}
}
