package pajek_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/pajek"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func TestGolden(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	var net, clu, vec bytes.Buffer
	if err := pajek.Write(&net, g, s, pajek.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := pajek.WritePartition(&clu, g, s); err != nil {
		t.Fatal(err)
	}
	if err := pajek.WriteVector(&vec, s.Node[2]); err != nil {
		t.Fatal(err)
	}
	encodingtest.Golden(t, "fixture.net", net.Bytes(), *update)
	encodingtest.Golden(t, "fixture.clu", clu.Bytes(), *update)
	encodingtest.Golden(t, "fixture.vec", vec.Bytes(), *update)
}

// TestStructure checks the sections line by line: every vertex once with
// its label quoted, every citation an arc from citing to cited, every
// co-citation an edge, no line starting a section it should not.
func TestStructure(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	var buf bytes.Buffer
	if err := pajek.Write(&buf, g, s, pajek.Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	var sections []string
	for _, l := range lines {
		if strings.HasPrefix(l, "*") {
			sections = append(sections, l)
		}
	}
	if strings.Join(sections, "|") != "*Vertices 15|*Arcs|*Edges" {
		t.Fatalf("sections %q", sections)
	}
	want := 1 + g.Len() + 1 + len(g.Edges(graph.Cites)) + 1 + len(g.Edges(graph.CoCited))
	if len(lines) != want {
		t.Errorf("%d lines, want %d", len(lines), want)
	}
	for i, w := range g.Works() {
		l := lines[1+i]
		wantLabel := strings.ReplaceAll(s.LabelOf(w), `"`, "”")
		if l != itoa(i+1)+` "`+wantLabel+`"` {
			t.Errorf("vertex line %q, want label %q", l, wantLabel)
		}
	}
	if got := lines[1+g.Len()+1]; got != arc(g.Edges(graph.Cites)[0]) {
		t.Errorf("first arc %q", got)
	}
}

func arc(e *graph.Edge) string {
	return itoa(int(e.F.ID())+1) + " " + itoa(int(e.T.ID())+1) + " " + itoa(e.N)
}

// TestNetworkx reads the network with networkx's Pajek reader.
func TestNetworkx(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	var buf bytes.Buffer
	if err := pajek.Write(&buf, g, s, pajek.Options{}); err != nil {
		t.Fatal(err)
	}
	path := encodingtest.WriteTemp(t, "g.net", buf.Bytes())
	out := encodingtest.Networkx(t, path, `
G = nx.read_pajek(sys.argv[1])
print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "labels": sorted(G.nodes())}))`)
	var got struct {
		Nodes, Edges int
		Labels       []string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.Edges != len(g.Edges(graph.Cites))+len(g.Edges(graph.CoCited)) {
		t.Errorf("networkx read %d edges", got.Edges)
	}
	// networkx names nodes by label; labels may repeat, so compare sets.
	want := map[string]bool{}
	for _, w := range g.Works() {
		want[strings.ReplaceAll(s.LabelOf(w), `"`, "”")] = true
	}
	if got.Nodes != len(want) {
		t.Errorf("networkx read %d distinct labels, want %d", got.Nodes, len(want))
	}
	for _, l := range got.Labels {
		if !want[l] {
			t.Errorf("networkx read label %q, which was not written", l)
		}
	}
}

func TestWriteVectorNotNumeric(t *testing.T) {
	if err := pajek.WriteVector(&bytes.Buffer{}, attr.Strings("note", "", []string{"x"})); err == nil {
		t.Error("a string column was written as a vector")
	}
}
