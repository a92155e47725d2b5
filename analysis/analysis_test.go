package analysis_test

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/progress"
)

// Statements of a scite-like report on work P (Kemp 2012).
const (
	stmt1 = "Peer workers found disclosure a challenge (Kemp and Henderson 2012; Repper and Carter 2011; Gillard et al. 2014)."
	stmt2 = "Role clarity matters for peer support workers (Kemp and Henderson 2012)."
)

// peerRecords are hand-made records of the kinds Build resolves:
//
//   - P, described with two statements about it (CitedBy); statement 1 also
//     mentions Repper and Carter 2011, which resolves by author and year to
//     R, and Gillard et al. 2014, which resolves to nothing;
//   - R, described;
//   - Q, described, which a page lists as related to P;
//   - E, described with a title only and no link at all, like the entries
//     of an Emerald listing.
//
// Build makes one unnamed citing work per statement (s1 citing P, R and
// the Gillard mention; s2 citing P), co-citation edges among P, R and the
// mention (one statement each) and a Related edge Q → P.
func peerRecords() []graph.Record {
	return []graph.Record{
		{
			DOI: "10.1/p", Title: "Challenges faced by mental health peer support workers", Year: 2012,
			Authors:  []graph.Author{{Family: "Kemp", Given: "Vicki"}, {Family: "Henderson", Given: "Ann"}},
			Abstract: "Managers should inform teams about the peer support worker role.",
			CitedBy: []graph.CitingStatement{
				{Text: stmt1, Mentions: []graph.Mention{
					{Text: "Kemp and Henderson 2012", Authors: []string{"Kemp", "Henderson"}, Year: 2012},
					{Text: "Repper and Carter 2011", Authors: []string{"Repper", "Carter"}, Year: 2011},
					{Text: "Gillard et al. 2014", Authors: []string{"Gillard"}, EtAl: true, Year: 2014},
				}},
				{Text: stmt2, Mentions: []graph.Mention{
					{Text: "Kemp and Henderson 2012", Authors: []string{"Kemp", "Henderson"}, Year: 2012},
				}},
			},
		},
		{
			DOI: "10.1/r", Title: "A review of the literature on peer support in mental health services", Year: 2011,
			Authors: []graph.Author{{Family: "Repper", Given: "Julie"}, {Family: "Carter", Given: "Tim"}},
		},
		{
			DOI: "10.1/q", Title: "Peer workers in mental health teams", Year: 2014,
			Relations: []graph.Relation{{Kind: graph.RelRelated, ID: "doi:10.1/p"}},
		},
		{
			DOI: "10.1/e", Title: "Peer support workers: a day in the life", Year: 2015,
		},
	}
}

// peerGraph returns the graph of peerRecords and the node ID of each of its
// works: "P", "R", "Q", "E", "M" (the mention), "s1", "s2".
func peerGraph(t *testing.T) (*graph.Graph, map[string]int64) {
	t.Helper()
	g := graph.Build(peerRecords())
	ids := map[string]int64{}
	for _, w := range g.Works() {
		switch {
		case w.Kind == graph.KindCiting && strings.Contains(analysis.WorkText(g, w), "disclosure"):
			ids["s1"] = w.ID()
		case w.Kind == graph.KindCiting:
			ids["s2"] = w.ID()
		case w.Kind == graph.KindMention:
			ids["M"] = w.ID()
		default:
			ids[strings.ToUpper(strings.TrimPrefix(w.DOI, "10.1/"))] = w.ID()
		}
	}
	if g.Len() != 7 || len(ids) != 7 {
		t.Fatalf("graph has works %v, want P, R, Q, E, M, s1, s2", ids)
	}
	if k := g.Works()[ids["M"]].Key; k != "m:gillard-2014" {
		t.Fatalf("mention key = %q, want m:gillard-2014", k)
	}
	return g, ids
}

func TestWorkText(t *testing.T) {
	g, ids := peerGraph(t)
	works := g.Works()
	// The statements without their in-text citations.
	const (
		cut1 = "Peer workers found disclosure a challenge (;; ;; ;)."
		cut2 = "Role clarity matters for peer support workers (;)."
	)
	tests := []struct {
		work string
		want string
	}{
		{"P", "Challenges faced by mental health peer support workers\n" +
			"Managers should inform teams about the peer support worker role.\n" + cut1 + "\n" + cut2},
		{"R", "A review of the literature on peer support in mental health services"},
		// A citing work is known by the statement on its Cites edges, once
		// although it is on three edges.
		{"s1", cut1},
		{"s2", cut2},
		// A mention's in-text forms are names, not text.
		{"M", ""},
	}
	for _, tt := range tests {
		if got := analysis.WorkText(g, works[ids[tt.work]]); got != tt.want {
			t.Errorf("WorkText(%s) = %q, want %q", tt.work, got, tt.want)
		}
	}
}

func TestBuildGraph(t *testing.T) {
	g, ids := peerGraph(t)
	in, out := analysis.Degrees(g)
	// Counted from the statements: s1 cites P, R and M; s2 cites P.
	wantIn := map[string]int{"P": 2, "R": 1, "M": 1}
	wantOut := map[string]int{"s1": 3, "s2": 1}
	for name, id := range ids {
		if in[id] != wantIn[name] || out[id] != wantOut[name] {
			t.Errorf("%s: in %d out %d, want in %d out %d", name, in[id], out[id], wantIn[name], wantOut[name])
		}
	}

	// The community graph without text links holds exactly the links
	// Build made, at the default weights: citations 1, co-citations 1 × N
	// (N = 1 statement each), the related link 0.5.
	cg := analysis.CommunityGraph(g, analysis.DefaultWeights, 0)
	type pair struct{ a, b string }
	want := map[pair]float64{
		{"s1", "P"}: 1, {"s1", "R"}: 1, {"s1", "M"}: 1, {"s2", "P"}: 1,
		{"P", "R"}: 1, {"P", "M"}: 1, {"R", "M"}: 1,
		{"Q", "P"}: 0.5,
	}
	if n := cg.Nodes().Len(); n != 7 {
		t.Errorf("community graph has %d nodes, want 7 (isolated E included)", n)
	}
	if n := cg.Edges().Len(); n != len(want) {
		t.Errorf("community graph has %d edges, want %d", n, len(want))
	}
	for p, w := range want {
		got, ok := cg.Weight(ids[p.a], ids[p.b])
		if !ok || got != w {
			t.Errorf("weight %s–%s = %v (%v), want %v", p.a, p.b, got, ok, w)
		}
	}
	if cg.From(ids["E"]).Len() != 0 {
		t.Errorf("E has links without text links")
	}

	// Other weights scale the same links.
	cg = analysis.CommunityGraph(g, analysis.Weights{Cites: 2, CoCited: 3, Related: 1}, 0)
	if w, _ := cg.Weight(ids["P"], ids["R"]); w != 3 {
		t.Errorf("co-citation weight = %v, want 3", w)
	}
	if w, _ := cg.Weight(ids["s1"], ids["P"]); w != 2 {
		t.Errorf("citation weight = %v, want 2", w)
	}

	// With text links, E (peer support workers) joins works that share its
	// words; a text link weighs at most w.Text.
	cg = analysis.CommunityGraph(g, analysis.DefaultWeights, 3)
	nbrs := cg.From(ids["E"])
	if nbrs.Len() == 0 {
		t.Fatal("E has no text link")
	}
	for nbrs.Next() {
		w, _ := cg.Weight(ids["E"], nbrs.Node().ID())
		if w <= 0 || w > 0.5 {
			t.Errorf("text link of E to %d weighs %v, want in (0, 0.5]", nbrs.Node().ID(), w)
		}
	}
	// Text links add to citation weights: s2 states that P is about peer
	// support workers.
	if w, _ := cg.Weight(ids["s2"], ids["P"]); w <= 1 {
		t.Errorf("weight s2–P = %v, want above the citation's 1", w)
	}
	// M has no text and so no text link.
	if got := cg.From(ids["M"]).Len(); got != 3 {
		t.Errorf("M has %d links, want its 3 citation links", got)
	}
}

func TestRun(t *testing.T) {
	g, ids := peerGraph(t)
	r := analysis.Run(g, analysis.Options{Seed: 1})
	n := g.Len()
	if len(r.InDegree) != n || len(r.OutDegree) != n || len(r.PageRank) != n || len(r.Betweenness) != n || len(r.Community) != n {
		t.Fatalf("Run gave slices of the wrong length: %+v", r)
	}
	var sum float64
	for _, p := range r.PageRank {
		sum += p
	}
	if !near(sum, 1, 1e-12) {
		t.Errorf("PageRank sums to %v", sum)
	}
	// P is the only work cited twice: highest rank.
	for name, id := range ids {
		if name != "P" && r.PageRank[id] >= r.PageRank[ids["P"]] {
			t.Errorf("PageRank of %s = %v, not below P's %v", name, r.PageRank[id], r.PageRank[ids["P"]])
		}
	}
	// Only the citing works cite, and nothing cites them, so no shortest
	// path has a middle: betweenness is 0 everywhere.
	for id, b := range r.Betweenness {
		if b != 0 {
			t.Errorf("Betweenness[%d] = %v, want 0", id, b)
		}
	}
	sizes := 0
	for c, th := range r.Themes {
		if th.ID != c || th.Size != len(th.Top) {
			t.Errorf("theme %d = %+v", c, th)
		}
		sizes += th.Size
		if c > 0 && th.Size > r.Themes[c-1].Size {
			t.Errorf("theme %d larger than theme %d", c, c-1)
		}
		for _, id := range th.Top {
			if r.Theme[id] != c {
				t.Errorf("work %d in Top of theme %d but in theme %d", id, c, r.Theme[id])
			}
		}
	}
	if sizes != n {
		t.Errorf("themes hold %d works, want %d", sizes, n)
	}
	// E is linked by text only: with two themes asked for, its words put
	// it with the peer support works, not alone.
	two := analysis.Run(g, analysis.Options{Seed: 1, Themes: 2})
	if th := two.Themes[two.Theme[ids["E"]]]; th.Size == 1 {
		t.Errorf("E is alone in theme %+v", th)
	}
	// The communities are Leiden's on the citation network (2 iterations),
	// with its quality.
	comm, q := analysis.Leiden(analysis.CitationNetwork(g), analysis.LeidenOptions{Seed: 1, Iterations: 2})
	if !slices.Equal(comm, r.Community) || q != r.Modularity {
		t.Errorf("communities %v (Q %v), Leiden gives %v (Q %v)", r.Community, r.Modularity, comm, q)
	}

	// Same input, same seed: bit-identical results, also from a graph
	// built afresh.
	again := analysis.Run(graph.Build(peerRecords()), analysis.Options{Seed: 1})
	if !slices.Equal(r.Community, again.Community) || !slices.Equal(r.Theme, again.Theme) || math.Float64bits(r.Modularity) != math.Float64bits(again.Modularity) ||
		!slices.Equal(r.PageRank, again.PageRank) || !slices.Equal(r.Betweenness, again.Betweenness) {
		t.Error("two runs with one seed differ")
	}
	for c := range r.Themes {
		if r.Themes[c].Label != again.Themes[c].Label || !slices.Equal(r.Themes[c].Scores, again.Themes[c].Scores) {
			t.Errorf("theme %d differs between runs", c)
		}
	}

}

func TestRunEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		records []graph.Record
		themes  int
	}{
		{"empty", nil, 0},
		{"one work", []graph.Record{{DOI: "10.1/a", Title: "Recovery colleges"}}, 1},
		{"one work without text", []graph.Record{{DOI: "10.1/a"}}, 1},
		{"self-citation only", []graph.Record{{DOI: "10.1/a", Title: "Recovery", References: []graph.Reference{{DOI: "10.1/a"}}}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := graph.Build(tt.records)
			r := analysis.Run(g, analysis.Options{})
			if r.InDegree == nil || r.OutDegree == nil || r.PageRank == nil || r.Betweenness == nil || r.Community == nil || r.Themes == nil {
				t.Errorf("Run left a nil slice: %+v", r)
			}
			if len(r.Themes) != tt.themes || r.Modularity != 0 {
				t.Errorf("Run = %+v, want %d themes and Q = 0", r, tt.themes)
			}
			if g.Len() == 1 && r.PageRank[0] != 1 {
				t.Errorf("PageRank of a lone work = %v, want 1", r.PageRank[0])
			}
		})
	}
}

func TestOptionsWithDefaults(t *testing.T) {
	got := analysis.Options{Seed: 7, TextLinks: -1, Terms: -1}.WithDefaults()
	want := analysis.Options{Damping: 0.85, Tolerance: 1e-12, Resolution: 1, Seed: 7,
		Weights: analysis.Weights{Cites: 1, CoCited: 1, Related: 0.5, Text: 0.5}, TextLinks: 0, Terms: 0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("WithDefaults = %+v, want %+v", got, want)
	}
	if got := (analysis.Options{}).WithDefaults(); got.TextLinks != 3 || got.Terms != 3 {
		t.Errorf("WithDefaults of zero Options = %+v, want 3 text links and 3 terms", got)
	}
}

func TestPanics(t *testing.T) {
	g, _ := peerGraph(t)
	tests := []struct {
		name string
		f    func()
	}{
		{"negative weight", func() { analysis.CommunityGraph(g, analysis.Weights{Cites: -1}, 0) }},
		{"NaN weight", func() { analysis.CommunityGraph(g, analysis.Weights{Text: math.NaN()}, 3) }},
		{"damping above 1", func() { analysis.Run(g, analysis.Options{Damping: 2}) }},
		{"short community slice", func() { analysis.Themes(g, []int{0}, nil, 3) }},
		{"short pagerank slice", func() { analysis.Themes(g, make([]int, g.Len()), []float64{1}, 3) }},
		{"negative community", func() { analysis.Themes(g, []int{0, 0, 0, 0, 0, 0, -1}, nil, 3) }},
		{"Modularity length", func() { analysis.Modularity(analysis.CommunityGraph(g, analysis.DefaultWeights, 0), []int{0}, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			tt.f()
		})
	}
}

// TestRunStages checks that Run reports each of its measures once, in the
// order it computes them, with a time that is not negative.
func TestRunStages(t *testing.T) {
	g, _ := peerGraph(t)
	var got []string
	analysis.Run(g, analysis.Options{Seed: 1, Progress: finished(func(stage string, s float64) {
		if s < 0 {
			t.Errorf("stage %s took %v s", stage, s)
		}
		got = append(got, stage)
	})})
	want := []string{analysis.StageDegrees, analysis.StagePageRank, analysis.StageHITS, analysis.StageBetweenness,
		analysis.StageCommunities, analysis.StageThemes, analysis.StageKCore, analysis.StageAge,
		analysis.StageBursts, analysis.StageMainPath}
	if !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
}

// finished is a progress.Reporter that calls f for each finished stage.
type finished func(stage string, seconds float64)

func (finished) Start(string, int64)                                 {}
func (finished) Update(string, int64, int64)                         {}
func (f finished) Finish(stage string, s float64, _ []progress.Fact) { f(stage, s) }
