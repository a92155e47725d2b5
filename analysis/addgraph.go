package analysis

import "github.com/citegraph/citegraph/graph"

// AddGraph adds the works of g (the graph of recs; keyed by Key, with
// years, global citation counts and the terms of their text), citations
// (weighted by observations) and other links to b: how citegraph analyse
// and run join the works of pages and exports to the graph of edge lists.
func AddGraph(b *graph.CompactBuilder, g *graph.Graph, recs []graph.Record) {
	_, global := CitationCounts(g, recs)
	terms := WorkTerms(g)
	ids := make([]int32, g.Len())
	for i, w := range g.Works() {
		v := b.Node(w.Key)
		ids[i] = v
		if w.Year != 0 {
			b.SetYear(v, w.Year)
		}
		if global[i] >= 0 {
			b.SetGlobalCitations(v, global[i])
		}
		b.AddTerms(v, terms[i]...)
	}
	for _, e := range g.Edges(graph.Cites) {
		b.Cite(ids[e.F.ID()], ids[e.T.ID()], float64(e.N))
	}
	for _, k := range []graph.EdgeKind{graph.CoCited, graph.Related} {
		for _, e := range g.Edges(k) {
			b.Link(ids[e.F.ID()], ids[e.T.ID()], k, float64(e.N))
		}
	}
}

// Combine is the graph analysed when edge lists are among the inputs: the
// nodes and citations b read from them, with the works of recs, resolved
// with opt, added (AddGraph). g is the records' graph, nil without records;
// c is nil when b has no node at all.
func Combine(b *graph.CompactBuilder, recs []graph.Record, opt graph.BuildOptions) (c *graph.Compact, g *graph.Graph) {
	if len(recs) > 0 {
		g = graph.BuildWith(recs, opt)
		AddGraph(b, g, recs)
	}
	if b.Len() == 0 {
		return nil, g
	}
	return b.Build(), g
}
