package graph

import (
	"fmt"
	"slices"

	dgraph "github.com/dominikbraun/graph"
)

// Generic returns the works and their citations as a graph of
// github.com/dominikbraun/graph, for its general algorithms (paths,
// components, topological order, transitive reduction): vertices are the
// works keyed by Key, edges the Cites edges weighted by how many times the
// citation was seen. It is built anew on every call; the analysis does not
// use it (its algorithms run on Compact).
func (g *Graph) Generic() (dgraph.Graph[string, *Work], error) {
	dg := dgraph.New(func(w *Work) string { return w.Key }, dgraph.Directed(), dgraph.Weighted())
	for _, w := range g.works {
		if err := dg.AddVertex(w); err != nil {
			return nil, fmt.Errorf("graph: work %s: %w", w.Key, err)
		}
	}
	for _, e := range g.Edges(Cites) {
		if e.F.Key == e.T.Key {
			continue // self-citations are not edges of the graph
		}
		if err := dg.AddEdge(e.F.Key, e.T.Key, dgraph.EdgeWeight(e.N)); err != nil {
			return nil, fmt.Errorf("graph: citation %s -> %s: %w", e.F.Key, e.T.Key, err)
		}
	}
	return dg, nil
}

// CitationCycles returns the groups of works that cite one another in a
// cycle, each sorted by key, largest group first. Citations run back in
// time, so a cycle is worth a reviewer's look: two works merged that are
// not one (a preprint and a reply, two editions), a reference matched to
// the wrong work, or papers of one issue citing each other. None is an
// error; the caller reports them.
//
// It runs Tarjan's algorithm, without recursion, on the graph's own
// adjacency in time and memory linear in its size (run and ingest call it
// on every corpus): for 100,000 works citing 10 each it takes 0.14 s and
// 21 MB, where dominikbraun's StronglyConnectedComponents on Generic took
// 5.9 s and 1.2 GB (BenchmarkCitationCycles). TestCitationCyclesAgree
// checks both give the same components.
func CitationCycles(g *Graph) [][]string {
	n := g.Len()
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = unvisited
	}
	var stack []int32 // Tarjan's stack of works
	type frame struct {
		v    int32
		next int // the next citation of v to follow
	}
	var calls []frame // the depth-first search, in place of recursion
	var out [][]string
	counter := int32(0)
	for root := range n {
		if index[root] != unvisited {
			continue
		}
		calls = append(calls[:0], frame{v: int32(root)})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			cites := g.out[f.v]
			if f.next < len(cites) {
				w := int32(cites[f.next])
				f.next++
				switch {
				case index[w] == unvisited:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{v: w})
				case onStack[w]:
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				p := calls[len(calls)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			// v roots a component: pop it.
			var comp []string
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, g.works[w].Key)
				if w == v {
					break
				}
			}
			if len(comp) > 1 {
				slices.Sort(comp)
				out = append(out, comp)
			}
		}
	}
	slices.SortFunc(out, func(a, b []string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return slices.Compare(a, b)
	})
	return out
}
