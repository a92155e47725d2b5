package analysis_test

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

func TestDegrees(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		edges   [][2]int
		in, out []int
	}{
		{"empty", 0, nil, []int{}, []int{}},
		{"one work", 1, nil, []int{0}, []int{0}},
		// Counted by hand from the edge list.
		{"star", 4, [][2]int{{1, 0}, {2, 0}, {3, 0}}, []int{3, 0, 0, 0}, []int{0, 1, 1, 1}},
		{"self-citation left out", 2, [][2]int{{0, 0}, {0, 1}}, []int{0, 1}, []int{1, 0}},
		{"mutual", 3, [][2]int{{0, 1}, {1, 0}, {1, 2}}, []int{1, 1, 1}, []int{1, 2, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := citeGraph(t, tt.n, tt.edges)
			in, out := analysis.Degrees(g)
			if !slices.Equal(in, tt.in) || !slices.Equal(out, tt.out) {
				t.Errorf("Degrees = %v, %v; want %v, %v", in, out, tt.in, tt.out)
			}
		})
	}
}

func TestPageRank(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges [][2]int
		want  []float64
	}{
		{"empty", 0, nil, []float64{}},
		{"one work", 1, nil, []float64{1}},
		// A cycle is symmetric, so every work has 1/3.
		{"3-cycle", 3, [][2]int{{0, 1}, {1, 2}, {2, 0}}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		// Works 1 and 2 cite work 0, which cites nothing and so spreads its
		// rank x over all three. With y for works 1 and 2 and d = 0.85:
		// y = 0.05 + 0.85·x/3 and x + 2y = 1, so y = 1/4.7 = 10/47 and
		// x = 27/47 (solved by hand).
		{"dangling sink", 3, [][2]int{{1, 0}, {2, 0}}, []float64{27.0 / 47, 10.0 / 47, 10.0 / 47}},
		// No citations: every work is dangling, so the ranks stay uniform.
		{"no edges", 4, nil, []float64{0.25, 0.25, 0.25, 0.25}},
		// A self-citation is not in the gonum view: same as no edges.
		{"self-citation", 2, [][2]int{{0, 0}}, []float64{0.5, 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.PageRank(citeGraph(t, tt.n, tt.edges), 0.85, 1e-12)
			if len(got) != len(tt.want) {
				t.Fatalf("PageRank = %v, want %v", got, tt.want)
			}
			for i := range got {
				if !near(got[i], tt.want[i], 1e-10) {
					t.Errorf("PageRank[%d] = %.12f, want %.12f", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestPageRankGonum compares PageRank with gonum's network.PageRank, which
// implements the same model (dangling columns spread evenly, teleport
// (1-d)/n) by dense power iteration from a random start; 1e-6 covers gonum
// stopping on its own tolerance.
func TestPageRankGonum(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		edges [][2]int
	}{
		// Zachary's karate club as gonum's community tests direct it
		// (every link from the lower- to the higher-ranked member).
		{"zachary", 34, zacharyEdges()},
		{"random 150/600", 150, randomEdges(150, 600, 42)},
		{"sparse random 200/150", 200, randomEdges(200, 150, 7)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := citeGraph(t, tc.n, tc.edges)
			got := analysis.PageRank(g, 0.85, 1e-12)
			want := network.PageRank(unweighted{g}, 0.85, 1e-12)
			var sum float64
			for id, r := range got {
				sum += r
				if !near(r, want[int64(id)], 1e-6) {
					t.Errorf("PageRank[%d] = %.9f, gonum %.9f", id, r, want[int64(id)])
				}
			}
			if !near(sum, 1, 1e-12) {
				t.Errorf("ranks sum to %v", sum)
			}
		})
	}
}

func TestPageRankDeterministic(t *testing.T) {
	g := citeGraph(t, 300, randomEdges(300, 1200, 3))
	first := analysis.PageRank(g, 0.85, 1e-12)
	for range 5 {
		again := analysis.PageRank(g, 0.85, 1e-12)
		for i := range first {
			if math.Float64bits(first[i]) != math.Float64bits(again[i]) {
				t.Fatalf("PageRank[%d] differs between runs: %v, %v", i, first[i], again[i])
			}
		}
	}
}

func TestPageRankBadDamping(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("PageRank with damping 1.5 did not panic")
		}
	}()
	analysis.PageRank(citeGraph(t, 2, nil), 1.5, 1e-12)
}

func TestBetweenness(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges [][2]int
		want  []float64
	}{
		{"empty", 0, nil, []float64{}},
		{"one work", 1, nil, []float64{0}},
		// Expected values counted by hand from the definition
		// C_B(v) = Σ_{s≠v≠t} σ_st(v)/σ_st (Brandes 2001, eq. 1).
		// Path 0→1→2→3: work 1 lies on 0→2 and 0→3, work 2 on 0→3 and 1→3.
		{"path", 4, [][2]int{{0, 1}, {1, 2}, {2, 3}}, []float64{0, 2, 2, 0}},
		// Diamond 0→1→3, 0→2→3: two shortest paths from 0 to 3, one
		// through each middle work.
		{"diamond", 4, [][2]int{{0, 1}, {0, 2}, {1, 3}, {2, 3}}, []float64{0, 0.5, 0.5, 0}},
		// Directed 3-cycle: each work is the middle of exactly one path
		// (2→0→1 through 0, and so on).
		{"3-cycle", 3, [][2]int{{0, 1}, {1, 2}, {2, 0}}, []float64{1, 1, 1}},
		// Star of citations into 0: no path has a middle.
		{"star", 4, [][2]int{{1, 0}, {2, 0}, {3, 0}}, []float64{0, 0, 0, 0}},
		// Hub: 1 and 2 cite 0, 0 cites 3 and 4: every path from {1,2} to
		// {3,4} passes 0, four pairs.
		{"hub", 5, [][2]int{{1, 0}, {2, 0}, {0, 3}, {0, 4}}, []float64{4, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.Betweenness(citeGraph(t, tt.n, tt.edges))
			if len(got) != len(tt.want) {
				t.Fatalf("Betweenness = %v, want %v", got, tt.want)
			}
			for i := range got {
				if !near(got[i], tt.want[i], 1e-12) {
					t.Errorf("Betweenness[%d] = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestBetweennessGonum compares Betweenness with gonum's
// network.Betweenness, run on the same *graph.Graph (the gonum view).
func TestBetweennessGonum(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		edges [][2]int
	}{
		{"zachary", 34, zacharyEdges()},
		{"random 120/500", 120, randomEdges(120, 500, 11)},
		{"sparse random 200/220", 200, randomEdges(200, 220, 5)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := citeGraph(t, tc.n, tc.edges)
			got := analysis.Betweenness(g)
			want := network.Betweenness(g)
			for id, b := range got {
				if !near(b, want[int64(id)], 1e-9) {
					t.Errorf("Betweenness[%d] = %v, gonum %v", id, b, want[int64(id)])
				}
			}
		})
	}
}

// TestCitationViewOfBuild checks the centralities on a graph whose
// citations come from references, including a self-citation and a
// citation recorded twice by two sources.
func TestCitationViewOfBuild(t *testing.T) {
	recs := []graph.Record{
		{DOI: doi(0), Title: "Alpha", References: []graph.Reference{{DOI: doi(0)}, {DOI: doi(1)}}},
		{DOI: doi(1), Title: "Beta", References: []graph.Reference{{DOI: doi(2)}}},
		{DOI: doi(1), Title: "Beta", Source: graph.Source{Path: "other.ris"}, References: []graph.Reference{{DOI: doi(2)}}},
		{DOI: doi(2), Title: "Gamma"},
	}
	g := graph.Build(recs)
	in, out := analysis.Degrees(g)
	if !slices.Equal(in, []int{0, 1, 1}) || !slices.Equal(out, []int{1, 1, 0}) {
		t.Errorf("Degrees = %v, %v; want [0 1 1], [1 1 0]", in, out)
	}
	// The path 0→1→2 has one middle work.
	if b := analysis.Betweenness(g); !slices.Equal(b, []float64{0, 1, 0}) {
		t.Errorf("Betweenness = %v, want [0 1 0]", b)
	}
}
