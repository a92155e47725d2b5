package ident

import (
	"maps"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func TestSet(t *testing.T) {
	var m map[string]string
	if m = Set(m, graph.IDPMID, "not a pmid"); m != nil {
		t.Fatalf("an invalid value made %v", m)
	}
	m = Set(m, graph.IDPMID, " 123 ")
	m = Set(m, graph.IDPMID, "456") // the first is kept
	m = Set(m, graph.IDPMCID, "")
	want := map[string]string{graph.IDPMID: "123"}
	if n, _ := graph.NormalizeID(graph.IDPMID, " 123 "); n != "123" {
		t.Fatalf("NormalizeID gives %q for a padded PMID", n)
	}
	if !maps.Equal(m, want) {
		t.Errorf("identifiers %v, want %v", m, want)
	}
}

func TestORCIDs(t *testing.T) {
	if got := ORCIDs([]string{"", ""}); got != nil {
		t.Errorf("ORCIDs of authors without one = %q, want nil", got)
	}
	if got := ORCIDs([]string{"", "0000-0002-1825-0097"}); len(got) != 2 || got[1] != "0000-0002-1825-0097" {
		t.Errorf("ORCIDs = %q", got)
	}
}
