package frameworks

import "github.com/readyfolio/readyfolio/backend/portfolio"

// isteStandards holds the ISTE Standards for Educators' codes and standard names (facts), a short
// name per indicator and our own gist of it; ISTE's wording is not shipped.
var isteStandards = []group{
	{"2.1", "Learner", []leaf{
		{"2.1.a", "Professional learning goals", "Set professional learning goals, explore practices and reflect on them."},
		{"2.1.b", "Learning networks", "Take part in local and global learning networks."},
		{"2.1.c", "Learning sciences", "Stay current with research on how students learn."},
	}},
	{"2.2", "Leader", []leaf{
		{"2.2.a", "Shared vision", "Shape a shared vision for technology-supported learning."},
		{"2.2.b", "Equitable access", "Advocate equitable access to technology and expert educators."},
		{"2.2.c", "Modelling new tools", "Model for colleagues how to find, evaluate and adopt new tools."},
	}},
	{"2.3", "Citizen", []leaf{
		{"2.3.a", "Inclusive online communities", "Guide students to positive, responsible contributions and inclusive communities online."},
		{"2.3.b", "Digital literacy", "Foster critical examination of online sources and digital literacy."},
		{"2.3.c", "Safe, legal and ethical use", "Mentor safe, legal and ethical practice with digital tools and content."},
		{"2.3.d", "Data and digital identity", "Model management of personal data and digital identity; protect student data."},
	}},
	{"2.4", "Collaborator", []leaf{
		{"2.4.a", "Planning with colleagues", "Plan with colleagues to improve practice with technology."},
		{"2.4.b", "Learning with students", "Learn with students to use new digital tools."},
		{"2.4.c", "Connecting beyond the classroom", "Use collaborative tools to connect with experts, teams and students."},
		{"2.4.d", "Families and community", "Engage and empower families and the wider community."},
	}},
	{"2.5", "Designer", []leaf{
		{"2.5.a", "Personalised, accessible learning", "Personalize learning and remove barriers with technology."},
		{"2.5.b", "Authentic learning activities", "Design authentic learning activities aligned with content standards."},
		{"2.5.c", "Instructional design", "Apply instructional design principles to digital learning environments."},
	}},
	{"2.6", "Facilitator", []leaf{
		{"2.6.a", "Student ownership", "Foster student ownership of learning goals and outcomes."},
		{"2.6.b", "Managing technology and strategies", "Manage technology and student learning strategies in every setting."},
		{"2.6.c", "Design and computational thinking", "Create chances for design processes and computational thinking."},
		{"2.6.d", "Creativity and expression", "Model and nurture creativity and creative expression."},
	}},
	{"2.7", "Analyst", []leaf{
		{"2.7.a", "Alternative ways to show competency", "Offer alternative ways for students to show competency."},
		{"2.7.b", "Formative and summative assessment", "Use technology for formative and summative assessment."},
		{"2.7.c", "Data to guide progress", "Use assessment data to guide progress and communicate feedback."},
	}},
}

func iste() portfolio.Framework {
	return builtIn(portfolio.Framework{
		ID:          ISTEID,
		Title:       "ISTE Standards for Educators",
		Publisher:   "ISTE",
		Version:     "2024",
		SourceURL:   "https://iste.org/standards/iste-standards-for-teachers",
		Licence:     "ReadyFolio ships codes, short names and its own one-line gists; the standards' text is ISTE's",
		Description: "Seven standards with 24 indicators for educators' practice with technology.",
		Scale:       portfolio.ScaleProficiency,
	}, isteStandards, nil)
}
