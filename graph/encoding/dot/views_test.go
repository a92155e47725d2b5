package dot_test

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	dotparse "gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// viewDOT is a view reduced to what the tests look at.
type viewDOT struct {
	graph    map[string]string
	nodes    map[string]map[string]string // works only (not year:, legend: or col: nodes)
	extra    []string                     // year:, legend: and col: (layout anchor) nodes
	edges    []parsedEdge                 // between works
	rankSame [][]string
}

// parseView parses a view with gonum's parser, renders it with GraphViz
// (when installed; any warning fails) and collects its statements.
func parseView(t *testing.T, text string) *viewDOT {
	t.Helper()
	f, err := dotparse.ParseString(text)
	if err != nil {
		t.Fatalf("gonum cannot parse the DOT: %v\n%s", err, text)
	}
	render(t, text)
	v := &viewDOT{graph: map[string]string{}, nodes: map[string]map[string]string{}}
	attrs := func(as []*ast.Attr) map[string]string {
		m := map[string]string{}
		for _, a := range as {
			if strings.HasPrefix(a.Val, "<") {
				t.Errorf("HTML-like value %s=%s", a.Key, a.Val)
			}
			m[a.Key] = a.Val
		}
		return m
	}
	isExtra := func(id string) bool {
		return strings.HasPrefix(id, "year:") || strings.HasPrefix(id, "legend:") || strings.HasPrefix(id, "col:")
	}
	var walk func(stmts []ast.Stmt)
	walk = func(stmts []ast.Stmt) {
		var same []string
		rank := false
		for _, st := range stmts {
			switch st := st.(type) {
			case *ast.Attr:
				if st.Key == "rank" && st.Val == "same" {
					rank = true
				}
			case *ast.NodeStmt:
				id := gvString(st.Node.ID)
				same = append(same, id)
				if isExtra(id) {
					v.extra = append(v.extra, id)
					continue
				}
				if _, dup := v.nodes[id]; dup && !rank {
					t.Errorf("node %q declared twice", id)
				}
				if !rank {
					v.nodes[id] = attrs(st.Attrs)
				}
			case *ast.EdgeStmt:
				from := gvString(st.From.(*ast.Node).ID)
				to := gvString(st.To.Vertex.(*ast.Node).ID)
				if !isExtra(from) {
					v.edges = append(v.edges, parsedEdge{from, to, attrs(st.Attrs)})
				}
			case *ast.Subgraph:
				walk(st.Stmts)
			}
		}
		if rank {
			v.rankSame = append(v.rankSame, same)
		}
	}
	g := f.Graphs[0]
	for _, st := range g.Stmts {
		if a, ok := st.(*ast.Attr); ok {
			v.graph[a.Key] = a.Val
		}
	}
	walk(g.Stmts)
	return v
}

func writeView(t *testing.T, g *graph.Graph, v dot.View) string {
	t.Helper()
	var buf bytes.Buffer
	if err := dot.WriteView(&buf, g, v); err != nil {
		t.Fatalf("WriteView: %v", err)
	}
	return buf.String()
}

func keys(m map[string]map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestViewTop draws the ten works of highest measure of a random map in
// each scope: exactly those, the edges among them, and a legend. By scope,
// the ten are chosen among every work but the unnamed citing ones (all),
// the described works ranked ahead of the others (corpus, the default),
// the works that are not described (cited).
func TestViewTop(t *testing.T) {
	for _, c := range []struct{ scope, title string }{
		{dot.ScopeAll, "Citation map, top 10 works by test score"},
		{"", "Citation map, top 10 works by test score, described works first"},
		{dot.ScopeCorpus, "Citation map, top 10 works by test score, described works first"},
		{dot.ScopeCited, "Citation map, top 10 works known from references by test score"},
	} {
		t.Run("scope "+c.scope, func(t *testing.T) { testViewTop(t, c.scope, c.title) })
	}
}

func testViewTop(t *testing.T, scope, title string) {
	g := graph.Build(randomRecords(60))
	opt := randomOptions(g)
	measure := make([]float64, g.Len())
	for i := range measure {
		measure[i] = float64((i * 37) % 101)
	}
	v := parseView(t, writeView(t, g, dot.View{Options: opt, Measure: measure, MeasureName: "test score", Top: 10, Legend: true, Scope: scope}))
	var ids, described []int
	for i, w := range g.Works() {
		switch {
		case w.Kind == graph.KindCiting:
		case w.Kind == graph.KindWork && scope != dot.ScopeAll:
			if scope != dot.ScopeCited {
				described = append(described, i)
			}
		default:
			ids = append(ids, i)
		}
	}
	byMeasure := func(ids []int) {
		sort.SliceStable(ids, func(a, b int) bool { return measure[ids[a]] > measure[ids[b]] })
	}
	byMeasure(ids)
	byMeasure(described)
	if scope != dot.ScopeAll && scope != dot.ScopeCited && len(described) == 0 {
		t.Fatal("the random map has no described works")
	}
	ids = append(described, ids...)
	var want []string
	for _, i := range ids[:10] {
		want = append(want, g.Works()[i].Key)
	}
	sort.Strings(want)
	if got := keys(v.nodes); !slices.Equal(got, want) {
		t.Errorf("drawn %v, want %v", got, want)
	}
	nEdges := 0
	for _, k := range []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related} {
		for _, e := range g.Edges(k) {
			if e.F != e.T && slices.Contains(want, e.F.Key) && slices.Contains(want, e.T.Key) {
				nEdges++
			}
		}
	}
	if len(v.edges) != nEdges {
		t.Errorf("%d edges, want %d", len(v.edges), nEdges)
	}
	if !slices.Contains(v.extra, "legend:key") {
		t.Errorf("no legend: %v", v.extra)
	}
	if got := labelText(v.graph["label"]); got != title {
		t.Errorf("title %q", got)
	}
}

// TestViewFilters checks years, themes, edge kinds and the neighbourhood
// on the fixture, whose works, years and clusters are known.
func TestViewFilters(t *testing.T) {
	g := buildFixture(t)
	opt := fixtureOptions(g)
	workKeys := func(keep func(w *graph.Work) bool) []string {
		var out []string
		for _, w := range g.Works() {
			if keep(w) {
				out = append(out, w.Key)
			}
		}
		sort.Strings(out)
		return out
	}
	for _, tc := range []struct {
		name string
		v    dot.View
		want []string
	}{
		{"years 2012-2015", dot.View{Options: opt, YearFrom: 2012, YearTo: 2015},
			workKeys(func(w *graph.Work) bool { return w.Year >= 2012 && w.Year <= 2015 })},
		{"from 2015", dot.View{Options: opt, YearFrom: 2015},
			workKeys(func(w *graph.Work) bool { return w.Year >= 2015 })},
		{"theme 2 (index 1)", dot.View{Options: opt, Themes: []int{1}},
			workKeys(func(w *graph.Work) bool { return w.Surname() == "Repper" || strings.HasPrefix(w.Title, "Transitions") })},
		// Kemp's neighbours: the three citing statements, Watson (cites
		// Kemp, co-cited), Coleman (co-cited).
		{"Kemp, depth 1", dot.View{Options: opt, Focus: kempKey},
			workKeys(func(w *graph.Work) bool {
				return w.Key == kempKey || w.Kind == graph.KindCiting || w.Surname() == "Watson" || w.Key == colemanID
			})},
		{"Kemp, depth 1, cites only", dot.View{Options: opt, Focus: kempKey, Kinds: []graph.EdgeKind{graph.Cites}},
			workKeys(func(w *graph.Work) bool {
				return w.Key == kempKey || w.Kind == graph.KindCiting || w.Surname() == "Watson"
			})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := parseView(t, writeView(t, g, tc.v))
			if got := keys(v.nodes); !slices.Equal(got, tc.want) {
				t.Errorf("drawn %v, want %v", got, tc.want)
			}
			for _, e := range v.edges {
				if tc.v.Kinds != nil && e.attrs["dir"] == "none" {
					t.Errorf("edge %v of a kind not asked for", e)
				}
			}
			if tc.v.Focus != "" && (v.nodes[kempKey]["peripheries"] != "2") {
				t.Errorf("focus not marked: %v", v.nodes[kempKey])
			}
		})
	}
}

// TestHistoriograph: rows by year with a year node in each, works without
// a year left out, citations without rank constraint, the main path bold.
func TestHistoriograph(t *testing.T) {
	g := graph.Build(chain(40))
	cites := g.Edges(graph.Cites)
	main := make([]bool, len(cites))
	for i, e := range cites {
		main[i] = e.F.Year-e.T.Year == 1 // each work citing the one before
	}
	v := parseView(t, writeView(t, g, dot.View{Historiograph: true, MainPath: main, Kinds: []graph.EdgeKind{graph.Cites}, Legend: true}))
	if v.graph["rankdir"] != "TB" || v.graph["layout"] != "dot" {
		t.Errorf("rankdir %s layout %s", v.graph["rankdir"], v.graph["layout"])
	}
	years := map[string]bool{}
	for _, row := range v.rankSame {
		if len(row) < 2 || !strings.HasPrefix(row[0], "year:") {
			t.Errorf("rank row %v does not start with its year", row)
			continue
		}
		for _, id := range row[1:] {
			w := g.Work(id)
			if w == nil || "year:"+strconv.Itoa(w.Year) != row[0] {
				t.Errorf("%s in the row of %s", id, row[0])
			}
		}
		years[row[0]] = true
	}
	if len(years) != 30 { // chain years are 1990 + i%30
		t.Errorf("%d year rows, want 30", len(years))
	}
	bold := 0
	for _, e := range v.edges {
		if e.attrs["constraint"] != "false" {
			t.Errorf("citation %v constrains the ranks", e)
		}
		if e.attrs["penwidth"] == "3.000" {
			bold++
		}
	}
	want := 0
	for i := range main {
		if main[i] {
			want++
		}
	}
	if bold != want {
		t.Errorf("%d bold edges, want %d", bold, want)
	}
}

// TestOverview: one node per theme sized by its works, arrows counting
// the citations between themes.
func TestOverview(t *testing.T) {
	g := buildFixture(t)
	opt := fixtureOptions(g)
	var buf bytes.Buffer
	if err := dot.WriteOverview(&buf, g, dot.Overview{Cluster: opt.Cluster, ClusterLabel: opt.ClusterLabel}); err != nil {
		t.Fatal(err)
	}
	v := parseView(t, buf.String())
	// Fixture clusters: 0 = Kemp, Watson; 1 = Repper, the review; 2 =
	// the venue-only work. Watson cites Kemp (within 0) and Repper (0→1).
	if got := keys(v.nodes); strings.Join(got, " ") != "theme:1 theme:2 theme:3" {
		t.Fatalf("nodes %v", got)
	}
	if got := labelText(v.nodes["theme:1"]["label"]); got != "Theme 1\n2 works" {
		t.Errorf("theme 1 label %q", got)
	}
	if got := tooltipText(v.nodes["theme:1"]["tooltip"]); !strings.HasSuffix(got, "2 works, 1 citation within") {
		t.Errorf("theme 1 tooltip %q", got)
	}
	// dot packs the unjoined theme 3 beside the others and the count is
	// the edge's tooltip (a packed drawing has no edge labels).
	if len(v.edges) != 1 || v.edges[0].from != "theme:1" || v.edges[0].to != "theme:2" || tooltipText(v.edges[0].attrs["tooltip"]) != "1 citation" {
		t.Errorf("edges %v", v.edges)
	}
	if v.graph["pack"] != "true" || !strings.HasSuffix(labelText(v.graph["label"]), "; lines: citations between themes, wider for more") {
		t.Errorf("overview not packed, or its title does not say what the lines are: %v", v.graph)
	}
	if err := dot.WriteOverview(&bytes.Buffer{}, g, dot.Overview{}); err == nil {
		t.Error("overview without clusters accepted")
	}
}

func TestViewErrors(t *testing.T) {
	g := buildFixture(t)
	for _, tc := range []struct {
		v    dot.View
		want string
	}{
		{dot.View{Focus: "doi:10.1/none"}, `dot: no work with key "doi:10.1/none" to focus on`},
		{dot.View{Measure: []float64{1}}, "dot: 1 measures for 9 works"},
		{dot.View{MainPath: []bool{true}}, "dot: 1 main-path marks for 10 citations"},
		{dot.View{Top: -1}, "dot: negative Top or Depth"},
	} {
		var buf bytes.Buffer
		if err := dot.WriteView(&buf, g, tc.v); err == nil || err.Error() != tc.want || buf.Len() != 0 {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}

// TestViewsGolden keeps every view of the hostile fixture byte-stable.
func TestViewsGolden(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	base := dot.Options{Cluster: s.Theme, ClusterLabel: encodingtest.ThemeLabels, Size: s.Size}
	mainPath := s.Cites[0].Bools
	for name, write := range map[string]func(*bytes.Buffer) error{
		"overview": func(b *bytes.Buffer) error {
			return dot.WriteOverview(b, g, dot.Overview{Cluster: s.Theme, ClusterLabel: encodingtest.ThemeLabels})
		},
		"top": func(b *bytes.Buffer) error {
			return dot.WriteView(b, g, dot.View{Options: base, Top: 6, MeasureName: "score", Legend: true})
		},
		"historiograph": func(b *bytes.Buffer) error {
			return dot.WriteView(b, g, dot.View{Options: base, Historiograph: true, MainPath: mainPath, Legend: true})
		},
		"neighbourhood": func(b *bytes.Buffer) error {
			return dot.WriteView(b, g, dot.View{Options: base, Focus: g.Works()[0].Key, Depth: 2})
		},
		"gephi": func(b *bytes.Buffer) error { o := base; o.Gephi = true; return dot.Write(b, g, o) },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			parseView(t, buf.String())
			encodingtest.Golden(t, "views_"+name, buf.Bytes(), *update)
		})
	}
}

// TestHostileViews draws the hostile fixture in every view: each label
// must read back as dot.Label gives it, and GraphViz must not warn.
func TestHostileViews(t *testing.T) {
	g := encodingtest.Graph()
	s := encodingtest.Set(g)
	base := dot.Options{Cluster: s.Theme, ClusterLabel: encodingtest.ThemeLabels, Size: s.Size}
	for _, v := range []dot.View{{Options: base}, {Options: base, Historiograph: true, Legend: true}, {Options: base, Top: 5, Legend: true}} {
		p := parseView(t, writeView(t, g, v))
		for key, n := range p.nodes {
			w := g.Work(key)
			if w.Kind == graph.KindCiting {
				continue
			}
			if got := labelText(n["label"]); got != dot.Label(w) {
				t.Errorf("label of %s reads %q, want %q", key, got, dot.Label(w))
			}
		}
	}
}

// TestGephiDialect runs the Gephi model over the Gephi-safe output of the
// fixture, the hostile fixture and a random map: Gephi must create exactly
// the drawn works, with their labels, opaque theme colours and data, and
// every drawn edge. Over the ordinary output it creates nodes named after
// attributes, which is why the dialect exists.
func TestGephiDialect(t *testing.T) {
	maps := []struct {
		name string
		g    *graph.Graph
		opt  func(*graph.Graph) dot.Options
	}{
		{"fixture", buildFixture(t), fixtureOptions},
		{"hostile", encodingtest.Graph(), func(g *graph.Graph) dot.Options {
			s := encodingtest.Set(g)
			return dot.Options{Cluster: s.Theme, ClusterLabel: encodingtest.ThemeLabels, Size: s.Size}
		}},
		{"random", graph.Build(randomRecords(60)), randomOptions},
	}
	for _, m := range maps {
		t.Run(m.name, func(t *testing.T) {
			opt := m.opt(m.g)
			plain := write(t, m.g, opt)
			if r := gephiImport(t, plain); len(r.nodes) <= m.g.Len() {
				t.Errorf("the model finds no stray nodes in ordinary DOT (%d nodes): is it still faithful?", len(r.nodes))
			}
			opt.Gephi = true
			text := write(t, m.g, opt)
			parseView(t, text) // GraphViz reads it without a warning
			r := gephiImport(t, text)
			if len(r.warnings) > 0 {
				t.Errorf("Gephi warnings: %v", r.warnings)
			}
			nodes, edges := want(m.g, false)
			if len(r.nodes) != nodes || len(r.edges) != edges {
				t.Errorf("Gephi reads %d nodes and %d edges, want %d and %d", len(r.nodes), len(r.edges), nodes, edges)
			}
			for _, w := range m.g.Works() {
				n := r.nodes[w.Key]
				if n == nil {
					t.Errorf("Gephi lacks %s", w.Key)
					continue
				}
				wantLabel := dot.Label(w)
				if w.Kind == graph.KindCiting {
					wantLabel = ""
				}
				if n.label != wantLabel {
					t.Errorf("Gephi label of %s: %q, want %q", w.Key, n.label, wantLabel)
				}
				if !strings.HasSuffix(n.colour, ",255") {
					t.Errorf("Gephi colour of %s: %q, not opaque", w.Key, n.colour)
				}
				c := -1
				if opt.Cluster != nil {
					c = opt.Cluster[w.ID()]
				}
				if w.Kind == graph.KindWork && !closeColour(n.colour, dot.ClusterColour(c)) {
					t.Errorf("Gephi colour of %s: %s, want %s", w.Key, n.colour, dot.ClusterColour(c))
				}
				if title := strings.Join(strings.Fields(w.Title), " "); n.values["title"] != title {
					t.Errorf("Gephi title of %s: %q, want %q", w.Key, n.values["title"], title)
				}
				if w.Year != 0 && n.values["year"] != strconv.Itoa(w.Year) {
					t.Errorf("Gephi year of %s: %q", w.Key, n.values["year"])
				}
			}
		})
	}
}

// closeColour compares Gephi's "r,g,b,a" with "#RRGGBB" within rounding.
func closeColour(gephi, hex string) bool {
	var r, g, b, a int
	if _, err := fmt.Sscanf(gephi, "%d,%d,%d,%d", &r, &g, &b, &a); err != nil {
		return false
	}
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	d := func(x int, y uint64) bool { return math.Abs(float64(x)-float64(y)) <= 2 }
	return d(r, v>>16) && d(g, v>>8&255) && d(b, v&255)
}

// TestHistoriographCoCitation: in the fixture, statements cite Kemp 2012,
// Coleman 2009 and Watson 2015 together in pairs (graph.CoCited), and
// Watson 2015 also cites Kemp. The historiograph shows the co-citations of
// Kemp and Coleman and of Coleman and Watson, which no citation joins, as
// pale dotted lines, and leaves out that of Kemp and Watson, where the
// arrow already joins them.
func TestHistoriographCoCitation(t *testing.T) {
	g := graph.Build(fixture())
	watson := ""
	for _, e := range g.Edges(graph.Cites) {
		if e.T.Key == kempKey && e.F.Kind == graph.KindWork {
			watson = e.F.Key
		}
	}
	if watson == "" {
		t.Fatal("the fixture has no work citing Kemp")
	}
	coCited := map[[2]string]bool{}
	for _, e := range g.Edges(graph.CoCited) {
		coCited[[2]string{e.F.Key, e.T.Key}], coCited[[2]string{e.T.Key, e.F.Key}] = true, true
	}
	if !coCited[[2]string{kempKey, colemanID}] || !coCited[[2]string{kempKey, watson}] {
		t.Fatalf("fixture co-citations %v lack Kemp–Coleman or Kemp–Watson", coCited)
	}
	v := parseView(t, writeView(t, g, dot.View{Historiograph: true, Kinds: []graph.EdgeKind{graph.Cites, graph.CoCited}, Legend: true}))
	var dotted [][2]string
	for _, e := range v.edges {
		if e.attrs["dir"] != "none" {
			continue
		}
		if e.attrs["style"] != "dotted" || e.attrs["constraint"] != "false" {
			t.Errorf("co-citation %s – %s drawn %v, want dotted and unconstrained", e.from, e.to, e.attrs)
		}
		dotted = append(dotted, [2]string{e.from, e.to})
	}
	if want := [][2]string{{kempKey, colemanID}, {colemanID, watson}}; !slices.Equal(dotted, want) {
		t.Errorf("dotted co-citations %v, want %v (Kemp–Watson is a citation)", dotted, want)
	}
}
