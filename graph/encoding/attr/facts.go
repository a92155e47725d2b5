package attr

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// Intents counts citation statements by what they do: in scite's terms
// (supporting, mentioning, contrasting, by EdgeStatement.Polarity) and in
// SciCite's (background, method, result, by EdgeStatement.Function).
type Intents struct {
	Statements  int // all statements
	Supporting  int
	Mentioning  int
	Contrasting int
	Other       int // no sentiment given or classified
	Background  int
	Method      int
	Result      int
}

// Add counts one statement of the given sentiment (compared without regard
// to case or surrounding space).
func (c *Intents) Add(intent string) {
	c.Statements++
	switch strings.ToLower(strings.TrimSpace(intent)) {
	case "supporting":
		c.Supporting++
	case "mentioning":
		c.Mentioning++
	case "contrasting":
		c.Contrasting++
	default:
		c.Other++
	}
}

// AddStatement counts st by its sentiment (Polarity) and its function.
func (c *Intents) AddStatement(st *graph.EdgeStatement) {
	c.Add(st.Polarity())
	switch st.Function {
	case "background":
		c.Background++
	case "method":
		c.Method++
	case "result":
		c.Result++
	}
}

// EdgeIntents counts the statements on e.
func EdgeIntents(e *graph.Edge) Intents {
	var c Intents
	for i := range e.Statements {
		c.AddStatement(&e.Statements[i])
	}
	return c
}

// WorkIntents returns, per node ID, the statements citing the work: those
// on its incoming Cites edges (self-citations included), each counted once
// per edge. For a work with a scite report these are the report's
// statements; for others, the statements of citing works' full texts.
func WorkIntents(g *graph.Graph) []Intents {
	out := make([]Intents, g.Len())
	for _, e := range g.Edges(graph.Cites) {
		c := &out[e.T.ID()]
		for i := range e.Statements {
			c.AddStatement(&e.Statements[i])
		}
	}
	return out
}

// Clean returns s as text fit for any output: invalid UTF-8 bytes become
// U+FFFD, every run of white space (newlines, tabs, no-break spaces …)
// becomes one space, other control characters (C0, DEL, C1), the
// bidirectional controls (IsBidiControl) and the Unicode noncharacters
// U+FFFE and U+FFFF are dropped, and leading and trailing space is
// trimmed. What remains is valid in XML 1.0, JSON, CSV and tab-separated
// cells, and shows in the order it is stored. It is the rule of dot.Label
// as well.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			// Invalid byte: kept visible as the replacement character.
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, IsBidiControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// IsBidiControl reports whether r is one of the invisible characters that
// reorder the text around them (Unicode's Bidi_Control property: the
// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the
// marks U+200E, U+200F and U+061C). A title holding U+202E (right-to-left
// override) shows its end reversed, and everything after it on the line:
// a label, a table cell, a tooltip shows other text than the data holds
// ("Trojan Source", CVE-2021-42574). Every writer drops them from what it
// shows (Clean, dot.Label, csv.Cell); the records (works.jsonl) keep them.
func IsBidiControl(r rune) bool {
	return r >= 0x061C && unicode.Is(unicode.Bidi_Control, r)
}

// Authors returns the work's authors as "Family, Given; Family, Given".
func Authors(w *graph.Work) string {
	names := make([]string, 0, len(w.Authors))
	for _, a := range w.Authors {
		if s := Clean(a.String()); s != "" {
			names = append(names, s)
		}
	}
	if len(names) == 0 && w.FirstAuthor != "" {
		return Clean(w.FirstAuthor)
	}
	return strings.Join(names, "; ")
}

// WorkColumns returns the standard node columns every graph writer puts
// before the caller's: key, label, kind, title, authors, year (0 when
// unknown), venue, doi, theme (counted from 1; 0 for none), theme_label,
// and the statements citing the work: statements, supporting, mentioning,
// contrasting, other_intent (WorkIntents).
func WorkColumns(g *graph.Graph, s *Set) []Column {
	works := g.Works()
	n := len(works)
	key, label, kind, title, authors, venue, doi, themeLabel := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	year, theme := make([]int, n), make([]int, n)
	intents := WorkIntents(g)
	counts := newIntentColumns(n)
	for i, w := range works {
		key[i], label[i], kind[i] = w.Key, s.LabelOf(w), w.Kind.String()
		title[i], authors[i], venue[i], doi[i] = Clean(w.Title), Authors(w), Clean(w.Venue), w.DOI
		year[i] = w.Year
		if t := s.ThemeOf(int64(i)); t >= 0 {
			theme[i], themeLabel[i] = t+1, Clean(s.Themes[t].Label)
		}
		counts.set(i, intents[i])
	}
	return append([]Column{
		Strings("key", "Key", key),
		Strings("label", "Label", label),
		Strings("kind", "Kind", kind),
		Strings("title", "Title", title),
		Strings("authors", "Authors", authors),
		Ints("year", "Year", year),
		Strings("venue", "Venue", venue),
		Strings("doi", "DOI", doi),
		Ints("theme", "Theme", theme),
		Strings("theme_label", "Theme label", themeLabel),
	}, counts.columns("Citing statements")...)
}

// EdgeColumns returns the standard columns of the given edges, in order:
// kind ("cites", "cocited", "related"), weight (Edge.N), method (how the
// cited end was identified), statements and their counts by intent
// (supporting, mentioning, contrasting, other_intent; then background,
// method_intent, result by function).
func EdgeColumns(edges []*graph.Edge) []Column {
	n := len(edges)
	kind, method := make([]string, n), make([]string, n)
	weight, counts := make([]int, n), newIntentColumns(n)
	bg, me, re := make([]int, n), make([]int, n), make([]int, n)
	for i, e := range edges {
		kind[i], method[i], weight[i] = e.Kind.String(), Clean(e.Method), e.N
		c := EdgeIntents(e)
		counts.set(i, c)
		bg[i], me[i], re[i] = c.Background, c.Method, c.Result
	}
	cols := append([]Column{
		Strings("kind", "Kind", kind),
		Ints("weight", "Weight", weight),
		Strings("method", "Match method", method),
	}, counts.columns("Statements")...)
	return append(cols,
		Ints("background", "Background statements", bg),
		Ints("method_intent", "Method statements", me),
		Ints("result", "Result statements", re),
	)
}

// intentColumns are the columns of statements and their counts by intent
// (supporting, mentioning, contrasting, other_intent), one row per node or
// edge.
type intentColumns struct{ st, sup, men, con, oth []int }

func newIntentColumns(n int) intentColumns {
	return intentColumns{make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)}
}

// set fills row i with c.
func (ic intentColumns) set(i int, c Intents) {
	ic.st[i], ic.sup[i], ic.men[i], ic.con[i], ic.oth[i] = c.Statements, c.Supporting, c.Mentioning, c.Contrasting, c.Other
}

// columns are the columns, the statements headed heading.
func (ic intentColumns) columns(heading string) []Column {
	return []Column{
		Ints("statements", heading, ic.st),
		Ints("supporting", "Supporting statements", ic.sup),
		Ints("mentioning", "Mentioning statements", ic.men),
		Ints("contrasting", "Contrasting statements", ic.con),
		Ints("other_intent", "Statements of other or no intent", ic.oth),
	}
}

// AllEdges returns every edge of g: Cites, then CoCited, then Related, each
// kind in the graph's order, and for each its index among the Cites edges
// (-1 for the other kinds), so that Set.Cites values can be found.
func AllEdges(g *graph.Graph) (edges []*graph.Edge, citeIndex []int) {
	for _, k := range []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related} {
		for i, e := range g.Edges(k) {
			edges = append(edges, e)
			if k == graph.Cites {
				citeIndex = append(citeIndex, i)
			} else {
				citeIndex = append(citeIndex, -1)
			}
		}
	}
	return edges, citeIndex
}

// Tables are the tables a graph writer writes (NodeTable, EdgeTable).
type Tables struct {
	Nodes       []Column      // one row per work of the graph
	Edges       []*graph.Edge // every edge (AllEdges)
	EdgeColumns []Column      // one row per edge of Edges
}

// GraphTables returns the node table and the edge table of g with s, or
// the error of NodeTable or EdgeTable.
func GraphTables(g *graph.Graph, s *Set) (t Tables, err error) {
	if t.Nodes, err = NodeTable(g, s); err != nil {
		return t, err
	}
	t.Edges, t.EdgeColumns, err = EdgeTable(g, s)
	return t, err
}

// NodeTable returns the node columns every graph writer writes: the
// standard WorkColumns, then s.Node. It returns an error when s fails
// Check or names a column like a standard one.
func NodeTable(g *graph.Graph, s *Set) ([]Column, error) {
	if err := s.Check(g); err != nil {
		return nil, err
	}
	cols := WorkColumns(g, s)
	std := map[string]bool{}
	for _, c := range cols {
		std[c.Name] = true
	}
	for _, c := range s.Node {
		if std[c.Name] {
			return nil, fmt.Errorf("attr: node column %q is a standard column", c.Name)
		}
		cols = append(cols, c)
	}
	return cols, nil
}

// EdgeTable returns every edge of g (AllEdges) and their columns: the
// standard EdgeColumns, then s.Cites spread over all edges, valid on the
// Cites edges only. It returns an error when s fails Check or names a
// column like a standard one.
func EdgeTable(g *graph.Graph, s *Set) ([]*graph.Edge, []Column, error) {
	if err := s.Check(g); err != nil {
		return nil, nil, err
	}
	edges, cite := AllEdges(g)
	cols := EdgeColumns(edges)
	std := map[string]bool{}
	for _, c := range cols {
		std[c.Name] = true
	}
	for _, c := range s.Cites {
		if std[c.Name] {
			return nil, nil, fmt.Errorf("attr: citation column %q is a standard column", c.Name)
		}
		out := Column{Name: c.Name, Title: c.Title, Type: c.Type, Valid: make([]bool, len(edges))}
		for i, ci := range cite {
			valid := ci >= 0 && c.Has(ci)
			out.Valid[i] = valid
			switch c.Type {
			case Int:
				v := 0
				if valid {
					v = c.Ints[ci]
				}
				out.Ints = append(out.Ints, v)
			case Float:
				v := 0.0
				if valid {
					v = c.Floats[ci]
				}
				out.Floats = append(out.Floats, v)
			case Bool:
				out.Bools = append(out.Bools, valid && c.Bools[ci])
			default:
				v := ""
				if valid {
					v = c.Strings[ci]
				}
				out.Strings = append(out.Strings, v)
			}
		}
		cols = append(cols, out)
	}
	return edges, cols, nil
}

// StatementIntentHeader names the columns StatementIntentCells gives, which
// statements.csv adds after its first columns: who classified the intent,
// and both heads with their confidences.
var StatementIntentHeader = []string{"classified_by", "function", "function_confidence", "sentiment", "sentiment_confidence"}

// StatementIntentCells returns st's cells under StatementIntentHeader
// (confidences as the shortest decimal; "" when the head is unset).
func StatementIntentCells(st *graph.EdgeStatement) []string {
	conf := func(s string, c float64) string {
		if s == "" {
			return ""
		}
		return strconv.FormatFloat(c, 'g', -1, 64)
	}
	return []string{Clean(st.ClassifiedBy), Clean(st.Function), conf(st.Function, st.FunctionConfidence),
		Clean(st.Polarity()), conf(st.Polarity(), st.SentimentConfidence)}
}
