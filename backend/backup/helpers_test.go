package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/demo"
	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
	"github.com/readyfolio/readyfolio/backend/ziptest"
)

var ctx = context.Background()

// testNow is a local time late in the evening, so that its UTC date is the next day: the
// automatic backups must name the local day.
var testNow = time.Date(2026, 5, 1, 23, 30, 0, 0, time.FixedZone("PDT", -7*3600))

func openWorkspace(t testing.TB, dir string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(workspace.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// demoFolder is a data folder filled by demo.Fill (seed picks the content), with one entry in
// the trash and, if withIdentity, a signing identity.
func demoFolder(t testing.TB, seed uint64, withIdentity bool) (string, *workspace.Workspace) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	ws := openWorkspace(t, dir)
	if _, err := demo.Fill(ctx, ws, demo.Options{Seed: seed, Entries: 6, Images: 3}); err != nil {
		t.Fatal(err)
	}
	entries, err := ws.Store.ListEntries(ctx, portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.Store.TrashEntry(ctx, entries[len(entries)-1].ID); err != nil {
		t.Fatal(err)
	}
	if withIdentity {
		ids, err := ws.Identity()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ids.Create(identity.Subject{Name: "Zoë Ñúñez"}, []byte("correct horse battery")); err != nil {
			t.Fatal(err)
		}
	}
	return dir, ws
}

// snapshot is what a test compares between two portfolios: everything the educator sees.
type snapshot struct {
	Profile     portfolio.Profile
	Entries     []portfolio.Entry
	Trash       []portfolio.Entry
	Alignments  map[string][]portfolio.Alignment
	Frameworks  []portfolio.Framework
	Credentials []portfolio.Credential
	Blobs       map[string]string // hash -> SHA-256 of the bytes read back
	Identity    map[string]string // file -> SHA-256
}

func capture(t testing.TB, ws *workspace.Workspace) snapshot {
	t.Helper()
	var s snapshot
	var err error
	if s.Profile, err = ws.Store.Profile(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Entries, err = ws.Store.ListEntries(ctx, portfolio.EntryFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.Trash, err = ws.Store.ListTrash(ctx); err != nil {
		t.Fatal(err)
	}
	s.Alignments = map[string][]portfolio.Alignment{}
	for _, e := range append(append([]portfolio.Entry{}, s.Entries...), s.Trash...) {
		if s.Alignments[e.ID], err = ws.Store.EntryAlignments(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
	}
	if s.Frameworks, err = ws.Store.Frameworks(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Credentials, err = ws.Store.Credentials(ctx); err != nil {
		t.Fatal(err)
	}
	refs, err := ws.Store.BlobRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Blobs = map[string]string{}
	for _, r := range refs {
		f, err := ws.Blobs.Open(r.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		io.Copy(h, f)
		f.Close()
		s.Blobs[r.SHA256] = hex.EncodeToString(h.Sum(nil))
	}
	s.Identity = hashFiles(t, filepath.Join(ws.Dir, identity.DirName))
	return s
}

func hashFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		out[e.Name()] = hex.EncodeToString(sum[:])
	}
	return out
}

func sameSnapshot(t testing.TB, what string, got, want snapshot) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("%s: the portfolios differ\n got: %.3000s\nwant: %.3000s", what, g, w)
	}
}

// tree lists every file and folder under dir with its mode and the SHA-256 of its content, to
// tell that nothing was written. A missing dir is an empty tree.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if d.IsDir() {
			out[rel] = "dir " + info.Mode().String()
			return nil
		}
		data, _ := os.ReadFile(p)
		sum := sha256.Sum256(data)
		out[rel] = info.Mode().String() + " " + hex.EncodeToString(sum[:])
		return nil
	})
	return out
}

func sameTree(t testing.TB, what string, got, want map[string]string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	var diff []string
	for k, v := range got {
		if want[k] != v {
			diff = append(diff, "now "+k+": "+v+" (was "+want[k]+")")
		}
	}
	for k, v := range want {
		if _, ok := got[k]; !ok {
			diff = append(diff, "gone "+k+": "+v)
		}
	}
	sort.Strings(diff)
	t.Fatalf("%s changed the folder:\n%s", what, strings.Join(diff, "\n"))
}

func wantCode(t testing.TB, err error, code portfolio.ErrorCode, contains ...string) {
	t.Helper()
	if portfolio.Code(err) != code {
		t.Fatalf("error %q (%v), want code %q", portfolio.Code(err), err, code)
	}
	for _, c := range contains {
		if !strings.Contains(portfolio.Message(err), c) {
			t.Errorf("message %q does not say %q", portfolio.Message(err), c)
		}
	}
}

func makeBackup(t testing.TB, ws *workspace.Workspace) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "backup.zip")
	if _, err := Create(ctx, ws, dest, Options{Now: testNow, AppVersion: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	return dest
}

// rebag writes a new, internally consistent bag from a backup: its payload (minus drop, plus
// add) and its bag-info changed by edit. It stands for a backup made by another version or by
// someone who rebuilt the manifests.
func rebag(t testing.TB, src string, edit func([]bag.Field) []bag.Field, drop func(string) bool, add map[string][]byte) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	rebagged := ziptest.Rebag(t, data, ziptest.Change{Info: edit, Drop: drop, Add: add, Now: testNow})
	out := filepath.Join(t.TempDir(), "rebagged.zip")
	if err := os.WriteFile(out, rebagged, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

func setField(name, value string) func([]bag.Field) []bag.Field {
	return func(info []bag.Field) []bag.Field {
		for i := range info {
			if info[i].Name == name {
				info[i].Value = value
			}
		}
		return info
	}
}

func dropField(name string) func([]bag.Field) []bag.Field {
	return func(info []bag.Field) []bag.Field {
		var out []bag.Field
		for _, f := range info {
			if f.Name != name {
				out = append(out, f)
			}
		}
		return out
	}
}
