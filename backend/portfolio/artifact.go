package portfolio

import "time"

// ArtifactType tells a stored file from a link.
type ArtifactType string

const (
	ArtifactFile ArtifactType = "file"
	ArtifactLink ArtifactType = "link"
)

// ArtifactRole says which part of an entry an artifact belongs to. Most artifacts are plain
// attachments; a lesson redesign separates the original from the redesign.
type ArtifactRole string

const (
	RoleAttachment ArtifactRole = "attachment"
	RoleOriginal   ArtifactRole = "original"
	RoleRedesign   ArtifactRole = "redesign"
)

// Artifact is a file or a link attached to an entry. A file's bytes live in the blob store under
// their SHA-256; the row keeps the name the educator knows it by.
type Artifact struct {
	ID        string       `json:"id"`
	EntryID   string       `json:"entryId"`
	Type      ArtifactType `json:"type"`
	Role      ArtifactRole `json:"role"`
	Position  int          `json:"position"`
	Caption   string       `json:"caption"`
	FileName  string       `json:"fileName,omitempty"`
	MediaType string       `json:"mediaType,omitempty"`
	Size      int64        `json:"size,omitempty"`
	SHA256    string       `json:"sha256,omitempty"`
	URL       string       `json:"url,omitempty"`
	LinkTitle string       `json:"linkTitle,omitempty"`
	CreatedAt time.Time    `json:"createdAt"`
}

// IsImage reports whether the artifact is an image the app can show as a thumbnail.
func (a Artifact) IsImage() bool {
	switch a.MediaType {
	case "image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/tiff":
		return true
	}
	return false
}
