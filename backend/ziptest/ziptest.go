// Package ziptest tampers with zips for the tests (in backend and app) that prove a changed
// byte is caught. Only tests import it.
package ziptest

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
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
