package portfolio

// SortOrder is how a list of entries is ordered.
type SortOrder string

const (
	SortManual      SortOrder = "manual"       // the educator's own order
	SortDateNewest  SortOrder = "date_newest"  // by start date, newest first
	SortDateOldest  SortOrder = "date_oldest"  // by start date, oldest first
	SortUpdatedDesc SortOrder = "updated_desc" // most recently edited first
)

// EntryFilter narrows a list of entries. Empty fields do not filter.
type EntryFilter struct {
	Kinds    []Kind    `json:"kinds"`
	Status   Status    `json:"status"`
	Tag      string    `json:"tag"`
	DateFrom string    `json:"dateFrom"` // YYYY-MM-DD, inclusive, compared with the start date
	DateTo   string    `json:"dateTo"`   // YYYY-MM-DD, inclusive
	Sort     SortOrder `json:"sort"`
}

// SearchHit is an entry that matched a search, with a short excerpt around the match.
type SearchHit struct {
	Entry   Entry  `json:"entry"`
	Snippet string `json:"snippet"`
}

// TagCount is a tag and how many live entries carry it.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}
