package pdfupdate

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
)

// writeValue writes v in PDF syntax. A value that is its own object (its pointer differs from
// owner, the object it was read from) is written as a reference, so copying a dictionary
// never duplicates or inlines what it points to.
func writeValue(b *bytes.Buffer, v pdf.Value, owner pdf.Ptr) {
	if p := v.GetPtr(); p.GetID() != 0 && p != owner {
		b.WriteString(ref(p))
		return
	}
	switch v.Kind() {
	case pdf.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case pdf.Integer:
		b.WriteString(strconv.FormatInt(v.Int64(), 10))
	case pdf.Real:
		b.WriteString(strconv.FormatFloat(v.Float64(), 'f', -1, 64))
	case pdf.String:
		b.WriteString("<" + hex.EncodeToString([]byte(v.RawString())) + ">")
	case pdf.Name:
		b.WriteString(Name(v.Name()))
	case pdf.Array:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			writeValue(b, v.Index(i), owner)
		}
		b.WriteString("]")
	case pdf.Dict:
		b.WriteString("<<")
		for _, k := range v.Keys() {
			b.WriteString(" " + Name(k) + " ")
			writeValue(b, v.Key(k), owner)
		}
		b.WriteString(" >>")
	default: // null, and a direct stream, which cannot exist
		b.WriteString("null")
	}
}

// Name writes a PDF name: "/" and the name, with delimiters, whitespace and bytes outside
// printable ASCII as #XX (ISO 32000-1 7.3.5).
func Name(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 || c > 0x7e || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Text writes a PDF text string: a literal string when s is printable ASCII, otherwise
// UTF-16BE with a byte order mark, which every reader decodes whatever the script.
func Text(s string) string {
	value, ascii := textValue(s)
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	return "<" + strings.ToUpper(hex.EncodeToString(value)) + ">"
}

// textValue is the bytes that Text encodes: s itself when it is printable ASCII, otherwise
// its UTF-16BE encoding after a byte order mark.
func textValue(s string) (value []byte, ascii bool) {
	ascii = true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return []byte(s), true
	}
	value = []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		value = append(value, byte(u>>8), byte(u))
	}
	return value, false
}

// Date writes a PDF date string in UTC (ISO 32000-1 7.9.4).
func Date(t time.Time) string {
	return "(D:" + t.UTC().Format("20060102150405") + "Z)"
}
