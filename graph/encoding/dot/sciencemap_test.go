package dot_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
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
	e := dot.Evolution{Title: "Evolution " + hostile, Periods: []dot.EvolutionPeriod{
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
	// The title in the HTML-like label escaped, over the key to the colours.
	countStmts(t, text)
	for _, want := range []string{`Evolution A &#34;quoted&#34; &lt;b&gt;bold&lt;/b&gt; \ &amp; label`, "Motor themes", "Niche themes", "Emerging or declining themes", "Basic themes"} {
		if !strings.Contains(text, want) {
			t.Errorf("title or key %q missing:\n%s", want, text)
		}
	}
}

var (
	rePin   = regexp.MustCompile(`(?m)^\t([tl])(\d+) \[.*pos="([0-9.-]+),([0-9.-]+)!".*$`)
	reWidth = regexp.MustCompile(`, width=([0-9.]+)`)
)

// TestThematicMapSpread: seven themes on one spot of the emerging quadrant
// (tied ranks, as the PubMed export's one-keyword themes were) and one on
// the mean of both axes, in the motor quadrant: every circle ends in its
// quadrant of the frame, no two circles overlap, and no two labels share
// a centre. (The rows of three the map drew before put
// three of them left of the frame and the eighth on both axes.)
func TestThematicMapSpread(t *testing.T) {
	m := dot.ThemeMap{Title: "Ties", MeanX: 4.5, MeanY: 4.5}
	for i := range 7 {
		m.Themes = append(m.Themes, dot.ThemeSpot{X: 2, Y: 2, Size: 1, Lines: []string{fmt.Sprint("STAPHYLOCOCCUS AUREUS ", i)}, Quadrant: 2})
	}
	m.Themes = append(m.Themes, dot.ThemeSpot{X: 4.5, Y: 4.5, Size: 3, Lines: []string{"AT THE MEANS"}, Quadrant: 0})
	var buf bytes.Buffer
	if err := dot.WriteThematicMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	type circle struct{ x, y, r float64 }
	var circles []circle
	labels := map[[2]string]bool{}
	for _, g := range rePin.FindAllStringSubmatch(buf.String(), -1) {
		x, _ := strconv.ParseFloat(g[3], 64)
		y, _ := strconv.ParseFloat(g[4], 64)
		if g[1] == "l" {
			if labels[[2]string{g[3], g[4]}] {
				t.Errorf("two labels at %s,%s", g[3], g[4])
			}
			labels[[2]string{g[3], g[4]}] = true
			continue
		}
		w, _ := strconv.ParseFloat(reWidth.FindStringSubmatch(g[0])[1], 64)
		circles = append(circles, circle{x, y, w / 2})
	}
	if len(circles) != 8 || len(labels) != 8 {
		t.Fatalf("%d circles and %d labels pinned, want 8 and 8:\n%s", len(circles), len(labels), buf.String())
	}
	// The frame's top right corner: the frame grows from 8 inches when a
	// quadrant is crowded, as the seven themes' labels crowd theirs.
	f2 := regexp.MustCompile(`f2 \[pos="([0-9.]+),`).FindStringSubmatch(buf.String())
	side, _ := strconv.ParseFloat(f2[1], 64)
	if side <= 8 {
		t.Errorf("frame %.2f inches, want it grown from 8", side)
	}
	h := side / 2
	for i, c := range circles {
		if left, below := c.x+c.r <= h, c.y+c.r <= h; i < 7 && !(left && below) || i == 7 && (c.x-c.r < h || c.y-c.r < h) ||
			c.x-c.r < 0 || c.y-c.r < 0 || c.x+c.r > side || c.y+c.r > side {
			t.Errorf("theme %d at %.2f,%.2f (radius %.2f) left its quadrant", i, c.x, c.y, c.r)
		}
		for j, d := range circles[:i] {
			if math.Hypot(c.x-d.x, c.y-d.y) < c.r+d.r {
				t.Errorf("themes %d and %d overlap: %+v %+v", j, i, d, c)
			}
		}
	}
	if n, e, ok := renderSVG(t, buf.String()); ok && (n != 8+4+2+2*8 || e != 6) {
		t.Errorf("GraphViz drew %d nodes and %d edges", n, e)
	}
}
