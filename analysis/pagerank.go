package analysis

import (
	"fmt"
	"math"

	"github.com/citegraph/citegraph/graph"
)

// maxPageRankIterations bounds the power iteration of PageRank.
const maxPageRankIterations = 1000

// PageRank returns the PageRank of every work, indexed by node ID, over the
// Cites edges of the gonum view (unweighted: a work citing another twice
// counts once; self-citations left out). The ranks sum to 1.
//
// It runs the power iteration from the uniform vector,
//
//	r'(v) = (1-d)/n + d·( Σ_{u cites v} r(u)/out(u) + Σ_{u dangling} r(u)/n ),
//
// where a dangling work (one that cites nothing) spreads its rank evenly
// over all works, and stops when the L1 change of an iteration falls below
// tol or after 1000 iterations. This is the model of gonum's
// network.PageRank on an unweighted graph (gonum weights edges by N when
// given a *graph.Graph, and starts from a random vector). Each iteration
// costs O(n + m) for n works and m citations.
//
// An empty graph gives an empty slice. PageRank panics if damping is
// outside [0, 1].
func PageRank(g *graph.Graph, damping, tol float64) []float64 {
	if damping < 0 || damping > 1 || math.IsNaN(damping) {
		panic(fmt.Sprintf("analysis: PageRank damping %v outside [0, 1]", damping))
	}
	n := g.Len()
	rank := make([]float64, n)
	if n == 0 {
		return rank
	}
	out := make([]float64, n)
	for id := range n {
		out[id] = float64(len(g.OutCites(int64(id))))
	}
	next := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for range maxPageRankIterations {
		var dangling float64
		for id, k := range out {
			if k == 0 {
				dangling += rank[id]
			}
		}
		base := (1-damping)/float64(n) + damping*dangling/float64(n)
		var change float64
		for v := range n {
			var s float64
			for _, u := range g.InCites(int64(v)) {
				s += rank[u] / out[u]
			}
			next[v] = base + damping*s
			change += math.Abs(next[v] - rank[v])
		}
		rank, next = next, rank
		if change < tol {
			break
		}
	}
	var sum float64
	for _, r := range rank {
		sum += r
	}
	for i := range rank {
		rank[i] /= sum
	}
	return rank
}
