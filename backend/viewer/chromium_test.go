package viewer

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if bin, err := exec.LookPath(name); err == nil {
			return bin
		}
	}
	t.Skip("chromium is not installed (Debian: chromium)")
	return ""
}

// writeSite lays the package's data/ folder out on disk: what Write produced and the
// artifacts and PDF it links to. VIEWER_KEEP=dir keeps it, and the screenshots, for a look.
func writeSite(t *testing.T, out output, bag map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	if keep := os.Getenv("VIEWER_KEEP"); keep != "" {
		dir = keep
	}
	data := filepath.Join(dir, "data")
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	for _, files := range []map[string][]byte{out.files, bag} {
		for p, content := range files {
			full := filepath.Join(data, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return data
}

var localRef = regexp.MustCompile(`(?:src|href)="([^"#:]+)"`)

// TestChromium opens the page in headless Chromium, offline, as a reviewer would from the
// unzipped package: the stylesheet and thumbnails load under the CSP, the DOM has the content,
// and every file the page links to is there.
func TestChromium(t *testing.T) {
	bin := chromium(t)
	f := newFixture(t)
	out := write(t, f.site)
	data := writeSite(t, out, f.bag)
	dir := filepath.Dir(data)

	// Every local link resolves on disk, decoded as a browser decodes it.
	page := string(out.files[IndexPath])
	refs := localRef.FindAllStringSubmatch(page, -1)
	if len(refs) < 10 {
		t.Fatalf("only %d local references", len(refs))
	}
	for _, m := range refs {
		p, err := url.PathUnescape(strings.ReplaceAll(m[1], "&amp;", "&"))
		if err != nil {
			t.Errorf("%s: %v", m[1], err)
			continue
		}
		if _, err := os.Stat(filepath.Join(data, filepath.FromSlash(p))); err != nil {
			t.Errorf("%s does not resolve: %v", m[1], err)
		}
	}

	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(data, IndexPath))}).String()
	run := func(args ...string) (stdout, stderr string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		common := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
			"--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--user-data-dir=" + t.TempDir(),
			"--enable-logging=stderr", "--v=0"}
		cmd := exec.CommandContext(ctx, bin, append(common, args...)...)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		if err := cmd.Run(); err != nil {
			t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, e.String())
		}
		// Chromium logs what the page's console says; a CSP refusal would show here.
		for _, line := range strings.Split(e.String(), "\n") {
			if strings.Contains(line, "Content Security Policy") || strings.Contains(line, "Refused to") ||
				strings.Contains(line, "ERR_FILE_NOT_FOUND") {
				t.Errorf("chromium: %s", line)
			}
		}
		return o.String(), e.String()
	}

	// The top of the page: the cover, the contents, the profile.
	top := filepath.Join(dir, "viewer-top.png")
	run("--screenshot="+top, "--window-size=1280,2000", pageURL)
	img := decodePNG(t, top)
	if n := distinctColours(img, 64); n < 16 {
		t.Errorf("%s has %d colours: blank?", top, n)
	}
	// The accent comes only from the stylesheet: seeing it shows the CSS loaded under the CSP.
	if !hasColour(img, color.RGBA{15, 118, 110, 255}, 4) {
		t.Errorf("%s has no teal: the stylesheet did not load", top)
	}

	// The whole page, in a window taller than it: the thumbnails load too (img-src 'self').
	full := filepath.Join(dir, "viewer-full.png")
	run("--screenshot="+full, "--window-size=1280,12000", pageURL)
	if !hasColour(decodePNG(t, full), magenta, 40) {
		t.Errorf("%s shows no thumbnail", full)
	}

	dom, _ := run("--dump-dom", pageURL)
	for _, want := range []string{educator, "AI feedback on lab reports in Grade 8 science", "From take-home essay to in-class writing studio"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered DOM lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(dom), "<script") {
		t.Error("the rendered DOM has a script")
	}
	t.Logf("screenshots: %s, %s", top, full)
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 800 {
		t.Fatalf("%s is %v", path, b)
	}
	return img
}

// distinctColours counts the colours of img, stopping at limit.
func distinctColours(img image.Image, limit int) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			seen[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// hasColour reports whether some pixel of img is within tolerance of c in every channel.
func hasColour(img image.Image, c color.RGBA, tolerance int) bool {
	near := func(a uint8, b uint8) bool { d := int(a) - int(b); return d <= tolerance && d >= -tolerance }
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			if near(p.R, c.R) && near(p.G, c.G) && near(p.B, c.B) {
				return true
			}
		}
	}
	return false
}
