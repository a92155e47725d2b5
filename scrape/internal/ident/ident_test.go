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
