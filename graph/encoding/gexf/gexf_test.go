package gexf_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/gexf"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func write(t testing.TB, g *graph.Graph, s attr.Set) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gexf.Write(&buf, g, s); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	g := encodingtest.Graph()
	encodingtest.Golden(t, "fixture.gexf", write(t, g, encodingtest.Set(g)), *update)
}

type doc struct {
	Version string `xml:"version,attr"`
	Graph   struct {
		Mode       string `xml:"mode,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string  `xml:"id,attr"`
			Label  string  `xml:"label,attr"`
			Values []value `xml:"attvalues>attvalue"`
			Spells []spell `xml:"spells>spell"`
		} `xml:"nodes>node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Weight string  `xml:"weight,attr"`
			Kind   string  `xml:"kind,attr"`
			Values []value `xml:"attvalues>attvalue"`
			Spells []spell `xml:"spells>spell"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type value struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type spell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

func get(vs []value, key string) string {
	for _, v := range vs {
		if v.For == key {
			return v.Value
		}
	}
	return ""
}

// TestContent reads the fixture back: typed attributes, hostile texts
// intact, spells by year, main-path values on citations only.
func TestContent(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	var d doc
	if err := xml.Unmarshal(write(t, g, s), &d); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if d.Version != "1.3" || d.Graph.Mode != "dynamic" {
		t.Errorf("version %q mode %q", d.Version, d.Graph.Mode)
	}
	types := map[string]string{}
	for _, a := range d.Graph.Attributes {
		for _, x := range a.Attrs {
			types[a.Class+"."+x.ID] = x.Type
		}
	}
	for k, want := range map[string]string{"node.year": "long", "node.theme": "long", "node.score": "double", "node.early": "boolean",
		"node.title": "string", "node.supporting": "long", "edge.method": "string", "edge.main_path": "boolean", "edge.spc": "double",
		"edge.contrasting": "long"} {
		if types[k] != want {
			t.Errorf("attribute %s has type %q, want %q", k, types[k], want)
		}
	}
	if len(d.Graph.Nodes) != g.Len() {
		t.Fatalf("%d nodes, want %d", len(d.Graph.Nodes), g.Len())
	}
	last := 0
	for _, w := range g.Works() {
		last = max(last, w.Year)
	}
	for i, w := range g.Works() {
		n := d.Graph.Nodes[i]
		if n.ID != w.Key || n.Label != s.LabelOf(w) || get(n.Values, "title") != attr.Clean(w.Title) || get(n.Values, "venue") != attr.Clean(w.Venue) {
			t.Errorf("node %d: id %q label %q title %q", i, n.ID, n.Label, get(n.Values, "title"))
		}
		switch {
		case w.Year == 0 && len(n.Spells) != 0:
			t.Errorf("node %s without a year has spells %v", w.Key, n.Spells)
		case w.Year != 0 && (len(n.Spells) != 1 || n.Spells[0].Start != strconv.Itoa(w.Year) || n.Spells[0].End != strconv.Itoa(last)):
			t.Errorf("node %s (%d) spells %v", w.Key, w.Year, n.Spells)
		}
	}
	// Work 0 has three statements about it on its "scite page"
	// (supporting, contrasting, mentioning) and one supporting statement of
	// work 1, whose last reference it is.
	n0 := d.Graph.Nodes[0]
	if get(n0.Values, "statements") != "4" || get(n0.Values, "supporting") != "2" || get(n0.Values, "contrasting") != "1" || get(n0.Values, "mentioning") != "1" {
		t.Errorf("statement counts of work 0: %v", n0.Values)
	}
	edges, cite := attr.AllEdges(g)
	for i, e := range d.Graph.Edges {
		if e.Source != edges[i].F.Key || e.Kind != edges[i].Kind.String() || e.Weight != strconv.Itoa(edges[i].N) {
			t.Errorf("edge %d: %+v", i, e)
		}
		mp := get(e.Values, "main_path")
		if cite[i] >= 0 != (mp != "") {
			t.Errorf("edge %d (%s): main_path %q", i, e.Kind, mp)
		}
	}
}

// TestSchema validates with xmllint against the GEXF 1.3 RelaxNG grammar
// and checks that the grammar rejects what is not GEXF 1.3.
func TestSchema(t *testing.T) {
	xmllint := encodingtest.Tool(t, "xmllint", "libxml2-utils")
	g := encodingtest.Graph()
	valid := map[string][]byte{
		"fixture": write(t, g, encodingtest.Set(g)),
		"empty":   write(t, graph.Build(nil), attr.Set{}),
		"no set":  write(t, g, attr.Set{}),
	}
	for name, out := range valid {
		t.Run(name, func(t *testing.T) {
			path := encodingtest.WriteTemp(t, "g.gexf", out)
			encodingtest.Run(t, nil, xmllint, "--noout", "--nonet", "--relaxng", "testdata/schema/gexf.rng", path)
		})
	}
	for name, bad := range map[string][]byte{
		"version 1.2":   bytes.Replace(valid["fixture"], []byte(`version="1.3"`), []byte(`version="1.2"`), 1),
		"unknown type":  bytes.Replace(valid["fixture"], []byte(`type="long"`), []byte(`type="int64"`), 1),
		"spell of text": bytes.Replace(valid["fixture"], []byte(`<spell start="2001"`), []byte(`<spell start="soon"`), 1),
	} {
		path := encodingtest.WriteTemp(t, "bad.gexf", bad)
		if err := exec.Command(xmllint, "--noout", "--nonet", "--relaxng", "testdata/schema/gexf.rng", path).Run(); err == nil {
			t.Errorf("%s: the grammar accepted it", name)
		}
	}
}

// TestNetworkx reads the output with networkx's GEXF reader.
func TestNetworkx(t *testing.T) {
	g := encodingtest.Graph()
	path := encodingtest.WriteTemp(t, "g.gexf", write(t, g, encodingtest.Set(g)))
	out := encodingtest.Networkx(t, path, `
G = nx.read_gexf(sys.argv[1])
print(json.dumps({"directed": G.is_directed(), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
  "titles": {n: d.get("Title", "") for n, d in G.nodes(data=True)},
  "types": [type(G.nodes["doi:10.9999/hostile.0"][k]).__name__ for k in ("Year", "Score <&>", "Before 2005")]}))`)
	var got struct {
		Directed     bool
		Nodes, Edges int
		Titles       map[string]string
		Types        []string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !got.Directed || got.Nodes != g.Len() {
		t.Errorf("networkx: directed %v, %d nodes (want %d)", got.Directed, got.Nodes, g.Len())
	}
	// networkx keeps one edge per ordered pair: count those.
	pairs := map[[2]string]bool{}
	edges, _ := attr.AllEdges(g)
	for _, e := range edges {
		pairs[[2]string{e.F.Key, e.T.Key}] = true
	}
	if got.Edges != len(pairs) {
		t.Errorf("networkx read %d edges, want %d", got.Edges, len(pairs))
	}
	if strings.Join(got.Types, " ") != "int float bool" {
		t.Errorf("types %v", got.Types)
	}
	for _, w := range g.Works() {
		if got.Titles[w.Key] != attr.Clean(w.Title) {
			t.Errorf("title of %s: %q, want %q", w.Key, got.Titles[w.Key], attr.Clean(w.Title))
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
}

func TestErrors(t *testing.T) {
	g := encodingtest.Graph()
	var buf bytes.Buffer
	err := gexf.Write(&buf, g, attr.Set{Size: []float64{1}})
	if err == nil || err.Error() != "gexf: attr: 1 sizes for 15 works" || buf.Len() != 0 {
		t.Errorf("error %v after %d bytes", err, buf.Len())
	}
}
