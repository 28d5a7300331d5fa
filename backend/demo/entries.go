package demo

import (
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// entryFromTemplate builds the n-th of the templateCount sample entries, kinds interleaved so
// that even a small sample covers every kind.
func (g *generator) entryFromTemplate(n int) portfolio.Entry {
	order := []func(int) portfolio.Entry{pilotEntry, redesignEntry, pdEntry, evaluationEntry, guidanceEntry, otherEntry}
	counts := []int{len(pilots), len(redesigns), len(pds), len(evaluations), len(guidance), len(others)}
	// Walk the kinds round-robin, skipping kinds whose templates are used up.
	used := make([]int, len(order))
	for i := 0; ; i++ {
		k := i % len(order)
		if used[k] >= counts[k] {
			continue
		}
		if n == 0 {
			return order[k](used[k])
		}
		used[k]++
		n--
	}
}

func withReflection(e portfolio.Entry, answers []string) portfolio.Entry {
	for i := range e.Reflection {
		if i < len(answers) {
			e.Reflection[i].Text = answers[i]
		}
	}
	return e
}

func pilotEntry(i int) portfolio.Entry {
	t := pilots[i]
	e := portfolio.NewEntry(portfolio.KindAIPilot, t.title)
	e.Tags = t.tags
	e.Pilot = &portfolio.PilotDetails{
		GradesSubjects: t.grades, AITools: t.tools, ProblemGoal: t.problem, WhatWasDone: t.done,
		StudentsReached: t.students, ClassesReached: t.classes, Outcomes: t.outcomes,
		Privacy:     portfolio.PrivacyReview{StudentDataInvolved: t.studentData, ApprovalObtained: t.approval, Notes: t.privacyNotes},
		PilotStatus: t.status,
	}
	return withReflection(e, t.reflections)
}

func redesignEntry(i int) portfolio.Entry {
	t := redesigns[i]
	e := portfolio.NewEntry(portfolio.KindLessonRedesign, t.title)
	e.Tags = t.tags
	e.Redesign = &portfolio.RedesignDetails{
		Subject: t.subject, Grade: t.grade, OriginalDescription: t.original, RedesignDescription: t.redesign,
		AIRole: t.aiRole, IntegrityMeasures: t.integrity, StudentOutcomes: t.outcomes,
	}
	return withReflection(e, t.reflections)
}

func pdEntry(i int) portfolio.Entry {
	t := pds[i]
	e := portfolio.NewEntry(portfolio.KindPDLed, t.title)
	e.Tags = t.tags
	e.PD = &portfolio.PDDetails{
		Format: t.format, Audience: t.audience, Participants: t.participants, ContactHours: t.hours,
		Materials: t.materials, FeedbackSummary: t.feedback, FeedbackRating: t.rating,
	}
	return withReflection(e, t.reflections)
}

func otherEntry(i int) portfolio.Entry {
	t := others[i]
	e := portfolio.NewEntry(portfolio.KindArtifact, t.title)
	e.Tags = t.tags
	e.Other = &portfolio.ArtifactDetails{Description: t.description}
	return withReflection(e, t.reflections)
}
