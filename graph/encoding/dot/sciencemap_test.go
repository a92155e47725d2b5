package dot_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/dot"
	dotparse "gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// countStmts parses text with gonum's DOT parser and counts its node and
// edge statements, inside subgraphs too.
func countStmts(t *testing.T, text string) (nodes, edges int) {
	t.Helper()
	f, err := dotparse.ParseString(text)
	if err != nil {
		t.Fatalf("gonum cannot parse the DOT: %v\n%s", err, text)
	}
	var walk func([]ast.Stmt)
	walk = func(stmts []ast.Stmt) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.NodeStmt:
				nodes++
			case *ast.EdgeStmt:
				for to := s.To; to != nil; to = to.To {
					edges++
				}
			case *ast.Subgraph:
				walk(s.Stmts)
			}
		}
	}
	walk(f.Graphs[0].Stmts)
	return nodes, edges
}

// renderSVG draws text with GraphViz, when installed, and counts the SVG's
// nodes and edges.
func renderSVG(t *testing.T, text string) (nodes, edges int, ok bool) {
	t.Helper()
	svg, err := dot.Render(context.Background(), []byte(text), "svg")
	if errors.Is(err, dot.ErrNoGraphviz) {
		t.Log("GraphViz not installed: not rendered")
		return 0, 0, false
	}
	if err != nil {
		t.Fatalf("GraphViz: %v\n%s", err, text)
	}
	return bytes.Count(svg, []byte(`class="node"`)), bytes.Count(svg, []byte(`class="edge"`)), true
}

// hostile is a label no drawing may let through as markup or syntax.
const hostile = `A "quoted" <b>bold</b> \ & label`

func TestWriteWordMap(t *testing.T) {
	m := dot.WordMap{Title: "Co-occurrence " + hostile, Items: []dot.WordItem{{Label: hostile, Size: 3}, {Label: "B", Size: 1, Cluster: 1}, {Label: "C", Size: 0, Cluster: -1}},
		Links: []dot.WordLink{{A: 0, B: 1, Weight: 2}, {A: 1, B: 2, Weight: 1}}}
	var buf bytes.Buffer
	if err := dot.WriteWordMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	// 3 items (plus the node defaults statement), 2 links.
	if n, e := countStmts(t, buf.String()); n != 3 || e != 2 {
		t.Errorf("%d node and %d edge statements, want 3 and 2", n, e)
	}
	if n, e, ok := renderSVG(t, buf.String()); ok && (n != 3 || e != 2) {
		t.Errorf("GraphViz drew %d nodes and %d edges, want 3 and 2", n, e)
	}
	if err := dot.WriteWordMap(&buf, dot.WordMap{Links: []dot.WordLink{{A: 0, B: 1}}}); err == nil {
		t.Error("a link out of range was written")
	}
}

func TestWriteThematicMap(t *testing.T) {
	m := dot.ThemeMap{Title: hostile, XTitle: "Centrality", YTitle: "Density", MeanX: 2, MeanY: 2, Themes: []dot.ThemeSpot{
		{X: 3, Y: 3, Size: 8, Lines: []string{hostile, "B"}, Quadrant: 0}, {X: 1, Y: 1, Size: 2, Lines: []string{"C"}, Quadrant: 2},
		{X: 2, Y: 2, Size: 5, Lines: []string{"D"}, Quadrant: 3}}}
	var buf bytes.Buffer
	if err := dot.WriteThematicMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	// Nodes: 8 frame and axis points, 4 quadrant names, 2 axis titles, a
	// circle and a label per theme; edges: the frame's 4 sides and 2 axes.
	if n, e, ok := renderSVG(t, text); ok && (n != 8+4+2+2*3 || e != 6) {
		t.Errorf("GraphViz drew %d nodes and %d edges, want 20 and 6", n, e)
	}
	if !strings.Contains(text, `t0 [shape=circle`) || !strings.Contains(text, `pos="`) || !strings.Contains(text, `label="A \"quoted\" <b>bold</b> \\ &amp; label"`) {
		t.Errorf("theme not pinned or label not escaped:\n%s", text)
	}
	for _, q := range []string{"Motor themes", "Niche themes", "Basic themes", "declining themes"} {
		if !strings.Contains(text, q) {
			t.Errorf("quadrant %q not named", q)
		}
	}
}

func TestWriteEvolution(t *testing.T) {
	e := dot.Evolution{Title: "Evolution", Periods: []dot.EvolutionPeriod{
		{Label: "2000\n3 documents", Themes: []dot.ThemeSpot{{Size: 3, Lines: []string{hostile}}, {Size: 1, Lines: []string{"B"}}}},
		{Label: "2001–2010", Themes: []dot.ThemeSpot{{Size: 2, Lines: []string{"C"}, Quadrant: 1}}},
		{Label: "2011"},
	}, Links: []dot.EvolutionLink{{Period: 0, From: 1, To: 0, Weight: 0.5}, {Period: 1, From: 0, To: 0, Weight: 1}}}
	var buf bytes.Buffer
	if err := dot.WriteEvolution(&buf, e); err == nil {
		t.Error("a link into a period without themes was written")
	}
	e.Links = []dot.EvolutionLink{{Period: 0, From: 1, To: 0, Weight: 0.5}}
	buf.Reset()
	if err := dot.WriteEvolution(&buf, e); err != nil {
		t.Fatal(err)
	}
	// 3 themes and the "no theme" of 2011; the link, and the 2 invisible
	// joins of consecutive periods, which GraphViz leaves out of the SVG.
	text := buf.String()
	if n, ed, ok := renderSVG(t, text); ok && (n != 4 || ed != 1) {
		t.Errorf("GraphViz drew %d nodes and %d edges, want 4 and 1", n, ed)
	}
	if !strings.Contains(text, `label="2000\n3 documents"`) || !strings.Contains(text, `label="0.50"`) {
		t.Errorf("period or inclusion label missing:\n%s", text)
	}
}
