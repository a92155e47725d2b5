package graphml_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/graphml"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func write(t testing.TB, g *graph.Graph, s attr.Set) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graphml.Write(&buf, g, s); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	g := encodingtest.Graph()
	encodingtest.Golden(t, "fixture.graphml", write(t, g, encodingtest.Set(g)), *update)
}

// doc is the part of GraphML the tests read back with encoding/xml.
type doc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string  `xml:"id,attr"`
			Data []datum `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Data   []datum `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type datum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func value(ds []datum, key string) (string, bool) {
	for _, d := range ds {
		if d.Key == key {
			return d.Value, true
		}
	}
	return "", false
}

// TestHostileTitles reads the fixture back with an XML parser: every
// title, label, venue and note must come back exactly as attr.Clean gives
// it, and no element may appear that the writer did not put there.
func TestHostileTitles(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	out := write(t, g, s)
	var d doc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if len(d.Graph.Nodes) != g.Len() {
		t.Fatalf("%d nodes, want %d", len(d.Graph.Nodes), g.Len())
	}
	edges, _ := attr.AllEdges(g)
	if len(d.Graph.Edges) != len(edges) {
		t.Fatalf("%d edges, want %d", len(d.Graph.Edges), len(edges))
	}
	for i, w := range g.Works() {
		n := d.Graph.Nodes[i]
		for key, want := range map[string]string{"n_key": w.Key, "n_title": attr.Clean(w.Title), "n_label": s.LabelOf(w),
			"n_venue": attr.Clean(w.Venue), "n_note": attr.Clean(s.Node[4].Strings[i])} {
			got, _ := value(n.Data, key)
			if got != want {
				t.Errorf("node %d %s = %q, want %q", i, key, got, want)
			}
		}
	}
	// Only the elements the writer writes.
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && !slices.Contains([]string{"graphml", "key", "desc", "graph", "node", "edge", "data"}, se.Name.Local) {
			t.Errorf("unexpected element <%s>: markup from the data leaked", se.Name.Local)
		}
	}
}

// TestSchema validates the output with xmllint against the GraphML 1.0
// XML Schema, and checks that the schema rejects a broken file.
func TestSchema(t *testing.T) {
	xmllint := encodingtest.Tool(t, "xmllint", "libxml2-utils")
	g := encodingtest.Graph()
	for name, out := range map[string][]byte{
		"fixture": write(t, g, encodingtest.Set(g)),
		"empty":   write(t, graph.Build(nil), attr.Set{}),
		"no set":  write(t, g, attr.Set{}),
	} {
		t.Run(name, func(t *testing.T) {
			path := encodingtest.WriteTemp(t, "g.graphml", out)
			encodingtest.Run(t, nil, xmllint, "--noout", "--nonet", "--schema", "testdata/schema/graphml.trimmed.xsd", path)
		})
	}
	// A DOI as a node ID is not an NMTOKEN: the schema must say so.
	bad := bytes.Replace(write(t, g, attr.Set{}), []byte(`<node id="n0">`), []byte(`<node id="doi:10.1/x">`), 1)
	path := encodingtest.WriteTemp(t, "bad.graphml", bad)
	cmdOut, err := runErr(xmllint, "--noout", "--nonet", "--schema", "testdata/schema/graphml.trimmed.xsd", path)
	if err == nil || !strings.Contains(cmdOut, "NMTOKEN") {
		t.Errorf("xmllint accepted a node ID with a slash: %v\n%s", err, cmdOut)
	}
}

// TestNetworkx reads the output with networkx, the graph library most
// users of GraphML script with, and checks counts, types and titles.
func TestNetworkx(t *testing.T) {
	g := encodingtest.Graph()
	path := encodingtest.WriteTemp(t, "g.graphml", write(t, g, encodingtest.Set(g)))
	out := encodingtest.Networkx(t, path, `
G = nx.read_graphml(sys.argv[1])
nodes = {n: {"title": d.get("title", ""), "year": d["year"], "score": d["score"], "early": d["early"]} for n, d in G.nodes(data=True)}
print(json.dumps({"directed": G.is_directed(), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
  "types": [type(G.nodes["n0"][k]).__name__ for k in ("year", "score", "early", "title")], "data": nodes}))`)
	var got struct {
		Directed     bool
		Nodes, Edges int
		Types        []string
		Data         map[string]struct {
			Title string
			Year  int
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	edges, _ := attr.AllEdges(g)
	if !got.Directed || got.Nodes != g.Len() || got.Edges != len(edges) {
		t.Errorf("networkx read %+v nodes/edges, want %d and %d", got, g.Len(), len(edges))
	}
	if strings.Join(got.Types, " ") != "int float bool str" {
		t.Errorf("attribute types %v, want int float bool str", got.Types)
	}
	for i, w := range g.Works() {
		n := got.Data["n"+itoa(i)]
		if n.Title != attr.Clean(w.Title) || n.Year != w.Year {
			t.Errorf("networkx node %d: %q %d, want %q %d", i, n.Title, n.Year, attr.Clean(w.Title), w.Year)
		}
	}
}

func TestErrors(t *testing.T) {
	g := encodingtest.Graph()
	for _, tc := range []struct {
		name string
		s    attr.Set
		want string
	}{
		{"short column", attr.Set{Node: []attr.Column{attr.Ints("x", "", []int{1})}}, `graphml: attr: node column "x" has 1 values for 15 nodes`},
		{"standard name", attr.Set{Node: []attr.Column{attr.Ints("title", "", make([]int, g.Len()))}}, `graphml: attr: node column "title" is a standard column`},
		{"bad name", attr.Set{Node: []attr.Column{attr.Ints("Page Rank", "", make([]int, g.Len()))}}, `graphml: attr: node column "Page Rank": name must be`},
		{"theme out of range", attr.Set{Theme: make([]int, g.Len()), Themes: nil}, "graphml: attr: node 0 has theme 0 of 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := graphml.Write(&buf, g, tc.s)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q…", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
	if err := graphml.Write(failWriter{}, g, attr.Set{}); !errors.Is(err, errDisk) {
		t.Errorf("error %v, want %v", err, errDisk)
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

var errDisk = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }
