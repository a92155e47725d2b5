package graph

import (
	"math"
	"slices"
	"testing"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/testgraph"
	"gonum.org/v1/gonum/graph/topo"
)

// compactBuilder makes a Compact for gonum's testgraph contract tests. The
// Compact numbers its nodes densely, so cases whose node IDs are not
// exactly 0 … n-1 are skipped, and so are self-loops, which the citation
// view leaves out (as simple.DirectedGraph's builder does).
func compactBuilder(nodes []gograph.Node, edges []testgraph.WeightedLine, _, _ float64) (g gograph.Graph, n []gograph.Node, e []testgraph.Edge, s, a float64, ok bool) {
	ids := map[int64]bool{}
	for _, x := range nodes {
		ids[x.ID()] = true
	}
	type pair struct{ f, t int64 }
	seen := map[pair]bool{}
	var from, to []int32
	for _, l := range edges {
		f, t := l.From().ID(), l.To().ID()
		ids[f], ids[t] = true, true
		if f == t || seen[pair{f, t}] {
			continue
		}
		seen[pair{f, t}] = true
		from, to = append(from, int32(f)), append(to, int32(t))
		e = append(e, simple.WeightedEdge{F: simple.Node(f), T: simple.Node(t), W: 1})
	}
	for id := range ids {
		if id < 0 || id >= int64(len(ids)) {
			return nil, nil, nil, math.NaN(), math.NaN(), false
		}
	}
	if len(e) == 0 && len(edges) != 0 {
		return nil, nil, nil, math.NaN(), math.NaN(), false
	}
	for id := range int64(len(ids)) {
		n = append(n, simple.Node(id))
	}
	return NewCompact(len(ids), from, to), n, e, 0, 0, true
}

func TestCompactContract(t *testing.T) {
	t.Run("EdgeExistence", func(t *testing.T) { testgraph.EdgeExistence(t, compactBuilder, true) })
	t.Run("NodeExistence", func(t *testing.T) { testgraph.NodeExistence(t, compactBuilder) })
	t.Run("ReturnAdjacentNodes", func(t *testing.T) { testgraph.ReturnAdjacentNodes(t, compactBuilder, true, true) })
	t.Run("ReturnAllNodes", func(t *testing.T) { testgraph.ReturnAllNodes(t, compactBuilder, true) })
	t.Run("ReturnNodeSlice", func(t *testing.T) { testgraph.ReturnNodeSlice(t, compactBuilder, true) })
	t.Run("Weight", func(t *testing.T) { testgraph.Weight(t, compactBuilder) })
}

func TestNewCompact(t *testing.T) {
	// 0 → 1 twice, 0 → 2, 2 → 2 (self), 3 → 0, 1 → 2: by hand, out-rows
	// 0: [1 2], 1: [2], 2: [], 3: [0]; in-rows 0: [3], 1: [0], 2: [0 1].
	c := NewCompact(4, []int32{0, 0, 0, 2, 3, 1}, []int32{1, 2, 1, 2, 0, 2})
	if c.Len() != 4 || c.Citations() != 4 || c.SelfCitations() != 1 || c.Repeats() != 1 {
		t.Fatalf("len %d, citations %d, self %d, repeats %d; want 4, 4, 1, 1", c.Len(), c.Citations(), c.SelfCitations(), c.Repeats())
	}
	wantOut := [][]int32{{1, 2}, {2}, {}, {0}}
	wantIn := [][]int32{{3}, {0}, {0, 1}, {}}
	for v := range int32(4) {
		if got := c.Out().Row(v); !slices.Equal(got, wantOut[v]) {
			t.Errorf("out %d = %v, want %v", v, got, wantOut[v])
		}
		if got := c.In().Row(v); !slices.Equal(got, wantIn[v]) {
			t.Errorf("in %d = %v, want %v", v, got, wantIn[v])
		}
	}
	if w, ok := c.Weight(0, 1); !ok || w != 2 {
		t.Errorf("weight 0→1 = %v, %v; want 2 (cited twice)", w, ok)
	}
	if w, ok := c.Weight(0, 2); !ok || w != 1 {
		t.Errorf("weight 0→2 = %v, %v; want 1", w, ok)
	}
	if _, ok := c.Weight(1, 0); ok {
		t.Error("weight 1→0 exists")
	}
	if c.HasEdgeFromTo(2, 2) {
		t.Error("self-citation in the gonum view")
	}
	if !c.HasEdgeBetween(1, 0) || c.HasEdgeBetween(1, 3) {
		t.Error("HasEdgeBetween wrong")
	}
	if k, ok := c.Index("3"); !ok || k != 3 || c.Key(3) != "3" {
		t.Errorf("Index(3) = %d, %v", k, ok)
	}
	if _, ok := c.Index("03"); ok {
		t.Error(`Index("03") found a node`)
	}
}

func TestCompactBuilderOrder(t *testing.T) {
	b := NewCompactBuilder()
	// SNAP-style numeric keys come out in numeric order, not lexical.
	for _, e := range [][2]string{{"10", "9"}, {"9", "100"}, {"100", "10"}, {"9", "9"}} {
		b.Cite(b.Node(e[0]), b.Node(e[1]), 1)
	}
	b.SetYear(b.Node("100"), 1999)
	b.AddTerms(b.Node("9"), "neural", "network", "neural")
	c := b.Build()
	if got := []string{c.Key(0), c.Key(1), c.Key(2)}; !slices.Equal(got, []string{"9", "10", "100"}) {
		t.Fatalf("keys %v, want numeric order", got)
	}
	if c.SelfCitations() != 1 || c.Citations() != 3 {
		t.Errorf("self %d citations %d", c.SelfCitations(), c.Citations())
	}
	if !c.HasEdgeFromTo(1, 0) || !c.HasEdgeFromTo(0, 2) || !c.HasEdgeFromTo(2, 1) {
		t.Error("citations renumbered wrongly")
	}
	if c.Year(2) != 1999 || c.Year(0) != 0 {
		t.Errorf("years %d %d", c.Year(2), c.Year(0))
	}
	terms, vocab := c.Terms()
	var got []string
	for _, id := range terms.Row(0) {
		got = append(got, vocab[id])
	}
	if !slices.Equal(got, []string{"neural", "network", "neural"}) || terms.Degree(1) != 0 {
		t.Errorf("terms of 9: %v", got)
	}
	if v, ok := c.Index("100"); !ok || v != 2 {
		t.Errorf("Index(100) = %d %v", v, ok)
	}

	// Any non-numeric key makes the order lexical.
	b = NewCompactBuilder()
	b.Cite(b.Node("b"), b.Node("10"), 1)
	b.Cite(b.Node("9"), b.Node("a"), 1)
	c = b.Build()
	if got := []string{c.Key(0), c.Key(1), c.Key(2), c.Key(3)}; !slices.Equal(got, []string{"10", "9", "a", "b"}) {
		t.Errorf("keys %v, want lexical order", got)
	}
	if v, ok := c.Index("a"); !ok || v != 2 {
		t.Errorf("Index(a) = %d %v", v, ok)
	}
}

// TestGraphCompact checks that the compact form of the seed graph is the
// gonum view of the Graph: same nodes, same citations in both directions,
// and gonum's topological algorithms see the same graph.
func TestGraphCompact(t *testing.T) {
	g := Build(seedRecords(t))
	c := g.Compact()
	if c.Len() != g.Len() {
		t.Fatalf("%d nodes, graph has %d", c.Len(), g.Len())
	}
	if c.SelfCitations() != g.SelfCitations() {
		t.Errorf("self-citations %d, graph %d", c.SelfCitations(), g.SelfCitations())
	}
	m := 0
	for id := range int64(g.Len()) {
		var out, in []int32
		for _, x := range g.OutCites(id) {
			out = append(out, int32(x))
		}
		for _, x := range g.InCites(id) {
			in = append(in, int32(x))
		}
		m += len(out)
		if got := c.Out().Row(int32(id)); !slices.Equal(got, out) && len(got)+len(out) > 0 {
			t.Errorf("out %d = %v, graph %v", id, got, out)
		}
		if got := c.In().Row(int32(id)); !slices.Equal(got, in) && len(got)+len(in) > 0 {
			t.Errorf("in %d = %v, graph %v", id, got, in)
		}
		if c.Key(int32(id)) != g.Works()[id].Key {
			t.Errorf("key %d = %s", id, c.Key(int32(id)))
		}
		if v, ok := c.Index(g.Works()[id].Key); !ok || int64(v) != id {
			t.Errorf("Index(%s) = %d, %v", g.Works()[id].Key, v, ok)
		}
		for _, to := range g.OutCites(id) {
			w1, _ := g.Weight(id, to)
			w2, _ := c.Weight(id, to)
			if w1 != w2 {
				t.Errorf("weight %d→%d = %v, graph %v", id, to, w2, w1)
			}
		}
	}
	if c.Citations() != m {
		t.Errorf("%d citations, graph view has %d", c.Citations(), m)
	}
	links := len(g.Edges(CoCited)) + len(g.Edges(Related))
	if got := len(c.Links().Adj); got != 2*links {
		t.Errorf("%d link entries, want %d (both ends of %d links)", got, 2*links, links)
	}
	sg, sc := topo.TarjanSCC(g), topo.TarjanSCC(c)
	if len(sg) != len(sc) {
		t.Errorf("gonum finds %d strongly connected components in the compact form, %d in the graph", len(sc), len(sg))
	}
}

func BenchmarkNewCompact(b *testing.B) {
	// 1M citations among 100k nodes, drawn by a fixed linear
	// congruential sequence.
	const n, m = 100_000, 1_000_000
	from, to := make([]int32, m), make([]int32, m)
	x := uint64(1)
	for i := range from {
		x = x*6364136223846793005 + 1442695040888963407
		from[i] = int32((x >> 33) % n)
		x = x*6364136223846793005 + 1442695040888963407
		to[i] = int32((x >> 33) % n)
	}
	for b.Loop() {
		NewCompact(n, from, to)
	}
}
