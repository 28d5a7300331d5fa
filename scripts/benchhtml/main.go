// Command benchhtml writes a data folder's certification content as one HTML document, for
// scripts/bench.sh to time `chromium --headless --print-to-pdf` against ReadyFolio's own export.
//
// It shows what the certification PDF shows: the profile, the coverage of every framework in
// use, every entry marked ready and included in exports (in the educator's order) with its
// kind's fields, reflection, competencies and evidence, and an appendix of every artifact with
// its SHA-256. Images are the stored artifact files themselves, referenced as file:// URLs.
// It only reads the data folder; it is a benchmark helper, not part of the app.
//
//	go run ./scripts/benchhtml -data DIR -out portfolio.html [-paper letter|a4]
package main

import (
	"context"
	"flag"
	"fmt"
	"html/template"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

func main() {
	data := flag.String("data", "", "the data folder to read")
	out := flag.String("out", "", "the HTML file to write")
	paper := flag.String("paper", "letter", "letter or a4")
	flag.Parse()
	if *data == "" || *out == "" || (*paper != "letter" && *paper != "a4") {
		fmt.Fprintln(os.Stderr, "usage: benchhtml -data DIR -out FILE.html [-paper letter|a4]")
		os.Exit(2)
	}
	if err := run(context.Background(), *data, *out, *paper); err != nil {
		fmt.Fprintln(os.Stderr, "benchhtml:", err)
		os.Exit(1)
	}
}

type page struct {
	Paper     string
	Profile   portfolio.Profile
	PhotoURL  string
	Generated string
	Coverage  []portfolio.Coverage
	Entries   []entry
	Images    int
}

type entry struct {
	portfolio.Entry
	Anchor     string
	KindLabel  string
	Meta       string
	Fields     []field // short fields, then narratives
	Narratives []field
	Reflection []portfolio.ReflectionAnswer
	Alignments []alignment
	Files      []portfolio.Artifact // files that are not images, and links
	Images     []image
}

type field struct{ Label, Value string }

type alignment struct{ Code, Competency, Framework, Strength, Rationale string }

type image struct {
	URL     template.URL
	Caption string
}

func run(ctx context.Context, dir, out, paper string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	ws, err := workspace.Open(workspace.Options{Dir: dir})
	if err != nil {
		return err
	}
	defer ws.Close()

	profile, err := ws.Store.Profile(ctx)
	if err != nil {
		return err
	}
	p := page{Paper: paper, Profile: profile, Generated: time.Now().Format("2 January 2006")}
	if profile.PhotoSHA256 != "" {
		if p.PhotoURL, err = blobURL(ws, profile.PhotoSHA256); err != nil {
			return err
		}
	}

	// The certification preset's selection (workspace.exportEntries is unexported): every live
	// entry marked ready and included in exports, in the educator's manual order.
	all, err := ws.Store.ListEntries(ctx, portfolio.EntryFilter{Sort: portfolio.SortManual})
	if err != nil {
		return err
	}
	frameworks := map[string]portfolio.Framework{}
	for i, e := range all {
		if e.Status != portfolio.StatusReady || !e.IncludeInExports {
			continue
		}
		en, err := buildEntry(ctx, ws, i, e, frameworks)
		if err != nil {
			return err
		}
		p.Images += len(en.Images)
		p.Entries = append(p.Entries, en)
	}
	ids := make([]string, 0, len(frameworks))
	for id := range frameworks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		cov, err := ws.Store.Coverage(ctx, id)
		if err != nil {
			return err
		}
		p.Coverage = append(p.Coverage, cov)
	}

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := tmpl.Execute(f, p); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "benchhtml: wrote %s: %d entries, %d images, %d frameworks\n", out, len(p.Entries), p.Images, len(p.Coverage))
	return nil
}

func buildEntry(ctx context.Context, ws *workspace.Workspace, i int, e portfolio.Entry, frameworks map[string]portfolio.Framework) (entry, error) {
	// The same labels, fields and order as the PDF and the package's viewer (backend/present).
	en := entry{Entry: e, Anchor: "entry-" + strconv.Itoa(i+1), KindLabel: present.KindLabel(e.Kind),
		Meta: strings.Join(present.Meta(e), " · "), Reflection: present.Reflection(e.Reflection)}
	for _, b := range present.Details(e) {
		switch b.Kind {
		case present.Field:
			en.Fields = append(en.Fields, field{b.Label, b.Text})
		case present.Narrative:
			en.Narratives = append(en.Narratives, field{b.Label, b.Text})
		case present.Outcomes:
			for _, o := range b.Outcomes {
				en.Narratives = append(en.Narratives, field{"Outcome: " + o.Metric, "Baseline " + o.Baseline + " → result " + o.Result})
			}
		}
	}

	aligned, err := ws.Store.EntryAlignments(ctx, e.ID)
	if err != nil {
		return en, err
	}
	for _, a := range aligned {
		f, ok := frameworks[a.FrameworkID]
		if !ok {
			if f, err = ws.Store.Framework(ctx, a.FrameworkID); err != nil {
				return en, err
			}
			frameworks[a.FrameworkID] = f
		}
		for _, c := range f.Competencies {
			if c.ID == a.CompetencyID {
				en.Alignments = append(en.Alignments, alignment{c.Code, c.Title, f.Title, a.Strength, a.Rationale})
			}
		}
	}

	for _, a := range e.Artifacts {
		if a.Type == portfolio.ArtifactFile && a.IsImage() {
			u, err := blobURL(ws, a.SHA256)
			if err != nil {
				return en, err
			}
			en.Images = append(en.Images, image{URL: template.URL(u), Caption: a.Caption})
			continue
		}
		en.Files = append(en.Files, a)
	}
	return en, nil
}

// blobURL is the file:// URL of a stored artifact: artifacts/ab/abcd… inside the data folder.
func blobURL(ws *workspace.Workspace, sha string) (string, error) {
	path, err := ws.Blobs.Path(sha)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err != nil {
		return "", err
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String(), nil
}

func typeName(mediaType string) string {
	if base, _, err := mime.ParseMediaType(mediaType); err == nil {
		return base
	}
	return "file"
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

var tmpl = template.Must(template.New("portfolio").Funcs(template.FuncMap{
	"typeName": typeName, "humanSize": humanSize,
	"isLink": func(a portfolio.Artifact) bool { return a.Type == portfolio.ArtifactLink },
	"paras":  func(s string) []string { return strings.Split(strings.TrimSpace(s), "\n") },
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{{.Profile.Name}} · Certification portfolio</title>
<style>
@page { size: {{if eq .Paper "a4"}}A4{{else}}Letter{{end}}; margin: 20mm 18mm; }
html { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d2330; }
h1 { font-size: 22pt; margin: 0 0 4mm; } h2 { font-size: 14pt; margin: 7mm 0 2mm; } h3 { font-size: 11pt; margin: 4mm 0 1mm; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #4457a8; font-weight: 700; }
.small { font-size: 8.5pt; color: #5a6170; } .mono { font-family: "Noto Sans Mono", monospace; font-size: 7.5pt; word-break: break-all; }
section { break-before: page; } .cover { break-before: auto; }
dl.fields { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 3mm 0; } dt { font-weight: 700; } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; } th, td { border-bottom: .3mm solid #d5d9e2; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
tr { break-inside: avoid; } tr.group td { font-weight: 700; background: #eef0f6; }
figure { margin: 4mm 0; break-inside: avoid; } img { max-width: 100%; height: auto; display: block; } figcaption { font-size: 8.5pt; color: #5a6170; margin-top: 1mm; }
.photo { max-width: 45mm; float: right; margin-left: 6mm; }
.artifact { margin: 2.5mm 0; break-inside: avoid; } .align { margin: 3mm 0; break-inside: avoid; }
.signature { margin-top: 12mm; border-left: 1.2mm solid #4457a8; padding-left: 6mm; break-inside: avoid; }
</style></head><body>

<div class="cover">
<div class="eyebrow">Certification portfolio · AI leadership</div>
<h1>{{.Profile.Name}}</h1>
<p>{{.Profile.Role}}{{if .Profile.School}} · {{.Profile.School}}{{end}}{{if .Profile.District}} · {{.Profile.District}}{{end}}</p>
<p class="small">Prepared {{.Generated}} · {{len .Entries}} pieces of evidence · {{.Images}} images</p>
<h2>Contents</h2>
<ol>{{range .Entries}}<li><a href="#{{.Anchor}}">{{.Title}}</a> <span class="small">{{.KindLabel}}</span></li>{{end}}</ol>
</div>

<section id="profile"><h1>Profile</h1>
{{if .PhotoURL}}<img class="photo" src="{{.PhotoURL}}" alt="">{{end}}
<dl class="fields">
{{with .Profile.Name}}<dt>Name</dt><dd>{{.}}</dd>{{end}}
{{with .Profile.Role}}<dt>Role</dt><dd>{{.}}</dd>{{end}}
{{with .Profile.School}}<dt>School</dt><dd>{{.}}</dd>{{end}}
{{with .Profile.District}}<dt>District</dt><dd>{{.}}</dd>{{end}}
{{with .Profile.Email}}<dt>Email</dt><dd>{{.}}</dd>{{end}}
</dl>
{{with .Profile.Bio}}<h2>About me</h2>{{range paras .}}<p>{{.}}</p>{{end}}{{end}}
</section>

{{range .Coverage}}<section><div class="eyebrow">Competency coverage</div><h1>{{.Framework.Title}}</h1>
<p class="small">{{.Framework.Publisher}} · {{.Framework.Version}} · {{.Framework.Licence}}<br>{{.Framework.SourceURL}}</p>
<p><b>{{.Summary}}</b></p>
<table><thead><tr><th>Code</th><th>Competency</th><th>Entries</th><th>Strongest</th><th>Self-assessment</th></tr></thead><tbody>
{{range .Rows}}{{if not .Competency.RetiredAt}}{{if .Competency.Leaf}}<tr><td>{{.Competency.Code}}</td><td>{{.Competency.Title}}</td>
<td>{{if .Evidence}}{{len .Evidence}}{{else}}–{{end}}</td><td>{{if .Evidence}}{{.Strongest}}{{else}}<b>Gap</b>{{end}}</td><td>{{or .Status "–"}}</td></tr>
{{else}}<tr class="group"><td colspan="5">{{.Competency.Code}} {{.Competency.Title}}</td></tr>{{end}}{{end}}{{end}}
</tbody></table></section>
{{end}}

{{range .Entries}}<section id="{{.Anchor}}"><div class="eyebrow">{{.KindLabel}}</div><h1>{{.Title}}</h1>
{{with .Meta}}<p class="small">{{.}}</p>{{end}}
{{with .Fields}}<dl class="fields">{{range .}}<dt>{{.Label}}</dt><dd>{{.Value}}</dd>{{end}}</dl>{{end}}
{{range .Narratives}}<h3>{{.Label}}</h3>{{range paras .Value}}<p>{{.}}</p>{{end}}{{end}}
{{with .Reflection}}<h2>Reflection</h2>{{range .}}<h3>{{.Prompt}}</h3>{{range paras .Text}}<p>{{.}}</p>{{end}}{{end}}{{end}}
{{with .Alignments}}<h2>Competencies demonstrated</h2>{{range .}}<div class="align"><b>{{.Code}} {{.Competency}}</b> <span class="eyebrow">{{.Strength}}</span>
<div class="small">{{.Framework}}</div>{{with .Rationale}}<p>{{.}}</p>{{end}}</div>{{end}}{{end}}
{{if or .Files .Images}}<h2>Evidence</h2>{{end}}
{{range .Files}}<div class="artifact">{{if isLink .}}<b><a href="{{.URL}}">{{or .LinkTitle .URL}}</a></b><div class="small">{{.URL}}</div>{{with .Caption}}<div>{{.}}</div>{{end}}
{{else}}<b>{{.FileName}}</b><div class="small">{{typeName .MediaType}} · {{humanSize .Size}}</div>{{with .Caption}}<div>{{.}}</div>{{end}}<div class="mono">SHA-256 {{.SHA256}}</div>{{end}}</div>{{end}}
{{$title := .Title}}{{range .Images}}<figure><img src="{{.URL}}" alt="{{or .Caption $title}}">{{with .Caption}}<figcaption>{{.}}</figcaption>{{end}}</figure>{{end}}
</section>
{{end}}

<section id="appendix"><div class="eyebrow">Appendix</div><h1>Index of artifacts</h1>
<p>Every file and link attached to the evidence in this portfolio, with the SHA-256 fingerprint of each file.</p>
{{range .Entries}}{{if .Artifacts}}<div class="small">{{.KindLabel}}</div><h3>{{.Title}}</h3>
{{range .Artifacts}}<div class="artifact">{{if isLink .}}<b>{{or .LinkTitle .URL}}</b><div class="small">{{.URL}}</div>
{{else}}<b>{{.FileName}}</b><div class="small">{{typeName .MediaType}} · {{humanSize .Size}}</div><div class="mono">SHA-256 {{.SHA256}}</div>{{end}}</div>{{end}}{{end}}{{end}}
<div class="signature"><div class="eyebrow">Digital signature</div><p>Not signed: this HTML version exists only to time Chromium's print to PDF.</p></div>
</section>
</body></html>
`))
