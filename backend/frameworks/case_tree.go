package frameworks

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// fixAdvice ends the messages about a broken file: the educator cannot repair CASE JSON.
const fixAdvice = "export the framework again or ask its publisher for a corrected file"

// Where a placement puts an item, besides under another item (its index in CFItems).
const (
	underDocument = -1 // at the top level, by an isChildOf to the CFDocument
	unplaced      = -2 // no isChildOf of this file places it: top level, after the others
)

// placement is the isChildOf association that decides an item's parent.
type placement struct {
	parent int // an index into CFItems, underDocument or unplaced
	seq    sequence
	order  int // the association's index in the file
}

// before says whether p is preferred to q as an item's one parent: the lower sequenceNumber, then
// the earlier association in the file.
func (p placement) before(q placement) bool {
	if c := compareSeq(p.seq, q.seq); c != 0 {
		return c < 0
	}
	return p.order < q.order
}

// ref is what one end of an isChildOf refers to.
type ref struct {
	item     int // index into CFItems when neither of the others
	document bool
	external bool
}

// caseTree builds a framework's tree from a decoded package.
type caseTree struct {
	pkg    casePackage
	docKey string
	ns     namespace
	hasNS  bool
	index  map[string]int // normalized item identifier -> index into CFItems
	place  []placement    // per item
	code   []string       // per item, trimmed humanCodingScheme
	full   []string       // per item, trimmed fullStatement
}

func buildCASE(pkg casePackage) (portfolio.Framework, CASEReport, error) {
	rep := CASEReport{Items: len(pkg.CFItems), Associations: len(pkg.CFAssociations)}
	doc := pkg.CFDocument
	if doc == nil {
		return portfolio.Framework{}, rep, portfolio.Errorf(portfolio.CodeRefused,
			"The file has no CFDocument, so it is not a CASE framework package; choose the framework's CFPackage JSON file.")
	}
	t := &caseTree{pkg: pkg, docKey: normID(doc.Identifier)}
	if t.docKey == "" {
		return portfolio.Framework{}, rep, portfolio.Errorf(portfolio.CodeRefused, "The CFDocument has no identifier; %s.", fixAdvice)
	}
	title := strings.TrimSpace(doc.Title)
	if title == "" {
		return portfolio.Framework{}, rep, portfolio.Errorf(portfolio.CodeRefused, "The CFDocument has no title; %s.", fixAdvice)
	}
	if len(pkg.CFItems) == 0 {
		return portfolio.Framework{}, rep, portfolio.Errorf(portfolio.CodeRefused,
			"The framework %q has no competencies: its file lists no CFItems; choose a file that includes the framework's items.", clip(title))
	}
	t.ns, t.hasNS = namespaceOf(doc.URI)

	f := portfolio.Framework{
		ID:          "case-" + t.docKey,
		Title:       title,
		Publisher:   firstNonEmpty(doc.Creator, doc.Publisher),
		Version:     strings.TrimSpace(doc.Version),
		SourceURL:   firstNonEmpty(doc.OfficialSourceURL, doc.URI),
		Licence:     firstNonEmpty(doc.LicenseURI.Title, doc.LicenseURI.URI),
		Description: strings.TrimSpace(doc.Description),
		Origin:      portfolio.OriginCASE,
		Scale:       portfolio.ScaleProficiency,
		CASEID:      strings.TrimSpace(doc.Identifier),
		CASEURI:     strings.TrimSpace(doc.URI),
	}
	nodes, err := t.readItems(f.ID)
	if err != nil {
		return portfolio.Framework{}, rep, err
	}
	if err := t.placeItems(&rep); err != nil {
		return portfolio.Framework{}, rep, err
	}
	if err := t.checkLoops(); err != nil {
		return portfolio.Framework{}, rep, err
	}
	f.Competencies, f.LeafCount = flatten(f.ID, t.hang(nodes))
	return f, rep, nil
}

// readItems indexes the items and makes their competencies, still without a place in the tree.
func (t *caseTree) readItems(frameworkID string) ([]*node, error) {
	n := len(t.pkg.CFItems)
	t.index = make(map[string]int, n)
	t.place = make([]placement, n)
	t.code = make([]string, n)
	t.full = make([]string, n)
	nodes := make([]*node, n)
	for i, it := range t.pkg.CFItems {
		t.code[i] = strings.TrimSpace(it.HumanCodingScheme)
		t.full[i] = strings.TrimSpace(it.FullStatement)
		key := normID(it.Identifier)
		if key == "" {
			return nil, portfolio.Errorf(portfolio.CodeRefused,
				"Item %d of the file's CFItems (%q) has no identifier; %s.", i+1, clip(firstNonEmpty(it.HumanCodingScheme, it.FullStatement)), fixAdvice)
		}
		if _, dup := t.index[key]; dup {
			return nil, portfolio.Errorf(portfolio.CodeRefused,
				"Two items have the identifier %q; %s.", clip(it.Identifier), fixAdvice)
		}
		t.index[key] = i
		t.place[i] = placement{parent: unplaced}

		title := shortTitle(firstNonEmpty(it.AbbreviatedStatement, it.FullStatement, it.HumanCodingScheme))
		if title == "" {
			return nil, portfolio.Errorf(portfolio.CodeRefused, "Item %q has no fullStatement; %s.", clip(it.Identifier), fixAdvice)
		}
		nodes[i] = &node{c: portfolio.Competency{
			ID:          frameworkID + ":" + key,
			Code:        t.code[i],
			Title:       title,
			Description: t.full[i],
			CASEID:      strings.TrimSpace(it.Identifier),
			CASEURI:     strings.TrimSpace(it.URI),
		}}
	}
	return nodes, nil
}

// placeItems gives each item at most one parent from the isChildOf associations and counts what
// it leaves out. Of several isChildOf of one item the one with the lowest sequenceNumber wins
// (then the first in the file); the others count as IgnoredExtraParents.
func (t *caseTree) placeItems(rep *CASEReport) error {
	for i, a := range t.pkg.CFAssociations {
		if !strings.EqualFold(strings.TrimSpace(a.AssociationType), "isChildOf") {
			rep.IgnoredOtherType++
			continue
		}
		child, err := t.resolve(a, i, "origin", a.OriginNodeURI)
		if err != nil {
			return err
		}
		parent, err := t.resolve(a, i, "destination", a.DestinationNodeURI)
		if err != nil {
			return err
		}
		if child.external || parent.external {
			rep.IgnoredExternal++
			continue
		}
		if child.document {
			return portfolio.Errorf(portfolio.CodeRefused,
				"The isChildOf %s makes the framework's CFDocument a child of one of its items; %s.", assocName(a, i), fixAdvice)
		}
		p := placement{parent: underDocument, seq: a.SequenceNumber, order: i}
		if !parent.document {
			p.parent = parent.item
		}
		cur := t.place[child.item]
		switch {
		case cur.parent == unplaced:
			rep.Used++
		case p.before(cur):
			rep.IgnoredExtraParents++
		default:
			rep.IgnoredExtraParents++
			continue
		}
		t.place[child.item] = p
	}
	return nil
}

// resolve finds what one end of an isChildOf refers to: an item of the file, the CFDocument, or a
// node of another document. A node that is not in the file is external when its uri is a web
// address outside this document's namespace (another server, or another folder on the same
// server); it is then ignored and counted. One whose uri is in the namespace, or is no web address
// at all, should be in this file and is not: the file is incomplete, and that is an error. On
// servers that keep every document in one folder (".../uri/<identifier>") an isChildOf into
// another document there therefore reads as incomplete; cross-document links are normally other
// association types, which are not resolved at all.
func (t *caseTree) resolve(a cfAssociation, i int, end string, l cfLink) (ref, error) {
	key := normID(l.Identifier)
	if key == "" {
		return ref{}, portfolio.Errorf(portfolio.CodeRefused,
			"The isChildOf %s has no %s identifier (%sNodeURI.identifier); %s.", assocName(a, i), end, end, fixAdvice)
	}
	if key == t.docKey {
		return ref{document: true}, nil
	}
	if item, ok := t.index[key]; ok {
		return ref{item: item}, nil
	}
	if u, ok := webURL(l.URI); ok && !(t.hasNS && t.ns.contains(u)) {
		return ref{external: true}, nil
	}
	return ref{}, portfolio.Errorf(portfolio.CodeRefused,
		"The isChildOf %s refers to the %s node %q, which is missing from this file; %s.",
		assocName(a, i), end, clip(l.Identifier), fixAdvice)
}

// checkLoops refuses isChildOf associations that make an item its own ancestor. With one parent
// per item, walking up from every item finds each loop; every item is walked once.
func (t *caseTree) checkLoops() error {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, len(t.place))
	var path []int
	for i := range t.place {
		path = path[:0]
		j := i
		for j >= 0 && state[j] == unseen {
			state[j] = onPath
			path = append(path, j)
			j = t.place[j].parent
		}
		if j >= 0 && state[j] == onPath {
			return portfolio.Errorf(portfolio.CodeRefused,
				"The isChildOf associations go round in a loop through %s, which would be its own ancestor; %s.", t.itemName(j), fixAdvice)
		}
		for _, k := range path {
			state[k] = done
		}
	}
	return nil
}

// hang attaches every item under its parent, siblings in order, and returns the top level: the
// CFDocument's children, then the items no isChildOf placed (with whatever hangs under them).
func (t *caseTree) hang(nodes []*node) []*node {
	children := make([][]int, len(nodes))
	var top, rest []int
	for i, p := range t.place {
		switch p.parent {
		case underDocument:
			top = append(top, i)
		case unplaced:
			rest = append(rest, i)
		default:
			children[p.parent] = append(children[p.parent], i)
		}
	}
	for i, c := range children {
		for _, k := range t.sorted(c) {
			nodes[i].children = append(nodes[i].children, nodes[k])
		}
	}
	roots := make([]*node, 0, len(top)+len(rest))
	for _, k := range append(t.sorted(top), t.sorted(rest)...) {
		roots = append(roots, nodes[k])
	}
	return roots
}

// sorted orders siblings by sequenceNumber (those without one last), then by code in natural
// order (those without one last), then by statement, then as in the file.
func (t *caseTree) sorted(siblings []int) []int {
	slices.SortFunc(siblings, func(i, j int) int {
		if c := compareSeq(t.place[i].seq, t.place[j].seq); c != 0 {
			return c
		}
		if c := compareCodes(t.code[i], t.code[j]); c != 0 {
			return c
		}
		if c := strings.Compare(t.full[i], t.full[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	return siblings
}

// compareSeq orders sequence numbers ascending, with absent ones after the others.
func compareSeq(a, b sequence) int {
	switch {
	case a.set && b.set:
		return cmp.Compare(a.value, b.value)
	case a.set:
		return -1
	case b.set:
		return 1
	}
	return 0
}

func (t *caseTree) itemName(i int) string {
	it := t.pkg.CFItems[i]
	if code := t.code[i]; code != "" {
		return fmt.Sprintf("item %q (%s)", clip(it.Identifier), clip(code))
	}
	return fmt.Sprintf("item %q", clip(it.Identifier))
}

func assocName(a cfAssociation, i int) string {
	if id := strings.TrimSpace(a.Identifier); id != "" {
		return fmt.Sprintf("association %q", clip(id))
	}
	return fmt.Sprintf("association number %d (it has no identifier)", i+1)
}

// namespace is where a document keeps its own nodes, judged from its uri: the same host, and the
// folder the uri is in ("https://case.example.org/uri/" for ".../uri/<identifier>").
type namespace struct {
	host, dir string
}

func namespaceOf(uri string) (namespace, bool) {
	u, ok := webURL(uri)
	if !ok {
		return namespace{}, false
	}
	return namespace{host: strings.ToLower(u.Host), dir: u.Path[:strings.LastIndexByte(u.Path, '/')+1]}, true
}

func (ns namespace) contains(u *url.URL) bool {
	return strings.EqualFold(u.Host, ns.host) && strings.HasPrefix(u.Path, ns.dir)
}

// webURL parses an http(s) address with a host.
func webURL(s string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, false
	}
	return u, true
}

// normID is the form identifiers are matched and stored in: CASE identifiers are UUIDs, which
// compare without regard to case, and exports differ in the case they write them in.
func normID(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
