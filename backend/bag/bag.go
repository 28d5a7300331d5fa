// Package bag writes and reads BagIt 1.0 bags (RFC 8493) inside a zip: the signed submission
// package and backups. A bag names every file with its SHA-256, so a reviewer can check a
// package with ReadyFolio or with sha256sum alone. Reviewers open packages from strangers, so
// the reader trusts nothing: Open refuses an unsafe archive from its zip directory, before any
// content is read, and Verify names each file that fails a check.
package bag

import (
	"strconv"
	"strings"
)

// Field is one "Label: value" line of bag-info.txt.
type Field struct{ Name, Value string }

// TagFile is a file at the top of the bag, beside bagit.txt.
type TagFile struct {
	Name string
	Data []byte
}

// Problem is one failed check, with the bag path of the file it concerns.
type Problem struct{ File, Message string }

func (p Problem) String() string { return p.File + ": " + p.Message }

// The tag files every ReadyFolio bag has.
const (
	bagitName       = "bagit.txt"
	bagInfoName     = "bag-info.txt"
	manifestName    = "manifest-sha256.txt"
	tagManifestName = "tagmanifest-sha256.txt"
	payloadDir      = "data/"
)

// bagitText is the whole of bagit.txt; RFC 8493 fixes its two lines.
const bagitText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

// pathEncoder percent-encodes a path for a manifest line as RFC 8493 §2.1.3 requires. Names
// with CR or LF never reach it (checkName refuses them), but the rule is kept whole so that a
// manifest stays readable whatever names are allowed.
var pathEncoder = strings.NewReplacer("%", "%25", "\n", "%0A", "\r", "%0D")

// decodePath undoes pathEncoder, accepting lowercase hex as RFC 3986 allows. Other "%"
// sequences are left alone: the RFC encodes nothing else.
func decodePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+3 <= len(p) {
			if c, ok := percentDecoded[strings.ToUpper(p[i+1:i+3])]; ok {
				b.WriteByte(c)
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

var percentDecoded = map[string]byte{"25": '%', "0A": '\n', "0D": '\r'}

// show prints a path taken from a manifest in a message: as it is when it is a name a package
// may hold, quoted (control characters escaped) when it is not, so a hostile manifest cannot
// garble the report.
func show(p string) string {
	if checkName(p) == "" {
		return p
	}
	return strconv.Quote(p)
}
