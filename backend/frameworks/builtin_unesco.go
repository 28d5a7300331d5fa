package frameworks

import "github.com/readyfolio/readyfolio/backend/portfolio"

// unescoDimensions holds the UNESCO framework's codes and names (facts) with our own gists; the
// publication's text is not shipped. Each dimension lists its competencies at the three
// progression levels in order: acquire, deepen, create.
var unescoDimensions = []group{
	{"1", "Human-centred mindset", []leaf{
		{"1.1", "Human agency", "See AI as made and steered by people, and judge how its use affects human autonomy and rights."},
		{"1.2", "Human accountability", "Keep people, yourself included, answerable for decisions taken with AI in teaching and learning."},
		{"1.3", "Social responsibility", "Help build an inclusive, fair and sustainable society with AI, and prepare students to act in it as citizens."},
	}},
	{"2", "Ethics of AI", []leaf{
		{"2.1", "Ethical principles", "Know the main ethical questions AI raises, such as fairness, privacy, transparency and bias, and the rules that apply in education."},
		{"2.2", "Safe and responsible use", "Use AI safely and lawfully: protect personal data, respect intellectual property and guard students against harm."},
		{"2.3", "Co-creating ethical rules", "Work with students and colleagues to draft, test and improve rules for the ethical use of AI in education."},
	}},
	{"3", "AI foundations and applications", []leaf{
		{"3.1", "Basic AI techniques and applications", "Understand what AI is and how it works with data and algorithms, and operate common AI tools."},
		{"3.2", "Application skills", "Judge whether an AI tool fits a teaching task, then choose it and use it well across subjects and settings."},
		{"3.3", "Creating with AI", "Adapt or customise AI tools and data to build new resources and solutions for learning."},
	}},
	{"4", "AI pedagogy", []leaf{
		{"4.1", "AI-assisted teaching", "Use AI to support lesson planning, teaching and assessment while weighing its benefits and risks for students."},
		{"4.2", "AI-pedagogy integration", "Build AI into student-centred methods that foster deeper thinking, collaboration and inclusion."},
		{"4.3", "AI-enhanced pedagogical transformation", "Redesign learning with AI and lead pedagogical innovation grounded in evidence."},
	}},
	{"5", "AI for professional development", []leaf{
		{"5.1", "AI enabling lifelong professional learning", "Use AI to find your own learning needs and to pursue personalised, lifelong professional learning."},
		{"5.2", "AI to enhance organizational learning", "Use AI to strengthen shared learning with colleagues, in professional communities and across the school."},
		{"5.3", "AI to support professional transformation", "Use AI to rethink your professional practice and to shape how colleagues learn and grow."},
	}},
}

func unesco() portfolio.Framework {
	levels := portfolio.Strengths(portfolio.ScaleUNESCOLevels)
	return builtIn(portfolio.Framework{
		ID:          UNESCOID,
		Title:       "UNESCO AI Competency Framework for Teachers",
		Publisher:   "UNESCO",
		Version:     "2024",
		SourceURL:   "https://doi.org/10.54675/ZJTE2084",
		Licence:     "CC BY-SA 3.0 IGO (publication); ReadyFolio ships codes, names and its own one-line gists",
		Description: "15 competencies in five dimensions, each at three progression levels: acquire, deepen and create.",
		Scale:       portfolio.ScaleUNESCOLevels,
	}, unescoDimensions, func(i int) string { return levels[i] })
}
