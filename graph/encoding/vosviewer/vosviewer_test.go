package vosviewer_test

import (
	"bytes"
	"flag"
	"html"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/vosviewer"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func write(t testing.TB, g *graph.Graph, s attr.Set, opt vosviewer.Options) (mapFile, netFile string) {
	t.Helper()
	var m, n bytes.Buffer
	if err := vosviewer.Write(&m, &n, g, s, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return m.String(), n.String()
}

func TestGolden(t *testing.T) {
	g := encodingtest.Graph()
	m, n := write(t, g, encodingtest.Set(g), vosviewer.Options{})
	encodingtest.Golden(t, "fixture_map.txt", []byte(m), *update)
	encodingtest.Golden(t, "fixture_network.txt", []byte(n), *update)
}

// unquote reads a map-file cell as the manual describes: a cell in double
// quotes holds the text between them, a doubled quote standing for one.
func unquote(t *testing.T, c string) string {
	t.Helper()
	if !strings.HasPrefix(c, `"`) {
		if strings.ContainsAny(c, `,;"`) {
			t.Errorf("cell %q holds a comma, semicolon or quote but is not quoted", c)
		}
		return c
	}
	if len(c) < 2 || !strings.HasSuffix(c, `"`) {
		t.Errorf("cell %q opens a quote it does not close", c)
		return c
	}
	inner := c[1 : len(c)-1]
	if strings.Count(strings.ReplaceAll(inner, `""`, ""), `"`) != 0 {
		t.Errorf("cell %q has an undoubled quote inside", c)
	}
	return strings.ReplaceAll(inner, `""`, `"`)
}

// TestMapFile checks the map file against the manual's rules: a header
// naming known columns, one tab-separated line per item with as many cells
// as the header, ids 1 … V, clusters 1 … 1000, weights not negative, and
// every text intact after unquoting (labels) or HTML-unescaping
// (descriptions).
func TestMapFile(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	m, _ := write(t, g, s, vosviewer.Options{})
	lines := strings.Split(strings.TrimSuffix(m, "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	if got := strings.Join(head, "|"); got != "id|label|description|url|cluster|weight<In-degree>|weight<Out-degree>|weight<Score &>|weight<Before 2005>|score<Year>" {
		t.Fatalf("header %q", got)
	}
	if len(lines)-1 != g.Len() {
		t.Fatalf("%d items, want %d", len(lines)-1, g.Len())
	}
	for i, w := range g.Works() {
		cells := strings.Split(lines[i+1], "\t")
		if len(cells) != len(head) {
			t.Fatalf("line %d has %d cells, want %d: %q", i+2, len(cells), len(head), lines[i+1])
		}
		if cells[0] != strconv.Itoa(i+1) {
			t.Errorf("id %q, want %d", cells[0], i+1)
		}
		if got := unquote(t, cells[1]); got != s.LabelOf(w) {
			t.Errorf("label %q, want %q", got, s.LabelOf(w))
		}
		desc := unquote(t, cells[2])
		for _, tag := range []string{"<b>", "</b>", "<i>", "</i>", "<br>"} {
			desc = strings.ReplaceAll(desc, tag, "\n")
		}
		if strings.ContainsAny(desc, "<>") {
			t.Errorf("description of %s holds markup not written by the writer: %q", w.Key, desc)
		}
		if title := attr.Clean(w.Title); title != "" && !strings.Contains(html.UnescapeString(desc), title) {
			t.Errorf("description of %s lacks its title %q: %q", w.Key, title, html.UnescapeString(desc))
		}
		cl := cells[4]
		if th := s.ThemeOf(int64(i)); th < 0 && cl != "" || th >= 0 && cl != strconv.Itoa(th+1) {
			t.Errorf("cluster of %s: %q, theme %d", w.Key, cl, th)
		}
		for _, c := range cells[5:9] {
			if x, err := strconv.ParseFloat(c, 64); err != nil || x < 0 {
				t.Errorf("weight %q is not a non-negative number", c)
			}
		}
	}
}

// TestNetworkFile checks that link strengths sum citations in both
// directions, once per pair, smaller id first.
func TestNetworkFile(t *testing.T) {
	g := encodingtest.Graph()
	_, n := write(t, g, encodingtest.Set(g), vosviewer.Options{})
	want := map[[2]int64]int{}
	for _, e := range g.Edges(graph.Cites) {
		a, b := e.F.ID()+1, e.T.ID()+1
		if a == b {
			continue
		}
		want[[2]int64{min(a, b), max(a, b)}] += e.N
	}
	lines := strings.Split(strings.TrimSuffix(n, "\n"), "\n")
	if len(lines) != len(want) {
		t.Errorf("%d links, want %d", len(lines), len(want))
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		a, _ := strconv.ParseInt(f[0], 10, 64)
		b, _ := strconv.ParseInt(f[1], 10, 64)
		if len(f) != 3 || a >= b || f[2] != strconv.Itoa(want[[2]int64{a, b}]) {
			t.Errorf("link line %q", l)
		}
	}
}

func TestOptions(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	m, n := write(t, g, s, vosviewer.Options{Weights: []string{"score"}, Kinds: []graph.EdgeKind{graph.CoCited}, HideCiting: true})
	if head := strings.SplitN(m, "\n", 2)[0]; head != "id\tlabel\tdescription\turl\tcluster\tweight<Score &>\tscore<Year>" {
		t.Errorf("header %q", head)
	}
	if strings.Count(m, "\n")-1 != g.Len()-3 {
		t.Errorf("HideCiting kept citing works")
	}
	if strings.Count(n, "\n") != len(g.Edges(graph.CoCited)) {
		t.Errorf("co-citation network has %d links, want %d", strings.Count(n, "\n"), len(g.Edges(graph.CoCited)))
	}
	if err := vosviewer.Write(&bytes.Buffer{}, &bytes.Buffer{}, g, s, vosviewer.Options{Weights: []string{"note"}}); err == nil {
		t.Error("a string column was accepted as a weight")
	}
}

// TestWriteNetwork writes a derived network of hostile works and terms:
// the exact map and network files, then every malformed link refused
// before anything is written.
func TestWriteNetwork(t *testing.T) {
	g := encodingtest.Graph()
	w0, w1 := g.Works()[0], g.Works()[1]
	nw := vosviewer.Network{
		Weights: []string{"Citations <in>"},
		Items: []vosviewer.Item{
			{Work: w0, Label: "O'Brien 2001", Weights: []float64{3}},
			{Work: w1, Label: "Núñez, 2002", Weights: []float64{-1}},
			{Label: `term "quoted"`, Description: "<b>not bold</b>\tafter a tab"},
		},
		Links: []vosviewer.Link{{A: 2, B: 0, Strength: 1.5}, {A: 0, B: 1, Strength: 2}},
	}
	var m, n bytes.Buffer
	if err := vosviewer.WriteNetwork(&m, &n, nw); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(m.String(), "\n")
	if lines[0] != "id\tlabel\tdescription\turl\tweight<Citations in>\tscore<Year>" {
		t.Errorf("header %q", lines[0])
	}
	// Works are described as Write describes them (compare the golden).
	gm, _ := write(t, g, encodingtest.Set(g), vosviewer.Options{})
	desc0 := strings.Split(strings.Split(gm, "\n")[1], "\t")[2]
	if want := "1\tO'Brien 2001\t" + desc0 + "\thttps://doi.org/10.9999/hostile.0\t3\t2001"; lines[1] != want {
		t.Errorf("line 2\n%q, want\n%q", lines[1], want)
	}
	if !strings.HasPrefix(lines[2], "2\t\"Núñez, 2002\"\t") || !strings.HasSuffix(lines[2], "\t0\t2002") {
		t.Errorf("line 3 %q", lines[2])
	}
	// The entities hold semicolons: the description is quoted, as Write quotes.
	if want := "3\t\"term \"\"quoted\"\"\"\t\"&lt;b&gt;not bold&lt;/b&gt; after a tab\"\t\t0\t"; lines[3] != want {
		t.Errorf("line 4\n%q, want\n%q", lines[3], want)
	}
	if n.String() != "1\t2\t2\n1\t3\t1.5\n" {
		t.Errorf("network file %q", n.String())
	}

	// Items of other kinds only: no url or year columns.
	m.Reset()
	n.Reset()
	if err := vosviewer.WriteNetwork(&m, &n, vosviewer.Network{Items: []vosviewer.Item{{Label: "a"}, {Label: "b"}},
		Links: []vosviewer.Link{{A: 0, B: 1, Strength: 1}}}); err != nil {
		t.Fatal(err)
	}
	if m.String() != "id\tlabel\tdescription\n1\ta\t\n2\tb\t\n" || n.String() != "1\t2\t1\n" {
		t.Errorf("plain network: %q, %q", m.String(), n.String())
	}

	items := []vosviewer.Item{{Label: "a"}, {Label: "b"}}
	for _, c := range []struct {
		name  string
		links []vosviewer.Link
		err   string
	}{
		{"out of range", []vosviewer.Link{{A: 0, B: 2, Strength: 1}}, "link 0: item out of range (0, 2 of 2)"},
		{"negative", []vosviewer.Link{{A: -1, B: 1, Strength: 1}}, "link 0: item out of range"},
		{"self", []vosviewer.Link{{A: 1, B: 1, Strength: 1}}, "link 0: item 1 linked to itself"},
		{"zero", []vosviewer.Link{{A: 0, B: 1}}, "link 0: strength 0 is not positive and finite"},
		{"NaN", []vosviewer.Link{{A: 0, B: 1, Strength: math.NaN()}}, "strength NaN"},
		{"infinite", []vosviewer.Link{{A: 0, B: 1, Strength: math.Inf(1)}}, "strength +Inf"},
		{"twice", []vosviewer.Link{{A: 0, B: 1, Strength: 1}, {A: 1, B: 0, Strength: 2}}, "items 0 and 1 linked twice"},
	} {
		var m, n bytes.Buffer
		err := vosviewer.WriteNetwork(&m, &n, vosviewer.Network{Items: items, Links: c.links})
		if err == nil || !strings.Contains(err.Error(), c.err) || m.Len()+n.Len() != 0 {
			t.Errorf("%s: %v, wrote %d bytes; want an error %q and nothing written", c.name, err, m.Len()+n.Len(), c.err)
		}
	}
}
