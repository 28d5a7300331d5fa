package frameworks

import "github.com/readyfolio/readyfolio/backend/portfolio"

// node is a competency before it has its place in a framework: its ID and text are set, its
// position in the tree comes from where it hangs.
type node struct {
	c        portfolio.Competency
	children []*node
}

// flatten lists the trees under roots depth-first, parents before their children, and sets each
// competency's FrameworkID, ParentID, Position, Depth and Leaf. It returns the list and the number
// of leaves. It walks with its own stack, so a deep CASE tree cannot exhaust the goroutine's.
func flatten(frameworkID string, roots []*node) ([]portfolio.Competency, int) {
	type frame struct {
		n        *node
		parentID string
		depth    int
		position int
	}
	var stack []frame
	push := func(siblings []*node, parentID string, depth int) {
		for i := len(siblings) - 1; i >= 0; i-- {
			stack = append(stack, frame{siblings[i], parentID, depth, i + 1})
		}
	}
	push(roots, "", 0)

	var out []portfolio.Competency
	leaves := 0
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := f.n.c
		c.FrameworkID = frameworkID
		c.ParentID = f.parentID
		c.Depth = f.depth
		c.Position = f.position
		c.Leaf = len(f.n.children) == 0
		if c.Leaf {
			leaves++
		}
		out = append(out, c)
		push(f.n.children, c.ID, f.depth+1)
	}
	return out, leaves
}
