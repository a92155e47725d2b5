package analysis

import (
	"fmt"
	"math"

	"github.com/citegraph/citegraph/graph"
)

// maxPageRankIterations bounds the power iteration of PageRank.
const maxPageRankIterations = 1000

// PageRank returns the PageRank of every work, indexed by node ID, over the
// citations (unweighted: a work citing another twice counts once;
// self-citations left out). The ranks sum to 1.
//
// It runs the power iteration from the uniform vector,
//
//	r'(v) = (1-d)/n + d·( Σ_{u cites v} r(u)/out(u) + Σ_{u dangling} r(u)/n ),
//
// where a dangling work (one that cites nothing) spreads its rank evenly
// over all works, and stops when the L1 change of an iteration falls below
// tol or after 1000 iterations. This is the model of gonum's
// network.PageRank on an unweighted graph (gonum weights edges by N when
// given a *graph.Graph, and starts from a random vector), of igraph's
// pagerank and of networkx's. Each iteration costs O(n + m) for n works and
// m citations, spread over GOMAXPROCS goroutines; the result does not
// depend on their number.
//
// An empty graph gives an empty slice. PageRank panics if damping is
// outside [0, 1].
func PageRank(g Citations, damping, tol float64) []float64 {
	return pageRank(compactOf(g), damping, tol, nil)
}

// PersonalisedPageRank is PageRank with teleportation to the works of
// personal instead of all works: with probability 1-d the surfer jumps to
// work v with probability personal[v]/Σ personal, and a dangling work
// spreads its rank the same way (networkx's default for a personalised
// PageRank). personal is indexed by node ID; seeding it with a handful of
// works ranks the graph by closeness to them. It panics if personal has
// the wrong length, a negative or NaN entry or sums to zero, or if damping
// is outside [0, 1].
func PersonalisedPageRank(g Citations, damping, tol float64, personal []float64) []float64 {
	c := compactOf(g)
	if len(personal) != c.Len() {
		panic(fmt.Sprintf("analysis: PersonalisedPageRank: %d weights for %d works", len(personal), c.Len()))
	}
	var sum float64
	for _, x := range personal {
		if x < 0 || math.IsNaN(x) {
			panic(fmt.Sprintf("analysis: PersonalisedPageRank: weight %v", x))
		}
		sum += x
	}
	if sum == 0 && c.Len() > 0 {
		panic("analysis: PersonalisedPageRank: weights sum to 0")
	}
	p := make([]float64, len(personal))
	for i, x := range personal {
		p[i] = x / sum
	}
	return pageRank(c, damping, tol, p)
}

// pageRank is the power iteration; personal nil means uniform.
func pageRank(c *graph.Compact, damping, tol float64, personal []float64) []float64 {
	if damping < 0 || damping > 1 || math.IsNaN(damping) {
		panic(fmt.Sprintf("analysis: PageRank damping %v outside [0, 1]", damping))
	}
	n := c.Len()
	rank := make([]float64, n)
	if n == 0 {
		return rank
	}
	out, in := c.Out(), c.In()
	inv := make([]float64, n) // 1/out(u), 0 for dangling works
	for u := range n {
		if d := out.Degree(int32(u)); d > 0 {
			inv[u] = 1 / float64(d)
		}
	}
	uniform := 1 / float64(n)
	for i := range rank {
		rank[i] = uniform
	}
	next := make([]float64, n)
	contrib := make([]float64, n)
	nb := nblocks(n)
	dang := make([]float64, nb)
	change := make([]float64, nb)
	for range maxPageRankIterations {
		forBlocks(n, func(b, lo, hi int) {
			var d float64
			for u := lo; u < hi; u++ {
				contrib[u] = rank[u] * inv[u]
				if inv[u] == 0 {
					d += rank[u]
				}
			}
			dang[b] = d
		})
		var dangling float64
		for _, d := range dang {
			dangling += d
		}
		jump := 1 - damping + damping*dangling // mass that teleports
		forBlocks(n, func(b, lo, hi int) {
			var ch float64
			for v := lo; v < hi; v++ {
				var s float64
				for _, u := range in.Adj[in.Start[v]:in.Start[v+1]] {
					s += contrib[u]
				}
				t := uniform
				if personal != nil {
					t = personal[v]
				}
				x := jump*t + damping*s
				next[v] = x
				ch += math.Abs(x - rank[v])
			}
			change[b] = ch
		})
		rank, next = next, rank
		var total float64
		for _, ch := range change {
			total += ch
		}
		if total < tol {
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
