package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/citegraph/citegraph/graph"
)

// Citations is a citation graph the measures run on: a resolved
// *graph.Graph or a *graph.Compact (for instance one read from an edge
// list). Both give their compressed-row form through Compact; a
// *graph.Graph builds it on each call (O(n + m)), so callers running many
// measures on one large Graph should convert it once and pass the
// *graph.Compact.
type Citations interface {
	Compact() *graph.Compact
}

// compactOf returns the compact form of g.
func compactOf(g Citations) *graph.Compact {
	if c, ok := g.(*graph.Compact); ok {
		return c
	}
	return g.Compact()
}

// blockSize is the number of nodes a parallel loop hands to a goroutine
// at a time. Blocks are fixed by the node count alone, and every
// per-block partial sum is added up in block order, so results do not
// depend on GOMAXPROCS or on scheduling.
const blockSize = 1 << 12

// forBlocks calls fn(b, lo, hi) for each block b of [0, n) — nodes lo …
// hi-1 — on up to GOMAXPROCS goroutines, and returns when all are done.
func forBlocks(n int, fn func(b, lo, hi int)) {
	nb := (n + blockSize - 1) / blockSize
	parallel(nb, func(b int) { fn(b, b*blockSize, min(n, (b+1)*blockSize)) })
}

// parallel calls fn(i) for i in [0, k) on up to GOMAXPROCS goroutines,
// which claim the indexes in increasing order.
func parallel(k int, fn func(i int)) {
	w := min(runtime.GOMAXPROCS(0), k)
	if w <= 1 {
		for i := range k {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= k {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// nblocks returns the number of blocks forBlocks makes of n nodes.
func nblocks(n int) int { return (n + blockSize - 1) / blockSize }
