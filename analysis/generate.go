package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/citegraph/citegraph/graph"
)

// Growth model constants: see GrowCitations.
const (
	growthCopy   = 0.6   // share of references copied from recent citations
	growthWindow = 20000 // recent papers whose citations are copied
	growthAge    = 2000  // mean age (in papers) of the other references
	growthTries  = 8     // draws for a reference before a repeat is kept
)

// GrowCitations returns a synthetic citation graph of the given number of
// papers, each citing refs earlier ones (all earlier ones while there are
// fewer than refs), grown by a documented model with preferential
// attachment and ageing, the two forces that shape real citation graphs
// (D. de Solla Price, J. Am. Soc. Inf. Sci. 27 (1976) 292–306;
// D. Wang, C. Song, A.-L. Barabási, Science 342 (2013) 127–132).
//
// Papers arrive one at a time, in index order. Each reference of paper t
// is drawn independently:
//
//   - with probability 0.6 it copies a citation: a uniformly chosen
//     reference made by one of the 20,000 papers published just before t,
//     and t cites the same paper. A paper is thus cited with probability
//     proportional to the citations it received recently — preferential
//     attachment (the copying form of Price's model) whose memory fades as
//     the citing papers fall out of the window: ageing;
//   - otherwise it cites paper t-1-a for an age a drawn from the
//     exponential distribution of mean 2,000 papers (rounded down, and
//     clamped to paper 0): the recent literature is read more than the old.
//
// A draw that repeats a reference of t is drawn again, up to eight times
// (after that the repeat is kept and merged into one citation of weight
// 2). Every paper cites only earlier ones, so the graph is acyclic, as a
// citation graph without erratum loops is. Randomness comes from a PCG
// generator seeded with seed, so the graph is a function of its three
// arguments. With 1,000,010 papers and 10 references the graph has
// 10,000,045 citation draws. It panics if papers or refs is negative.
func GrowCitations(papers, refs int, seed int64) *graph.Compact {
	if papers < 0 || refs < 0 || papers > math.MaxInt32 {
		panic(fmt.Sprintf("analysis: GrowCitations(%d, %d)", papers, refs))
	}
	src := rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)
	unit := func() float64 { return float64(src.Uint64()>>11) / (1 << 53) }
	from := make([]int32, 0, papers*refs)
	to := make([]int32, 0, papers*refs)
	// first[t] is the index in from/to of paper t's first reference.
	first := make([]int, papers+1)
	for t := range papers {
		first[t] = len(to)
		k := min(refs, t)
		start := len(to)
		for range k {
			var target int32
			for try := 0; ; try++ {
				lo := first[max(0, t-growthWindow)]
				if k == t {
					// Fewer earlier papers than references: cite them all.
					target = int32(len(to) - start)
				} else if lo < start && unit() < growthCopy {
					target = to[lo+int(uniform(src, uint64(start-lo)))]
				} else {
					a := int(-growthAge * math.Log(1-unit()))
					target = int32(max(0, t-1-a))
				}
				if try >= growthTries || !repeats(to[start:], target) {
					break
				}
			}
			from = append(from, int32(t))
			to = append(to, target)
		}
	}
	return graph.NewCompact(papers, from, to)
}

func repeats(refs []int32, v int32) bool {
	for _, r := range refs {
		if r == v {
			return true
		}
	}
	return false
}
