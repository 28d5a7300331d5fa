package portfolio

// Kind names a kind of evidence. Each kind has its own details struct on Entry; a kind is added
// with a constant, a details struct (Entry.KindDetails), reflection prompts and the text that
// search indexes.
type Kind string

const (
	KindAIPilot        Kind = "ai_pilot"
	KindLessonRedesign Kind = "lesson_redesign"
	KindPDLed          Kind = "pd_led"
	KindArtifact       Kind = "artifact"
	KindToolEvaluation Kind = "tool_evaluation"
	KindPolicyGuidance Kind = "policy_guidance"
)

// KindInfo describes a kind for menus and exports.
type KindInfo struct {
	Kind              Kind     `json:"kind"`
	Label             string   `json:"label"`
	Description       string   `json:"description"`
	ReflectionPrompts []string `json:"reflectionPrompts"`
}

var kindInfos = []KindInfo{
	{
		Kind:        KindAIPilot,
		Label:       "AI pilot",
		Description: "A classroom or school pilot of an AI tool or practice, with measured results.",
		ReflectionPrompts: []string{
			"What did you expect the pilot to change, and what actually changed?",
			"What would you do differently if you ran it again?",
			"How did you protect students' data and agency?",
		},
	},
	{
		Kind:        KindLessonRedesign,
		Label:       "Lesson or assessment redesign",
		Description: "A lesson or assessment you redesigned for a world with AI.",
		ReflectionPrompts: []string{
			"Why did the original no longer serve your students?",
			"What does the redesign ask of students that AI cannot do for them?",
			"What did student work show you afterwards?",
		},
	},
	{
		Kind:        KindPDLed,
		Label:       "Professional development led",
		Description: "A workshop, coaching cycle, course or session you led for colleagues.",
		ReflectionPrompts: []string{
			"What did participants need most, and how did you find out?",
			"What changed in their practice afterwards?",
			"What will you change the next time you lead it?",
		},
	},
	{
		Kind:        KindToolEvaluation,
		Label:       "AI tool evaluation",
		Description: "An AI tool you evaluated for instructional alignment, accuracy, bias, privacy, accessibility and cost.",
		ReflectionPrompts: []string{
			"What question did the school or district need answered about this tool?",
			"What surprised you when you tested it?",
			"What happened to your recommendation afterwards?",
		},
	},
	{
		Kind:        KindPolicyGuidance,
		Label:       "Policy or guidance work",
		Description: "An AI policy, guidance document or framework you wrote, reviewed or helped adopt.",
		ReflectionPrompts: []string{
			"What problem was the policy or guidance meant to solve?",
			"Whose voices shaped it, and how did you include them?",
			"What has changed in practice since it was adopted?",
		},
	},
	{
		Kind:        KindArtifact,
		Label:       "Other artifact",
		Description: "Any other evidence: a presentation, a publication, a letter, a recording.",
		ReflectionPrompts: []string{
			"What does this artifact show about your work with AI?",
			"What did you learn from making it?",
		},
	},
}

// Kinds lists every kind in the order menus show them.
func Kinds() []KindInfo {
	out := make([]KindInfo, len(kindInfos))
	copy(out, kindInfos)
	return out
}

// LookupKind returns the description of k and whether k is a known kind.
func LookupKind(k Kind) (KindInfo, bool) {
	for _, info := range kindInfos {
		if info.Kind == k {
			return info, true
		}
	}
	return KindInfo{}, false
}

// ParseKind validates a kind name typed by a user.
func ParseKind(s string) (Kind, error) {
	if _, ok := LookupKind(Kind(s)); ok {
		return Kind(s), nil
	}
	names := ""
	for i, info := range kindInfos {
		if i > 0 {
			names += ", "
		}
		names += string(info.Kind)
	}
	return "", Errorf(CodeInvalid, "Unknown evidence kind %q; use one of %s.", s, names)
}
