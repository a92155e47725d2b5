package analysis

import (
	"math"

	"github.com/citegraph/citegraph/graph"
)

// maxHITSIterations bounds the power iteration of HITS.
const maxHITSIterations = 10000

// HITS returns Kleinberg's hub and authority scores of every work, indexed
// by node ID, over the citations (unweighted, self-citations left out): a
// good authority is cited by good hubs, a good hub cites good authorities
// (J. M. Kleinberg, Authoritative sources in a hyperlinked environment,
// J. ACM 46 (1999) 604–632, doi:10.1145/324133.324140). In a citation
// graph authorities are the works a field builds on and hubs are its
// reviews.
//
// It iterates a ← Aᵀh, h ← A a from uniform vectors, each scaled to sum 1,
// until the L1 change of both falls below tol (0: 1e-12) or after 10,000
// iterations; the scores sum to 1 each. igraph (hub_score,
// authority_score) scales them to a maximum of 1 and networkx (hits) to a
// sum of 1; the vectors are the same up to that factor where the leading
// eigenvalue of AᵀA is simple. Works outside the part of the graph that
// carries the leading eigenvector score 0. Each iteration costs O(n + m),
// spread over GOMAXPROCS goroutines; the result does not depend on their
// number.
func HITS(g Citations, tol float64) (hub, authority []float64) {
	if tol <= 0 {
		tol = DefaultTolerance
	}
	c := compactOf(g)
	n := c.Len()
	hub, authority = make([]float64, n), make([]float64, n)
	if n == 0 || c.Citations() == 0 {
		return hub, authority
	}
	for i := range hub {
		hub[i] = 1 / float64(n)
		authority[i] = 1 / float64(n)
	}
	h2, a2 := make([]float64, n), make([]float64, n)
	nb := nblocks(n)
	sums := make([]float64, nb)
	step := func(dst, src []float64, adj graph.Adjacency) {
		forBlocks(n, func(b, lo, hi int) {
			var t float64
			for v := lo; v < hi; v++ {
				var s float64
				for _, u := range adj.Adj[adj.Start[v]:adj.Start[v+1]] {
					s += src[u]
				}
				dst[v] = s
				t += s
			}
			sums[b] = t
		})
		var total float64
		for _, t := range sums {
			total += t
		}
		if total > 0 {
			forBlocks(n, func(_, lo, hi int) {
				for v := lo; v < hi; v++ {
					dst[v] /= total
				}
			})
		}
	}
	for range maxHITSIterations {
		step(a2, hub, c.In())
		step(h2, a2, c.Out())
		var ch float64
		for i := range hub {
			ch += math.Abs(h2[i]-hub[i]) + math.Abs(a2[i]-authority[i])
		}
		hub, h2 = h2, hub
		authority, a2 = a2, authority
		if ch < tol {
			break
		}
	}
	return hub, authority
}
