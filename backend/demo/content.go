package demo

import "github.com/readyfolio/readyfolio/backend/portfolio"

// The sample educator. The name deliberately mixes scripts' diacritics so every layer that
// shows it (search, PDF, package) is exercised with real-world text.
var sampleProfile = portfolio.Profile{
	Name:     "Zoë Ñúñez-Łukasz",
	Role:     "Instructional Technology Coach",
	School:   "Riverside Middle School",
	District: "Lakeview Unified School District",
	Email:    "zoe.nunez@lakeview.example.org",
	Bio: "Former science teacher, now coaching colleagues across six schools on using AI " +
		"thoughtfully: pilots with clear measures, assessments that still ask students to think, " +
		"and professional learning that starts from teachers' own questions.",
}

type pilotTemplate struct {
	title, grades, problem, done, privacyNotes string
	tools                                      []string
	students, classes                          int
	outcomes                                   []portfolio.Outcome
	studentData, approval                      bool
	status                                     portfolio.PilotStatus
	tags                                       []string
	reflections                                []string
}

var pilots = []pilotTemplate{
	{
		title: "AI writing feedback pilot in Grade 8 English", grades: "Grade 8, English Language Arts",
		tools:   []string{"Khanmigo", "Google Docs"},
		problem: "Students waited over a week for feedback on drafts, so revision rarely happened before the final submission.",
		done: "Four classes used an AI tutor for first-pass feedback on structure and evidence; teachers kept grading and " +
			"conferenced with every student once per essay. Students logged which suggestions they accepted and why.",
		students: 112, classes: 4,
		outcomes: []portfolio.Outcome{
			{Metric: "Drafts revised before final submission", Baseline: "34%", Result: "81%"},
			{Metric: "Median days to first feedback", Baseline: "8", Result: "1"},
			{Metric: "Rubric score on use of evidence (of 4)", Baseline: "2.3", Result: "2.9"},
		},
		studentData: true, approval: true,
		privacyNotes: "District-approved tool under the data-privacy agreement; no student names in prompts; " +
			"families informed by letter with an opt-out (3 families opted out and used teacher feedback only).",
		status: portfolio.PilotCompleted, tags: []string{"writing", "feedback", "grade 8"},
		reflections: []string{
			"I expected faster feedback; I did not expect students to argue with the AI. The logs of rejected suggestions became our best mini-lessons.",
			"Start with one class for two weeks before scaling, and co-write the prompt with students.",
			"We kept names out of every prompt and let students choose when to ask for feedback; the final judgement stayed with them and with me.",
		},
	},
	{
		title: "Chatbot study partner for Algebra I retakes", grades: "Grade 9, Algebra I",
		tools:   []string{"MagicSchool Raina", "Desmos"},
		problem: "Students retaking unit tests studied by re-reading notes and repeated the same misconceptions.",
		done: "Students practised with a chatbot that was instructed to ask questions rather than give answers, " +
			"then explained one solved problem aloud to a peer before the retake.",
		students: 58, classes: 2,
		outcomes: []portfolio.Outcome{
			{Metric: "Retake pass rate", Baseline: "52%", Result: "74%"},
			{Metric: "Students reporting they knew what to study", Baseline: "41%", Result: "88%"},
		},
		studentData: false, approval: true,
		privacyNotes: "Accounts used anonymous class codes; no student data left the district tenant.",
		status:       portfolio.PilotCompleted, tags: []string{"math", "retakes", "tutoring"},
		reflections: []string{
			"Pass rates rose, but the bigger change was students naming their own misconceptions.",
			"I would build the question bank with the department first so the bot's hints match our vocabulary.",
			"No accounts with personal data; students could always choose a paper study guide instead.",
		},
	},
	{
		title: "Multilingual family newsletters with AI translation", grades: "K-5, family engagement",
		tools:    []string{"DeepL", "Microsoft Copilot"},
		problem:  "Newsletters reached families only in English although a third of families speak Spanish, Vietnamese or Arabic at home.",
		done:     "Drafted newsletters were machine-translated, then checked by bilingual staff and two parent volunteers before sending.",
		students: 430, classes: 18,
		outcomes: []portfolio.Outcome{
			{Metric: "Families opening the newsletter", Baseline: "38%", Result: "63%"},
			{Metric: "Conference attendance", Baseline: "71%", Result: "84%"},
		},
		studentData: false, approval: true,
		privacyNotes: "Only public school news was translated; no family or student information was entered.",
		status:       portfolio.PilotRunning, tags: []string{"families", "translation", "equity"},
		reflections: []string{
			"Human review caught tone problems the translation tool missed; the volunteers are now co-editors.",
			"I would ask families earlier which language and channel they prefer.",
			"Nothing personal went into the tool, and every translation was read by a person before it went out.",
		},
	},
}

type redesignTemplate struct {
	title, subject, grade, original, redesign, aiRole, integrity, outcomes string
	tags, reflections                                                      []string
}

var redesigns = []redesignTemplate{
	{
		title: "Lab report to live data conversation", subject: "Science", grade: "Grade 7",
		original: "A five-page written lab report on plant growth, easy to produce with a chatbot and graded mostly on format.",
		redesign: "Students collect their own data, ask an AI to propose three explanations, then defend which one their data supports in a recorded five-minute conversation.",
		aiRole:   "Generates competing hypotheses that students must test against their own measurements.",
		integrity: "The graded work is the oral defence of the student's own data; AI output is shown openly and critiqued, " +
			"not submitted as the student's work.",
		outcomes: "Students citing their own measurements rose from 45% to 90%; average defence score 3.2 of 4.",
		tags:     []string{"science", "assessment", "oral defence"},
		reflections: []string{
			"The report rewarded formatting; it no longer showed me what students understood.",
			"It asks them to judge explanations against evidence they gathered themselves.",
			"Students who rarely wrote much could show deep reasoning aloud.",
		},
	},
	{
		title: "Persuasive essay rebuilt around AI critique", subject: "English", grade: "Grade 10",
		original:  "A take-home persuasive essay with a single final submission.",
		redesign:  "Students write a claim in class, ask an AI for the strongest counter-argument, and write a rebuttal in class with their process notes.",
		aiRole:    "Acts as a sparring partner that produces counter-arguments; students evaluate their quality.",
		integrity: "Drafting happens in class; the process notes and version history are part of the grade.",
		outcomes:  "Rebuttals addressing the strongest counter-claim: 28% before, 67% after.",
		tags:      []string{"writing", "argument", "assessment"},
		reflections: []string{
			"Take-home essays had become impossible to attribute.",
			"Weighing an argument they did not write and answering it in their own words.",
			"Their rebuttals got sharper, and they started to spot weak AI reasoning unprompted.",
		},
	},
	{
		title: "History source analysis with fabricated-source detection", subject: "Social Studies", grade: "Grade 11",
		original:  "A worksheet of comprehension questions on two primary sources.",
		redesign:  "Students receive an AI-generated summary that contains two invented quotations and must find them by checking the archive.",
		aiRole:    "Produces a plausible but flawed summary that becomes the object of verification.",
		integrity: "Work is done with archive access in class; students submit their verification trail.",
		outcomes:  "87% of students found both fabrications; source-citation accuracy on the unit test rose from 61% to 79%.",
		tags:      []string{"history", "media literacy", "sources"},
		reflections: []string{
			"The worksheet tested recall, not the habits historians need.",
			"Checking claims against the record, a skill no tool can do for them.",
			"Students now ask 'where is that from?' in every discussion.",
		},
	},
}

type pdTemplate struct {
	title, audience, materials, feedback string
	format                               portfolio.PDFormat
	participants                         int
	hours, rating                        float64
	tags, reflections                    []string
}

var pds = []pdTemplate{
	{
		title: "AI in the classroom: a practical start (district workshop series)", format: portfolio.FormatWorkshop,
		audience: "Grades 6-12 teachers from six schools", participants: 46, hours: 6,
		materials: "Slide deck, prompt-writing cards, a privacy checklist, and three lesson templates.",
		feedback:  "Participants valued the hands-on prompt lab and asked for subject-specific follow-ups.", rating: 4.6,
		tags: []string{"professional learning", "district"},
		reflections: []string{
			"A quick pre-survey showed most wanted guardrails before tools, so we started with privacy.",
			"Eleven participants tried an AI-supported lesson within a month and shared it in our channel.",
			"More time for subject groups, less for the overview.",
		},
	},
	{
		title: "Coaching cycle: assessment redesign with the science department", format: portfolio.FormatCoaching,
		audience: "Science department, Riverside Middle School", participants: 7, hours: 14,
		materials: "Redesign protocol, student work samples, observation notes.",
		feedback:  "Teachers reported more confidence designing tasks that AI cannot complete for students.", rating: 4.8,
		tags: []string{"coaching", "assessment", "science"},
		reflections: []string{
			"Observing their classes first showed the real constraint was time to grade, not interest.",
			"Every teacher redesigned at least one unit assessment; two now lead the protocol themselves.",
			"Start the cycle earlier in the year, before the unit is already planned.",
		},
	},
}

type artifactTemplate struct {
	title, description string
	tags, reflections  []string
}

var others = []artifactTemplate{
	{
		title:       "Conference talk: 'Measuring what matters in AI pilots'",
		description: "A 30-minute session at the state EdTech conference on choosing baselines and measures before a pilot starts.",
		tags:        []string{"conference", "evaluation"},
		reflections: []string{
			"That good pilots are boring to design: the baseline matters more than the tool.",
			"Writing the talk forced me to turn our district's lessons into a method others can reuse.",
		},
	},
	{
		title:       "Letter of recommendation from the principal",
		description: "Letter describing my leadership of the district's AI working group and the family newsletter project.",
		tags:        []string{"leadership", "recommendation"},
		reflections: []string{
			"It shows how the working group's work was seen from outside the classroom.",
			"That being visible about small pilots builds trust for bigger ones.",
		},
	},
}
