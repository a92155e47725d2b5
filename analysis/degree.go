package analysis

import "github.com/citegraph/citegraph/graph"

// Degrees returns, per node ID, how many works cite the work (in) and how
// many works it cites (out), counting citations of the gonum view: each
// citing–cited pair once, self-citations left out. Cost is O(n).
func Degrees(g Citations) (in, out []int) {
	c := compactOf(g)
	n := c.Len()
	in, out = make([]int, n), make([]int, n)
	for v := range int32(n) {
		in[v] = c.In().Degree(v)
		out[v] = c.Out().Degree(v)
	}
	return in, out
}

// CitationCounts returns, per node ID, the local citation count — how many
// works of this graph cite the work — and the global count a citation
// index gives for it, -1 where none is known. Reading the two side by
// side is what a bibliometrician does with a corpus (bibliometrix's "local
// citations" and "global citations"): a work cited often in the index but
// rarely in the corpus is known elsewhere, one cited often here matters to
// this topic.
//
// The global count of a work is the largest cited_by_count of the
// records merged into it (records are matched to works by their IDs,
// Work.Records); when no record gives one, the number of citing
// publications its scite report counts (Tallies.CitingPublications); when
// neither, -1. records may be nil, leaving only the tallies. Cost is
// O(n + m + len(records)).
func CitationCounts(g *graph.Graph, records []graph.Record) (local, global []int) {
	local, _ = Degrees(g)
	byID := make(map[string]int, len(records))
	for _, r := range records {
		if r.CitedByCount != nil && r.ID != "" {
			if x, ok := byID[r.ID]; !ok || *r.CitedByCount > x {
				byID[r.ID] = *r.CitedByCount
			}
		}
	}
	global = make([]int, g.Len())
	for i, w := range g.Works() {
		global[i] = -1
		for _, id := range w.Records {
			if x, ok := byID[id]; ok && x > global[i] {
				global[i] = x
			}
		}
		if global[i] < 0 && w.Tallies != nil && w.Tallies.CitingPublications != nil {
			global[i] = *w.Tallies.CitingPublications
		}
	}
	return local, global
}
