package frameworks

import (
	"strings"
	"unicode/utf8"
)

// maxTitleRunes is how long a competency's title may be; longer statements are cut at a word
// boundary for the title, and kept whole in the description.
const maxTitleRunes = 120

// shortTitle makes a one-line title of a statement: white space collapsed, at most maxTitleRunes
// characters plus "…".
func shortTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxTitleRunes {
		return s
	}
	return cutRunes(s, maxTitleRunes, true)
}

// clip shortens text quoted in an error message, which a hostile or broken file could make huge.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return cutRunes(s, 60, false)
}

// cutRunes keeps the first n characters of s, at the last space in their second half if
// atWord, and appends "…".
func cutRunes(s string, n int, atWord bool) string {
	end, count := len(s), 0
	for i := range s {
		if count == n {
			end = i
			break
		}
		count++
	}
	head := s[:end]
	if sp := strings.LastIndexByte(head, ' '); atWord && sp > len(head)/2 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " ,;:") + "…"
}

// compareCodes orders codes naturally, numbers by value, so that "2.9" comes before "2.10";
// letters compare without regard to case; an empty code sorts after all others.
func compareCodes(a, b string) int {
	if (a == "") != (b == "") {
		if a == "" {
			return 1
		}
		return -1
	}
	for a != "" && b != "" {
		var x, y string
		x, a = leadingRun(a)
		y, b = leadingRun(b)
		if c := compareRuns(x, y); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// leadingRun splits s after its first run of ASCII digits or of other bytes. Digits are ASCII, so
// a run never ends inside a multi-byte character.
func leadingRun(s string) (run, rest string) {
	digits := isDigit(s[0])
	i := 1
	for i < len(s) && isDigit(s[i]) == digits {
		i++
	}
	return s[:i], s[i:]
}

func compareRuns(x, y string) int {
	if isDigit(x[0]) && isDigit(y[0]) {
		// Compare by value without parsing, so any length of digits works: fewer significant
		// digits is smaller, then the digits decide.
		tx, ty := strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
		if len(tx) != len(ty) {
			return len(tx) - len(ty)
		}
		return strings.Compare(tx, ty)
	}
	return strings.Compare(strings.ToLower(x), strings.ToLower(y))
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
