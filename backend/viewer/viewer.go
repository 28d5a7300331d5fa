// Package viewer writes the offline portfolio viewer of a submission package: index.html and
// its stylesheet and thumbnails, which open in any browser with no network and no JavaScript
// and show what the PDF shows, with thumbnails of the images and links to every file in the
// package. Its wording comes from package present, as the PDF's does.
//
// The page loads nothing from outside the package. A strict Content-Security-Policy forbids
// scripts, inline styles and remote resources; only an <a> may point elsewhere (a link the
// educator attached, a framework's official source).
package viewer

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"image"
	_ "image/jpeg" // thumbnails are JPEGs: DecodeConfig reads their size
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// The files Write produces, relative to the package's data/ folder.
const (
	IndexPath = "index.html"
	StylePath = "viewer/style.css"
	ThumbDir  = "viewer/thumbs/" // + <sha256>.jpg
)

// CSP is the page's Content-Security-Policy: nothing but its own images and stylesheet.
const CSP = "default-src 'none'; img-src 'self'; style-src 'self'"

// Site is what the viewer shows.
type Site struct {
	Portfolio exchange.Portfolio
	Coverage  []portfolio.Coverage // per framework in use, counting only these entries (like the PDF)
	// Thumbnail returns a small JPEG of an image artifact, ok=false when there is none; the
	// image is then listed like any other file. May be nil.
	Thumbnail func(sha256 string) (data []byte, ok bool)
	PDFName   string // "portfolio.pdf", linked from the page; "" for none
}

//go:embed index.html.tmpl
var pageSource string

//go:embed style.css
var styleCSS []byte

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// Write writes index.html and its assets through add, with paths relative to data/:
// "index.html", "viewer/style.css" and "viewer/thumbs/<sha256>.jpg" for each image that has a
// thumbnail. The same input gives the same files, in the same order.
func Write(s Site, add func(path string, r io.Reader) error) error {
	b := newBuilder(s)
	p := b.page()
	var html bytes.Buffer
	if err := pageTemplate.Execute(&html, p); err != nil {
		return fmt.Errorf("viewer: %w", err)
	}
	if err := add(IndexPath, &html); err != nil {
		return err
	}
	if err := add(StylePath, bytes.NewReader(styleCSS)); err != nil {
		return err
	}
	shas := make([]string, 0, len(b.thumbs))
	for sha, t := range b.thumbs {
		if t != nil {
			shas = append(shas, sha)
		}
	}
	sort.Strings(shas)
	for _, sha := range shas {
		if err := add(thumbPath(sha), bytes.NewReader(b.thumbs[sha].data)); err != nil {
			return err
		}
	}
	return nil
}

func thumbPath(sha string) string { return ThumbDir + sha + ".jpg" }

var hexSHA256 = regexp.MustCompile(`^[0-9a-f]{64}$`)

// thumb is a thumbnail that Write will add, with its size in pixels.
type thumb struct {
	data          []byte
	width, height int
}

// builder turns a Site into the page's view and collects the thumbnails it uses.
type builder struct {
	site    Site
	entryOf map[string]int    // entry id -> index in Portfolio.Entries
	thumbs  map[string]*thumb // by SHA-256; nil when there is none
}

func newBuilder(s Site) *builder {
	b := &builder{site: s, entryOf: map[string]int{}, thumbs: map[string]*thumb{}}
	for i, e := range s.Portfolio.Entries {
		if _, dup := b.entryOf[e.ID]; !dup && e.ID != "" {
			b.entryOf[e.ID] = i
		}
	}
	return b
}

// thumbnail asks Site.Thumbnail once per image and keeps only what a browser can show: a
// JPEG whose size can be read.
func (b *builder) thumbnail(sha string) *thumb {
	sha = strings.ToLower(strings.TrimSpace(sha))
	if !hexSHA256.MatchString(sha) || b.site.Thumbnail == nil {
		return nil
	}
	if t, seen := b.thumbs[sha]; seen {
		return t
	}
	var t *thumb
	if data, ok := b.site.Thumbnail(sha); ok && len(data) > 0 {
		if cfg, format, err := image.DecodeConfig(bytes.NewReader(data)); err == nil && format == "jpeg" && cfg.Width > 0 && cfg.Height > 0 {
			t = &thumb{data: data, width: cfg.Width, height: cfg.Height}
		}
	}
	b.thumbs[sha] = t
	return t
}

// fileHref is the link to a file in the package: its path relative to data/, each segment
// percent-encoded, so that names with spaces, "#", "?", "%" or any script still resolve.
// Paths that are not plainly inside the package (absolute, "..", backslashes) get no link.
func fileHref(p string) (template.URL, bool) {
	if p == "" || strings.Contains(p, `\`) || !fs.ValidPath(p) {
		return "", false
	}
	return template.URL(encodePath(p)), true
}

// encodePath percent-encodes every byte of each segment except letters, digits and "-._~",
// the characters that mean nothing in a URL. A first segment with a ":" can then never be
// read as a scheme.
func encodePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		var b strings.Builder
		for j := 0; j < len(s); j++ {
			c := s[j]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
				b.WriteByte(c)
				continue
			}
			fmt.Fprintf(&b, "%%%02X", c)
		}
		segs[i] = b.String()
	}
	return strings.Join(segs, "/")
}

// externalHref is a web address the educator or a framework gave, if it is one: http or https
// with a host. Anything else (javascript:, file:, a relative path) is shown as text only.
func externalHref(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return raw, true
	}
	return "", false
}

var emailPattern = regexp.MustCompile(`^[^\s@<>"'(),;:\\]+@[^\s@<>"'(),;:\\]+\.[^\s@<>"'(),;:\\]+$`)

func mailtoHref(email string) (string, bool) {
	if !emailPattern.MatchString(email) {
		return "", false
	}
	return "mailto:" + email, true
}
