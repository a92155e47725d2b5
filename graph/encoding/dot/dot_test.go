package dot_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

const (
	kempDOI   = "10.2975/35.4.2012.337.340"
	kempKey   = "doi:" + kempDOI
	colemanID = "m:coleman-2009"
)

// fixture returns a small corpus with every kind of node and edge: Kemp
// 2012 has a DOI and three statements about it (so three citing nodes, an
// unresolved mention of Coleman and Campbell 2009 and CoCited edges); Watson
// 2015 cites Kemp by DOI, a report known only by its title (a reference
// node) and, through its own title, itself; it is related to a review
// without authors; a last record has neither authors nor title.
func fixture() []graph.Record {
	src := graph.Source{Path: "testdata/fixture.jsonl", Format: "test"}
	review := graph.Record{
		Title:  "Transitions from child and adolescent mental health services: a systematic review",
		Year:   2018,
		Venue:  "BMJ Open",
		Source: src,
	}
	review.Normalize()
	kemp := graph.Mention{Text: "Kemp and Henderson 2012", Authors: []string{"Kemp", "Henderson"}, Year: 2012}
	watson := graph.Mention{Text: "Watson 2015", Authors: []string{"Watson"}, Year: 2015}
	coleman := graph.Mention{Text: "Coleman and Campbell 2009", Authors: []string{"Coleman", "Campbell"}, Year: 2009}
	return []graph.Record{
		{
			DOI:     kempDOI,
			Title:   "Challenges faced by mental health peer support workers: Peer support from the peer supporter's point of view",
			Year:    2012,
			Authors: []graph.Author{{Family: "Kemp", Given: "Vanessa"}, {Family: "Henderson", Given: "A. Rosemary"}},
			Venue:   "Psychiatric Rehabilitation Journal",
			CitedBy: []graph.CitingStatement{
				{Text: "Peer workers report role confusion (Kemp and Henderson 2012; Watson 2015).", Intent: "supporting",
					Mentions: []graph.Mention{kemp, watson}},
				{Text: "Training for managers is advised (Kemp and Henderson 2012; Coleman and Campbell 2009).", Intent: "mentioning",
					Mentions: []graph.Mention{kemp, coleman}},
				{Text: "Stigma persists (Kemp and Henderson 2012; Coleman and Campbell 2009; Watson 2015).", Intent: "mentioning",
					Mentions: []graph.Mention{kemp, coleman, watson}},
			},
			Source: src,
		},
		{
			Title:   "Being a peer worker: a qualitative study",
			Year:    2015,
			Authors: []graph.Author{{Family: "Watson", Given: "Emma"}},
			Venue:   "Mental Health Review Journal",
			References: []graph.Reference{
				{DOI: kempDOI, Raw: "Kemp V, Henderson AR (2012) Challenges faced by mental health peer support workers."},
				{Title: "Peer support in mental health services: a review of the evidence", Year: 2011,
					Authors: []graph.Author{{Family: "Repper"}, {Family: "Carter"}}, Raw: "Repper J, Carter T (2011) Peer support in mental health services."},
				{Title: "Being a peer worker: a qualitative study", Year: 2015, Raw: "Watson E (2015) Being a peer worker."},
			},
			Statements: []graph.Statement{
				{Text: "Peer support is widely valued [1, 2].", Section: "Introduction", Refs: []int{0, 1}},
				{Text: "Managers often misread the role [1].", Section: "Discussion", Refs: []int{0}},
			},
			Relations: []graph.Relation{{Kind: graph.RelRelated, ID: review.ID}},
			Source:    src,
		},
		review,
		{
			Year:   2019,
			Venue:  "International Journal of Mental Health Nursing",
			Pages:  "12-20",
			Source: src,
		},
	}
}

// fixtureOptions gives the fixture clusters (the third one without a label)
// and scores.
func fixtureOptions(g *graph.Graph) dot.Options {
	opt := dot.Options{
		Cluster:      make([]int, g.Len()),
		ClusterLabel: []string{"Theme 1: peer support, workers, role", "Theme 2: transition, camhs, young people"},
		Size:         make([]float64, g.Len()),
	}
	for i, w := range g.Works() {
		opt.Cluster[i], opt.Size[i] = -1, 0.02
		switch {
		case w.Key == kempKey:
			opt.Cluster[i], opt.Size[i] = 0, 0.31
		case w.Surname() == "Watson":
			opt.Cluster[i], opt.Size[i] = 0, 0.12
		case w.Surname() == "Repper":
			opt.Cluster[i], opt.Size[i] = 1, 0.08
		case strings.HasPrefix(w.Title, "Transitions"):
			opt.Cluster[i], opt.Size[i] = 1, 0.05
		case w.Venue != "" && w.Title == "":
			opt.Cluster[i] = 2
		}
	}
	return opt
}

func buildFixture(t testing.TB) *graph.Graph {
	t.Helper()
	g := graph.Build(fixture())
	// The fixture must hold what the tests claim to cover.
	kinds := map[graph.NodeKind]int{}
	for _, w := range g.Works() {
		kinds[w.Kind]++
	}
	if kinds[graph.KindWork] != 4 || kinds[graph.KindReference] != 1 || kinds[graph.KindMention] != 1 || kinds[graph.KindCiting] != 3 {
		t.Fatalf("fixture nodes by kind = %v", kinds)
	}
	if g.SelfCitations() != 1 || len(g.Edges(graph.CoCited)) != 3 || len(g.Edges(graph.Related)) != 1 {
		t.Fatalf("fixture: %d self-citations, %d co-cited, %d related edges",
			g.SelfCitations(), len(g.Edges(graph.CoCited)), len(g.Edges(graph.Related)))
	}
	return g
}

func write(t testing.TB, g *graph.Graph, opt dot.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := dot.Write(&buf, g, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	g := buildFixture(t)
	for _, tc := range []struct {
		name string
		opt  func(*graph.Graph) dot.Options
	}{
		{"map", fixtureOptions},
		{"hide_citing", func(*graph.Graph) dot.Options { return dot.Options{Name: "no citing", HideCiting: true} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := tc.opt(g)
			got := write(t, g, opt)
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wantText, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(wantText) {
				t.Errorf("output differs from %s (run go test -update and read the diff):\n%s", golden, got)
			}
			check(t, g, opt, got)
		})
	}
}

// TestFixtureMap checks the rules on the drawn fixture: kinds, clusters,
// sizes, edges and what was left out.
func TestFixtureMap(t *testing.T) {
	g := buildFixture(t)
	opt := fixtureOptions(g)
	p, _ := check(t, g, opt, write(t, g, opt))

	if got := gvString(p.name); got != "citegraph" {
		t.Errorf("graph name %q, want citegraph", got)
	}
	for k, v := range map[string]string{"charset": `"UTF-8"`, "layout": "dot", "overlap": "false", "splines": "true", "rankdir": "LR", "fontname": `"Helvetica"`} {
		if p.graph[k] != v {
			t.Errorf("graph %s=%s, want %s", k, p.graph[k], v)
		}
	}
	if got, want := labelText(p.graph["label"]), "Citation map (9 works, 13 links)"; got != want {
		t.Errorf("graph label %q, want %q", got, want)
	}

	kemp := p.nodes[kempKey]
	if got := labelText(kemp["label"]); got != "Kemp 2012" {
		t.Errorf("Kemp label %q", got)
	}
	if got, want := tooltipText(kemp["tooltip"]), "Challenges faced by mental health peer support workers: Peer support from the peer supporter's point of view\n2012\nPsychiatric Rehabilitation Journal\ndoi:"+kempDOI; got != want {
		t.Errorf("Kemp tooltip\n%q, want\n%q", got, want)
	}
	if got := gvString(kemp["URL"]); got != "https://doi.org/"+kempDOI {
		t.Errorf("Kemp URL %q", got)
	}
	if kemp["style"] != "filled" || gvString(kemp["fillcolor"]) != dot.ClusterColour(0) || kemp["width"] != "1.500" || kemp["fontsize"] != "24.000" {
		t.Errorf("Kemp, the largest score in cluster 0: %v", kemp)
	}
	if p.inCluster[kempKey] != "cluster_0" || p.inCluster[colemanID] != "" {
		t.Errorf("clusters: Kemp in %q, Coleman in %q", p.inCluster[kempKey], p.inCluster[colemanID])
	}
	if got := labelText(p.clusters["cluster_2"]["label"]); got != "Theme 3" {
		t.Errorf("unlabelled cluster 2 shows %q, want Theme 3", got)
	}

	coleman := p.nodes[colemanID]
	if coleman["style"] != `"dashed,filled"` || !strings.Contains(tooltipText(coleman["tooltip"]), "unresolved mention") {
		t.Errorf("unresolved mention not marked: %v", coleman)
	}
	if got := labelText(coleman["label"]); got != "Coleman 2009" {
		t.Errorf("mention label %q", got)
	}

	var citing []string
	for _, w := range g.Works() {
		switch w.Kind {
		case graph.KindCiting:
			citing = append(citing, w.Key)
			n := p.nodes[w.Key]
			if n["shape"] != "point" || labelText(n["label"]) != "" {
				t.Errorf("citing node %s: %v", w.Key, n)
			}
			if tip := tooltipText(n["tooltip"]); !strings.Contains(tip, "(Kemp and Henderson 2012;") {
				t.Errorf("citing node tooltip %q does not hold its statement", tip)
			}
			if _, ok := p.inCluster[w.Key]; ok {
				t.Errorf("citing node %s in a cluster", w.Key)
			}
		case graph.KindWork:
			if w.Venue != "" && w.Title == "" {
				if got := labelText(p.nodes[w.Key]["label"]); got != "International Journal of Mental… 2019" {
					t.Errorf("venue label %q", got)
				}
			}
		}
	}

	kinds := map[string]int{}
	for _, e := range p.edges {
		if e.from == e.to {
			t.Errorf("self-loop %q drawn", e.from)
		}
		switch {
		case e.attrs["dir"] == "none" && e.attrs["style"] == "dashed":
			kinds["cocited"]++
			if !strings.HasPrefix(tooltipText(e.attrs["tooltip"]), "co-cited ×") {
				t.Errorf("co-cited edge tooltip %q", tooltipText(e.attrs["tooltip"]))
			}
		case e.attrs["dir"] == "none" && e.attrs["style"] == "dotted":
			kinds["related"]++
		case e.attrs["dir"] == "":
			kinds["cites"]++
		default:
			t.Errorf("edge of no known kind: %v", e)
		}
	}
	if want := map[string]int{"cites": 9, "cocited": 3, "related": 1}; fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("edges by kind %v, want %v", kinds, want)
	}
	// Kemp and Coleman are co-cited in two statements: labelled, wider.
	// A CoCited edge runs from the lower key to the higher.
	for _, e := range p.edges {
		if e.from == kempKey && e.to == colemanID && e.attrs["style"] == "dashed" {
			if got := labelText(e.attrs["label"]); got != "co-cited ×2" || e.attrs["penwidth"] != "2.000" {
				t.Errorf("Coleman–Kemp co-cited edge: label %q, %v", got, e.attrs)
			}
		}
		if e.from == kempKey && e.attrs["dir"] == "" || slices.Contains(citing, e.to) {
			t.Errorf("edge %s -> %s runs the wrong way", e.from, e.to)
		}
	}
	// Watson cites Kemp with two statements.
	for _, e := range p.edges {
		if e.to == kempKey && e.attrs["dir"] == "" && !slices.Contains(citing, e.from) {
			if got := tooltipText(e.attrs["tooltip"]); got != "Peer support is widely valued [1, 2]. [+1 more]" {
				t.Errorf("Watson → Kemp tooltip %q", got)
			}
		}
	}
}

// TestEngines renders the fixture and a denser random map with every
// engine; none may warn.
func TestEngines(t *testing.T) {
	maps := []struct {
		name string
		g    *graph.Graph
		opt  func(*graph.Graph) dot.Options
	}{
		{"fixture", buildFixture(t), fixtureOptions},
		{"random", graph.Build(randomRecords(60)), randomOptions},
	}
	for _, m := range maps {
		for _, layout := range []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"} {
			t.Run(m.name+"/"+layout, func(t *testing.T) {
				if testing.Short() && m.name == "random" {
					t.Skip("slow with -short")
				}
				opt := m.opt(m.g)
				opt.Layout = layout
				p, _ := check(t, m.g, opt, write(t, m.g, opt))
				if p.graph["layout"] != layout {
					t.Errorf("layout=%s, want %s", p.graph["layout"], layout)
				}
			})
		}
	}
}

// randomRecords returns n works citing each other at random (with a fixed
// seed), some citing works outside the set, some related, some with
// statements about them that mention others by author and year.
func randomRecords(n int) []graph.Record {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	doi := func(i int) string { return fmt.Sprintf("10.1000/r.%d", i) }
	recs := make([]graph.Record, n)
	for i := range recs {
		recs[i] = graph.Record{DOI: doi(i), Title: fmt.Sprintf("Work %d", i), Year: 1990 + r.IntN(30),
			Authors: []graph.Author{{Family: fmt.Sprintf("Name%d", r.IntN(40))}}}
		for range r.IntN(6) {
			recs[i].References = append(recs[i].References, graph.Reference{DOI: doi(r.IntN(n + 20))})
		}
		if r.IntN(10) == 0 {
			recs[i].Relations = []graph.Relation{{Kind: graph.RelRelated, ID: "doi:" + doi(r.IntN(n))}}
		}
		if r.IntN(8) == 0 {
			var ms []graph.Mention
			for range 1 + r.IntN(3) {
				ms = append(ms, graph.Mention{Text: "x", Authors: []string{fmt.Sprintf("Name%d", r.IntN(40))}, Year: 1990 + r.IntN(30)})
			}
			recs[i].CitedBy = []graph.CitingStatement{{Text: fmt.Sprintf("Statement %d", i), Mentions: ms}}
		}
	}
	return recs
}

// randomOptions puts nodes in six clusters or none, at random, with
// exponentially distributed scores.
func randomOptions(g *graph.Graph) dot.Options {
	r := rand.New(rand.NewPCG(2, uint64(g.Len())))
	opt := dot.Options{Cluster: make([]int, g.Len()), Size: make([]float64, g.Len()), ClusterLabel: []string{"Theme 1: one", "Theme 2: two"}}
	for i := range opt.Cluster {
		opt.Cluster[i] = r.IntN(7) - 1
		opt.Size[i] = r.ExpFloat64()
	}
	return opt
}

// chain returns n records, each citing the one before by DOI.
func chain(n int) []graph.Record {
	recs := make([]graph.Record, n)
	for i := range recs {
		recs[i] = graph.Record{
			DOI:     fmt.Sprintf("10.1000/chain.%d", i),
			Title:   fmt.Sprintf("Work number %d", i),
			Year:    1990 + i%30,
			Authors: []graph.Author{{Family: fmt.Sprintf("Author%d", i%50)}},
		}
		for _, j := range []int{i - 1, i / 2} {
			if j >= 0 && j != i {
				recs[i].References = append(recs[i].References, graph.Reference{DOI: fmt.Sprintf("10.1000/chain.%d", j)})
			}
		}
	}
	return recs
}

// dense returns n works, each citing the next k (wrapping round).
func dense(n, k int) []graph.Record {
	recs := chain(n)
	for i := range recs {
		recs[i].References = nil
		for j := 1; j <= k; j++ {
			recs[i].References = append(recs[i].References, graph.Reference{DOI: fmt.Sprintf("10.1000/chain.%d", (i+j)%n)})
		}
	}
	return recs
}

func TestDefaultLayout(t *testing.T) {
	for _, tc := range []struct {
		name          string
		recs          []graph.Record
		want, splines string
	}{
		{"299 nodes", chain(dot.SFDPFrom - 1), "dot", "true"},
		{"300 nodes", chain(dot.SFDPFrom), "sfdp", "false"},
		{"999 edges", dense(100, 10)[:99], "dot", "true"},
		{"1000 edges", dense(100, 10), "sfdp", "false"},
		{"29 nodes", dense(29, 3), "dot", "true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := graph.Build(tc.recs)
			text := write(t, g, dot.Options{})
			var p *parsed
			if testing.Short() {
				p = checkCounts(t, g, dot.Options{}, text)
			} else {
				p, _ = check(t, g, dot.Options{}, text)
			}
			if p.graph["layout"] != tc.want || p.graph["splines"] != tc.splines {
				t.Errorf("layout=%s splines=%s, want %s and %s", p.graph["layout"], p.graph["splines"], tc.want, tc.splines)
			}
		})
	}
	// Small maps drawn by a force-directed engine get splines.
	for _, tc := range []struct {
		n       int
		splines string
	}{{dot.SplinesBelow - 1, "true"}, {dot.SplinesBelow, "false"}} {
		g := graph.Build(dense(tc.n, 3))
		opt := dot.Options{Layout: "neato"}
		p, _ := check(t, g, opt, write(t, g, opt))
		if p.graph["splines"] != tc.splines {
			t.Errorf("neato, %d nodes: splines=%s, want %s", tc.n, p.graph["splines"], tc.splines)
		}
	}
}

func TestHideCiting(t *testing.T) {
	g := buildFixture(t)
	opt := fixtureOptions(g)
	opt.HideCiting = true
	p, _ := check(t, g, opt, write(t, g, opt))
	for _, w := range g.Works() {
		if _, ok := p.nodes[w.Key]; ok == (w.Kind == graph.KindCiting) {
			t.Errorf("%s (%s): drawn = %v", w.Key, w.Kind, ok)
		}
	}
}

func TestSizes(t *testing.T) {
	g := buildFixture(t)
	for _, tc := range []struct {
		name string
		size func(i int) float64
		want map[string]string // Kemp's width
	}{
		{"nil", nil, nil},
		{"equal", func(int) float64 { return 0.5 }, nil},
		{"nan and inf count as smallest", func(i int) float64 {
			if g.Works()[i].Key == kempKey {
				return 4
			}
			return [...]float64{math.NaN(), math.Inf(1), math.Inf(-1), 1}[i%4]
		}, map[string]string{"width": "1.500", "fontsize": "24.000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := dot.Options{}
			if tc.size != nil {
				opt.Size = make([]float64, g.Len())
				for i := range opt.Size {
					opt.Size[i] = tc.size(i)
				}
			}
			p, _ := check(t, g, opt, write(t, g, opt))
			for _, w := range g.Works() {
				n := p.nodes[w.Key]
				if tc.want == nil {
					if _, ok := n["width"]; ok && w.Kind != graph.KindCiting {
						t.Errorf("%s has a width with equal sizes", w.Key)
					}
					continue
				}
				if w.Key == kempKey {
					for k, v := range tc.want {
						if n[k] != v {
							t.Errorf("Kemp %s=%s, want %s", k, n[k], v)
						}
					}
				} else if w.Kind != graph.KindCiting && n["width"] != "0.300" && n["width"] != "1.500" {
					t.Errorf("%s width %s", w.Key, n["width"])
				}
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	g := buildFixture(t)
	for _, tc := range []struct {
		name string
		opt  dot.Options
		want string
	}{
		{"short cluster", dot.Options{Cluster: []int{0}}, "dot: 1 cluster indexes for 9 works"},
		{"long size", dot.Options{Size: make([]float64, 10)}, "dot: 10 sizes for 9 works"},
		{"layout", dot.Options{Layout: "graphviz"}, `dot: unknown layout engine "graphviz"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := dot.Write(&buf, g, tc.opt)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q…", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

type failWriter struct{}

var errDisk = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestWriteFails(t *testing.T) {
	err := dot.Write(failWriter{}, buildFixture(t), dot.Options{})
	if !errors.Is(err, errDisk) || !strings.HasPrefix(err.Error(), "dot: ") {
		t.Errorf("error %v, want dot: … wrapping %v", err, errDisk)
	}
}

// TestDeterministic builds the fixture from records in two orders and
// writes it twice.
func TestDeterministic(t *testing.T) {
	recs := fixture()
	g := graph.Build(recs)
	a := write(t, g, fixtureOptions(g))
	check(t, g, fixtureOptions(g), a)
	slices.Reverse(recs)
	g = graph.Build(recs)
	if b := write(t, g, fixtureOptions(g)); a != b {
		t.Errorf("output depends on record order")
	}
	if b := write(t, g, fixtureOptions(g)); a != b {
		t.Errorf("two writes differ")
	}
}

func TestEmptyGraph(t *testing.T) {
	g := graph.Build(nil)
	text := write(t, g, dot.Options{})
	check(t, g, dot.Options{}, text)
}

func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		name string
		w    graph.Work
		want string
	}{
		{"author and year", graph.Work{Authors: []graph.Author{{Family: "Kemp", Given: "V."}}, Year: 2012, Title: "Challenges"}, "Kemp 2012"},
		{"no year", graph.Work{Authors: []graph.Author{{Family: "Watson"}}}, "Watson n.d."},
		{"first author from mentions", graph.Work{FirstAuthor: "Coleman", Year: 2009}, "Coleman 2009"},
		{"two-word family name", graph.Work{Authors: []graph.Author{{Family: "van der Berg"}}, Year: 2020}, "van der Berg 2020"},
		{"title of four words", graph.Work{Title: "Peer support in practice", Year: 2011}, "Peer support in practice"},
		{"long title", graph.Work{Title: "Transitions from child and adolescent mental health services", Year: 2018}, "Transitions from child and…"},
		{"long word", graph.Work{Title: strings.Repeat("心理", 20)}, strings.Repeat("心理", 16) + "…"},
		{"title with newline", graph.Work{Title: "Peer\nsupport\t work"}, "Peer support work"},
		{"venue and year", graph.Work{Venue: "BMJ Open", Year: 2019}, "BMJ Open 2019"},
		{"venue without year", graph.Work{Venue: "BMJ Open"}, "BMJ Open n.d."},
		{"abstract only (the ProQuest seed)", graph.Work{Key: "w:1", Abstract: "Background: The extant literature suggests that", AbstractSections: []graph.Section{{Label: "Background", Text: "The extant literature suggests that"}}}, "“The extant literature suggests…”"},
		{"plain abstract only", graph.Work{Key: "w:1", Abstract: "Peers help."}, "“Peers help.”"},
		{"key only", graph.Work{Key: "w:0123456789abcdef"}, "w:0123456789abcdef"},
		{"blank name falls through", graph.Work{Authors: []graph.Author{{Family: " \t"}}, Title: "Recovery"}, "Recovery"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dot.Label(&tc.w); got != tc.want {
				t.Errorf("Label = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestClusterColour(t *testing.T) {
	seen := map[string]bool{}
	for n := range dot.Colours {
		c := dot.ClusterColour(n)
		if seen[c] || c == dot.OtherColour || c == "#000000" {
			t.Errorf("colour %s of cluster %d repeats, is the others' or is black", c, n)
		}
		seen[c] = true
	}
	// Okabe and Ito's seven, then Tol's rose; twelve in all, then grey.
	if dot.Colours != 12 || dot.ClusterColour(0) != "#E69F00" || dot.ClusterColour(7) != "#CC6677" ||
		dot.ClusterColour(12) != dot.OtherColour || dot.ClusterColour(145) != dot.OtherColour {
		t.Errorf("palette is not Okabe–Ito, then Tol muted, twelve, then the others' grey")
	}
}

// TestLegendOtherThemes: with 20 themes drawn, the legend shows the
// twelve coloured ones and one swatch for the 8 others, which share the
// grey.
func TestLegendOtherThemes(t *testing.T) {
	recs := chain(40)
	g := graph.Build(recs)
	cl := make([]int, g.Len())
	for i := range cl {
		cl[i] = i % 20
	}
	var b strings.Builder
	if err := dot.WriteView(&b, g, dot.View{Options: dot.Options{Cluster: cl}, Legend: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	swatches := 0
	for i := range 20 {
		if strings.Contains(out, `"legend:`+strconv.Itoa(i)+`" [`) {
			swatches++
		}
	}
	if swatches != 12 || !strings.Contains(out, `"legend:other" [label="8 other themes"`) {
		t.Errorf("%d coloured swatches, want 12, and one for 8 other themes:\n%s", swatches, out)
	}
	if strings.Count(out, dot.OtherColour) < 8 {
		t.Errorf("the 8 other themes' works are not grey")
	}
}

// TestMaxEdges: with MaxEdges the map keeps the links whose lesser end
// scores highest (worked out here by brute force over every citation), in
// the order written, and its title says how many of how many are drawn.
func TestMaxEdges(t *testing.T) {
	g := graph.Build(chain(40))
	size := make([]float64, g.Len())
	for i := range size {
		size[i] = float64((i * 7) % g.Len()) // distinct scores, not in ID order
	}
	type link struct {
		f, t string
		key  float64
	}
	var all []link
	for _, e := range g.Edges(graph.Cites) {
		if e.F != e.T {
			all = append(all, link{e.F.Key, e.T.Key, min(size[e.F.ID()], size[e.T.ID()])})
		}
	}
	const m = 10
	if len(all) <= m {
		t.Fatalf("only %d links", len(all))
	}
	best := slices.Clone(all)
	slices.SortStableFunc(best, func(a, b link) int { return -cmpFloat(a.key, b.key) })
	keep := map[[2]string]bool{}
	for _, l := range best[:m] {
		keep[[2]string{l.f, l.t}] = true
	}
	var want []string
	for _, l := range all {
		if keep[[2]string{l.f, l.t}] {
			want = append(want, fmt.Sprintf("%q -> %q", l.f, l.t))
		}
	}
	out := write(t, g, dot.Options{Size: size, MaxEdges: m})
	var got []string
	for _, line := range strings.Split(out, "\n") {
		if i := strings.Index(line, " ["); strings.Contains(line, " -> ") && i > 0 {
			got = append(got, strings.TrimSpace(line[:i]))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("links drawn:\n%q\nwant\n%q", got, want)
	}
	title := fmt.Sprintf("Citation map (%d works, the %d links between the largest of %d)", g.Len(), m, len(all))
	if !strings.Contains(out, "label="+strconv.Quote(title)) {
		t.Errorf("no title %q in\n%.400s", title, out)
	}
	// Within the bound nothing is cut and the title is the usual one.
	if out := write(t, g, dot.Options{Size: size, MaxEdges: len(all)}); strings.Count(out, " -> ") != len(all) || strings.Contains(out, "between the largest") {
		t.Errorf("MaxEdges = %d links cut some", len(all))
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
