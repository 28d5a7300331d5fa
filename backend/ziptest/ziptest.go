// Package ziptest tampers with zips for the tests (in backend and app) that prove a changed
// byte is caught. Only tests import it.
package ziptest

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/bag"
)

// FlipByte returns a copy of the zip data with one bit changed in the middle of the stored
// (or compressed) data of the first entry whose name contains part, and that entry's name from
// its "data/" on (the bag's path, as a verifier names it).
func FlipByte(t testing.TB, data []byte, part string) (tampered []byte, name string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.Contains(f.Name, part) || f.CompressedSize64 == 0 {
			continue
		}
		offset, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		tampered = bytes.Clone(data)
		tampered[offset+int64(f.CompressedSize64)/2] ^= 0x01
		if i := strings.Index(f.Name, "data/"); i >= 0 {
			return tampered, f.Name[i:]
		}
		return tampered, f.Name
	}
	t.Fatalf("no entry of the zip has %q in its name", part)
	return nil, ""
}

// Change is what Rebag alters in a bag.
type Change struct {
	Info func([]bag.Field) []bag.Field // edits bag-info.txt (Payload-Oxum and Bagging-Date are recomputed)
	Drop func(path string) bool        // leaves out payload files ("data/…")
	Add  map[string][]byte             // adds payload files (paths under data/)
	Now  time.Time                     // the zip's timestamps; zero for now
}

// Rebag rebuilds data, a bag in a zip, as someone who also rebuilt its manifests would: the
// payload copied (less what Drop says, plus Add), bag-info.txt edited, and no signature. The
// result is consistent, so only the checks beyond the manifests can catch the change.
func Rebag(t testing.TB, data []byte, c Change) []byte {
	t.Helper()
	b, err := bag.Open(bytes.NewReader(data), int64(len(data)), bag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Now.IsZero() {
		c.Now = time.Now()
	}
	var buf bytes.Buffer
	w := bag.NewWriter(&buf, b.Root, c.Now)
	for _, p := range b.Payload() {
		if c.Drop != nil && c.Drop(p) {
			continue
		}
		rc, err := b.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = w.AddPayload(strings.TrimPrefix(p, "data/"), rc, true)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	for p, content := range c.Add {
		if _, _, err := w.AddPayload(p, bytes.NewReader(content), true); err != nil {
			t.Fatal(err)
		}
	}
	var info []bag.Field
	for _, f := range b.Info {
		if f.Name != "Payload-Oxum" && f.Name != "Bagging-Date" {
			info = append(info, f)
		}
	}
	if c.Info != nil {
		info = c.Info(info)
	}
	if err := w.Finish(info, nil, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// SetField returns an Info edit that sets one bag-info field.
func SetField(name, value string) func([]bag.Field) []bag.Field {
	return func(info []bag.Field) []bag.Field {
		for i := range info {
			if info[i].Name == name {
				info[i].Value = value
				return info
			}
		}
		return append(info, bag.Field{Name: name, Value: value})
	}
}
