package pdfrender

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/imaging"
	"github.com/readyfolio/readyfolio/backend/impact"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// fakeImages prepares images from bytes held in memory, with the app's own imaging code and,
// like the app's cache, keeps what it prepared (across tests: re-encoding dominates their time).
type fakeImages struct {
	files map[string][]byte // by SHA-256
	calls int
}

var preparedCache = map[string]Prepared{}

func (f *fakeImages) Print(sha string, maxSide int) (Prepared, error) {
	f.calls++
	data, ok := f.files[sha]
	if !ok {
		return Prepared{}, errors.New("no such file")
	}
	key := fmt.Sprint(sha, maxSide)
	if p, ok := preparedCache[key]; ok {
		return p, nil
	}
	p, err := imaging.PrepareForPrint(bytes.NewReader(data), maxSide)
	if err != nil {
		return Prepared{}, err
	}
	preparedCache[key] = Prepared{Data: p.Data, Format: p.Format, Width: p.Width, Height: p.Height}
	return preparedCache[key], nil
}

// fixture is a test portfolio: the document, its images and the files it attaches.
type fixture struct {
	doc    Document
	images *fakeImages
}

var generatedAt = time.Date(2025, 3, 12, 14, 30, 0, 0, time.UTC)

const (
	educator = "Zoë Ñúñez-Łukasz"
	greek    = "Σωκράτης"
	cyrillic = "Пётр"
)

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// picture draws a w×h test image: a diagonal gradient between two colours with a few bars,
// enough structure to look like a chart or a photo when viewed.
func picture(w, h int, from, to color.RGBA, bars int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	mix := func(a, b uint8, t float64) uint8 { return uint8(float64(a)*(1-t) + float64(b)*t) }
	for y := range h {
		for x := range w {
			t := (float64(x)/float64(w) + float64(y)/float64(h)) / 2
			img.Set(x, y, color.RGBA{mix(from.R, to.R, t), mix(from.G, to.G, t), mix(from.B, to.B, t), 255})
		}
	}
	for i := range bars {
		bw := w / (2*bars + 1)
		x0 := bw * (2*i + 1)
		top := h - h*(i+2)/(bars+3)
		for y := top; y < h-h/10; y++ {
			for x := x0; x < x0+bw; x++ {
				img.Set(x, y, color.RGBA{255, 255, 255, 230})
			}
		}
	}
	return img
}

// pictures memoises encoded test images: encoding dominates the tests' time.
var pictures = map[string][]byte{}

// drawn is picture encoded as "png" or "jpg".
func drawn(t testing.TB, w, h int, from, to color.RGBA, bars int, format string) []byte {
	key := fmt.Sprint(w, h, from, to, bars, format)
	if data, ok := pictures[key]; ok {
		return data
	}
	data := encode(t, picture(w, h, from, to, bars), format)
	pictures[key] = data
	return data
}

func encode(t testing.TB, img image.Image, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var (
	teal  = color.RGBA{15, 118, 110, 255}
	sand  = color.RGBA{253, 230, 138, 255}
	slate = color.RGBA{71, 85, 105, 255}
	sky   = color.RGBA{186, 230, 253, 255}
	rose  = color.RGBA{190, 18, 60, 255}
)

// newFixture builds a certification portfolio with every kind of evidence: landscape and
// portrait images, a CMYK JPEG, a corrupt image, documents, links, two frameworks.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	cmyk, err := os.ReadFile("testdata/cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var attachments []Attachment
	file := func(name, mediaType, caption string, data []byte) portfolio.Artifact {
		sha := sha256Hex(data)
		files[sha] = data
		attachments = append(attachments, Attachment{Name: name, MediaType: mediaType, SHA256: sha, Size: int64(len(data)),
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }})
		return portfolio.Artifact{Type: portfolio.ArtifactFile, Role: portfolio.RoleAttachment, FileName: name,
			MediaType: mediaType, Size: int64(len(data)), SHA256: sha, Caption: caption}
	}
	link := func(title, url, caption string) portfolio.Artifact {
		return portfolio.Artifact{Type: portfolio.ArtifactLink, LinkTitle: title, URL: url, Caption: caption}
	}
	role := func(a portfolio.Artifact, r portfolio.ArtifactRole) portfolio.Artifact { a.Role = r; return a }
	pdfDoc := func(text string) []byte {
		return []byte("%PDF-1.4\n% " + text + "\n" + strings.Repeat("0123456789abcdef", 200) + "\n%%EOF\n")
	}

	photo := drawn(t, 360, 440, sky, slate, 0, "jpg")
	photoSHA := sha256Hex(photo)
	files[photoSHA] = photo

	chart := file("exit-ticket-results.png", "image/png", "Exit-ticket scores before and after the feedback pilot",
		drawn(t, 900, 480, color.RGBA{240, 253, 250, 255}, teal, 5, "png"))
	classroom := file("classroom.jpg", "image/jpeg", "Students annotating AI feedback in pairs",
		drawn(t, 800, 600, sand, rose, 0, "jpg"))
	worksheet := file("reflection-log.png", "image/png", "",
		drawn(t, 600, 820, color.RGBA{255, 255, 255, 255}, sky, 3, "png"))
	corrupt := file("whiteboard.jpg", "image/jpeg", "Planning whiteboard", []byte("\xff\xd8\xff\xe0 this is not really a JPEG"))
	cmykArt := file("poster-cmyk.jpg", "image/jpeg", "Poster printed by the district (CMYK)", cmyk)
	original := role(file("essay-prompt-2023.png", "image/png", "The 2023 take-home essay prompt",
		drawn(t, 620, 800, color.RGBA{255, 255, 255, 255}, slate, 0, "png")), portfolio.RoleOriginal)
	redesigned := role(file("essay-studio-2024.png", "image/png", "The 2024 in-class writing studio",
		drawn(t, 620, 800, color.RGBA{255, 255, 255, 255}, teal, 2, "png")), portfolio.RoleRedesign)
	screenshot := file("rubric-screenshot.png", "image/png", "Rubric co-written with students",
		drawn(t, 240, 160, sky, teal, 2, "png"))
	slides := file("Prompting for Feedback — workshop slides.pdf", "application/pdf", "Slides for the 90-minute workshop", pdfDoc("slides"))
	handout := file("handout.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "", []byte("PK\x03\x04 handout"))
	letter := file("letter-from-principal.pdf", "application/pdf", "Letter of support from the principal", pdfDoc("letter"))
	policy := file("ai-guidelines-v2.pdf", "application/pdf", "", pdfDoc("policy"))

	entry := func(k portfolio.Kind, title, start, end string, tags []string, answers ...string) portfolio.Entry {
		e := portfolio.NewEntry(k, title)
		e.Status = portfolio.StatusReady
		e.StartDate, e.EndDate, e.Tags = start, end, tags
		for i := range e.Reflection {
			if i < len(answers) {
				e.Reflection[i].Text = answers[i]
			}
		}
		return e
	}

	pilot1 := entry(portfolio.KindAIPilot, "AI feedback on lab reports in Grade 8 science", "2024-09-09", "2025-01-24",
		[]string{"feedback", "science", "writing"},
		"I expected faster feedback; what changed most was that students revised more often, because the first round of comments arrived while the lab was still fresh.\n\nThe quiet students used the feedback most.",
		"I would co-write the feedback criteria with students from the first week instead of introducing them in October.",
		"No student names or grades left the district tenant. Students could opt out and receive teacher-only feedback; four did.")
	pilot1.Pilot.GradesSubjects = "Grade 8 science"
	pilot1.Pilot.AITools = []string{"Khanmigo", "Copilot (district tenant)"}
	pilot1.Pilot.ProblemGoal = "Lab reports came back with feedback two weeks after the lab, too late to change how students wrote the next one."
	pilot1.Pilot.WhatWasDone = "Students submitted a draft of each lab report; an AI assistant configured with our rubric returned comments within a day. Students revised, annotated which comments they used and why, and I reviewed every final report. We used " + greek + "-style questioning prompts so the assistant asked rather than told."
	pilot1.Pilot.StudentsReached, pilot1.Pilot.ClassesReached = 112, 5
	pilot1.Pilot.PilotStatus = portfolio.PilotCompleted
	pilot1.Pilot.Outcomes = []portfolio.Outcome{
		{Metric: "Days from submission to feedback", Baseline: "14", Result: "1"},
		{Metric: "Reports revised at least once", Baseline: "22%", Result: "81%"},
		{Metric: "Mean rubric score (out of 16)", Baseline: "9.4", Result: "11.8"},
	}
	pilot1.Pilot.Privacy = portfolio.PrivacyReview{StudentDataInvolved: true, ApprovalObtained: true,
		Notes: "Reviewed by the district data-privacy officer in August 2024; parents informed by letter with an opt-out."}
	pilot1.Artifacts = []portfolio.Artifact{chart, classroom, worksheet, corrupt, link("Pilot summary for the school board", "https://example.org/board/2025/ai-feedback-pilot", "")}

	pilot2 := entry(portfolio.KindAIPilot, "Translation support for newcomer families", "2024-10-01", "",
		[]string{"family engagement", "multilingual"},
		"Families wrote back. Before the pilot, most newsletters went unanswered; now parents such as "+cyrillic+"'s mother ask questions in their own language.")
	pilot2.Pilot.GradesSubjects = "Whole school, family communication"
	pilot2.Pilot.AITools = []string{"DeepL", "Google Translate"}
	pilot2.Pilot.ProblemGoal = "Newcomer families (Ukrainian, Spanish, Mandarin — e.g. 李明's family) could not read the weekly newsletter."
	pilot2.Pilot.WhatWasDone = "A bilingual staff member checks every machine translation before it is sent."
	pilot2.Pilot.StudentsReached = 46
	pilot2.Pilot.PilotStatus = portfolio.PilotRunning
	pilot2.Artifacts = []portfolio.Artifact{cmykArt}

	pilot3 := entry(portfolio.KindAIPilot, "Speech-to-text for students with dysgraphia", "2025-02-03", "2025-04-30", nil)
	pilot3.Pilot.GradesSubjects = "Grades 6–8, learning support"
	pilot3.Pilot.AITools = []string{"Built-in dictation"}
	pilot3.Pilot.ProblemGoal = "Planned with the learning-support team."
	pilot3.Pilot.PilotStatus = portfolio.PilotPlanned
	pilot3.Status = portfolio.StatusDraft

	redesign1 := entry(portfolio.KindLessonRedesign, "From take-home essay to in-class writing studio", "2024-01-15", "2024-03-01",
		[]string{"assessment", "academic integrity"},
		"The take-home essay rewarded whoever had the best help at home, human or AI.",
		"Students defend their claims aloud in a two-minute conference.",
		"Drafts became shorter but their arguments improved.")
	redesign1.Redesign = &portfolio.RedesignDetails{Subject: "English language arts", Grade: "Grade 8",
		OriginalDescription: "A five-paragraph persuasive essay written at home over a week.",
		RedesignDescription: "Three in-class studio sessions: students draft by hand, use an AI tutor only to generate counter-arguments, and revise in class.",
		AIRole:              "A sparring partner that argues the other side; never a writer.",
		IntegrityMeasures:   "Drafts stay in class; the final conference checks the student can explain every paragraph.",
		StudentOutcomes:     "Rubric scores for reasoning rose from 2.1 to 2.9 (of 4)."}
	redesign1.Artifacts = []portfolio.Artifact{original, redesigned}

	redesign2 := entry(portfolio.KindLessonRedesign, "Lab safety quiz rebuilt as scenario cards", "2024-08-26", "", nil,
		"Memorised answers did not survive a real spill.")
	redesign2.Redesign = &portfolio.RedesignDetails{Subject: "Science", Grade: "Grade 7",
		OriginalDescription: "Twenty multiple-choice questions.",
		RedesignDescription: "Groups solve AI-generated lab mishap scenarios that I edited for accuracy."}
	redesign2.Artifacts = []portfolio.Artifact{screenshot}

	redesign3 := entry(portfolio.KindLessonRedesign, "Research project with AI source checks", "2024-11-04", "2024-12-13", nil)
	redesign3.Redesign = &portfolio.RedesignDetails{Subject: "Social studies", Grade: "Grade 8",
		RedesignDescription: "Students verify three AI-suggested sources against the library database."}

	pd1 := entry(portfolio.KindPDLed, "Prompting for feedback: a workshop for science teachers", "2024-10-18", "",
		[]string{"workshop"},
		"Teachers needed to see the rubric-first approach in their own subject.",
		"Six of eleven teachers now run AI feedback cycles.",
		"")
	pd1.PD = &portfolio.PDDetails{Format: portfolio.FormatWorkshop, Audience: "Middle-school science teachers (incl. " + cyrillic + " Смирнов)",
		Participants: 11, ContactHours: 1.5, Materials: "Slides, a rubric template and a handout with tested prompts.",
		FeedbackSummary: "Participants valued the live demo and asked for a follow-up on privacy.", FeedbackRating: 4.6}
	pd1.Artifacts = []portfolio.Artifact{slides, handout}

	pd2 := entry(portfolio.KindPDLed, "Coaching cycle on AI-aware assessment", "2025-01-13", "2025-03-07", nil,
		"They needed time to redesign one real assessment, not more examples.")
	pd2.PD = &portfolio.PDDetails{Format: portfolio.FormatCoaching, Audience: "Four Grade 7 teachers", Participants: 4, ContactHours: 6}

	other1 := entry(portfolio.KindArtifact, "Letter of support from the principal", "2025-02-20", "", nil)
	other1.Other = &portfolio.ArtifactDetails{Description: "A letter describing the effect of the feedback pilot on the science department."}
	other1.Artifacts = []portfolio.Artifact{letter}

	other2 := entry(portfolio.KindArtifact, "District guidelines for classroom AI use (co-author)", "2024-06-01", "", []string{"policy"},
		"Writing for every school forced me to separate principles from tools.")
	other2.Other = &portfolio.ArtifactDetails{Description: "I co-wrote version 2 of the district's guidelines with two principals and the data-privacy officer."}
	other2.Artifacts = []portfolio.Artifact{policy, link("Published guidelines", "https://example.org/district/ai-guidelines", "The district's public page")}

	evaluation := entry(portfolio.KindToolEvaluation, "Evaluating an AI feedback assistant for Grade 8 science", "2024-08-20", "", nil,
		"The privacy terms, not the features, decided it.")
	ev := evaluation.Evaluation
	ev.Tool, ev.Vendor, ev.ToolVersion, ev.IntendedUse, ev.GradeBand = "Khanmigo", "Khan Academy", "2024.8", "Feedback on lab report drafts", "6–8"
	ev.Recommendation, ev.Rationale = portfolio.RecommendPilotFurther, "Accurate and well aligned; pilot with one grade while the data agreement is reviewed."
	for i := range ev.Scores {
		ev.Scores[i].Score = 2 + i%3
	}
	ev.Scores[1].Notes, ev.Scores[1].Answers = "Two of twenty comments were wrong about units.", map[string]string{"what_checked": "Twenty lab reports against my own marking."}

	guidance := entry(portfolio.KindPolicyGuidance, "Northfield guidance on generative AI in classrooms", "2025-01-15", "", []string{"policy"})
	guidance.Guidance = &portfolio.PolicyGuidanceDetails{Body: "Northfield Unified School District", BodyLevel: portfolio.BodyDistrict,
		Role: portfolio.RoleCoAuthor, Stage: portfolio.StageAdopted, Summary: "When staff and students may use generative AI, and how they say so."}

	credentialFile := func(c portfolio.Credential, data []byte) portfolio.Credential {
		a := file(c.FileName, c.MediaType, c.Name, data)
		c.Size, c.SHA256 = a.Size, a.SHA256
		return c
	}
	credentials := []portfolio.Credential{
		credentialFile(portfolio.Credential{ID: "c1", Kind: portfolio.CredentialCertification, Name: "ISTE Certified Educator",
			Issuer: "ISTE", IssuedOn: "2023-06-30", ExpiresOn: "2026-06-30", CredentialID: "ISTE-2023-04417",
			VerificationURL: "https://www.credly.com/badges/0a1b2c3d-iste-certified-educator", FileName: "ISTE certificate.pdf",
			MediaType: "application/pdf"}, pdfDoc("iste certificate")),
		credentialFile(portfolio.Credential{ID: "c2", Kind: portfolio.CredentialBadge, Name: "AI Literacy for Educators",
			Issuer: "State Department of Education", IssuedOn: "2022-09-01", ExpiresOn: "2024-09-01", FileName: "ai-literacy-badge.png",
			MediaType: "image/png", BadgeFormat: "ob2-png"}, drawn(t, 200, 200, sand, teal, 1, "png")),
		{ID: "c3", Kind: portfolio.CredentialMicroCredential, Name: "Prompt design for teaching", Issuer: "Coursera", IssuedOn: "2024-02-11"},
	}

	align := func(code, competency, strength, rationale string) AlignmentLine {
		return AlignmentLine{Framework: "UNESCO AI Competency Framework for Teachers", Code: code, Competency: competency, Strength: strength, Rationale: rationale}
	}
	entries := []Entry{
		{Entry: pilot1, Highlight: true, Alignments: []AlignmentLine{
			align("2.2", "AI pedagogy: designing AI-assisted feedback", "deepen", "The pilot redesigned feedback around an AI assistant and measured its effect on revision."),
			align("3.1", "Ethics of AI: data protection", "create", "I ran the privacy review and wrote the opt-out process the district now reuses."),
		}},
		{Entry: pilot2, Alignments: []AlignmentLine{align("1.3", "Human-centred mindset: inclusion", "acquire", "")}},
		{Entry: pilot3},
		{Entry: redesign1, Highlight: true, Alignments: []AlignmentLine{align("2.3", "AI pedagogy: assessment integrity", "create", "The redesign makes reasoning visible in class, where AI cannot stand in for the student.")}},
		{Entry: redesign2},
		{Entry: redesign3},
		{Entry: pd1, Alignments: []AlignmentLine{align("5.1", "AI for professional learning: leading colleagues", "deepen", "I designed and led the workshop and followed up with participants.")}},
		{Entry: pd2},
		{Entry: evaluation},
		{Entry: guidance},
		{Entry: other1},
		{Entry: other2},
	}
	plain := make([]portfolio.Entry, len(entries))
	for i, e := range entries {
		plain[i] = e.Entry
	}
	coverage := []portfolio.Coverage{unescoCoverage(), isteCoverage()}
	figures := present.ImpactFigures(impact.Compute(plain, credentials, coverage, "2025-03-12"))

	data := []byte(`{"portfolio":"` + educator + `","entries":10}`)
	attachments = append(attachments, Attachment{Name: "portfolio.json", Description: "The portfolio's data", MediaType: "application/json",
		SHA256: sha256Hex(data), Size: int64(len(data)), Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }})

	return &fixture{
		images: &fakeImages{files: files},
		doc: Document{
			Preset: PresetCertification,
			Profile: portfolio.Profile{Name: educator, Role: "Instructional technology coach and Grade 8 science teacher",
				School: "Riverside Middle School", District: "Northfield Unified School District", Email: "zoe.nunez@example.org",
				Bio: "I have taught science for eleven years and coached colleagues on educational technology for four. My work with AI began with a question from a student: if a machine can write the lab report, what is the lab for?\n\nSince then I have piloted AI feedback, rebuilt assessments so that they show students' own reasoning, and led professional learning for teachers across the district."},
			PhotoSHA256: photoSHA,
			Entries:     entries,
			Coverage:    coverage,
			Signer:      SignatureBlock{Name: educator, Fingerprint: fingerprint(), SignedAt: generatedAt},
			GeneratedAt: generatedAt,
			AppVersion:  "1.4.0",
			Attachments: attachments,
			Impact:      figures,
			Credentials: credentials,
		},
	}
}

func fingerprint() string {
	sum := sha256.Sum256([]byte("test certificate"))
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// unescoCoverage has five groups and fifteen competencies, nine with evidence.
func unescoCoverage() portfolio.Coverage {
	f := portfolio.Framework{ID: "unesco-ai-cft", Title: "UNESCO AI Competency Framework for Teachers", Publisher: "UNESCO",
		Version: "2024", Licence: "CC BY-SA 3.0 IGO", SourceURL: "https://www.unesco.org/en/articles/ai-competency-framework-teachers",
		Scale: portfolio.ScaleUNESCOLevels}
	groups := []string{"Human-centred mindset", "Ethics of AI", "AI foundations and applications", "AI pedagogy", "AI for professional learning"}
	titles := [][]string{
		{"Human agency", "Human accountability", "Inclusion and equity"},
		{"Data protection and privacy", "Safe and responsible use", "Ethical principles"},
		{"Basic AI techniques", "Application skills"},
		{"AI-assisted teaching", "AI-assisted feedback", "Assessment integrity"},
		{"Leading colleagues", "Reflective practice with AI", "Professional networks", "Lifelong learning"},
	}
	evidence := map[string]string{"1.3": "acquire", "2.1": "create", "2.2": "deepen", "4.1": "deepen", "4.2": "deepen", "4.3": "create", "5.1": "deepen", "5.2": "acquire", "5.4": "acquire"}
	statuses := []portfolio.AssessmentStatus{portfolio.AssessMet, portfolio.AssessInProgress, portfolio.AssessReady, portfolio.AssessNotStarted}
	c := portfolio.Coverage{Framework: f}
	n := 0
	for gi, g := range groups {
		code := fmt.Sprint(gi + 1)
		c.Rows = append(c.Rows, portfolio.CoverageRow{Competency: portfolio.Competency{Code: code, Title: g, Depth: 0}})
		for li, title := range titles[gi] {
			lc := fmt.Sprintf("%d.%d", gi+1, li+1)
			row := portfolio.CoverageRow{Competency: portfolio.Competency{Code: lc, Title: title, Depth: 1, Leaf: true},
				Status: statuses[n%len(statuses)]}
			n++
			if s, ok := evidence[lc]; ok {
				row.Strongest = s
				row.Evidence = make([]portfolio.CoverageEntry, 1+n%3)
				c.WithEvidence++
			}
			c.Rows = append(c.Rows, row)
			c.LeafCount++
		}
	}
	c.Summary = fmt.Sprintf("%d of %d competencies have evidence", c.WithEvidence, c.LeafCount)
	return c
}

func isteCoverage() portfolio.Coverage {
	f := portfolio.Framework{ID: "iste-educators", Title: "ISTE Standards for Educators", Publisher: "ISTE", Version: "2017",
		Scale: portfolio.ScaleProficiency}
	c := portfolio.Coverage{Framework: f, LeafCount: 3, WithEvidence: 2, Summary: "2 of 3 competencies have evidence"}
	c.Rows = []portfolio.CoverageRow{
		{Competency: portfolio.Competency{Code: "2", Title: "Leader"}},
		{Competency: portfolio.Competency{Code: "2.2.a", Title: "Shape, advance and accelerate a shared vision for empowered learning with technology by engaging with education stakeholders.", Leaf: true, Depth: 1},
			Evidence: make([]portfolio.CoverageEntry, 2), Strongest: "exemplary", Status: portfolio.AssessMet},
		{Competency: portfolio.Competency{Code: "2.2.b", Title: "Advocate for equitable access to educational technology, digital content and learning opportunities.", Leaf: true, Depth: 1},
			Evidence: make([]portfolio.CoverageEntry, 1), Strongest: "proficient", Status: portfolio.AssessInProgress},
		{Competency: portfolio.Competency{Code: "2.2.c", Title: "Model for colleagues the identification, exploration, evaluation, curation and adoption of new digital resources and tools for learning.", Leaf: true, Depth: 1}},
	}
	return c
}
