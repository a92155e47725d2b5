package graphjson_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/graphjson"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func write(t testing.TB, g *graph.Graph, s attr.Set) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graphjson.Write(&buf, g, s); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	g := encodingtest.Graph()
	encodingtest.Golden(t, "fixture.json", write(t, g, encodingtest.Set(g)), *update)
}

type doc struct {
	Format  string
	Version int
	Report  graph.Report
	Themes  []struct {
		Theme int
		Label string
		Size  int
		Top   []string
	}
	Nodes []struct {
		ID         int64
		Key, Title string
		Label      string
		Venue      string
		Theme      int
		Supporting int
		Attrs      map[string]any
	}
	Edges []struct {
		Source, Target, Kind string
		Weight               int
		Statements           []struct{ Text, Intent string }
		Attrs                map[string]any
	}
}

// TestContent parses the document and checks it against the graph: every
// text intact, values typed, citation values on citations only.
func TestContent(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	out := write(t, g, s)
	if bytes.ContainsAny(out, "<>") {
		t.Error("raw < or > in the JSON: not safe inside a <script> element")
	}
	var d doc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if d.Format != "citegraph-graph" || d.Version != 1 || d.Report.Records != 10 {
		t.Errorf("header %q %d, report %+v", d.Format, d.Version, d.Report)
	}
	if len(d.Nodes) != g.Len() || len(d.Themes) != 3 {
		t.Fatalf("%d nodes, %d themes", len(d.Nodes), len(d.Themes))
	}
	for i, w := range g.Works() {
		n := d.Nodes[i]
		if n.Key != w.Key || n.Title != attr.Clean(w.Title) || n.Label != s.LabelOf(w) || n.Venue != attr.Clean(w.Venue) {
			t.Errorf("node %d: %+v", i, n)
		}
		if n.Attrs["note"] != attr.Clean(s.Node[4].Strings[i]) || n.Attrs["in_degree"] != float64(s.Node[0].Ints[i]) || n.Attrs["early"] != s.Node[3].Bools[i] {
			t.Errorf("node %d attrs %v", i, n.Attrs)
		}
	}
	edges, cite := attr.AllEdges(g)
	if len(d.Edges) != len(edges) {
		t.Fatalf("%d edges, want %d", len(d.Edges), len(edges))
	}
	for i, e := range d.Edges {
		if _, ok := e.Attrs["main_path"]; ok != (cite[i] >= 0) {
			t.Errorf("edge %d (%s): attrs %v", i, e.Kind, e.Attrs)
		}
		for j, st := range e.Statements {
			if st.Text != attr.Clean(edges[i].Statements[j].Text) {
				t.Errorf("edge %d statement %q", i, st.Text)
			}
		}
	}
}

// TestNonFinite writes NaN and infinities as null.
func TestNonFinite(t *testing.T) {
	g := encodingtest.Graph()
	x := make([]float64, g.Len())
	x[0], x[1], x[2] = math.NaN(), math.Inf(1), math.Inf(-1)
	out := write(t, g, attr.Set{Node: []attr.Column{attr.Floats("x", "", x)}})
	var d doc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if v, ok := d.Nodes[i].Attrs["x"]; !ok || v != nil {
			t.Errorf("node %d x = %v, want null", i, v)
		}
	}
}

func TestDeterministic(t *testing.T) {
	recs := encodingtest.Records()
	g := graph.Build(recs)
	a := write(t, g, encodingtest.Set(g))
	slices.Reverse(recs)
	g2 := graph.Build(recs)
	if b := write(t, g2, encodingtest.Set(g2)); !bytes.Equal(a, b) {
		t.Error("output depends on record order")
	}
	if !strings.HasSuffix(string(a), "}\n") {
		t.Error("document does not end with a newline")
	}
}
