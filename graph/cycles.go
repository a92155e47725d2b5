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
func CitationCycles(g *Graph) ([][]string, error) {
	dg, err := g.Generic()
	if err != nil {
		return nil, err
	}
	sccs, err := dgraph.StronglyConnectedComponents(dg)
	if err != nil {
		return nil, fmt.Errorf("graph: citation cycles: %w", err)
	}
	var out [][]string
	for _, c := range sccs {
		if len(c) > 1 {
			slices.Sort(c)
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b []string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return slices.Compare(a, b)
	})
	return out, nil
}
