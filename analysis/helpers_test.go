package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	gograph "gonum.org/v1/gonum/graph"

	"github.com/citegraph/citegraph/graph"
)

// doi returns the DOI of work i of a test graph; zero padding keeps node ID
// i equal to i, since IDs follow the order of keys ("doi:10.1000/00003").
func doi(i int) string { return fmt.Sprintf("10.1000/%05d", i) }

// citeGraph builds, through graph.Build, a graph of n works in which work
// a cites work b for each {a, b} in edges. Node ID i is work i.
func citeGraph(t testing.TB, n int, edges [][2]int) *graph.Graph {
	t.Helper()
	recs := make([]graph.Record, n)
	for i := range recs {
		recs[i] = graph.Record{DOI: doi(i), Title: fmt.Sprintf("Work %d", i)}
	}
	for _, e := range edges {
		recs[e[0]].References = append(recs[e[0]].References, graph.Reference{DOI: doi(e[1])})
	}
	g := graph.Build(recs)
	if g.Len() != n {
		t.Fatalf("graph has %d works, want %d", g.Len(), n)
	}
	for i, w := range g.Works() {
		if w.DOI != doi(i) {
			t.Fatalf("work %d has DOI %s, want %s", i, w.DOI, doi(i))
		}
	}
	return g
}

// randomEdges returns m distinct citations among n works, without
// self-citations, drawn from a PCG seeded with seed.
func randomEdges(n, m int, seed uint64) [][2]int {
	r := rand.New(rand.NewPCG(seed, 1))
	seen := map[[2]int]bool{}
	var edges [][2]int
	for len(edges) < m {
		e := [2]int{r.IntN(n), r.IntN(n)}
		if e[0] == e[1] || seen[e] {
			continue
		}
		seen[e] = true
		edges = append(edges, e)
	}
	return edges
}

// unweighted hides the Weight methods of *graph.Graph from gonum, so that
// gonum's PageRank runs on the unweighted citation graph as ours does.
type unweighted struct{ gograph.Directed }

func near(a, b, tol float64) bool {
	d := a - b
	return d <= tol && -d <= tol
}
