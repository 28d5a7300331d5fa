package bag

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// checkName returns why a slash-separated path cannot be in a package, or "" if it can. The
// rules keep a package extractable on Windows, macOS and Linux with nothing landing outside its
// folder. The writer applies the same rules as the reader, so ReadyFolio never writes a package
// it would refuse.
func checkName(name string) string {
	if name == "" {
		return "is empty"
	}
	if !utf8.ValidString(name) {
		return "is not valid UTF-8"
	}
	for _, r := range name {
		switch {
		case r == '\\':
			return "contains a backslash, which Windows reads as a folder separator"
		case r == ':':
			return `contains ":", which Windows reads as a drive letter or a hidden stream`
		case unicode.IsControl(r):
			return "contains a control character"
		case unicode.Is(unicode.Bidi_Control, r):
			// An invisible override can make "cod.exe" display as "exe.doc".
			return "contains an invisible character that reverses the text direction"
		}
	}
	if name[0] == '/' {
		return "is absolute (it starts with /)"
	}
	for part := range strings.SplitSeq(name, "/") {
		switch {
		case part == "..":
			return `climbs out of the package with ".."`
		case part == ".":
			return `contains a "." folder`
		case part == "":
			return "has an empty folder name (two slashes in a row, or one at the end)"
		case strings.HasPrefix(part, " ") || strings.HasSuffix(part, " ") || strings.HasSuffix(part, "."):
			// Windows drops trailing dots and spaces, and a manifest line cannot keep a leading space.
			return "has a part that starts or ends with a space or ends with a dot"
		}
	}
	return ""
}

// nameSet finds names that would overwrite each other once extracted: on Windows and macOS
// "Notes.pdf" and "notes.PDF" are one file, and so are the composed and decomposed spellings of
// "é"; and no file system lets a file and a folder share a name.
type nameSet struct {
	fold    cases.Caser
	exact   map[string]bool
	files   map[string]string // folded name → the file's name
	folders map[string]string // folded name → a name that makes it a folder
}

func newNameSet() *nameSet {
	return &nameSet{fold: cases.Fold(), exact: map[string]bool{}, files: map[string]string{}, folders: map[string]string{}}
}

// key folds case and Unicode normalization the way canonical caseless matching does.
func (s *nameSet) key(name string) string {
	return norm.NFC.String(s.fold.String(norm.NFD.String(name)))
}

// add records name, a file or, ending in "/", a folder. It returns why name collides with a
// name recorded before, and then records nothing.
func (s *nameSet) add(name string) string {
	if s.exact[name] {
		return fmt.Sprintf("%q appears twice", name)
	}
	folder := strings.HasSuffix(name, "/")
	key := s.key(strings.TrimSuffix(name, "/"))
	if other, ok := s.files[key]; ok {
		if folder {
			return fileAndFolder(other, name)
		}
		return fmt.Sprintf("%q and %q differ only in letter case or in how accents are encoded, so they would overwrite each other on Windows and macOS", other, name)
	}
	if other, ok := s.folders[key]; ok && !folder {
		return fileAndFolder(name, other)
	}
	for parent := range parents(key) {
		if other, ok := s.files[parent]; ok {
			return fileAndFolder(other, name)
		}
	}

	s.exact[name] = true
	if folder {
		if _, ok := s.folders[key]; !ok {
			s.folders[key] = name
		}
	} else {
		s.files[key] = name
	}
	for parent := range parents(key) {
		if _, ok := s.folders[parent]; ok {
			break // recorded with its own parents
		}
		s.folders[parent] = name
	}
	return ""
}

// parents yields the folders above a slash-separated path, nearest first.
func parents(p string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := strings.LastIndexByte(p, '/'); i >= 0; i = strings.LastIndexByte(p, '/') {
			p = p[:i]
			if !yield(p) {
				return
			}
		}
	}
}

func fileAndFolder(file, inside string) string {
	return fmt.Sprintf("%q is a file, but %q needs a folder of that name", file, inside)
}
