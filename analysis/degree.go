package analysis

import "github.com/citegraph/citegraph/graph"

// Degrees returns, per node ID, how many works cite the work (in) and how
// many works it cites (out), counting Cites edges of the gonum view: each
// citing–cited pair once, self-citations left out. Cost is O(n).
func Degrees(g *graph.Graph) (in, out []int) {
	n := g.Len()
	in, out = make([]int, n), make([]int, n)
	for id := range n {
		in[id] = len(g.InCites(int64(id)))
		out[id] = len(g.OutCites(int64(id)))
	}
	return in, out
}
