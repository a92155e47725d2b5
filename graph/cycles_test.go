package graph

import (
	"reflect"
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
	got, err := CitationCycles(Build(cyclic()))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"doi:10.1/a", "doi:10.1/b", "doi:10.1/c"}, {"doi:10.1/d", "doi:10.1/e"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cycles = %v, want %v", got, want)
	}
	// A corpus without cycles has none: the seed-like chain f <- d only.
	got, err = CitationCycles(Build([]Record{{DOI: "10.1/x", Title: "X", References: []Reference{{DOI: "10.1/y"}}}, {DOI: "10.1/y", Title: "Y"}}))
	if err != nil || len(got) != 0 {
		t.Errorf("acyclic corpus: cycles %v, %v", got, err)
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
