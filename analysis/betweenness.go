package analysis

import "github.com/citegraph/citegraph/graph"

// Betweenness returns the betweenness centrality of every work, indexed by
// node ID, over the Cites edges of the gonum view taken as an unweighted
// directed graph:
//
//	C_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st,
//
// where σ_st counts the shortest directed paths from s to t and σ_st(v)
// those through v. Values are not normalised. It is Brandes' algorithm
// (U. Brandes, A faster algorithm for betweenness centrality, J. Math.
// Sociol. 25 (2001) 163–177) with sources taken in ID order and
// neighbours in ID order, so the sums are the same on every run; the
// values agree with gonum's network.Betweenness. Cost is O(n·m) time and
// O(n) memory for n works and m citations.
func Betweenness(g *graph.Graph) []float64 {
	n := g.Len()
	cb := make([]float64, n)
	if n == 0 {
		return cb
	}
	var (
		sigma = make([]float64, n) // shortest paths from s
		dist  = make([]int, n)     // -1 when not reached
		delta = make([]float64, n) // dependency of s on the node
		order = make([]int64, 0, n)
	)
	for i := range dist {
		dist[i] = -1
	}
	for s := range int64(n) {
		// Breadth-first search from s; order holds the nodes by
		// non-decreasing distance and doubles as the queue.
		order = append(order[:0], s)
		sigma[s], dist[s] = 1, 0
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range g.OutCites(v) {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		// Accumulate dependencies from the farthest nodes back. The
		// predecessors of w on shortest paths are the works citing it one
		// step closer to s.
		for i := len(order) - 1; i >= 0; i-- {
			w := order[i]
			for _, v := range g.InCites(w) {
				if dist[v] >= 0 && dist[v] == dist[w]-1 {
					delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
				}
			}
			if w != s {
				cb[w] += delta[w]
			}
		}
		for _, v := range order {
			sigma[v], dist[v], delta[v] = 0, -1, 0
		}
	}
	return cb
}
