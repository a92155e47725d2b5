package analysis_test

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/analysis"
)

// TestGrowCitations checks the growth model on 100,000 papers: counts,
// acyclicity, determinism, ageing and preferential attachment.
func TestGrowCitations(t *testing.T) {
	const papers, refs = 100000, 10
	c := analysis.GrowCitations(papers, refs, 7)
	if c.Len() != papers {
		t.Fatalf("%d papers, want %d", c.Len(), papers)
	}
	// Papers 0 … 9 cite all earlier ones (0+1+…+9 = 45 citations), the
	// others ten each; repeats (kept after eight draws) merge, so a few
	// may be missing.
	draws := 45 + refs*(papers-refs)
	if m := c.Citations(); m > draws || m < draws-draws/100 {
		t.Errorf("%d citations, want nearly %d", m, draws)
	}
	if c.Citations()+c.Repeats() != draws {
		t.Errorf("%d citations + %d merged repeats, want %d draws", c.Citations(), c.Repeats(), draws)
	}
	out := c.Out()
	var ageSum float64
	for v := range int32(papers) {
		for _, u := range out.Row(v) {
			if u >= v {
				t.Fatalf("paper %d cites %d, not an earlier paper", v, u)
			}
			ageSum += float64(v - u)
		}
	}
	// Ageing: uniform choice among earlier papers would give a mean age
	// of about papers/3 (33,333); the model's references are far younger
	// (exponential ages of mean 2,000 and copies of citations made by the
	// last 20,000 papers; copying keeps the classics cited, which is why
	// the mean is 13,244 with seed 7 rather than a few thousand).
	if mean := ageSum / float64(c.Citations()); mean > 20000 {
		t.Errorf("mean citation age %.0f papers, want well under uniform's 33,333", mean)
	}
	// Preferential attachment: the in-degrees are far more unequal than
	// the Poisson spread (variance = mean = 10) of choosing by age alone.
	in, _ := analysis.Degrees(c)
	var s, s2 float64
	for _, d := range in {
		s += float64(d)
		s2 += float64(d) * float64(d)
	}
	mean := s / papers
	if v := s2/papers - mean*mean; v < 10*mean {
		t.Errorf("in-degree variance %.1f with mean %.1f: no heavy tail", v, mean)
	}
	if slices.Max(in) < 100 {
		t.Errorf("largest in-degree %d, want a highly cited paper", slices.Max(in))
	}
	// Same seed, same graph; another seed, another graph.
	again := analysis.GrowCitations(papers, refs, 7)
	if !slices.Equal(again.Out().Adj, out.Adj) || !slices.Equal(again.Out().Start, out.Start) {
		t.Error("two graphs from seed 7 differ")
	}
	if other := analysis.GrowCitations(papers, refs, 8); slices.Equal(other.Out().Adj, out.Adj) {
		t.Error("seeds 7 and 8 give the same graph")
	}
	if g := analysis.GrowCitations(0, refs, 1); g.Len() != 0 || g.Citations() != 0 {
		t.Error("an empty growth is not empty")
	}
}
