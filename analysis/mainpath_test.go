package analysis_test

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// datedGraph builds a graph of works with the given years in which work a
// cites work b for each {a, b} in edges; node ID i is work i.
func datedGraph(t *testing.T, years []int, edges [][2]int) *graph.Graph {
	t.Helper()
	recs := make([]graph.Record, len(years))
	for i, y := range years {
		recs[i] = graph.Record{DOI: doi(i), Title: fmt.Sprintf("Work %d", i), Year: y}
	}
	for _, e := range edges {
		recs[e[0]].References = append(recs[e[0]].References, graph.Reference{DOI: doi(e[1])})
	}
	g := graph.Build(recs)
	for i, w := range g.Works() {
		if w.DOI != doi(i) {
			t.Fatalf("work %d has DOI %s, want %s", i, w.DOI, doi(i))
		}
	}
	return g
}

// The network of TestMainPathHandCount, citing → cited, with years:
//
//	A 1990, B 1991: cite nothing (the origins of the knowledge flow)
//	C 1995 cites A, B;  D 1996 cites A
//	E 2000 cites C, D;  F 2001 cites C
//	G 2005 cites E, F;  H 2006 cites E (nobody cites G or H)
const (
	wA = iota
	wB
	wC
	wD
	wE
	wF
	wG
	wH
)

var (
	handYears = []int{1990, 1991, 1995, 1996, 2000, 2001, 2005, 2006}
	handEdges = [][2]int{{wC, wA}, {wC, wB}, {wD, wA}, {wE, wC}, {wE, wD}, {wF, wC}, {wG, wE}, {wG, wF}, {wH, wE}}
)

// TestMainPathHandCount checks SPC and the main path against a count by
// hand over the network above. SPC(u→v) = N⁻(u)·N⁺(v) (Batagelj,
// arXiv:cs/0309023): N⁻ counts paths from G or H down to a work — G 1,
// H 1, E 2, F 1, C 3, D 2, A 5, B 3 — and N⁺ paths from a work down to A
// or B — A 1, B 1, C 2, D 1, E 3, F 2, G 5, H 3. Both total 8 paths
// (N⁻(A)+N⁻(B) = N⁺(G)+N⁺(H)), and at C the 4+2 paths in equal the 3+3
// out, as Hummon and Doreian's flow conservation requires.
//
// Local forward search (Liu and Lu 2012) starts at the citation of an
// origin with greatest SPC: C→A and C→B tie at 3, and A is older; from C,
// E→C (4) beats F→C (2); from E, G→E and H→E tie at 3, and G is older;
// nobody cites G. The path is A ← C ← E ← G: three citations, four works.
// Following ties instead, as before, also marked C→B and H→E.
func TestMainPathHandCount(t *testing.T) {
	g := datedGraph(t, handYears, handEdges)
	want := map[[2]int]float64{
		{wC, wA}: 3, {wC, wB}: 3, {wD, wA}: 2, {wE, wC}: 4, {wE, wD}: 2,
		{wF, wC}: 2, {wG, wE}: 3, {wG, wF}: 2, {wH, wE}: 3,
	}
	logSPC, cyclic := analysis.SPC(g)
	if cyclic != 0 {
		t.Errorf("SPC left out %d citations of an acyclic graph", cyclic)
	}
	c := g.Compact()
	out := c.Out()
	for u := range int32(c.Len()) {
		for p := out.Start[u]; p < out.Start[u+1]; p++ {
			e := [2]int{int(u), int(out.Adj[p])}
			if got := math.Exp(logSPC[p]); math.Abs(got-want[e]) > 1e-9 {
				t.Errorf("SPC(%c→%c) = %g, want %g", 'A'+e[0], 'A'+e[1], got, want[e])
			}
		}
	}
	got := analysis.MainPath(g)
	wantPath := [][2]int64{{wC, wA}, {wE, wC}, {wG, wE}}
	if !slices.Equal(got, wantPath) {
		t.Errorf("main path %v, want %v (A ← C ← E ← G)", got, wantPath)
	}
}

// TestMainPathStar: a thousand works citing one classic once each all tie,
// and following ties drew a star of 1,000 marked citations (1,001 works
// citing Turing 1950 on the corpus). Broken ties give one
// citation, from the oldest citing work.
func TestMainPathStar(t *testing.T) {
	const n = 1001
	years := make([]int, n)
	years[0] = 1950
	var edges [][2]int
	for i := 1; i < n; i++ {
		years[i] = 2020 - i%50
		edges = append(edges, [2]int{i, 0})
	}
	got := analysis.MainPath(datedGraph(t, years, edges))
	// The oldest citing works are those with i%50 == 49 (1971); the lowest
	// ID among them is 49.
	if want := [][2]int64{{49, 0}}; !slices.Equal(got, want) {
		t.Errorf("main path of a star marks %d citations, %v…, want %v", len(got), got[:min(len(got), 3)], want)
	}
}

// TestMainPathIsPath checks on random dated graphs what a reader of a
// historiograph relies on: the marked citations form one chain, each
// citing work cites the previous one's citing work, so there are at most
// as many marks as works, and no step goes back in time.
func TestMainPathIsPath(t *testing.T) {
	for seed := range uint64(20) {
		const n = 300
		years := make([]int, n)
		for i := range years {
			years[i] = 1950 + i/5 // work i is never newer than work i+1
		}
		var edges [][2]int
		for _, e := range randomEdges(n, 1500, seed) {
			if e[0] < e[1] {
				e[0], e[1] = e[1], e[0] // newer cites older
			}
			edges = append(edges, e)
		}
		// randomEdges gives distinct pairs, but swapping can repeat one.
		slices.SortFunc(edges, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		})
		edges = slices.Compact(edges)
		g := datedGraph(t, years, edges)
		path := analysis.MainPath(g)
		if len(path) == 0 {
			t.Fatalf("seed %d: empty main path", seed)
		}
		next := map[int64]int64{} // cited → citing
		citing := map[int64]bool{}
		for _, e := range path {
			if _, dup := next[e[1]]; dup {
				t.Fatalf("seed %d: work %d is cited twice on the path %v", seed, e[1], path)
			}
			next[e[1]] = e[0]
			citing[e[0]] = true
			if years[e[0]] < years[e[1]] {
				t.Errorf("seed %d: %d (%d) → %d (%d) goes back in time", seed, e[0], years[e[0]], e[1], years[e[1]])
			}
		}
		var first int64 = -1
		for _, e := range path {
			if !citing[e[1]] {
				if first != -1 {
					t.Fatalf("seed %d: path %v has two starts", seed, path)
				}
				first = e[1]
			}
		}
		steps := 0
		for v, ok := first, true; ok; v, ok = next[v] {
			steps++
		}
		if steps-1 != len(path) {
			t.Errorf("seed %d: the %d marks are not one chain (%d steps from %d)", seed, len(path), steps-1, first)
		}
	}
}
