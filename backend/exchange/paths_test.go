package exchange

import (
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestArtifactPathsAreSafeReadableAndUnique(t *testing.T) {
	e := portfolio.Entry{ID: "01a22be1-c907-7236-8530-24311d283829", Title: "Zoë's pilot: AI / feedback?", Artifacts: []portfolio.Artifact{
		{ID: "a", Type: portfolio.ArtifactFile, FileName: "notes.pdf"},
		{ID: "b", Type: portfolio.ArtifactFile, FileName: "Notes.pdf"},
		{ID: "c", Type: portfolio.ArtifactFile, FileName: "../../etc/passwd"},
		{ID: "d", Type: portfolio.ArtifactFile, FileName: "李明 survey\x00.docx"},
		{ID: "e", Type: portfolio.ArtifactLink, URL: "https://example.org"},
	}}
	got := ArtifactPaths(e)
	want := map[string]string{
		"a": "artifacts/Zoë-s-pilot-AI-feedback-1d283829/notes.pdf",
		"b": "artifacts/Zoë-s-pilot-AI-feedback-1d283829/Notes-2.pdf",
		"c": "artifacts/Zoë-s-pilot-AI-feedback-1d283829/etc-passwd",
		"d": "artifacts/Zoë-s-pilot-AI-feedback-1d283829/李明-survey.docx",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("path of %s = %q, want %q", id, got[id], w)
		}
	}
	if _, ok := got["e"]; ok || len(got) != 4 {
		t.Errorf("paths = %v; links have none", got)
	}
	for _, p := range got {
		if strings.Contains(p, "..") || strings.ContainsAny(p, "\x00\\:") {
			t.Errorf("unsafe path %q", p)
		}
	}
}

func TestCredentialPathsAreSafeAndOnePerCredential(t *testing.T) {
	sha := strings.Repeat("a", 64)
	got := CredentialPaths([]portfolio.Credential{
		{ID: "0192e1a0-0000-7000-8000-0000000000c1", FileName: "ISTE certificate.pdf", SHA256: sha},
		{ID: "../../etc", FileName: "../passwd", SHA256: sha},
		{ID: "..-etc", FileName: "x.png", SHA256: sha}, // the same folder as the one before, made safe
		{ID: "no-file"},
		{ID: "", FileName: "", SHA256: sha},
	})
	want := map[string]string{
		"0192e1a0-0000-7000-8000-0000000000c1": "credentials/0192e1a0-0000-7000-8000-0000000000c1/ISTE-certificate.pdf",
		"../../etc":                            "credentials/etc/passwd",
		"..-etc":                               "credentials/etc-2/x.png",
		"":                                     "credentials/credential/file",
	}
	if len(got) != len(want) {
		t.Errorf("paths = %v", got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("path of %q = %q, want %q", id, got[id], w)
		}
	}
}
