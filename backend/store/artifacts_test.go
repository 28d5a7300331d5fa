package store

import (
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestArtifactLifecycle(t *testing.T) {
	s, c, _ := openStore(t)
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindLessonRedesign, "Essay redesign"))

	in := fileArtifact(e.ID, "  Original essay prompt.docx ", " The old prompt ", 1)
	in.SHA256 = strings.ToUpper(in.SHA256)
	in.URL, in.Position = "https://ignored.example", 42
	file := mustAdd(t, s, in)
	checkV7(t, file.ID)
	same(t, "file artifact", file, portfolio.Artifact{
		ID: file.ID, EntryID: e.ID, Type: portfolio.ArtifactFile, Role: portfolio.RoleAttachment, Position: 1,
		Caption: "The old prompt", FileName: "Original essay prompt.docx", MediaType: "application/pdf",
		Size: 1001, SHA256: sha(1), CreatedAt: c.last().Add(-1000000007),
	})
	if got := mustEntry(t, s, e.ID); !got.UpdatedAt.Equal(c.last()) {
		t.Fatalf("entry updatedAt %v not bumped to %v", got.UpdatedAt, c.last())
	}

	link := mustAdd(t, s, portfolio.Artifact{EntryID: e.ID, Type: portfolio.ArtifactLink, Role: portfolio.RoleRedesign,
		URL: " https://example.org/lesson?id=1 ", LinkTitle: "Redesigned lesson", Caption: "Live version",
		FileName: "ignored.txt", SHA256: sha(2), Size: 5})
	same(t, "link artifact", link, portfolio.Artifact{
		ID: link.ID, EntryID: e.ID, Type: portfolio.ArtifactLink, Role: portfolio.RoleRedesign, Position: 2,
		Caption: "Live version", URL: "https://example.org/lesson?id=1", LinkTitle: "Redesigned lesson",
		CreatedAt: link.CreatedAt,
	})
	mail := mustAdd(t, s, portfolio.Artifact{EntryID: e.ID, Type: portfolio.ArtifactLink, URL: "mailto:zoe@example.org"})
	same(t, "artifacts in order", mustEntry(t, s, e.ID).Artifacts, []portfolio.Artifact{file, link, mail})
	if got, err := s.Artifact(ctx, link.ID); err != nil {
		t.Fatal(err)
	} else {
		same(t, "Artifact", got, link)
	}
	_, err := s.Artifact(ctx, "nope")
	wantCode(t, err, portfolio.CodeNotFound)

	// Only caption, role, display name, URL and link title change.
	edit := file
	edit.Caption, edit.Role, edit.FileName = "Before", portfolio.RoleOriginal, "Prompt 李明.docx"
	edit.SHA256, edit.Size, edit.EntryID, edit.URL = sha(3), 9, "other", "https://x.org"
	updated, err := s.UpdateArtifact(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	want := file
	want.Caption, want.Role, want.FileName = "Before", portfolio.RoleOriginal, "Prompt 李明.docx"
	same(t, "updated file", updated, want)
	editLink := link
	editLink.URL, editLink.LinkTitle, editLink.FileName = "http://example.org/v2", "Version 2", "x.pdf"
	updatedLink, err := s.UpdateArtifact(ctx, editLink)
	if err != nil || updatedLink.URL != "http://example.org/v2" || updatedLink.LinkTitle != "Version 2" || updatedLink.FileName != "" {
		t.Fatalf("updated link = %+v, %v", updatedLink, err)
	}
	editLink.URL = "javascript:alert(1)"
	_, err = s.UpdateArtifact(ctx, editLink)
	wantCode(t, err, portfolio.CodeInvalid)
	_, err = s.UpdateArtifact(ctx, portfolio.Artifact{ID: "nope"})
	wantCode(t, err, portfolio.CodeNotFound)

	if err := s.ReorderArtifacts(ctx, e.ID, []string{mail.ID, file.ID}); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, a := range mustEntry(t, s, e.ID).Artifacts {
		order = append(order, a.ID)
	}
	same(t, "artifact order", order, []string{mail.ID, file.ID, link.ID})
	wantCode(t, s.ReorderArtifacts(ctx, e.ID, []string{"nope"}), portfolio.CodeNotFound)
	wantCode(t, s.ReorderArtifacts(ctx, e.ID, []string{mail.ID, mail.ID}), portfolio.CodeInvalid)
	wantCode(t, s.ReorderArtifacts(ctx, "nope", nil), portfolio.CodeNotFound)

	deleted, err := s.DeleteArtifact(ctx, file.ID)
	if err != nil {
		t.Fatal(err)
	}
	updated.Position = 2 // after the reorder
	same(t, "deleted artifact", deleted, updated)
	if got := mustEntry(t, s, e.ID).Artifacts; len(got) != 2 || got[0].ID != mail.ID || got[1].ID != link.ID {
		t.Fatalf("artifacts after delete: %+v", got)
	}
	if used, _ := s.BlobInUse(ctx, sha(1)); used {
		t.Fatal("deleted artifact's blob still in use")
	}
	_, err = s.DeleteArtifact(ctx, file.ID)
	wantCode(t, err, portfolio.CodeNotFound)
}

func TestAddArtifactValidates(t *testing.T) {
	s, _, _ := openStore(t)
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindAIPilot, "Pilot"))
	file := fileArtifact(e.ID, "a.pdf", "", 1)
	cases := map[string]func(a *portfolio.Artifact){
		"no type":             func(a *portfolio.Artifact) { a.Type = "" },
		"short sha":           func(a *portfolio.Artifact) { a.SHA256 = "abc" },
		"non-hex sha":         func(a *portfolio.Artifact) { a.SHA256 = strings.Repeat("g", 64) },
		"no file name":        func(a *portfolio.Artifact) { a.FileName = "  " },
		"negative size":       func(a *portfolio.Artifact) { a.Size = -1 },
		"unknown role":        func(a *portfolio.Artifact) { a.Role = "cover" },
		"redesign role":       func(a *portfolio.Artifact) { a.Role = portfolio.RoleOriginal },
		"javascript link":     link("javascript:alert(1)"),
		"file link":           link("file:///etc/passwd"),
		"ftp link":            link("ftp://example.org/x"),
		"relative link":       link("example.org/page"),
		"http without host":   link("http:///path"),
		"mailto without addr": link("mailto:"),
		"empty link":          link(""),
	}
	for name, change := range cases {
		a := file
		change(&a)
		_, err := s.AddArtifact(ctx, a)
		if portfolio.Code(err) != portfolio.CodeInvalid {
			t.Errorf("%s: error %v, want invalid", name, err)
		}
	}
	missing := file
	missing.EntryID = "nope"
	_, err := s.AddArtifact(ctx, missing)
	wantCode(t, err, portfolio.CodeNotFound)
	if n := count(t, s, "SELECT count(*) FROM artifacts"); n != 0 {
		t.Fatalf("%d artifacts stored from invalid input", n)
	}
	for _, url := range []string{"http://example.org", "HTTPS://Example.org/a%20b", "mailto:li.ming@example.org"} {
		a := file
		link(url)(&a)
		if _, err := s.AddArtifact(ctx, a); err != nil {
			t.Errorf("link %q refused: %v", url, err)
		}
	}
}

func link(url string) func(a *portfolio.Artifact) {
	return func(a *portfolio.Artifact) { a.Type, a.URL = portfolio.ArtifactLink, url }
}

func TestBlobRefs(t *testing.T) {
	s, _, _ := openStore(t)
	refs, err := s.BlobRefs(ctx)
	if err != nil || len(refs) != 0 {
		t.Fatalf("BlobRefs of an empty store = %v, %v", refs, err)
	}
	e := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Files"))
	trashed := mustCreate(t, s, portfolio.NewEntry(portfolio.KindArtifact, "Trashed"))
	mustAdd(t, s, fileArtifact(e.ID, "a.pdf", "", 2))
	mustAdd(t, s, fileArtifact(e.ID, "a again.pdf", "", 2))
	mustAdd(t, s, fileArtifact(trashed.ID, "b.pdf", "", 1))
	mustAdd(t, s, portfolio.Artifact{EntryID: e.ID, Type: portfolio.ArtifactLink, URL: "https://example.org"})
	if err := s.TrashEntry(ctx, trashed.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveProfile(ctx, portfolio.Profile{Name: "Zoë", PhotoSHA256: sha(3)}); err != nil {
		t.Fatal(err)
	}
	refs, err = s.BlobRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "blob refs", refs, []BlobRef{{SHA256: sha(1), Size: 1001}, {SHA256: sha(2), Size: 1002}, {SHA256: sha(3), Size: -1}})
	for n, want := range map[byte]bool{1: true, 2: true, 3: true, 4: false} {
		if used, err := s.BlobInUse(ctx, sha(n)); err != nil || used != want {
			t.Errorf("BlobInUse(sha(%d)) = %v, %v; want %v", n, used, err, want)
		}
	}
	if used, _ := s.BlobInUse(ctx, strings.ToUpper(sha(2))); !used {
		t.Error("BlobInUse is case-sensitive")
	}
}
