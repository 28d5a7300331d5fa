package portfolio

// GuidanceBody is the kind of body that issued a policy or guidance document.
type GuidanceBody string

const (
	BodySchool      GuidanceBody = "school"
	BodyDistrict    GuidanceBody = "district"
	BodyState       GuidanceBody = "state"
	BodyAssociation GuidanceBody = "association"
)

// GuidanceRole is the educator's part in writing a policy or guidance document.
type GuidanceRole string

const (
	RoleAuthor          GuidanceRole = "author"
	RoleCoAuthor        GuidanceRole = "co_author"
	RoleReviewer        GuidanceRole = "reviewer"
	RoleCommitteeMember GuidanceRole = "committee_member"
)

// GuidanceStage says whether a document is adopted, published or still being written.
type GuidanceStage string

const (
	StageInProgress GuidanceStage = "in_progress"
	StageAdopted    GuidanceStage = "adopted"
	StagePublished  GuidanceStage = "published"
)

// PolicyGuidanceDetails are the fields of policy or guidance work: an AI use policy, district
// guidance, a state framework. The entry's StartDate is the date the document was adopted or
// published, its title the document's title, and the document itself is attached as an artifact.
type PolicyGuidanceDetails struct {
	Body      string        `json:"body"`      // who issued it: "Lakeview Unified School District"
	BodyLevel GuidanceBody  `json:"bodyLevel"` // school, district, state or association
	Role      GuidanceRole  `json:"role"`
	Stage     GuidanceStage `json:"stage"`
	Summary   string        `json:"summary"`
}

func normalizePolicyGuidance(d *PolicyGuidanceDetails) error {
	switch d.BodyLevel {
	case "", BodySchool, BodyDistrict, BodyState, BodyAssociation:
	default:
		return Errorf(CodeInvalid, "The body must be school, district, state or association, not %q.", d.BodyLevel)
	}
	switch d.Role {
	case "":
		d.Role = RoleAuthor
	case RoleAuthor, RoleCoAuthor, RoleReviewer, RoleCommitteeMember:
	default:
		return Errorf(CodeInvalid, "The role must be author, co_author, reviewer or committee_member, not %q.", d.Role)
	}
	switch d.Stage {
	case "":
		d.Stage = StageInProgress
	case StageInProgress, StageAdopted, StagePublished:
	default:
		return Errorf(CodeInvalid, "The stage must be in_progress, adopted or published, not %q.", d.Stage)
	}
	return nil
}
