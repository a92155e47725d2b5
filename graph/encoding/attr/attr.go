package attr

import (
	"fmt"
	"math"
	"strconv"

	"github.com/citegraph/citegraph/graph"
)

// Type is the type of a column's values.
type Type uint8

// Column types.
const (
	String Type = iota
	Int
	Float
	Bool
)

var typeNames = [...]string{"string", "int", "float", "bool"}

// String returns "string", "int", "float" or "bool".
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// Column is one named attribute with a value per row: per node ID for
// Set.Node, per citation (in the order of g.Edges(graph.Cites)) for
// Set.Cites. Exactly the slice of its Type is used.
type Column struct {
	// Name identifies the column in every format: lower case ASCII
	// letters, digits and '_', starting with a letter ("pagerank").
	Name string
	// Title is the column's name for people ("PageRank"); Name when empty.
	Title string
	Type  Type

	Strings []string
	Ints    []int
	Floats  []float64
	Bools   []bool
	// Valid, when not nil, marks which values exist: writers leave out
	// value i when Valid[i] is false (a citation-only column on a
	// co-citation edge, say).
	Valid []bool
}

// Has reports whether value i exists (see Valid).
func (c *Column) Has(i int) bool {
	return i >= 0 && i < c.Len() && (c.Valid == nil || i < len(c.Valid) && c.Valid[i])
}

// Strings returns a String column.
func Strings(name, title string, v []string) Column {
	return Column{Name: name, Title: title, Type: String, Strings: v}
}

// Ints returns an Int column.
func Ints(name, title string, v []int) Column {
	return Column{Name: name, Title: title, Type: Int, Ints: v}
}

// Floats returns a Float column.
func Floats(name, title string, v []float64) Column {
	return Column{Name: name, Title: title, Type: Float, Floats: v}
}

// Bools returns a Bool column.
func Bools(name, title string, v []bool) Column {
	return Column{Name: name, Title: title, Type: Bool, Bools: v}
}

// Len returns the number of values.
func (c *Column) Len() int {
	switch c.Type {
	case Int:
		return len(c.Ints)
	case Float:
		return len(c.Floats)
	case Bool:
		return len(c.Bools)
	default:
		return len(c.Strings)
	}
}

// Heading returns Title, or Name when Title is empty.
func (c *Column) Heading() string {
	if c.Title != "" {
		return c.Title
	}
	return c.Name
}

// Text returns value i as every writer writes it: integers in decimal,
// floats in Go's shortest round-trip form ('g' format, so 0.0123 or
// 1.5e-07), NaN as "NaN" and infinities as "INF" and "-INF" (the XML
// Schema spelling), booleans as "true" and "false", strings cleaned
// (Clean). Out of range gives "".
func (c *Column) Text(i int) string {
	if i < 0 || i >= c.Len() {
		return ""
	}
	switch c.Type {
	case Int:
		return strconv.Itoa(c.Ints[i])
	case Float:
		return FormatFloat(c.Floats[i])
	case Bool:
		return strconv.FormatBool(c.Bools[i])
	default:
		return Clean(c.Strings[i])
	}
}

// Float returns value i as a number (booleans 0 or 1, strings NaN) and
// whether the column is numeric.
func (c *Column) Float(i int) (float64, bool) {
	if i < 0 || i >= c.Len() {
		return math.NaN(), false
	}
	switch c.Type {
	case Int:
		return float64(c.Ints[i]), true
	case Float:
		return c.Floats[i], true
	case Bool:
		if c.Bools[i] {
			return 1, true
		}
		return 0, true
	}
	return math.NaN(), false
}

// FormatFloat formats x as Column.Text does.
func FormatFloat(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "INF"
	case math.IsInf(x, -1):
		return "-INF"
	case math.IsNaN(x):
		return "NaN"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// Theme is one theme (community) as the caller names it.
type Theme struct {
	// Label is the theme's name, e.g. "transition, camhs, young people";
	// may be empty.
	Label string
	// Terms are its label terms, best first.
	Terms []string
	// Top lists its works' node IDs, most central first.
	Top []int64
}

// Title returns "Theme n: label" (n counted from 1), or "Theme n".
func (t Theme) Title(n int) string {
	if l := Clean(t.Label); l != "" {
		return fmt.Sprintf("Theme %d: %s", n+1, l)
	}
	return fmt.Sprintf("Theme %d", n+1)
}

// Set is what the caller hands to the writers besides the graph. Every
// field may be left zero.
type Set struct {
	// Label returns a work's short label ("Kemp 2012"); nil means the
	// work's Key. cmd passes dot.Label so every format shows the same
	// label.
	Label func(*graph.Work) string
	// Node holds per-node columns (centralities …), each of g.Len()
	// values, written in this order after the standard ones.
	Node []Column
	// Cites holds per-citation columns, each with one value per edge of
	// g.Edges(graph.Cites), in that order.
	Cites []Column
	// Theme is each node's theme number (index into Themes), or -1 for
	// none; nil means no themes.
	Theme []int
	// Themes describes each theme.
	Themes []Theme
	// Size is the score that sets a node's drawn size (PageRank), per node
	// ID; nil draws every node the same.
	Size []float64
	// Generator names the program and version writing the file
	// ("citegraph v1.2.0", "citegraph devel"); the formats that carry
	// such metadata (graph.json) record it, "" leaves it out.
	Generator string
}

// Check returns an error when a column or slice has the wrong length, a
// column name is not an identifier or appears twice, or a theme number is
// out of range. Writers call it before writing anything.
func (s *Set) Check(g *graph.Graph) error {
	n := g.Len()
	seen := map[string]bool{}
	for _, group := range []struct {
		what string
		cols []Column
		want int
	}{{"node", s.Node, n}, {"citation", s.Cites, len(g.Edges(graph.Cites))}} {
		for i := range group.cols {
			c := &group.cols[i]
			if !isName(c.Name) {
				return fmt.Errorf("attr: %s column %q: name must be lower case letters, digits and _, starting with a letter", group.what, c.Name)
			}
			if seen[group.what+c.Name] {
				return fmt.Errorf("attr: %s column %q given twice", group.what, c.Name)
			}
			seen[group.what+c.Name] = true
			if c.Len() != group.want {
				return fmt.Errorf("attr: %s column %q has %d values for %d %ss", group.what, c.Name, c.Len(), group.want, group.what)
			}
		}
	}
	if s.Theme != nil {
		if len(s.Theme) != n {
			return fmt.Errorf("attr: %d theme numbers for %d works", len(s.Theme), n)
		}
		for id, t := range s.Theme {
			if t >= len(s.Themes) {
				return fmt.Errorf("attr: node %d has theme %d of %d", id, t, len(s.Themes))
			}
		}
	}
	if s.Size != nil && len(s.Size) != n {
		return fmt.Errorf("attr: %d sizes for %d works", len(s.Size), n)
	}
	return nil
}

func isName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// LabelOf returns the cleaned short label of w.
func (s *Set) LabelOf(w *graph.Work) string {
	if s.Label == nil {
		return Clean(w.Key)
	}
	return Clean(s.Label(w))
}

// ThemeOf returns the theme number of node id, or -1.
func (s *Set) ThemeOf(id int64) int {
	if s.Theme == nil || id < 0 || int(id) >= len(s.Theme) || s.Theme[id] < 0 {
		return -1
	}
	return s.Theme[id]
}

// ThemeTitle returns the title of theme t ("Theme 2: peer support, …"), or
// "" for t < 0.
func (s *Set) ThemeTitle(t int) string {
	if t < 0 {
		return ""
	}
	if t < len(s.Themes) {
		return s.Themes[t].Title(t)
	}
	return Theme{}.Title(t)
}

// ThemeCount returns the number of themes: len(Themes), or one more than
// the largest theme number when Themes is shorter.
func (s *Set) ThemeCount() int {
	n := len(s.Themes)
	for _, t := range s.Theme {
		n = max(n, t+1)
	}
	return n
}

// Column returns the node column with the given name, or nil.
func (s *Set) Column(name string) *Column {
	for i := range s.Node {
		if s.Node[i].Name == name {
			return &s.Node[i]
		}
	}
	return nil
}
