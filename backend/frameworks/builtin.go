package frameworks

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Ids of the built-in frameworks. They are part of every stored alignment: never change them.
const (
	UNESCOID = "unesco-ai-cft"  // UNESCO AI Competency Framework for Teachers (2024)
	ISTEID   = "iste-educators" // ISTE Standards for Educators
)

// BuiltIns returns the frameworks shipped with the app. They are built afresh on every call, so
// a caller may change what it gets.
func BuiltIns() []portfolio.Framework {
	return []portfolio.Framework{unesco(), iste()}
}

// group is an inner node of a built-in (a UNESCO dimension, an ISTE standard) with its leaves.
type group struct {
	code, title string
	leaves      []leaf
}

// leaf is a competency of a built-in: its official code and name, and our own one-line gist.
type leaf struct {
	code, title, gist string
}

// builtIn completes f with the tree of groups. level, when not nil, gives a leaf's Level from its
// index within its group.
func builtIn(f portfolio.Framework, groups []group, level func(i int) string) portfolio.Framework {
	roots := make([]*node, 0, len(groups))
	for _, g := range groups {
		parent := &node{c: portfolio.Competency{ID: f.ID + ":" + g.code, Code: g.code, Title: g.title}}
		for i, l := range g.leaves {
			c := portfolio.Competency{ID: f.ID + ":" + l.code, Code: l.code, Title: l.title, Description: l.gist}
			if level != nil {
				c.Level = level(i)
			}
			parent.children = append(parent.children, &node{c: c})
		}
		roots = append(roots, parent)
	}
	f.Origin = portfolio.OriginBuiltIn
	f.Competencies, f.LeafCount = flatten(f.ID, roots)
	f.ContentDigest = contentDigest(f)
	return f
}

// contentDigest is the hex SHA-256 of the framework as shipped, so that the store can tell when
// an app update changed a built-in. The canonical form is encoding/json's output for the domain
// struct (fixed field order, no maps) without the digest itself and the store's timestamps; a
// field added to the domain types changes every digest once, which only costs one refresh.
func contentDigest(f portfolio.Framework) string {
	f.ContentDigest = ""
	f.CreatedAt, f.UpdatedAt = time.Time{}, time.Time{}
	// Marshal cannot fail here: the struct holds strings, numbers and zero times.
	b, _ := json.Marshal(f)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
