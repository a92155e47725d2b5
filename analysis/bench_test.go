package analysis_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// benchGraph is a random citation graph of 3,000 works and 12,000
// citations with short titles, built once per benchmark.
func benchGraph(b testing.TB) *graph.Graph {
	b.Helper()
	const n = 3000
	edges := randomEdges(n, 4*n, 99)
	words := []string{"peer", "support", "recovery", "transition", "camhs", "stigma", "housing", "employment",
		"carers", "dementia", "psychosis", "trauma", "workforce", "training", "outcomes", "youth"}
	recs := make([]graph.Record, n)
	for i := range recs {
		recs[i] = graph.Record{DOI: doi(i), Title: fmt.Sprintf("%s %s and %s",
			words[i%len(words)], words[(i/3)%len(words)], words[(i*7)%len(words)])}
	}
	for _, e := range edges {
		recs[e[0]].References = append(recs[e[0]].References, graph.Reference{DOI: doi(e[1])})
	}
	return graph.Build(recs)
}

func BenchmarkPageRank(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		analysis.PageRank(g, 0.85, 1e-12)
	}
}

func BenchmarkBetweenness(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		analysis.Betweenness(g)
	}
}

func BenchmarkCommunities(b *testing.B) {
	g := benchGraph(b)
	cg := analysis.CommunityGraph(g, analysis.DefaultWeights, 3)
	for b.Loop() {
		analysis.Communities(cg, 1, 1)
	}
}

func BenchmarkRun(b *testing.B) {
	g := benchGraph(b)
	for b.Loop() {
		analysis.Run(g, analysis.Options{Seed: 1})
	}
}

// TestWriteBenchGraph writes the benchmark graph as a "citing cited" edge
// list to the file named by $CITEGRAPH_BENCH_EDGES, so that the reference
// tools can be timed on the same graph (docs/bench/reference.py). It does
// nothing when the variable is unset.
func TestWriteBenchGraph(t *testing.T) {
	path := os.Getenv("CITEGRAPH_BENCH_EDGES")
	if path == "" {
		t.Skip("CITEGRAPH_BENCH_EDGES not set")
	}
	g := benchGraph(t)
	var sb strings.Builder
	for _, e := range g.Edges(graph.Cites) {
		fmt.Fprintf(&sb, "%d %d\n", e.F.ID(), e.T.ID())
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkCommunitiesCitations runs Louvain on the citations alone, the
// graph the reference tools divide in docs/bench/reference.py.
func BenchmarkCommunitiesCitations(b *testing.B) {
	g := benchGraph(b)
	cg := analysis.CommunityGraph(g, analysis.Weights{Cites: 1}, 0)
	for b.Loop() {
		analysis.Communities(cg, 1, 1)
	}
}
