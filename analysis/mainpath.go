package analysis

import (
	"cmp"
	"math"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// SPC returns the search path count of every citation (N. P. Hummon and
// P. Doreian, Connectivity in a citation network: the development of DNA
// theory, Soc. Networks 11 (1989) 39–63; V. Batagelj, Efficient algorithms
// for citation network analysis, arXiv:cs/0309023): the number of paths
// from a work nobody in the graph cites to a work that cites nothing in
// it that run through the citation, N⁻(u)·N⁺(v) for u citing v, where N⁻
// counts the paths into u and N⁺ those out of v. The counts outgrow any
// float on large graphs, so they are returned as natural logarithms,
// indexed like c.Out().Adj; −Inf marks a citation on no such path.
//
// Paths need an acyclic graph, and real citation graphs have cycles (two
// works citing each other, a preprint citing its own later version). A
// citation from a work to a later one (both years known) is left out
// first; the cycles left are broken by leaving out the back edges of a
// depth-first search that takes works and their citations in ID order
// (each cycle loses at least one citation, usually one). Left-out
// citations get −Inf and their number is returned. Cost is O(n + m).
func SPC(g Citations) (logSPC []float64, cyclic int) {
	c := compactOf(g)
	n := c.Len()
	out, in := c.Out(), c.In()
	drop := backEdges(c)
	// keepUV reports whether u citing v counts (is not dropped).
	keepUV := func(u, v int32) bool {
		row := out.Row(u)
		i, _ := slices.BinarySearch(row, v)
		return !drop[out.Start[u]+int64(i)]
	}
	for _, d := range drop {
		if d {
			cyclic++
		}
	}
	order := topoOrder(c, func(p int64) bool { return !drop[p] })
	// log N⁻ forwards, log N⁺ backwards.
	lin := make([]float64, n)
	lout := make([]float64, n)
	for _, v := range order {
		lin[v] = logSumKept(in.Row(v), lin, func(u int32) bool { return keepUV(u, v) })
	}
	for i := len(order) - 1; i >= 0; i-- {
		u := order[i]
		lout[u] = logSumKept(out.Row(u), lout, func(v int32) bool { return keepUV(u, v) })
	}
	logSPC = make([]float64, len(out.Adj))
	for u := range int32(n) {
		for p := out.Start[u]; p < out.Start[u+1]; p++ {
			v := out.Adj[p]
			if keepUV(u, v) {
				logSPC[p] = lin[u] + lout[v]
			} else {
				logSPC[p] = math.Inf(-1)
			}
		}
	}
	return logSPC, cyclic
}

// logSumKept is log Σ exp(l[x]) over the xs that keep admits: the log of
// a node's path count from its kept neighbours'; 0 (one path) when none
// is kept.
func logSumKept(xs []int32, l []float64, keep func(int32) bool) float64 {
	acc, kept := math.Inf(-1), false
	for _, x := range xs {
		if keep(x) {
			acc, kept = logAdd(acc, l[x]), true
		}
	}
	if !kept {
		return 0
	}
	return acc
}

// logAdd returns ln(e^a + e^b).
func logAdd(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if math.IsInf(b, -1) {
		return a
	}
	if a < b {
		a, b = b, a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// spcTie is how close two log SPC values must be to count as equal.
const spcTie = 1e-9

// MainPath returns the main path of the citation graph by local forward
// search over SPC weights (J. S. Liu and L. Y. Y. Lu, An integrated
// approach for main path analysis, JASIST 63 (2012) 528–542): it starts at
// the citation of greatest SPC among those to a work that cites nothing in
// the graph (the start of the field's knowledge flow) and, from each
// citing work reached, follows the citation to it of greatest SPC, until
// it reaches a work nobody cites.
//
// Ties are broken, not followed, so that the result is one path from old
// to new works and never a star (a thousand works citing one classic once
// each all tie): among citations of equal SPC the one whose citing work
// starts the longest chain of citations still ahead wins (the path that
// carries the flow furthest), then the one whose cited work is older (at
// the start), then the one whose citing work is older (the smallest step
// forward in time; an unknown year counts as newest), then the lower node
// ID. The path marks at most one citation per work on it.
// The result is the set of citations on the path as (citing, cited) node
// ID pairs, sorted: the edges a historiograph highlights. A graph without
// citations outside cycles gives an empty slice. Cost is that of SPC.
func MainPath(g Citations) [][2]int64 {
	c := compactOf(g)
	logSPC, _ := SPC(c)
	return mainPath(c, logSPC)
}

func mainPath(c *graph.Compact, logSPC []float64) [][2]int64 {
	n := c.Len()
	out, in := c.Out(), c.In()
	// spcOf returns the log SPC of u citing v.
	spcOf := func(u, v int32) float64 {
		row := out.Row(u)
		i, _ := slices.BinarySearch(row, v)
		return logSPC[out.Start[u]+int64(i)]
	}
	// year orders works by year, an unknown year last.
	year := func(v int32) int {
		if y := c.Year(v); y != 0 {
			return y
		}
		return math.MaxInt
	}
	ahead := chainsAhead(c, logSPC)
	// better reports whether citation a (citing a[0], cited a[1]) of log
	// SPC sa beats b of sb under the rules of MainPath.
	better := func(sa float64, a [2]int32, sb float64, b [2]int32) bool {
		if sa > sb+spcTie || sb > sa+spcTie {
			return sa > sb
		}
		if ha, hb := ahead[a[0]], ahead[b[0]]; ha != hb {
			return ha > hb
		}
		for _, v := range [...][2]int32{{a[1], b[1]}, {a[0], b[0]}} {
			if ya, yb := year(v[0]), year(v[1]); ya != yb {
				return ya < yb
			}
		}
		if a[1] != b[1] {
			return a[1] < b[1]
		}
		return a[0] < b[0]
	}
	// The start: the best citation to a work citing nothing outside
	// cycles.
	none := [2]int32{-1, -1}
	start, best := none, math.Inf(-1)
	for v := range int32(n) {
		origin := true
		for p := out.Start[v]; p < out.Start[v+1]; p++ {
			if !math.IsInf(logSPC[p], -1) {
				origin = false
				break
			}
		}
		if !origin {
			continue
		}
		for _, u := range in.Row(v) {
			s := spcOf(u, v)
			if !math.IsInf(s, -1) && (start == none || better(s, [2]int32{u, v}, best, start)) {
				start, best = [2]int32{u, v}, s
			}
		}
	}
	edges := [][2]int64{}
	// Forward: the kept citations are acyclic, so each step reaches a
	// work not on the path yet and the walk ends within n steps.
	for e := start; e != none; {
		edges = append(edges, [2]int64{int64(e[0]), int64(e[1])})
		v := e[0]
		e, best = none, math.Inf(-1)
		for _, u := range in.Row(v) {
			s := spcOf(u, v)
			if !math.IsInf(s, -1) && (e == none || better(s, [2]int32{u, v}, best, e)) {
				e, best = [2]int32{u, v}, s
			}
		}
	}
	slices.SortFunc(edges, func(a, b [2]int64) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
	return edges
}

// chainsAhead returns, for each work, the number of citations on the
// longest chain of citations counted by SPC that leads from it to a work
// nobody cites: 0 for a work nobody cites. Cost is O(n + m).
func chainsAhead(c *graph.Compact, logSPC []float64) []int32 {
	n := c.Len()
	out := c.Out()
	kept := func(p int64) bool { return !math.IsInf(logSPC[p], -1) }
	order := topoOrder(c, kept)
	ahead := make([]int32, n)
	for _, u := range order {
		for p := out.Start[u]; p < out.Start[u+1]; p++ {
			if kept(p) {
				v := out.Adj[p]
				ahead[v] = max(ahead[v], ahead[u]+1)
			}
		}
	}
	return ahead
}

// topoOrder returns the works in a topological order of the citations
// keep admits (by position in c.Out().Adj), citing before cited (Kahn's
// algorithm, works taken in ID order); the admitted citations must be
// acyclic. Cost is O(n + m).
func topoOrder(c *graph.Compact, keep func(p int64) bool) []int32 {
	n := c.Len()
	out := c.Out()
	indeg := make([]int32, n)
	for p, v := range out.Adj {
		if keep(int64(p)) {
			indeg[v]++
		}
	}
	order := make([]int32, 0, n)
	for v := range int32(n) {
		if indeg[v] == 0 {
			order = append(order, v)
		}
	}
	for head := 0; head < len(order); head++ {
		u := order[head]
		for p := out.Start[u]; p < out.Start[u+1]; p++ {
			if keep(p) {
				v := out.Adj[p]
				if indeg[v]--; indeg[v] == 0 {
					order = append(order, v)
				}
			}
		}
	}
	return order
}

// backEdges marks, by position in c.Out().Adj, the citations SPC leaves
// out: those from a work to a later one, then the back edges of an
// iterative depth-first search in ID order over the rest.
func backEdges(c *graph.Compact) []bool {
	n := c.Len()
	out := c.Out()
	drop := make([]bool, len(out.Adj))
	for u := range int32(n) {
		if yu := c.Year(u); yu != 0 {
			for p := out.Start[u]; p < out.Start[u+1]; p++ {
				if yv := c.Year(out.Adj[p]); yv > yu {
					drop[p] = true
				}
			}
		}
	}
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, n)
	type frame struct {
		v int32
		p int64
	}
	var stack []frame
	for root := range int32(n) {
		if color[root] != white {
			continue
		}
		color[root] = grey
		stack = append(stack[:0], frame{root, out.Start[root]})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.p == out.Start[f.v+1] {
				color[f.v] = black
				stack = stack[:len(stack)-1]
				continue
			}
			p := f.p
			f.p++
			if drop[p] {
				continue
			}
			w := out.Adj[p]
			switch color[w] {
			case grey:
				drop[p] = true
			case white:
				color[w] = grey
				stack = append(stack, frame{w, out.Start[w]})
			}
		}
	}
	return drop
}

// MainPathMarks returns, for each Cites edge of g in the order of
// g.Edges(graph.Cites), whether it lies on the main path (MainPath): the
// marks a historiograph takes to draw the main path bold (the DOT
// writer's View.MainPath). Self-citations are never marked.
func MainPathMarks(g *graph.Graph) []bool {
	path := MainPath(g)
	on := make(map[[2]int64]bool, len(path))
	for _, e := range path {
		on[e] = true
	}
	es := g.Edges(graph.Cites)
	marks := make([]bool, len(es))
	for i, e := range es {
		marks[i] = on[[2]int64{e.F.ID(), e.T.ID()}]
	}
	return marks
}
