package pdfrender

import (
	_ "embed"
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"

	"github.com/readyfolio/readyfolio/backend/present"
)

// The text font is Noto Sans 2.004 (Regular, Bold, Italic) and the font for hashes Noto Sans
// Mono 2.006, copied from Debian 12's fonts-noto-core and licensed under the SIL Open Font
// License 1.1 (fonts/OFL.txt, which permits embedding them in documents); fpdf embeds only the
// glyphs a document uses.
//
// Scripts that render: Latin (with Latin Extended-A and -B, so also Vietnamese and most
// European languages), Greek and Cyrillic. Everything else (CJK, Arabic, Hebrew, Devanagari,
// Thai, emoji…) is not in these fonts: such characters stay in the text layer, so they can be
// searched and copied, but print as empty boxes. fpdf does no text shaping, so right-to-left
// and complex scripts would not read correctly even with a font that has their glyphs.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoSansBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	notoSansItalic []byte
	//go:embed fonts/NotoSansMono-Regular.ttf
	notoSansMono []byte
)

const (
	sans = "NotoSans"
	mono = "NotoSansMono"
)

func addFonts(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(sans, "", notoSansRegular)
	pdf.AddUTF8FontFromBytes(sans, "B", notoSansBold)
	pdf.AddUTF8FontFromBytes(sans, "I", notoSansItalic)
	pdf.AddUTF8FontFromBytes(mono, "", notoSansMono)
}

// clean makes user text printable by fpdf: present.Clean (which composes accents, as fpdf
// places a combining mark beside its letter instead of over it, and drops control characters,
// which would print as boxes), and characters beyond the Basic Multilingual Plane (emoji, rare
// CJK) replaced with U+FFFD, because fpdf's UTF-8 fonts abort the whole document on them.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xffff {
			return unicode.ReplacementChar
		}
		return r
	}, present.Clean(s))
}

// oneLine is clean for places with room for one line: line breaks and runs of spaces become
// one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}
