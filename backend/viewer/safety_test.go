package viewer

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSafety(t *testing.T) {
	f := newFixture(t)
	checkPage(t, write(t, f.site), f.bag)
}

// checkPage checks what any page Write makes must satisfy: the CSP, no script and no style
// of its own, nothing loaded from outside, every local link resolving (to a file Write made,
// a file of the package in bag, or an id on the page), and the accessibility basics.
func checkPage(t *testing.T, out output, bag map[string][]byte) {
	t.Helper()
	page := out.files[IndexPath]
	if bytes.Contains(bytes.ToLower(page), []byte("<script")) {
		t.Error("the page contains <script")
	}
	doc := parse(t, page)

	// The CSP is the first thing in <head> after the charset, before anything is loaded.
	head := all(doc, tag("head"))[0]
	var metas []*html.Node
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			metas = append(metas, c)
		}
	}
	if len(metas) < 2 || metas[0].Data != "meta" || metas[1].Data != "meta" {
		t.Fatal("the head does not start with two meta elements")
	}
	if cs, _ := attr(metas[0], "charset"); cs != "utf-8" {
		t.Errorf("first meta: charset %q", cs)
	}
	if eq, _ := attr(metas[1], "http-equiv"); eq != "Content-Security-Policy" {
		t.Errorf("second meta: http-equiv %q", eq)
	}
	if c, _ := attr(metas[1], "content"); c != CSP || CSP != "default-src 'none'; img-src 'self'; style-src 'self'" {
		t.Errorf("CSP %q", c)
	}

	ids := map[string]bool{}
	for _, n := range all(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		id, _ := attr(n, "id")
		if ids[id] {
			t.Errorf("id %q is not unique", id)
		}
		ids[id] = true
	}

	referenced := map[string]bool{}
	for _, n := range all(doc, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "script", "style", "iframe", "object", "embed", "base", "form", "frame", "video", "audio", "source", "svg":
			t.Errorf("the page has a <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "srcset" || a.Key == "formaction" {
				t.Errorf("<%s> has the attribute %s", n.Data, a.Key)
			}
			if a.Key != "src" && a.Key != "href" {
				continue
			}
			ref := a.Val
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("<%s %s=%q>: %v", n.Data, a.Key, ref, err)
				continue
			}
			switch {
			case u.Scheme != "" || u.Host != "":
				// Only <a> may point outside the package, and only to the web or an address.
				if n.Data != "a" {
					t.Errorf("<%s> loads %q from outside", n.Data, ref)
					continue
				}
				switch u.Scheme {
				case "http", "https":
					if rel, _ := attr(n, "rel"); rel != "noopener noreferrer" {
						t.Errorf("the link to %s has rel %q", ref, rel)
					}
				case "mailto":
				default:
					t.Errorf("a link to %q", ref)
				}
			case strings.HasPrefix(ref, "#"):
				if n.Data != "a" || !ids[ref[1:]] {
					t.Errorf("<%s %s=%q> points at no id", n.Data, a.Key, ref)
				}
			default:
				if u.RawQuery != "" || u.Fragment != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") || strings.Contains(u.Path, "..") {
					t.Errorf("<%s %s=%q> is not a plain relative path", n.Data, a.Key, ref)
					continue
				}
				if encodePath(u.Path) != ref {
					t.Errorf("<%s %s=%q> is not percent-encoded segment by segment", n.Data, a.Key, ref)
				}
				_, written := out.files[u.Path]
				_, inBag := bag[u.Path]
				loaded := n.Data != "a"
				switch {
				case written:
					referenced[u.Path] = true
				case inBag && !loaded:
				default:
					t.Errorf("<%s %s=%q> resolves to no file", n.Data, a.Key, ref)
				}
				if loaded && n.Data != "img" && !(n.Data == "link" && u.Path == StylePath) {
					t.Errorf("<%s> loads %s", n.Data, ref)
				}
			}
		}
	}
	for p := range out.files {
		if p != IndexPath && !referenced[p] {
			t.Errorf("%s is written but not used", p)
		}
	}

	// Accessibility basics: one h1, headings that never skip a level, alt text, table headers
	// with a scope, links with a name.
	level := 0
	h1 := 0
	for _, h := range all(doc, func(n *html.Node) bool {
		return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
	}) {
		l, _ := strconv.Atoi(h.Data[1:])
		if l == 1 {
			h1++
		}
		if l > level+1 {
			t.Errorf("<%s>%s</%s> follows an h%d", h.Data, text(h), h.Data, level)
		}
		if text(h) == "" {
			t.Errorf("an empty <%s>", h.Data)
		}
		level = l
	}
	if h1 != 1 {
		t.Errorf("%d h1 elements", h1)
	}
	for _, img := range all(doc, tag("img")) {
		if alt, ok := attr(img, "alt"); !ok || strings.TrimSpace(alt) == "" {
			t.Errorf("an image without alt text: %v", img.Attr)
		}
	}
	for _, th := range all(doc, tag("th")) {
		if s, _ := attr(th, "scope"); s != "col" && s != "row" && s != "rowgroup" {
			t.Errorf("<th>%s</th> has scope %q", text(th), s)
		}
	}
	for _, a := range all(doc, tag("a")) {
		if text(a) == "" && len(all(a, tag("img"))) == 0 {
			t.Errorf("a link without a name: %v", a.Attr)
		}
	}
}
