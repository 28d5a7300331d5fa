package portfolio

import "time"

// Profile is the educator the portfolio belongs to. PortfolioID identifies the portfolio itself
// when it is exported, moved or merged.
type Profile struct {
	PortfolioID string    `json:"portfolioId"`
	Name        string    `json:"name"`
	Role        string    `json:"role"`
	School      string    `json:"school"`
	District    string    `json:"district"`
	Email       string    `json:"email"`
	Bio         string    `json:"bio"`
	PhotoSHA256 string    `json:"photoSha256"` // blob of the photo, empty when none
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// Complete reports whether the welcome has been finished: a name is the one thing required.
func (p Profile) Complete() bool { return p.Name != "" }
