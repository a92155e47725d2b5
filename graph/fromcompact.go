package graph

import "math"

// FromCompact returns the graph of c, for the outputs of a citation graph
// read as an edge list: one work per node, with c's node IDs (so results
// computed on c index its works; the works are in c's order, not sorted by
// key), keyed by c.Key, with c's years; c's citations as Cites edges
// (weight N: the citation's weight rounded, at least 1) and its links as
// CoCited and Related edges. When details is not nil and gives a work for
// a key, the node takes that work's description (title, authors …) and
// kind; otherwise it is a KindWork known by its key alone. Self-citations,
// which c leaves out, are not restored. Cost is O(n + m).
func FromCompact(c *Compact, details func(key string) *Work) *Graph {
	n := c.Len()
	g := &Graph{works: make([]*Work, n)}
	for v := range int32(n) {
		key := c.Key(v)
		w := &Work{Key: key, Kind: KindWork}
		if details != nil {
			if d := details(key); d != nil {
				cp := *d
				w = &cp
			}
		}
		if y := c.Year(v); y != 0 && w.Year == 0 {
			w.Year = y
		}
		w.id = int64(v)
		g.works[v] = w
	}
	weight := func(a Adjacency, p int64) int {
		if a.W == nil {
			return 1
		}
		return max(1, int(math.Round(a.W[p])))
	}
	out := c.Out()
	for v := range int32(n) {
		for p := out.Start[v]; p < out.Start[v+1]; p++ {
			g.edges[Cites] = append(g.edges[Cites], &Edge{F: g.works[v], T: g.works[out.Adj[p]], Kind: Cites, N: weight(out, p), Method: "record"})
		}
	}
	links, kinds := c.Links(), c.LinkKinds()
	for v := range int32(n) {
		for p := links.Start[v]; p < links.Start[v+1]; p++ {
			if u := links.Adj[p]; u > v {
				k := kinds[p]
				g.edges[k] = append(g.edges[k], &Edge{F: g.works[v], T: g.works[u], Kind: k, N: weight(links, p)})
			}
		}
	}
	g.report = Report{Records: n, Works: n, Edges: map[string]int{}, LinksByMethod: map[string]int{}}
	for k, es := range g.edges {
		if len(es) > 0 {
			g.report.Edges[EdgeKind(k).String()] = len(es)
		}
	}
	g.indexInOrder()
	return g
}
