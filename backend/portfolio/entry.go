package portfolio

import (
	"time"
)

// Status says whether an entry is still being written or is ready to be shown to others.
type Status string

const (
	StatusDraft Status = "draft"
	StatusReady Status = "ready"
)

// Entry is one piece of evidence. Fields every kind shares live here; the fields of its kind
// live in exactly one of the details pointers, the one that matches Kind.
type Entry struct {
	ID               string                 `json:"id"`
	Kind             Kind                   `json:"kind"`
	Title            string                 `json:"title"`
	Status           Status                 `json:"status"`
	IncludeInExports bool                   `json:"includeInExports"`
	Position         int                    `json:"position"`  // the educator's own order
	StartDate        string                 `json:"startDate"` // YYYY-MM-DD or empty; "date" for single-day kinds
	EndDate          string                 `json:"endDate"`   // YYYY-MM-DD or empty
	Tags             []string               `json:"tags"`
	Reflection       []ReflectionAnswer     `json:"reflection"`
	Pilot            *PilotDetails          `json:"pilot,omitempty"`
	Redesign         *RedesignDetails       `json:"redesign,omitempty"`
	PD               *PDDetails             `json:"pd,omitempty"`
	Other            *ArtifactDetails       `json:"other,omitempty"`
	Evaluation       *ToolEvaluationDetails `json:"evaluation,omitempty"`
	Guidance         *PolicyGuidanceDetails `json:"guidance,omitempty"`
	Artifacts        []Artifact             `json:"artifacts"`
	CreatedAt        time.Time              `json:"createdAt"`
	UpdatedAt        time.Time              `json:"updatedAt"`
	DeletedAt        *time.Time             `json:"deletedAt,omitempty"` // set while the entry is in the trash
}

// ReflectionAnswer is the educator's answer to one guided prompt.
type ReflectionAnswer struct {
	Prompt string `json:"prompt"`
	Text   string `json:"text"`
}

// PilotStatus is where an AI pilot stands.
type PilotStatus string

const (
	PilotPlanned   PilotStatus = "planned"
	PilotRunning   PilotStatus = "running"
	PilotCompleted PilotStatus = "completed"
)

// PilotDetails are the fields of an AI pilot.
type PilotDetails struct {
	GradesSubjects  string        `json:"gradesSubjects"`
	AITools         []string      `json:"aiTools"`
	ProblemGoal     string        `json:"problemGoal"`
	WhatWasDone     string        `json:"whatWasDone"`
	StudentsReached int           `json:"studentsReached"`
	ClassesReached  int           `json:"classesReached"`
	Outcomes        []Outcome     `json:"outcomes"`
	Privacy         PrivacyReview `json:"privacy"`
	PilotStatus     PilotStatus   `json:"pilotStatus"`
}

// Outcome is one measured result: what was measured, where it started and where it ended.
type Outcome struct {
	Metric   string `json:"metric"`
	Baseline string `json:"baseline"`
	Result   string `json:"result"`
}

// PrivacyReview records the data-privacy and ethics review of a pilot.
type PrivacyReview struct {
	StudentDataInvolved bool   `json:"studentDataInvolved"`
	ApprovalObtained    bool   `json:"approvalObtained"`
	Notes               string `json:"notes"`
}

// RedesignDetails are the fields of a lesson or assessment redesign. Artifacts of the original
// and of the redesign are attached with the roles RoleOriginal and RoleRedesign.
type RedesignDetails struct {
	Subject             string `json:"subject"`
	Grade               string `json:"grade"`
	OriginalDescription string `json:"originalDescription"`
	RedesignDescription string `json:"redesignDescription"`
	AIRole              string `json:"aiRole"`
	IntegrityMeasures   string `json:"integrityMeasures"`
	StudentOutcomes     string `json:"studentOutcomes"`
}

// PDFormat is the format of a professional-development offering.
type PDFormat string

const (
	FormatWorkshop   PDFormat = "workshop"
	FormatCoaching   PDFormat = "coaching_cycle"
	FormatCourse     PDFormat = "course"
	FormatConference PDFormat = "conference_session"
)

// PDDetails are the fields of professional development the educator led.
type PDDetails struct {
	Format          PDFormat `json:"format"`
	Audience        string   `json:"audience"`
	Participants    int      `json:"participants"`
	ContactHours    float64  `json:"contactHours"`
	Materials       string   `json:"materials"`
	FeedbackSummary string   `json:"feedbackSummary"`
	FeedbackRating  float64  `json:"feedbackRating"` // 0 = none given, else 1 to 5
}

// ArtifactDetails are the fields of an "other artifact" entry.
type ArtifactDetails struct {
	Description string `json:"description"`
}

// NewEntry returns an empty entry of kind k with its details and reflection prompts in place.
// A tool evaluation is scored against the built-in rubric; the workspace gives it the data
// folder's rubric instead.
func NewEntry(k Kind, title string) Entry {
	e := Entry{Kind: k, Title: title, Status: StatusDraft, IncludeInExports: true, Tags: []string{}, Artifacts: []Artifact{}}
	info, _ := LookupKind(k)
	for _, p := range info.ReflectionPrompts {
		e.Reflection = append(e.Reflection, ReflectionAnswer{Prompt: p})
	}
	e.KindDetails()
	_ = normalizeKindDetails(&e) // fills in the defaults of an empty details struct; cannot fail
	return e
}

// NewToolEvaluation is an empty evaluation against rubric r, one blank score per criterion.
func NewToolEvaluation(r Rubric) *ToolEvaluationDetails {
	return &ToolEvaluationDetails{Rubric: r, Scores: alignScores(r, nil)}
}

// KindDetails returns the details struct of e's kind, allocating an empty one when it is
// missing, so that it can be encoded or decoded into; nil for an unknown kind.
func (e *Entry) KindDetails() any {
	switch e.Kind {
	case KindAIPilot:
		if e.Pilot == nil {
			e.Pilot = &PilotDetails{}
		}
		return e.Pilot
	case KindLessonRedesign:
		if e.Redesign == nil {
			e.Redesign = &RedesignDetails{}
		}
		return e.Redesign
	case KindPDLed:
		if e.PD == nil {
			e.PD = &PDDetails{}
		}
		return e.PD
	case KindArtifact:
		if e.Other == nil {
			e.Other = &ArtifactDetails{}
		}
		return e.Other
	case KindToolEvaluation:
		if e.Evaluation == nil {
			e.Evaluation = &ToolEvaluationDetails{}
		}
		return e.Evaluation
	case KindPolicyGuidance:
		if e.Guidance == nil {
			e.Guidance = &PolicyGuidanceDetails{}
		}
		return e.Guidance
	}
	return nil
}

// clearOtherDetails drops every details struct but the one of e's kind, allocating that one
// when it is missing.
func (e *Entry) clearOtherDetails() {
	details := e.KindDetails()
	e.Pilot, e.Redesign, e.PD, e.Other, e.Evaluation, e.Guidance = nil, nil, nil, nil, nil, nil
	switch d := details.(type) {
	case *PilotDetails:
		e.Pilot = d
	case *RedesignDetails:
		e.Redesign = d
	case *PDDetails:
		e.PD = d
	case *ArtifactDetails:
		e.Other = d
	case *ToolEvaluationDetails:
		e.Evaluation = d
	case *PolicyGuidanceDetails:
		e.Guidance = d
	}
}
