package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/citegraph/citegraph/graph"
)

// betweennessParts is the number of fixed parts the sources of Brandes'
// algorithm are dealt into (source s to part s mod betweennessParts). Each
// part sums its sources' dependencies in source order into its own array
// and the parts are added in order, so the result does not depend on
// GOMAXPROCS or scheduling; it also bounds the parallelism.
const betweennessParts = 16

// Betweenness returns the betweenness centrality of every work, indexed by
// node ID, over the citations taken as an unweighted directed graph:
//
//	C_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st,
//
// where σ_st counts the shortest directed paths from s to t and σ_st(v)
// those through v. Values are not normalised (divide by (n-1)(n-2) for
// igraph's and networkx's normalised figure). It is Brandes' algorithm
// (U. Brandes, A faster algorithm for betweenness centrality, J. Math.
// Sociol. 25 (2001) 163–177) over the compressed rows, one breadth-first
// search per source, sources spread over GOMAXPROCS goroutines; the values
// agree with gonum's network.Betweenness, igraph's betweenness and
// networkx's betweenness_centrality(normalized=False). Cost is O(n·m) time
// and O(n) memory per goroutine, plus 16·n floats for the partial sums.
func Betweenness(g Citations) []float64 {
	c := compactOf(g)
	n := c.Len()
	sources := make([]int32, 0, n)
	for s := range int32(n) {
		if c.Out().Degree(s) > 0 { // a work citing nothing is no one's path
			sources = append(sources, s)
		}
	}
	return brandes(c, sources, 1)
}

// SampledBetweenness estimates Betweenness from k sources drawn uniformly
// without replacement by a PCG generator seeded with seed: each work's
// dependencies on the sampled sources, scaled by n/k. k ≥ n gives the
// exact values.
//
// The error is bounded by Hoeffding's inequality, which holds for sampling
// without replacement (W. Hoeffding, J. Amer. Statist. Assoc. 58 (1963)
// 13–30, §6): a source contributes between 0 and n-2 to a work, so with
// probability at least 1-δ every work's estimate is within
//
//	ε·n·(n-2),  ε = sqrt( ln(2n/δ) / (2k) ),
//
// of its exact betweenness, all works at once (a union bound over n). The
// bound is returned for δ = 0.05 as an absolute figure; it is loose
// (real errors are far smaller, because few sources come near n-2) but it
// is a guarantee. Cost is O(k·m). It panics if k < 1.
func SampledBetweenness(g Citations, k int, seed int64) (cb []float64, bound float64) {
	if k < 1 {
		panic(fmt.Sprintf("analysis: SampledBetweenness: %d sources", k))
	}
	c := compactOf(g)
	n := c.Len()
	if k >= n {
		return Betweenness(c), 0
	}
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	src := rand.NewPCG(uint64(seed), 0)
	for i := range k {
		j := i + int(uniform(src, uint64(n-i)))
		perm[i], perm[j] = perm[j], perm[i]
	}
	sources := perm[:k]
	cb = brandes(c, sources, float64(n)/float64(k))
	return cb, BetweennessBound(n, k, 0.05)
}

// BetweennessBound returns the error bound of SampledBetweenness for n
// works, k sampled sources and failure probability delta: ε·n·(n-2) with
// ε = sqrt(ln(2n/δ)/(2k)).
func BetweennessBound(n, k int, delta float64) float64 {
	if k >= n || n < 3 {
		return 0
	}
	eps := math.Sqrt(math.Log(2*float64(n)/delta) / (2 * float64(k)))
	return eps * float64(n) * float64(n-2)
}

// brandes sums the dependencies of every work on the given sources, times
// scale.
func brandes(c *graph.Compact, sources []int32, scale float64) []float64 {
	n := c.Len()
	cb := make([]float64, n)
	if n == 0 || len(sources) == 0 {
		return cb
	}
	parts := min(betweennessParts, len(sources))
	acc := make([][]float64, parts)
	parallel(parts, func(p int) {
		a := make([]float64, n)
		st := newBrandesState(n)
		for i := p; i < len(sources); i += parts {
			st.accumulate(c.Out(), sources[i], a)
		}
		acc[p] = a
	})
	for _, a := range acc {
		for v, x := range a {
			cb[v] += x
		}
	}
	if scale != 1 {
		for v := range cb {
			cb[v] *= scale
		}
	}
	return cb
}

// brandesState is one goroutine's working memory for single-source
// dependencies. The per-node fields sit together so that the searches
// touch one cache line per node.
type brandesState struct {
	node  []brandesNode
	order []int32 // reached nodes by distance; the BFS queue
}

type brandesNode struct {
	sigma float64 // shortest paths from the source
	coef  float64 // (1 + δ(w)) / σ(w) once w is done
	dist  int32   // -1 when not reached
}

func newBrandesState(n int) *brandesState {
	st := &brandesState{node: make([]brandesNode, n), order: make([]int32, 0, n)}
	for i := range st.node {
		st.node[i].dist = -1
	}
	return st
}

// accumulate adds to acc the dependency δ_s(v) of source s on every v ≠ s:
// a breadth-first search counting shortest paths, then, from the farthest
// nodes back, δ(v) = σ(v) Σ_{w: v→w, d(w)=d(v)+1} (1 + δ(w))/σ(w), which
// reads the successors' rows (the same rows the search read) rather than
// the predecessors'.
func (st *brandesState) accumulate(out graph.Adjacency, s int32, acc []float64) {
	nd := st.node
	order := append(st.order[:0], s)
	nd[s].dist, nd[s].sigma = 0, 1
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv := nd[v].dist + 1
		sv := nd[v].sigma
		for _, w := range out.Adj[out.Start[v]:out.Start[v+1]] {
			x := &nd[w]
			if x.dist < 0 {
				x.dist = dv
				x.sigma = sv
				order = append(order, w)
			} else if x.dist == dv {
				x.sigma += sv
			}
		}
	}
	for i := len(order) - 1; i > 0; i-- {
		v := order[i]
		dv := nd[v].dist + 1
		var sum float64
		for _, w := range out.Adj[out.Start[v]:out.Start[v+1]] {
			if x := &nd[w]; x.dist == dv {
				sum += x.coef
			}
		}
		delta := nd[v].sigma * sum
		acc[v] += delta
		nd[v].coef = (1 + delta) / nd[v].sigma
	}
	for _, v := range order {
		nd[v] = brandesNode{dist: -1}
	}
	st.order = order
}
