package frameworks

import (
	"fmt"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// consistent returns how f breaks the shape the store relies on, or nil: ids unique and prefixed
// with the framework's, the list depth-first with every parent before its children, positions
// counting from 1 among siblings, Leaf and LeafCount matching the tree.
func consistent(f portfolio.Framework) error {
	byID := make(map[string]portfolio.Competency, len(f.Competencies))
	children := make(map[string]int)
	var path []string // ids from the top level down to the previous competency
	for i, c := range f.Competencies {
		if !strings.HasPrefix(c.ID, f.ID+":") || c.FrameworkID != f.ID {
			return fmt.Errorf("competency %d: id %q, frameworkId %q in framework %q", i, c.ID, c.FrameworkID, f.ID)
		}
		if _, dup := byID[c.ID]; dup {
			return fmt.Errorf("competency %q appears twice", c.ID)
		}
		if _, ok := byID[c.ParentID]; c.ParentID != "" && !ok {
			return fmt.Errorf("competency %q: parent %q is not an earlier competency", c.ID, c.ParentID)
		}
		if c.Depth < 0 || c.Depth > len(path) {
			return fmt.Errorf("competency %q: depth %d after a path of %d", c.ID, c.Depth, len(path))
		}
		path = path[:c.Depth]
		want := ""
		if c.Depth > 0 {
			want = path[c.Depth-1]
		}
		if c.ParentID != want {
			return fmt.Errorf("competency %q: parent %q, but depth-first order puts it under %q", c.ID, c.ParentID, want)
		}
		children[c.ParentID]++
		if c.Position != children[c.ParentID] {
			return fmt.Errorf("competency %q: position %d, want %d", c.ID, c.Position, children[c.ParentID])
		}
		path = append(path, c.ID)
		byID[c.ID] = c
	}
	leaves := 0
	for _, c := range f.Competencies {
		if c.Leaf != (children[c.ID] == 0) {
			return fmt.Errorf("competency %q: leaf = %v with %d children", c.ID, c.Leaf, children[c.ID])
		}
		if c.Leaf {
			leaves++
		}
	}
	if f.LeafCount != leaves {
		return fmt.Errorf("leafCount = %d, the tree has %d leaves", f.LeafCount, leaves)
	}
	return nil
}
