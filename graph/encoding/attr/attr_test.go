package attr_test

import (
	"math"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		c    attr.Column
		want []string
	}{
		{attr.Ints("n", "", []int{0, -3, 2012}), []string{"0", "-3", "2012"}},
		{attr.Floats("x", "", []float64{0.0123, 1.5e-07, math.NaN(), math.Inf(1), math.Inf(-1), 3}), []string{"0.0123", "1.5e-07", "NaN", "INF", "-INF", "3"}},
		{attr.Bools("b", "", []bool{true, false}), []string{"true", "false"}},
		{attr.Strings("s", "", []string{" a\n\tb ", "x\x00y\u0085z", "bad \xff byte"}), []string{"a b", "xy z", "bad \uFFFD byte"}},
	} {
		for i, want := range tc.want {
			if got := tc.c.Text(i); got != want {
				t.Errorf("%s[%d] = %q, want %q", tc.c.Name, i, got, want)
			}
		}
		if tc.c.Text(len(tc.want)) != "" || tc.c.Text(-1) != "" {
			t.Errorf("%s: out of range is not empty", tc.c.Name)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "",
		"  Peer\r\nsupport\u00a0work ": "Peer support work",
		"bell\a and \x1b[31mred":       "bell and [31mred",
		"\uFFFE\uFFFF kept?":           "kept?",
		"心理 \u2028 健康":                 "心理 健康",
		"Evil\u202Egnp.exe \u2066x\u2069\u200E\u200F\u061C": "Evilgnp.exe x", // bidirectional controls go (issue 16)
	} {
		if got := attr.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIntents(t *testing.T) {
	var c attr.Intents
	for _, i := range []string{"supporting", " Supporting ", "mentioning", "CONTRASTING", "", "disputing"} {
		c.Add(i)
	}
	if c != (attr.Intents{Statements: 6, Supporting: 2, Mentioning: 1, Contrasting: 1, Other: 2}) {
		t.Errorf("counts %+v", c)
	}
	g := encodingtest.Graph()
	w := attr.WorkIntents(g)
	// Work 0: its three scite statements and work 1's supporting one.
	if w[0] != (attr.Intents{Statements: 4, Supporting: 2, Mentioning: 1, Contrasting: 1}) {
		t.Errorf("work 0 intents %+v", w[0])
	}
}

func TestCheck(t *testing.T) {
	g := encodingtest.Graph()
	n := g.Len()
	s := encodingtest.Set(g)
	if err := s.Check(g); err != nil {
		t.Fatalf("fixture Set: %v", err)
	}
	for _, tc := range []struct {
		s    attr.Set
		want string
	}{
		{attr.Set{Node: []attr.Column{attr.Ints("x", "", make([]int, n)), attr.Ints("x", "", make([]int, n))}}, `node column "x" given twice`},
		{attr.Set{Cites: []attr.Column{attr.Bools("m", "", []bool{true})}}, `citation column "m" has 1 values for 31 citations`},
		{attr.Set{Node: []attr.Column{attr.Ints("2x", "", make([]int, n))}}, `name must be`},
		{attr.Set{Theme: []int{1}}, "1 theme numbers for 15 works"},
		{attr.Set{Size: make([]float64, n+1)}, "16 sizes for 15 works"},
	} {
		if err := tc.s.Check(g); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want …%s", err, tc.want)
		}
	}
}

// TestEdgeTable: citation columns spread over all edges, valid on
// citations only, in the order of AllEdges.
func TestEdgeTable(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	edges, cols, err := attr.EdgeTable(g, &s)
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != len(g.Edges(graph.Cites))+len(g.Edges(graph.CoCited))+len(g.Edges(graph.Related)) {
		t.Fatalf("%d edges", len(edges))
	}
	var mp *attr.Column
	for i := range cols {
		if cols[i].Name == "main_path" {
			mp = &cols[i]
		}
	}
	for i, e := range edges {
		if mp.Has(i) != (e.Kind == graph.Cites) {
			t.Errorf("edge %d (%s): main_path present = %v", i, e.Kind, mp.Has(i))
		}
		if e.Kind == graph.Cites && mp.Bools[i] != s.Cites[0].Bools[i] {
			t.Errorf("edge %d: main_path %v, want %v", i, mp.Bools[i], s.Cites[0].Bools[i])
		}
	}
}

func TestThemeTitle(t *testing.T) {
	s := attr.Set{Themes: []attr.Theme{{Label: "peer\nsupport"}, {}}}
	if got := s.ThemeTitle(0); got != "Theme 1: peer support" {
		t.Errorf("%q", got)
	}
	if got := s.ThemeTitle(1); got != "Theme 2" {
		t.Errorf("%q", got)
	}
	if got := s.ThemeTitle(-1); got != "" {
		t.Errorf("%q", got)
	}
}
