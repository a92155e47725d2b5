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
// The ranks are the solution of
//
//	r(v) = (1-d)/n + d·( Σ_{u cites v} r(u)/out(u) + Σ_{u dangling} r(u)/n ),
//
// where a dangling work (one that cites nothing) spreads its rank evenly
// over all works. This is the model of gonum's network.PageRank on an
// unweighted graph (gonum weights edges by N when given a *graph.Graph,
// and starts from a random vector), of igraph's pagerank (PRPACK) and of
// networkx's. Teleportation and dangling mass go to the same vector, so r
// is proportional to the solution x of the linear system
// x = 1/n + d·Pᵀx (P the citations, each row over out(u)), as PRPACK
// uses (D. F. Gleich et al., PRPACK); PageRank solves it by Gauss–Seidel
// over the strongly connected components in topological order (citing
// before cited; R. Tarjan's algorithm, without recursion): a work outside
// every citation cycle is solved exactly in one step from the works citing
// it, and each cycle is swept until the L1 change of a sweep over its k
// works falls below tol·k/n. A citation graph is nearly acyclic, so the
// whole solve is about one pass over the citations. The result is then
// scaled to sum 1. When every citation runs from a higher node ID to a
// lower one (or every one from lower to higher), the ID order is the
// topological order and the components are not computed.
//
// Cost is O(n + m) time for n works and m citations plus the sweeps of
// the cycles, and 24 bytes per work; it runs on one goroutine and its
// result is a function of the graph, damping and tol. An empty graph gives
// an empty slice. PageRank panics if damping is outside [0, 1].
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

// pageRank solves PageRank's linear system component by component;
// personal nil means uniform.
func pageRank(c *graph.Compact, damping, tol float64, personal []float64) []float64 {
	if damping < 0 || damping > 1 || math.IsNaN(damping) {
		panic(fmt.Sprintf("analysis: PageRank damping %v outside [0, 1]", damping))
	}
	n := c.Len()
	x := make([]float64, n)
	if n == 0 {
		return x
	}
	out, in := c.Out(), c.In()
	uniform := 1 / float64(n)
	tele := func(v int32) float64 {
		if personal != nil {
			return personal[v]
		}
		return uniform
	}
	// y[u] = x[u]/out(u), 0 for a dangling work: what u gives each work
	// it cites.
	y := make([]float64, n)
	solve := func(v int32) float64 {
		var s float64
		for _, u := range in.Adj[in.Start[v]:in.Start[v+1]] {
			s += y[u]
		}
		xv := tele(v) + damping*s
		x[v] = xv
		if d := out.Start[v+1] - out.Start[v]; d > 0 {
			y[v] = xv / float64(d)
		}
		return xv
	}
	order, comps := citingFirst(out, in)
	for i := 0; i+1 < len(comps); i++ {
		comp := order[comps[i]:comps[i+1]]
		if len(comp) == 1 {
			solve(comp[0])
			continue
		}
		limit := tol * float64(len(comp)) / float64(n)
		for range maxPageRankIterations {
			var ch float64
			for _, v := range comp {
				old := x[v]
				ch += math.Abs(solve(v) - old)
			}
			if ch < limit {
				break
			}
		}
	}
	var sum float64
	for _, r := range x {
		sum += r
	}
	for i := range x {
		x[i] /= sum
	}
	return x
}

// citingFirst returns the nodes grouped into strongly connected
// components of the citations, in an order where every citation u → v
// between two components has u's component first, and the start of each
// component in order (with len(order) last). When the node IDs already
// give such an order, every component is one node.
func citingFirst(out, in graph.Adjacency) (order, comps []int32) {
	n := int32(len(out.Start) - 1)
	down, up := true, true // every citation to a lower ID; to a higher one
	for v := range n {
		if a, b := out.Start[v], out.Start[v+1]; a < b {
			down = down && out.Adj[b-1] < v // rows are sorted
			up = up && out.Adj[a] > v
		}
	}
	if down || up {
		order = make([]int32, n)
		comps = make([]int32, n+1)
		for i := range n {
			order[i] = i
			if down {
				order[i] = n - 1 - i
			}
			comps[i] = i
		}
		comps[n] = n
		return order, comps
	}
	// Tarjan on the reversed citations emits a component after every
	// component that reaches it there, i.e. after all that cite it.
	return tarjan(in)
}

// tarjan returns the strongly connected components of the adjacency in
// the order Tarjan's algorithm completes them (each after every
// component reachable from it), as citingFirst describes, without
// recursion. O(n + m) time, 16 bytes per node.
func tarjan(a graph.Adjacency) (order, comps []int32) {
	n := int32(len(a.Start) - 1)
	index := make([]int32, n) // 0: not visited; else visit number
	low := make([]int32, n)
	next := make([]int64, n) // next row position to look at, while on the call stack
	stack := make([]int32, 0, 64)
	call := make([]int32, 0, 64)
	order = make([]int32, 0, n)
	comps = make([]int32, 0, n+1)
	onStack := func(v int32) bool { return index[v] > 0 && low[v] >= 0 }
	counter := int32(0)
	for root := range n {
		if index[root] != 0 {
			continue
		}
		counter++
		index[root], low[root], next[root] = counter, counter, a.Start[root]
		stack = append(stack, root)
		call = append(call, root)
		for len(call) > 0 {
			v := call[len(call)-1]
			if p := next[v]; p < a.Start[v+1] {
				next[v]++
				w := a.Adj[p]
				if index[w] == 0 {
					counter++
					index[w], low[w], next[w] = counter, counter, a.Start[w]
					stack = append(stack, w)
					call = append(call, w)
				} else if onStack(w) {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1]
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				comps = append(comps, int32(len(order)))
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					low[w] = -1 // done: off the stack
					order = append(order, w)
					if w == v {
						break
					}
				}
			}
		}
	}
	return order, append(comps, int32(len(order)))
}
