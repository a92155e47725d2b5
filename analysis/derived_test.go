package analysis_test

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// TestBoundNetwork: the bounds keep the items of greatest total strength
// and the strongest links. A star of analysis.NetworkItems+1 leaves with link
// weights 1 … analysis.NetworkItems+1 around a centre: the centre and the
// analysis.NetworkItems−1 strongest leaves stay.
func TestBoundNetwork(t *testing.T) {
	n := analysis.NetworkItems + 2
	nw := analysis.Network{Start: make([]int64, n+1)}
	for v := range n {
		if v == 0 {
			for u := 1; u < n; u++ {
				nw.Adj = append(nw.Adj, int32(u))
				nw.W = append(nw.W, float64(u))
			}
		} else {
			nw.Adj = append(nw.Adj, 0)
			nw.W = append(nw.W, float64(v))
		}
		nw.Start[v+1] = int64(len(nw.Adj))
	}
	nodes, links := analysis.BoundNetwork(nw, nil, analysis.NetworkItems, analysis.NetworkLinks)
	if len(nodes) != analysis.NetworkItems || nodes[0] != 0 || nodes[1] != 3 || nodes[len(nodes)-1] != int32(n-1) {
		t.Fatalf("%d nodes, from %v", len(nodes), nodes[:3])
	}
	if len(links) != analysis.NetworkItems-1 || links[0].Strength != 3 {
		t.Errorf("%d links, first %v", len(links), links[0])
	}
}

// TestWorkNetworkBound: on a grown corpus of 400 works, more than 100
// take part in each network, and with bounds of 100 items and 500 links
// the co-citation and
// coupling networks written from the chosen works alone equal those of
// the whole network bounded afterwards (BoundNetwork of analysis.CoCitation
// and analysis.Coupling of the full graph).
func TestWorkNetworkBound(t *testing.T) {
	g := grownRecords(400)
	const maxItems, maxLinks = 100, 500
	c := g.Compact()
	works := g.Works()
	keep := func(v int32) bool { return works[v].Key != "doi:10.5555/g7" } // one work hidden
	for _, coupling := range []bool{false, true} {
		full := analysis.CoCitation(c)
		if coupling {
			full = analysis.Coupling(c)
		}
		wantNodes, wantLinks := analysis.BoundNetwork(full, keep, maxItems, maxLinks)
		ids, nw := analysis.WorkNetwork(c, keep, coupling, maxItems)
		nodes, links := analysis.BoundNetwork(nw, nil, maxItems, maxLinks)
		if len(wantNodes) != maxItems || len(wantLinks) != maxLinks {
			t.Fatalf("coupling %v: %d items, %d links in the full network, want the bounds", coupling, len(wantNodes), len(wantLinks))
		}
		got := make([]int32, len(nodes))
		for i, v := range nodes {
			got[i] = ids[v]
		}
		if !slices.Equal(got, wantNodes) {
			t.Errorf("coupling %v: %d items, want %d; differ", coupling, len(got), len(wantNodes))
		}
		if !slices.Equal(links, wantLinks) {
			t.Errorf("coupling %v: %d links, want %d; differ", coupling, len(links), len(wantLinks))
		}
	}
}

// grownRecords is a synthetic corpus of papers works grown by
// analysis.GrowCitations (10 references each), paper i published in 1990 +
// i/1000, written by three of 5,000 authors and titled with three of 400
// words, all drawn from a fixed PCG.
func grownRecords(papers int) *graph.Graph {
	c := analysis.GrowCitations(papers, 10, 1)
	rng := rand.New(rand.NewPCG(1, 2))
	recs := make([]graph.Record, papers)
	for i := range recs {
		r := &recs[i]
		r.DOI = "10.5555/g" + strconv.Itoa(i)
		r.Year = 1990 + i/1000
		for range 3 {
			r.Authors = append(r.Authors, graph.Author{Family: "Author" + strconv.Itoa(rng.IntN(5000)), Given: "A"})
			r.Title += "word" + strconv.Itoa(rng.IntN(400)) + " "
		}
		for _, v := range c.Out().Row(int32(i)) {
			r.References = append(r.References, graph.Reference{DOI: "10.5555/g" + strconv.Itoa(int(v))})
		}
	}
	return graph.Build(recs)
}
