package analysis_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/citegraph/citegraph/analysis"
)

// TestHITSGonum compares HITS with gonum's network.HITS run on the same
// graph.Compact (it satisfies gonum's graph.Directed) — Cora's 2,708
// papers. gonum scales hubs and authorities to unit Euclidean length; both
// are rescaled to sum 1 here. Tolerance 1e-6 of the largest value (both
// iterate to a change below 1e-12).
func TestHITSGonum(t *testing.T) {
	c, _ := loadCora(t)
	hub, auth := analysis.HITS(c, 1e-14)
	want := network.HITS(c, 1e-12)
	var sh, sa float64
	for _, ha := range want {
		sh += ha.Hub
		sa += ha.Authority
	}
	var top float64
	for _, x := range auth {
		top = max(top, x)
	}
	bad := 0
	for v := range int32(c.Len()) {
		ha := want[int64(v)]
		if math.Abs(hub[v]-ha.Hub/sh) > 1e-6*top || math.Abs(auth[v]-ha.Authority/sa) > 1e-6*top {
			if bad < 5 {
				t.Errorf("node %s: hub %.9g authority %.9g, gonum %.9g %.9g", c.Key(v), hub[v], auth[v], ha.Hub/sh, ha.Authority/sa)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d nodes differ", bad, c.Len())
	}
}
