package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// FrameworkChange counts what SaveFramework did to a framework's competencies.
type FrameworkChange struct {
	Added     int `json:"added"`     // new competencies
	Updated   int `json:"updated"`   // changed text, code, level, place in the tree or CASE ids
	Retired   int `json:"retired"`   // stored competencies the saved framework no longer has
	Unchanged int `json:"unchanged"` // saved as they were
	Restored  int `json:"restored"`  // retired competencies the saved framework has again
}

const frameworkColumns = `f.id, f.title, f.publisher, f.version, f.source_url, f.licence, f.description,
	f.origin, f.scale, f.case_id, f.case_uri, f.content_digest, f.created_at, f.updated_at,
	(SELECT count(*) FROM competencies c WHERE c.framework_id = f.id AND c.retired_at IS NULL AND c.leaf = 1),
	(SELECT count(*) FROM competencies c WHERE c.framework_id = f.id AND c.retired_at IS NOT NULL)`

// frameworkOrder lists built-ins first, then the others by title.
const frameworkOrder = "f.origin <> 'builtin', f.title COLLATE NOCASE, f.id"

const competencyColumns = `c.framework_id, c.id, c.parent_id, c.code, c.title, c.description, c.level,
	c.position, c.depth, c.leaf, c.case_id, c.case_uri, c.retired_at, c.sort_order`

// competencyRow is a stored competency with its depth-first place in the framework.
type competencyRow struct {
	portfolio.Competency
	ord int
}

// Frameworks lists the stored frameworks without their competencies: built-ins first, then by
// title. LeafCount counts the live leaves, Retired the retired competencies.
func (s *Store) Frameworks(ctx context.Context) ([]portfolio.Framework, error) {
	out := []portfolio.Framework{}
	err := s.read(ctx, "list frameworks", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+frameworkColumns+" FROM frameworks f ORDER BY "+frameworkOrder)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			f, err := scanFramework(rows)
			if err != nil {
				return err
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Framework returns a framework with all its competencies, retired ones included, depth-first:
// parents before their children, siblings by position (retired ones after the live ones).
func (s *Store) Framework(ctx context.Context, id string) (portfolio.Framework, error) {
	var out portfolio.Framework
	err := s.read(ctx, "get framework", func(tx *sql.Tx) error {
		var err error
		out, err = getFramework(ctx, tx, id, true)
		return err
	})
	if err != nil {
		return portfolio.Framework{}, err
	}
	return out, nil
}

// SaveFramework stores a whole framework under f.ID: a new one is inserted, a stored one updated
// in place. Competencies are matched by id; those of the stored framework that f lacks are
// retired, never deleted, so alignments to them survive, and a retired one that f has again is
// restored. Positions, depths and leaf flags are computed from the tree f describes (the order
// of f.Competencies is the order of siblings). A built-in whose ContentDigest is the stored one
// costs one read and no write. The stored framework is returned with its competencies.
func (s *Store) SaveFramework(ctx context.Context, f portfolio.Framework) (portfolio.Framework, FrameworkChange, error) {
	f, err := normalizeFramework(f)
	if err != nil {
		return portfolio.Framework{}, FrameworkChange{}, err
	}
	if f.Origin == portfolio.OriginBuiltIn && f.ContentDigest != "" {
		var stored portfolio.Framework
		var current bool
		err := s.read(ctx, "save framework", func(tx *sql.Tx) error {
			var err error
			stored, err = getFramework(ctx, tx, f.ID, true)
			if portfolio.Code(err) == portfolio.CodeNotFound {
				return nil
			}
			current = err == nil && stored.Origin == f.Origin && stored.ContentDigest == f.ContentDigest
			return err
		})
		if err != nil {
			return portfolio.Framework{}, FrameworkChange{}, err
		}
		if current {
			return stored, FrameworkChange{Unchanged: len(f.Competencies)}, nil
		}
	}
	var out portfolio.Framework
	var change FrameworkChange
	err = s.write(ctx, "save framework", func(tx *sql.Tx) error {
		var err error
		change, err = s.saveFramework(ctx, tx, f)
		if err != nil {
			return err
		}
		out, err = getFramework(ctx, tx, f.ID, true)
		return err
	})
	if err != nil {
		return portfolio.Framework{}, FrameworkChange{}, err
	}
	return out, change, nil
}

// saveFramework writes a normalized framework and counts what changed. Nothing is written when
// nothing changed.
func (s *Store) saveFramework(ctx context.Context, tx *sql.Tx, f portfolio.Framework) (FrameworkChange, error) {
	var change FrameworkChange
	stored, err := getFramework(ctx, tx, f.ID, false)
	exists := err == nil
	if err != nil && portfolio.Code(err) != portfolio.CodeNotFound {
		return change, err
	}
	var old []competencyRow
	if exists {
		if stored.Origin != f.Origin {
			return change, portfolio.Errorf(portfolio.CodeConflict,
				"The framework %q (%s) is stored as %s; it cannot be saved as %s.", stored.Title, f.ID, stored.Origin, f.Origin)
		}
		if stored.Scale != f.Scale {
			var aligned int
			err := tx.QueryRowContext(ctx, "SELECT count(*) FROM alignments WHERE framework_id = ?", f.ID).Scan(&aligned)
			if err != nil {
				return change, err
			}
			if aligned > 0 {
				return change, portfolio.Errorf(portfolio.CodeConflict,
					"The framework %q has evidence aligned with strengths on the %s scale; its scale cannot change to %s.",
					stored.Title, stored.Scale, f.Scale)
			}
		}
		if old, err = queryCompetencies(ctx, tx, "c.framework_id = ?", f.ID); err != nil {
			return change, err
		}
	}

	// One timestamp for the whole save, taken only if something is written.
	var now string
	stamp := func() string {
		if now == "" {
			now = s.stamp()
		}
		return now
	}

	oldByID := make(map[string]competencyRow, len(old))
	for _, o := range old {
		oldByID[o.ID] = o
	}
	inF := make(map[string]bool, len(f.Competencies))
	all := make([]competencyRow, 0, len(f.Competencies)+len(old))
	for _, c := range f.Competencies {
		inF[c.ID] = true
		all = append(all, competencyRow{Competency: c})
	}
	retiring := time.Time{} // treeOrder only asks whether RetiredAt is set
	for _, o := range old {
		if !inF[o.ID] {
			if o.RetiredAt == nil {
				o.RetiredAt = &retiring
			}
			all = append(all, o)
		}
	}
	ordered := treeOrder(all)

	stmts := map[string]string{
		"insert": `INSERT INTO competencies (framework_id, id, parent_id, code, title, description, level,
			position, depth, leaf, case_id, case_uri, retired_at, sort_order)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
		"update": `UPDATE competencies SET parent_id = ?, code = ?, title = ?, description = ?, level = ?,
			position = ?, depth = ?, leaf = ?, case_id = ?, case_uri = ?, retired_at = NULL, sort_order = ?
			WHERE framework_id = ? AND id = ?`,
		"retire": "UPDATE competencies SET retired_at = ?, depth = ?, sort_order = ? WHERE framework_id = ? AND id = ?",
		"place":  "UPDATE competencies SET depth = ?, sort_order = ? WHERE framework_id = ? AND id = ?",
	}
	prepared := map[string]*sql.Stmt{}
	defer func() {
		for _, st := range prepared {
			st.Close()
		}
	}()
	execStmt := func(name string, args ...any) error {
		st := prepared[name]
		if st == nil {
			var err error
			if st, err = tx.PrepareContext(ctx, stmts[name]); err != nil {
				return err
			}
			prepared[name] = st
		}
		_, err := st.ExecContext(ctx, args...)
		return err
	}

	if !exists {
		_, err := tx.ExecContext(ctx, `INSERT INTO frameworks (id, title, publisher, version, source_url, licence,
			description, origin, scale, case_id, case_uri, content_digest, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			f.ID, f.Title, f.Publisher, f.Version, f.SourceURL, f.Licence, f.Description, f.Origin, f.Scale,
			f.CASEID, f.CASEURI, f.ContentDigest, stamp(), stamp())
		if err != nil {
			return change, err
		}
	}
	for _, r := range ordered {
		o, had := oldByID[r.ID]
		c := r.Competency
		var err error
		switch {
		case inF[c.ID] && !had:
			change.Added++
			err = execStmt("insert", f.ID, c.ID, c.ParentID, c.Code, c.Title, c.Description, c.Level,
				c.Position, c.Depth, c.Leaf, c.CASEID, c.CASEURI, r.ord)
		case inF[c.ID] && (o.RetiredAt != nil || !sameCompetency(o.Competency, c)):
			if o.RetiredAt != nil {
				change.Restored++
			} else {
				change.Updated++
			}
			err = execStmt("update", c.ParentID, c.Code, c.Title, c.Description, c.Level, c.Position, c.Depth,
				c.Leaf, c.CASEID, c.CASEURI, r.ord, f.ID, c.ID)
		case inF[c.ID]:
			change.Unchanged++
			if o.ord != r.ord {
				err = execStmt("place", c.Depth, r.ord, f.ID, c.ID)
			}
		case o.RetiredAt == nil:
			change.Retired++
			err = execStmt("retire", stamp(), c.Depth, r.ord, f.ID, c.ID)
		case o.ord != r.ord || o.Depth != c.Depth:
			err = execStmt("place", c.Depth, r.ord, f.ID, c.ID)
		}
		if err != nil {
			return change, err
		}
	}
	competenciesChanged := change.Added+change.Updated+change.Retired+change.Restored > 0
	if exists && (competenciesChanged || !sameFrameworkFields(stored, f)) {
		_, err := tx.ExecContext(ctx, `UPDATE frameworks SET title = ?, publisher = ?, version = ?, source_url = ?,
			licence = ?, description = ?, scale = ?, case_id = ?, case_uri = ?, content_digest = ?, updated_at = ?
			WHERE id = ?`,
			f.Title, f.Publisher, f.Version, f.SourceURL, f.Licence, f.Description, f.Scale, f.CASEID, f.CASEURI,
			f.ContentDigest, stamp(), f.ID)
		if err != nil {
			return change, err
		}
	}
	return change, nil
}

// DeleteFramework deletes a framework that is not built in, with its competencies, the
// alignments of entries to them and the assessments.
func (s *Store) DeleteFramework(ctx context.Context, id string) error {
	return s.write(ctx, "delete framework", func(tx *sql.Tx) error {
		var title string
		var origin portfolio.FrameworkOrigin
		err := tx.QueryRowContext(ctx, "SELECT title, origin FROM frameworks WHERE id = ?", id).Scan(&title, &origin)
		if err == sql.ErrNoRows {
			return portfolio.Errorf(portfolio.CodeNotFound, "No framework with id %s.", id)
		}
		if err != nil {
			return err
		}
		if origin == portfolio.OriginBuiltIn {
			return portfolio.Errorf(portfolio.CodeInvalid, "%q is built into ReadyFolio and cannot be deleted.", title)
		}
		// The foreign keys would cascade too; explicit deletes say what goes.
		for _, q := range []string{
			"DELETE FROM alignments WHERE framework_id = ?",
			"DELETE FROM assessments WHERE framework_id = ?",
			"DELETE FROM competencies WHERE framework_id = ?",
			"DELETE FROM frameworks WHERE id = ?",
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// getFramework loads one framework, with its competencies in depth-first order if asked.
func getFramework(ctx context.Context, tx *sql.Tx, id string, withCompetencies bool) (portfolio.Framework, error) {
	f, err := scanFramework(tx.QueryRowContext(ctx, "SELECT "+frameworkColumns+" FROM frameworks f WHERE f.id = ?", id))
	if err == sql.ErrNoRows {
		return f, portfolio.Errorf(portfolio.CodeNotFound, "No framework with id %s.", id)
	}
	if err != nil || !withCompetencies {
		return f, err
	}
	rows, err := queryCompetencies(ctx, tx, "c.framework_id = ?", id)
	if err != nil {
		return f, err
	}
	f.Competencies = make([]portfolio.Competency, len(rows))
	for i, r := range rows {
		f.Competencies[i] = r.Competency
	}
	return f, nil
}

func scanFramework(row interface{ Scan(...any) error }) (portfolio.Framework, error) {
	var f portfolio.Framework
	var created, updated string
	err := row.Scan(&f.ID, &f.Title, &f.Publisher, &f.Version, &f.SourceURL, &f.Licence, &f.Description,
		&f.Origin, &f.Scale, &f.CASEID, &f.CASEURI, &f.ContentDigest, &created, &updated, &f.LeafCount, &f.Retired)
	if err != nil {
		return f, err
	}
	if f.CreatedAt, err = parseTime(created); err != nil {
		return f, err
	}
	f.UpdatedAt, err = parseTime(updated)
	return f, err
}

// queryCompetencies loads the competencies matching where (a constant SQL condition over c) in
// depth-first order.
func queryCompetencies(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]competencyRow, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+competencyColumns+" FROM competencies c WHERE "+where+
		" ORDER BY c.framework_id, c.sort_order", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []competencyRow{}
	for rows.Next() {
		r, err := scanCompetency(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// scanCompetency reads competencyColumns and then any further columns into extra.
func scanCompetency(rows *sql.Rows, extra ...any) (competencyRow, error) {
	var r competencyRow
	var retired sql.NullString
	c := &r.Competency
	dest := append([]any{&c.FrameworkID, &c.ID, &c.ParentID, &c.Code, &c.Title, &c.Description, &c.Level,
		&c.Position, &c.Depth, &c.Leaf, &c.CASEID, &c.CASEURI, &retired, &r.ord}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return r, err
	}
	if retired.Valid {
		t, err := parseTime(retired.String)
		if err != nil {
			return r, err
		}
		c.RetiredAt = &t
	}
	return r, nil
}

// normalizeFramework trims and validates f and returns it with its competencies in depth-first
// order, their positions, depths and leaf flags computed from the tree.
func normalizeFramework(f portfolio.Framework) (portfolio.Framework, error) {
	if strings.TrimSpace(f.ID) == "" {
		return f, portfolio.Errorf(portfolio.CodeInvalid, "A framework needs an id.")
	}
	for _, p := range []*string{&f.Title, &f.Publisher, &f.Version, &f.SourceURL, &f.Licence, &f.Description,
		&f.CASEID, &f.CASEURI, &f.ContentDigest} {
		*p = strings.TrimSpace(*p)
	}
	if f.Title == "" {
		return f, portfolio.Errorf(portfolio.CodeInvalid, "The framework %s needs a title.", f.ID)
	}
	switch f.Origin {
	case "":
		f.Origin = portfolio.OriginCustom
	case portfolio.OriginBuiltIn, portfolio.OriginCASE, portfolio.OriginCustom:
	default:
		return f, portfolio.Errorf(portfolio.CodeInvalid,
			"The origin of the framework %q must be builtin, case or custom, not %q.", f.Title, f.Origin)
	}
	switch f.Scale {
	case "":
		f.Scale = portfolio.ScaleProficiency
	case portfolio.ScaleUNESCOLevels, portfolio.ScaleProficiency:
	default:
		return f, portfolio.Errorf(portfolio.CodeInvalid,
			"The strength scale of the framework %q must be %s or %s, not %q.",
			f.Title, portfolio.ScaleUNESCOLevels, portfolio.ScaleProficiency, f.Scale)
	}

	cs := make([]portfolio.Competency, len(f.Competencies))
	byID := make(map[string]int, len(cs))
	for i, c := range f.Competencies {
		for _, p := range []*string{&c.Code, &c.Title, &c.Description, &c.Level, &c.CASEID, &c.CASEURI} {
			*p = strings.TrimSpace(*p)
		}
		if strings.TrimSpace(c.ID) == "" {
			return f, portfolio.Errorf(portfolio.CodeInvalid,
				"Competency number %d of %q (%s) has no id.", i+1, f.Title, strings.TrimSpace(c.Code+" "+c.Title))
		}
		if c.FrameworkID != "" && c.FrameworkID != f.ID {
			return f, portfolio.Errorf(portfolio.CodeInvalid,
				"The competency %s belongs to the framework %s, not %s.", competencyLabel(c), c.FrameworkID, f.ID)
		}
		if c.Title == "" {
			return f, portfolio.Errorf(portfolio.CodeInvalid,
				"The competency %s of %q has no title; every competency needs one.", competencyLabel(c), f.Title)
		}
		if _, dup := byID[c.ID]; dup {
			return f, portfolio.Errorf(portfolio.CodeInvalid,
				"The competency id %s appears twice in %q.", c.ID, f.Title)
		}
		c.FrameworkID, c.RetiredAt = f.ID, nil
		byID[c.ID] = i
		cs[i] = c
	}
	children := make(map[string][]int, len(cs))
	for i, c := range cs {
		if c.ParentID != "" {
			if c.ParentID == c.ID {
				return f, portfolio.Errorf(portfolio.CodeInvalid,
					"The competency %s is placed inside itself.", competencyLabel(c))
			}
			if _, ok := byID[c.ParentID]; !ok {
				return f, portfolio.Errorf(portfolio.CodeInvalid,
					"The competency %s is placed inside %s, which is not a competency of %q.",
					competencyLabel(c), c.ParentID, f.Title)
			}
		}
		children[c.ParentID] = append(children[c.ParentID], i)
	}
	out := make([]portfolio.Competency, 0, len(cs))
	visited := make([]bool, len(cs))
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for pos, i := range children[parent] {
			c := cs[i]
			c.Position, c.Depth, c.Leaf = pos+1, depth, len(children[c.ID]) == 0
			visited[i] = true
			out = append(out, c)
			walk(c.ID, depth+1)
		}
	}
	walk("", 0)
	if len(out) < len(cs) {
		// Every parent exists, so what the walk from the top did not reach hangs in a cycle.
		start := slices.Index(visited, false)
		seen := map[int]bool{}
		for i := start; !seen[i]; i = byID[cs[i].ParentID] {
			seen[i] = true
			start = i
		}
		var names []string
		for i := start; len(names) == 0 || i != start; i = byID[cs[i].ParentID] {
			names = append(names, competencyLabel(cs[i]))
		}
		return f, portfolio.Errorf(portfolio.CodeInvalid,
			"The competencies %s are placed inside one another in a cycle; one of them must be at the top.",
			strings.Join(names, ", "))
	}
	f.Competencies = out
	return f, nil
}

// treeOrder returns rows depth-first with their place (ord, from 1) and depth. Siblings come live
// ones first, by position, then retired ones by their last position. Rows whose parent is not
// among rows are placed at the top.
func treeOrder(rows []competencyRow) []competencyRow {
	index := make(map[string]bool, len(rows))
	for _, r := range rows {
		index[r.ID] = true
	}
	children := make(map[string][]competencyRow, len(rows))
	for _, r := range rows {
		parent := r.ParentID
		if !index[parent] {
			parent = ""
		}
		children[parent] = append(children[parent], r)
	}
	for _, list := range children {
		slices.SortFunc(list, func(a, b competencyRow) int {
			return cmp.Or(
				cmp.Compare(boolInt(a.RetiredAt != nil), boolInt(b.RetiredAt != nil)),
				cmp.Compare(a.Position, b.Position),
				cmp.Compare(a.ID, b.ID))
		})
	}
	out := make([]competencyRow, 0, len(rows))
	placed := make(map[string]bool, len(rows))
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, r := range children[parent] {
			if placed[r.ID] {
				continue
			}
			placed[r.ID] = true
			r.Depth, r.ord = depth, len(out)+1
			out = append(out, r)
			walk(r.ID, depth+1)
		}
	}
	walk("", 0)
	for _, r := range rows { // only rows in a cycle of stale parents, which saving cannot make
		if !placed[r.ID] {
			placed[r.ID] = true
			r.Depth, r.ord = 0, len(out)+1
			out = append(out, r)
		}
	}
	return out
}

func sameCompetency(a, b portfolio.Competency) bool {
	return a.ParentID == b.ParentID && a.Code == b.Code && a.Title == b.Title && a.Description == b.Description &&
		a.Level == b.Level && a.Position == b.Position && a.Depth == b.Depth && a.Leaf == b.Leaf &&
		a.CASEID == b.CASEID && a.CASEURI == b.CASEURI
}

func sameFrameworkFields(a, b portfolio.Framework) bool {
	return a.Title == b.Title && a.Publisher == b.Publisher && a.Version == b.Version && a.SourceURL == b.SourceURL &&
		a.Licence == b.Licence && a.Description == b.Description && a.Origin == b.Origin && a.Scale == b.Scale &&
		a.CASEID == b.CASEID && a.CASEURI == b.CASEURI && a.ContentDigest == b.ContentDigest
}

// competencyLabel names a competency in messages: its code and title, else its id.
func competencyLabel(c portfolio.Competency) string {
	if label := strings.TrimSpace(c.Code + " " + c.Title); label != "" {
		return fmt.Sprintf("%q", label)
	}
	return c.ID
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
