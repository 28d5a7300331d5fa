package pdfrender

import (
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// longDate is the unambiguous form a reader anywhere understands: 12 March 2025.
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// dateRange formats an entry's YYYY-MM-DD dates for its meta line; dates that do not parse are
// printed as they are.
func dateRange(start, end string) string {
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

// humanSize uses decimal units, as the file managers of macOS and Windows 11 show them.
func humanSize(n int64) string {
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

// typeName names a media type for people: "PDF document", not "application/pdf".
func typeName(mediaType string) string {
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

func kindLabel(k portfolio.Kind) string {
	if info, ok := portfolio.LookupKind(k); ok {
		return info.Label
	}
	return string(k)
}

// kindShort names a kind in the contents' narrow label column.
func kindShort(k portfolio.Kind) string {
	switch k {
	case portfolio.KindAIPilot:
		return "AI pilot"
	case portfolio.KindLessonRedesign:
		return "Redesign"
	case portfolio.KindPDLed:
		return "PD led"
	case portfolio.KindArtifact:
		return "Artifact"
	}
	return kindLabel(k)
}

// kindNouns are the short nouns the cover counts evidence with: "3 AI pilots".
var kindNouns = map[portfolio.Kind][2]string{
	portfolio.KindAIPilot:        {"AI pilot", "AI pilots"},
	portfolio.KindLessonRedesign: {"redesign", "redesigns"},
	portfolio.KindPDLed:          {"PD session led", "PD sessions led"},
	portfolio.KindArtifact:       {"other artifact", "other artifacts"},
}

func kindCount(k portfolio.Kind, n int) string {
	nouns, ok := kindNouns[k]
	if !ok {
		nouns = [2]string{kindLabel(k), kindLabel(k)}
	}
	return plural(n, nouns[0], nouns[1])
}

func pilotStatusLabel(s portfolio.PilotStatus) string {
	switch s {
	case portfolio.PilotPlanned:
		return "Planned"
	case portfolio.PilotRunning:
		return "Running"
	case portfolio.PilotCompleted:
		return "Completed"
	}
	return capitalize(string(s))
}

func pdFormatLabel(f portfolio.PDFormat) string {
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
	return capitalize(strings.ReplaceAll(string(f), "_", " "))
}

func assessmentLabel(s portfolio.AssessmentStatus) string {
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
	return capitalize(strings.ReplaceAll(string(s), "_", " "))
}

// capitalize upper-cases the first letter: strengths are stored as "deepen", printed "Deepen".
func capitalize(s string) string {
	for i, c := range s {
		return strings.ToUpper(s[:i+len(string(c))]) + s[i+len(string(c)):]
	}
	return s
}

// number prints 1.5 as "1.5" and 6 as "6".
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
