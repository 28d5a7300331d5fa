package pdfrender

import (
	"strings"
	"testing"
)

// TestEmbeddedTextSaysWhereTheOriginalsAre: the appendix must not claim files it does not hold.
func TestEmbeddedTextSaysWhereTheOriginalsAre(t *testing.T) {
	two := []Attachment{{Name: "a.jpg"}, {Name: "portfolio.json"}}
	for _, tc := range []struct {
		doc       Document
		want, not string
	}{
		{Document{Attachments: two}, "every file listed above and portfolio.json", "except"},
		{Document{Attachments: two, LeftOut: 3}, "except 3 files left out for their size", "every file"},
		{Document{Attachments: two[1:], OriginalsBeside: true}, "travels beside this PDF in the submission package", "are embedded"},
	} {
		got := embeddedText(tc.doc)
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("%+v:\n%s", tc.doc, got)
		}
	}
}
