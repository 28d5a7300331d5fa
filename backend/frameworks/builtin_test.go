package frameworks

import (
	"regexp"
	"slices"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

var (
	unescoCodes = []string{
		"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3",
		"4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
	}
	unescoNames = map[string]string{
		"1": "Human-centred mindset", "2": "Ethics of AI", "3": "AI foundations and applications",
		"4": "AI pedagogy", "5": "AI for professional development",
		"1.1": "Human agency", "1.2": "Human accountability", "1.3": "Social responsibility",
		"2.1": "Ethical principles", "2.2": "Safe and responsible use", "2.3": "Co-creating ethical rules",
		"3.1": "Basic AI techniques and applications", "3.2": "Application skills", "3.3": "Creating with AI",
		"4.1": "AI-assisted teaching", "4.2": "AI-pedagogy integration", "4.3": "AI-enhanced pedagogical transformation",
		"5.1": "AI enabling lifelong professional learning", "5.2": "AI to enhance organizational learning",
		"5.3": "AI to support professional transformation",
	}
	isteCodes = []string{
		"2.1.a", "2.1.b", "2.1.c", "2.2.a", "2.2.b", "2.2.c",
		"2.3.a", "2.3.b", "2.3.c", "2.3.d", "2.4.a", "2.4.b", "2.4.c", "2.4.d",
		"2.5.a", "2.5.b", "2.5.c", "2.6.a", "2.6.b", "2.6.c", "2.6.d",
		"2.7.a", "2.7.b", "2.7.c",
	}
	isteStandardNames = map[string]string{
		"2.1": "Learner", "2.2": "Leader", "2.3": "Citizen", "2.4": "Collaborator",
		"2.5": "Designer", "2.6": "Facilitator", "2.7": "Analyst",
	}
)

func builtInByID(t *testing.T, id string) portfolio.Framework {
	t.Helper()
	for _, f := range BuiltIns() {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("no built-in %q", id)
	return portfolio.Framework{}
}

// split returns the codes of the leaves and of the inner nodes, checking the shape on the way.
func split(t *testing.T, f portfolio.Framework) (leaves, inner []string) {
	t.Helper()
	if err := consistent(f); err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Competencies {
		if c.ID != f.ID+":"+c.Code {
			t.Errorf("id %q, want %q", c.ID, f.ID+":"+c.Code)
		}
		if c.Leaf {
			leaves = append(leaves, c.Code)
			if c.Depth != 1 || c.Description == "" || c.Title == "" {
				t.Errorf("leaf %s: depth %d, title %q, description %q", c.Code, c.Depth, c.Title, c.Description)
			}
		} else {
			inner = append(inner, c.Code)
			if c.Depth != 0 {
				t.Errorf("inner node %s at depth %d", c.Code, c.Depth)
			}
		}
	}
	return leaves, inner
}

func TestUNESCOHasItsFifteenCompetencies(t *testing.T) {
	f := builtInByID(t, UNESCOID)
	leaves, inner := split(t, f)
	if !slices.Equal(leaves, unescoCodes) || f.LeafCount != 15 {
		t.Errorf("leaves = %v (leafCount %d), want %v", leaves, f.LeafCount, unescoCodes)
	}
	if !slices.Equal(inner, []string{"1", "2", "3", "4", "5"}) {
		t.Errorf("dimensions = %v", inner)
	}
	levels := []string{"acquire", "deepen", "create"}
	for _, c := range f.Competencies {
		if c.Title != unescoNames[c.Code] {
			t.Errorf("%s is %q, want %q", c.Code, c.Title, unescoNames[c.Code])
		}
		if want := ""; c.Leaf {
			want = levels[c.Position-1]
			if c.Level != want || c.ParentID != f.ID+":"+c.Code[:1] {
				t.Errorf("%s: level %q parent %q", c.Code, c.Level, c.ParentID)
			}
		} else if c.Level != want {
			t.Errorf("dimension %s has level %q", c.Code, c.Level)
		}
	}
	want := portfolio.Framework{
		ID: UNESCOID, Publisher: "UNESCO", Version: "2024", SourceURL: "https://doi.org/10.54675/ZJTE2084",
		Licence: "CC BY-SA 3.0 IGO (publication); ReadyFolio ships codes, names and its own one-line gists",
		Origin:  portfolio.OriginBuiltIn, Scale: portfolio.ScaleUNESCOLevels,
	}
	if f.ID != want.ID || f.Publisher != want.Publisher || f.Version != want.Version || f.SourceURL != want.SourceURL ||
		f.Licence != want.Licence || f.Origin != want.Origin || f.Scale != want.Scale || f.Title == "" {
		t.Errorf("framework = %+v", f)
	}
}

func TestISTEHasItsTwentyFourIndicators(t *testing.T) {
	f := builtInByID(t, ISTEID)
	leaves, inner := split(t, f)
	if !slices.Equal(leaves, isteCodes) || f.LeafCount != 24 {
		t.Errorf("leaves = %v (leafCount %d), want %v", leaves, f.LeafCount, isteCodes)
	}
	if !slices.Equal(inner, []string{"2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"}) {
		t.Errorf("standards = %v", inner)
	}
	for _, c := range f.Competencies {
		if c.Leaf {
			if c.ParentID != f.ID+":"+c.Code[:3] || c.Level != "" {
				t.Errorf("%s: parent %q level %q", c.Code, c.ParentID, c.Level)
			}
		} else if c.Title != isteStandardNames[c.Code] {
			t.Errorf("standard %s is %q, want %q", c.Code, c.Title, isteStandardNames[c.Code])
		}
	}
	if f.Origin != portfolio.OriginBuiltIn || f.Scale != portfolio.ScaleProficiency || f.Version != "2024" ||
		f.Publisher != "ISTE" || f.SourceURL != "https://iste.org/standards/iste-standards-for-teachers" {
		t.Errorf("framework = %+v", f)
	}
	if got := builtInByID(t, ISTEID).Competencies[1]; got.ID != "iste-educators:2.1.a" {
		t.Errorf("first indicator id = %q", got.ID)
	}
}

func TestBuiltInDigestsAreStableAndFollowTheContent(t *testing.T) {
	hex64 := regexp.MustCompile(`^[0-9a-f]{64}$`)
	first, second := BuiltIns(), BuiltIns()
	if first[0].ContentDigest == first[1].ContentDigest {
		t.Error("both built-ins have the same digest")
	}
	for i, f := range first {
		if !hex64.MatchString(f.ContentDigest) {
			t.Errorf("%s: digest %q", f.ID, f.ContentDigest)
		}
		if second[i].ContentDigest != f.ContentDigest || contentDigest(f) != f.ContentDigest {
			t.Errorf("%s: digest not stable", f.ID)
		}

		changed := f
		changed.Competencies = slices.Clone(f.Competencies)
		changed.Competencies[3].Description += " Changed."
		if contentDigest(changed) == f.ContentDigest {
			t.Errorf("%s: digest ignores a changed description", f.ID)
		}
		changed = f
		changed.Version = "2025"
		if contentDigest(changed) == f.ContentDigest {
			t.Errorf("%s: digest ignores a changed version", f.ID)
		}
	}

	// Each call builds afresh: changing what one caller got does not reach the next.
	first[0].Competencies[0].Title = "changed"
	if BuiltIns()[0].Competencies[0].Title == "changed" {
		t.Error("BuiltIns shares its competencies between calls")
	}
}
