package analysis_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/edgelist"
)

// graphData is where the real graphs are kept for tests: copies of
// /work/shared/data/graphs (see its README).
var graphData = filepath.Join("..", "graph", "encoding", "edgelist", "testdata")

var (
	hepthOnce sync.Once
	hepth     *graph.Compact
	coraOnce  sync.Once
	cora      *graph.Compact
	coraLabel []string
)

// loadHepTh returns cit-HepTh (27,770 papers, 352,807 citations).
func loadHepTh(tb testing.TB) *graph.Compact {
	tb.Helper()
	hepthOnce.Do(func() { hepth, _ = load(tb, nil, edgelist.File{Path: filepath.Join(graphData, "cit-HepTh.txt.gz")}) })
	return hepth
}

// loadCora returns Cora (2,708 papers, their words as terms) and each
// paper's topic label, indexed by node.
func loadCora(tb testing.TB) (*graph.Compact, []string) {
	tb.Helper()
	coraOnce.Do(func() {
		labels := map[string]string{}
		cora, _ = load(tb, labels,
			edgelist.File{Path: filepath.Join(graphData, "cora.cites"), Order: edgelist.CitedCiting},
			edgelist.File{Path: filepath.Join(graphData, "cora.content.gz")})
		coraLabel = make([]string, cora.Len())
		for v := range coraLabel {
			coraLabel[v] = labels[cora.Key(int32(v))]
		}
	})
	return cora, coraLabel
}

func load(tb testing.TB, labels map[string]string, files ...edgelist.File) (*graph.Compact, edgelist.Counts) {
	b := graph.NewCompactBuilder()
	c, err := edgelist.Load(context.Background(), b, files, labels, func(path string, err error) { tb.Fatalf("%s: %v", path, err) })
	if err != nil {
		tb.Fatal(err)
	}
	return b.Build(), c
}
