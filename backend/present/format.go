// Package present is the wording a portfolio is shown in: the names of kinds, statuses and
// file types, the labels and order of each kind's fields, and how dates, sizes and counts are
// written. The PDF (pdfrender) and the offline viewer (viewer) both print through it, so the
// two never word the same portfolio differently. Layout belongs to each of them; this package
// only decides what is said.
package present

import (
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Clean prepares user text for showing: composed (NFC, so "Zoë" is one letter however it was
// typed), Windows line ends made "\n", tabs made spaces, other control characters dropped.
// Line breaks are kept.
func Clean(s string) string {
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// OneLine is Clean for places with room for one line: line breaks and runs of spaces become
// one space, and the ends are trimmed.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// NonEmpty is the items of list that have something to show, each on one line.
func NonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = OneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// blank reports whether user text would show nothing.
func blank(s string) bool { return strings.TrimSpace(Clean(s)) == "" }

// LongDate is the unambiguous form a reader anywhere understands: 12 March 2025.
func LongDate(t time.Time) string { return t.Format("2 January 2006") }

// DateRange formats an entry's YYYY-MM-DD dates for its meta line; dates that do not parse are
// printed as they are.
func DateRange(start, end string) string {
	short := func(s string) (time.Time, string) {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return t, s
		}
		return t, t.Format("2 Jan 2006")
	}
	st, s := short(start)
	et, e := short(end)
	switch {
	case start == "" && end == "":
		return ""
	case end == "" || start == end:
		if start == "" {
			return ""
		}
		return s
	case start == "":
		return "Until " + e
	case !st.IsZero() && !et.IsZero() && st.Year() == et.Year():
		return st.Format("2 Jan") + " – " + e
	}
	return s + " – " + e
}

// HumanSize uses decimal units, as the file managers of macOS and Windows 11 show them.
func HumanSize(n int64) string {
	if n < 1000 {
		if n == 1 {
			return "1 byte"
		}
		return strconv.FormatInt(n, 10) + " bytes"
	}
	v := float64(n) / 1000
	units := []string{"KB", "MB", "GB", "TB"}
	i := 0
	for v >= 999.5 && i < len(units)-1 {
		v /= 1000
		i++
	}
	if v < 9.95 {
		return fmt.Sprintf("%.1f %s", v, units[i])
	}
	return fmt.Sprintf("%.0f %s", v, units[i])
}

var mediaTypeNames = map[string]string{
	"application/pdf":    "PDF document",
	"application/json":   "JSON data",
	"application/zip":    "ZIP archive",
	"application/msword": "Word document",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   "Word document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         "Excel workbook",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint slides",
	"application/vnd.oasis.opendocument.text":                                   "OpenDocument text",
	"image/jpeg":      "JPEG image",
	"image/png":       "PNG image",
	"image/gif":       "GIF image",
	"image/webp":      "WebP image",
	"image/bmp":       "BMP image",
	"image/tiff":      "TIFF image",
	"image/heic":      "HEIC image",
	"image/avif":      "AVIF image",
	"image/svg+xml":   "SVG image",
	"text/plain":      "Text",
	"text/csv":        "CSV table",
	"text/markdown":   "Markdown text",
	"text/html":       "Web page",
	"audio/mpeg":      "MP3 audio",
	"audio/wav":       "WAV audio",
	"video/mp4":       "MP4 video",
	"video/quicktime": "QuickTime video",
	"video/webm":      "WebM video",
}

// TypeName names a media type for people: "PDF document", not "application/pdf".
func TypeName(mediaType string) string {
	base, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		base = strings.TrimSpace(mediaType)
	}
	if name, ok := mediaTypeNames[base]; ok {
		return name
	}
	if base == "" {
		return "File"
	}
	return base
}

// FileSummary is a file's type and size: "PDF document · 3.2 KB".
func FileSummary(a portfolio.Artifact) string {
	return TypeName(a.MediaType) + " · " + HumanSize(a.Size)
}

// KindLabel names a kind as menus and section eyebrows do: "Lesson or assessment redesign".
func KindLabel(k portfolio.Kind) string {
	if info, ok := portfolio.LookupKind(k); ok {
		return info.Label
	}
	return string(k)
}

// KindShort names a kind in a narrow label column, as the contents do: "Redesign".
func KindShort(k portfolio.Kind) string {
	switch k {
	case portfolio.KindAIPilot:
		return "AI pilot"
	case portfolio.KindLessonRedesign:
		return "Redesign"
	case portfolio.KindPDLed:
		return "PD led"
	case portfolio.KindArtifact:
		return "Artifact"
	case portfolio.KindToolEvaluation:
		return "Tool evaluation"
	case portfolio.KindPolicyGuidance:
		return "Policy work"
	}
	return KindLabel(k)
}

// kindNouns are the short nouns evidence is counted with: "3 AI pilots".
var kindNouns = map[portfolio.Kind][2]string{
	portfolio.KindAIPilot:        {"AI pilot", "AI pilots"},
	portfolio.KindLessonRedesign: {"redesign", "redesigns"},
	portfolio.KindPDLed:          {"PD session led", "PD sessions led"},
	portfolio.KindArtifact:       {"other artifact", "other artifacts"},
	portfolio.KindToolEvaluation: {"tool evaluation", "tool evaluations"},
	portfolio.KindPolicyGuidance: {"policy or guidance document", "policy or guidance documents"},
}

// KindCount counts entries of a kind: "1 PD session led", "3 redesigns".
func KindCount(k portfolio.Kind, n int) string {
	nouns, ok := kindNouns[k]
	if !ok {
		nouns = [2]string{KindLabel(k), KindLabel(k)}
	}
	return Plural(n, nouns[0], nouns[1])
}

// EvidenceCounts is "3 AI pilots · 3 redesigns · 2 PD sessions led · 2 other artifacts" for the
// kinds of the entries given: kinds in the app's order, kinds without evidence left out.
func EvidenceCounts(kinds []portfolio.Kind) string {
	counts := map[portfolio.Kind]int{}
	for _, k := range kinds {
		counts[k]++
	}
	var parts []string
	for _, info := range portfolio.Kinds() {
		if n := counts[info.Kind]; n > 0 {
			parts = append(parts, KindCount(info.Kind, n))
		}
	}
	if len(parts) == 0 {
		return NoEvidence
	}
	return strings.Join(parts, " · ")
}

// PilotStatusLabel is "Planned", "Running" or "Completed".
func PilotStatusLabel(s portfolio.PilotStatus) string {
	switch s {
	case portfolio.PilotPlanned:
		return "Planned"
	case portfolio.PilotRunning:
		return "Running"
	case portfolio.PilotCompleted:
		return "Completed"
	}
	return Capitalize(string(s))
}

// PDFormatLabel is "Workshop", "Coaching cycle", "Course" or "Conference session".
func PDFormatLabel(f portfolio.PDFormat) string {
	switch f {
	case portfolio.FormatWorkshop:
		return "Workshop"
	case portfolio.FormatCoaching:
		return "Coaching cycle"
	case portfolio.FormatCourse:
		return "Course"
	case portfolio.FormatConference:
		return "Conference session"
	}
	return Capitalize(strings.ReplaceAll(string(f), "_", " "))
}

// RecommendationLabel is "Adopt", "Pilot further" or "Do not adopt"; "Not decided" when empty.
func RecommendationLabel(r portfolio.Recommendation) string {
	switch r {
	case portfolio.RecommendNone:
		return "Not decided"
	case portfolio.RecommendAdopt:
		return "Adopt"
	case portfolio.RecommendPilotFurther:
		return "Pilot further"
	case portfolio.RecommendDoNotAdopt:
		return "Do not adopt"
	}
	return Capitalize(strings.ReplaceAll(string(r), "_", " "))
}

// GuidanceRoleLabel is "Author", "Co-author", "Reviewer" or "Committee member".
func GuidanceRoleLabel(r portfolio.GuidanceRole) string {
	switch r {
	case portfolio.RoleAuthor:
		return "Author"
	case portfolio.RoleCoAuthor:
		return "Co-author"
	case portfolio.RoleReviewer:
		return "Reviewer"
	case portfolio.RoleCommitteeMember:
		return "Committee member"
	}
	return Capitalize(strings.ReplaceAll(string(r), "_", " "))
}

// GuidanceBodyLabel is "School", "District", "State" or "Association".
func GuidanceBodyLabel(b portfolio.GuidanceBody) string {
	return Capitalize(string(b))
}

// GuidanceStageLabel is "In progress", "Adopted" or "Published".
func GuidanceStageLabel(s portfolio.GuidanceStage) string {
	return Capitalize(strings.ReplaceAll(string(s), "_", " "))
}

// AssessmentLabel is the educator's self-assessment in words: "Ready for review".
func AssessmentLabel(s portfolio.AssessmentStatus) string {
	switch s {
	case portfolio.AssessNotStarted:
		return "Not started"
	case portfolio.AssessInProgress:
		return "In progress"
	case portfolio.AssessReady:
		return "Ready for review"
	case portfolio.AssessMet:
		return "Met"
	}
	return Capitalize(strings.ReplaceAll(string(s), "_", " "))
}

// Capitalize upper-cases the first letter: strengths are stored as "deepen", shown "Deepen".
func Capitalize(s string) string {
	for i, c := range s {
		return strings.ToUpper(s[:i+len(string(c))]) + s[i+len(string(c)):]
	}
	return s
}

// Number prints 1.5 as "1.5" and 6 as "6".
func Number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Plural is "1 class", "3 classes".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// JoinAnd is "A", "A and B", "A, B and C".
func JoinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
