package graph

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"
)

// cyclic is a hand-made corpus: a cites b, b cites c, c cites a (a cycle
// of three), d cites a and e, e cites d (a cycle of two), f cites nothing.
func cyclic() []Record {
	ref := func(doi string) Reference { return Reference{DOI: doi} }
	return []Record{
		{DOI: "10.1/a", Title: "Alpha", Year: 2001, References: []Reference{ref("10.1/b")}},
		{DOI: "10.1/b", Title: "Beta", Year: 2002, References: []Reference{ref("10.1/c")}},
		{DOI: "10.1/c", Title: "Gamma", Year: 2003, References: []Reference{ref("10.1/a")}},
		{DOI: "10.1/d", Title: "Delta", Year: 2004, References: []Reference{ref("10.1/a"), ref("10.1/e")}},
		{DOI: "10.1/e", Title: "Epsilon", Year: 2005, References: []Reference{ref("10.1/d")}},
		{DOI: "10.1/f", Title: "Phi", Year: 2006},
	}
}

func TestCitationCycles(t *testing.T) {
	got := CitationCycles(Build(cyclic()))
	want := [][]string{{"doi:10.1/a", "doi:10.1/b", "doi:10.1/c"}, {"doi:10.1/d", "doi:10.1/e"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cycles = %v, want %v", got, want)
	}
	// A corpus without cycles has none: the seed-like chain f <- d only.
	got = CitationCycles(Build([]Record{{DOI: "10.1/x", Title: "X", References: []Reference{{DOI: "10.1/y"}}}, {DOI: "10.1/y", Title: "Y"}}))
	if len(got) != 0 {
		t.Errorf("acyclic corpus: cycles %v", got)
	}
}

// TestGeneric: the dominikbraun graph holds every work and citation, and
// its algorithms answer as the hand-made corpus says.
func TestGeneric(t *testing.T) {
	g := Build(cyclic())
	dg, err := g.Generic()
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := dg.Order(); n != g.Len() {
		t.Errorf("order %d, want %d works", n, g.Len())
	}
	if m, _ := dg.Size(); m != 6 {
		t.Errorf("size %d, want the 6 citations", m)
	}
	path, err := dgraph.ShortestPath(dg, "doi:10.1/d", "doi:10.1/c")
	if err != nil || !reflect.DeepEqual(path, []string{"doi:10.1/d", "doi:10.1/a", "doi:10.1/b", "doi:10.1/c"}) {
		t.Errorf("d to c: %v, %v; want d a b c", path, err)
	}
	if _, err := dgraph.ShortestPath(dg, "doi:10.1/f", "doi:10.1/a"); err == nil {
		t.Error("f cites nothing, yet a path from f to a was found")
	}
}

// TestCitationCyclesAgree: our Tarjan finds the components of more than one
// work that dominikbraun's StronglyConnectedComponents finds, on a graph
// of 2,000 works citing 3 each at random (many cycles, some long).
func TestCitationCyclesAgree(t *testing.T) {
	const n = 2000
	recs := make([]Record, n)
	for i := range recs {
		recs[i] = Record{DOI: fmt.Sprintf("10.1/%d", i), Title: fmt.Sprintf("Work %d", i)}
		for k := 1; k <= 3; k++ {
			recs[i].References = append(recs[i].References, Reference{DOI: fmt.Sprintf("10.1/%d", (i*31+k*977)%n)})
		}
	}
	g := Build(recs)
	dg, err := g.Generic()
	if err != nil {
		t.Fatal(err)
	}
	sccs, err := dgraph.StronglyConnectedComponents(dg)
	if err != nil {
		t.Fatal(err)
	}
	var want [][]string
	for _, c := range sccs {
		if len(c) > 1 {
			slices.Sort(c)
			want = append(want, c)
		}
	}
	slices.SortFunc(want, func(a, b []string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return slices.Compare(a, b)
	})
	got := CitationCycles(g)
	if len(want) == 0 {
		t.Fatal("the test graph has no cycles: it checks nothing")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d cycles (largest %d works), dominikbraun finds %d (largest %d)", len(got), len(got[0]), len(want), len(want[0]))
	}
}
