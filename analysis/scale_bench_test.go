package analysis_test

import (
	"bufio"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// The generated graph of the benchmarks: 1,000,030 papers citing ten
// earlier ones each (10,000,245 citation draws; 10,000,084 citations once repeats are merged), by GrowCitations with
// seed 1.
const (
	grownPapers = 1_000_030
	grownRefs   = 10
)

var (
	grownOnce sync.Once
	grown     *graph.Compact
)

func loadGrown(tb testing.TB) *graph.Compact {
	tb.Helper()
	grownOnce.Do(func() { grown = analysis.GrowCitations(grownPapers, grownRefs, 1) })
	return grown
}

// grownSamples is the number of sampled sources of the betweenness
// estimate on the generated graph: what citegraph analyse picks for it
// (2·10⁹ citation visits / 10⁷ citations).
const grownSamples = 200

// BenchmarkScale times each measure on cit-HepTh, Cora and the generated
// graph, the graph already in memory (docs/BENCHMARKS.md (analysis) puts the
// figures beside igraph's and networkx's). Exact betweenness on the
// generated graph would take hours; it gets the sampled estimate.
//
//	go test ./analysis -run XXX -bench Scale -benchtime 1x -count 3
func BenchmarkScale(b *testing.B) {
	graphs := []struct {
		name string
		load func(testing.TB) *graph.Compact
	}{
		{"cora", func(tb testing.TB) *graph.Compact { c, _ := loadCora(tb); return c }},
		{"hepth", loadHepTh},
		{"grown", loadGrown},
	}
	for _, gr := range graphs {
		b.Run(gr.name, func(b *testing.B) {
			c := gr.load(b)
			b.Run("degrees", func(b *testing.B) {
				for b.Loop() {
					analysis.Degrees(c)
				}
			})
			b.Run("pagerank", func(b *testing.B) {
				for b.Loop() {
					analysis.PageRank(c, analysis.DefaultDamping, analysis.DefaultTolerance)
				}
			})
			b.Run("hits", func(b *testing.B) {
				for b.Loop() {
					analysis.HITS(c, analysis.DefaultTolerance)
				}
			})
			b.Run("kcore", func(b *testing.B) {
				for b.Loop() {
					analysis.KCore(c)
				}
			})
			if gr.name == "grown" {
				b.Run("betweenness-sampled", func(b *testing.B) {
					for b.Loop() {
						analysis.SampledBetweenness(c, grownSamples, 1)
					}
				})
			} else {
				b.Run("betweenness", func(b *testing.B) {
					for b.Loop() {
						analysis.Betweenness(c)
					}
				})
			}
			b.Run("leiden", func(b *testing.B) {
				for b.Loop() {
					analysis.Leiden(analysis.CitationNetwork(c), analysis.LeidenOptions{Seed: 1})
				}
			})
			b.Run("louvain", func(b *testing.B) {
				for b.Loop() {
					analysis.Leiden(analysis.CitationNetwork(c), analysis.LeidenOptions{Seed: 1, Louvain: true})
				}
			})
			if gr.name == "cora" {
				b.Run("themes", func(b *testing.B) {
					docs := analysis.CompactTerms(c)
					for b.Loop() {
						analysis.TextThemes(c, docs, nil, analysis.ThemeOptions{K: 7, Seed: 1})
					}
				})
			}
		})
	}
}

// BenchmarkGrownAll is the 10-million-edge target of issue 6: PageRank,
// Leiden and sampled betweenness together on the generated graph.
func BenchmarkGrownAll(b *testing.B) {
	c := loadGrown(b)
	for b.Loop() {
		analysis.PageRank(c, analysis.DefaultDamping, analysis.DefaultTolerance)
		analysis.Leiden(analysis.CitationNetwork(c), analysis.LeidenOptions{Seed: 1})
		analysis.SampledBetweenness(c, grownSamples, 1)
	}
}

// BenchmarkMemoryBandwidth measures the bound PageRank cannot beat on this
// machine: one PageRank iteration reads the in-rows (4 bytes per
// citation), their start offsets (8 bytes per node) and the previous
// scores (8 bytes per node, read in order here although PageRank reads
// them at random), and writes the new scores (8 bytes per node). The
// benchmark streams arrays of those sizes for the generated graph once per
// iteration, summing them so that nothing is optimised away, and reports
// bytes per second.
func BenchmarkMemoryBandwidth(b *testing.B) {
	c := loadGrown(b)
	in := c.In()
	n := c.Len()
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	bytes := int64(4*len(in.Adj) + 8*len(in.Start) + 16*n)
	b.SetBytes(bytes)
	var sink int64
	for b.Loop() {
		var s int64
		for _, v := range in.Adj {
			s += int64(v)
		}
		for _, p := range in.Start {
			s += p
		}
		for i, v := range x {
			y[i] = v + 1
		}
		sink += s
	}
	if sink == 0 {
		b.Log("zero sum")
	}
}

// TestWriteGrownGraph writes the generated graph as a SNAP edge list
// ("citing cited" per line) to the file named by $CITEGRAPH_GROWN_EDGES,
// for whole-process timings of citegraph analyse and of the reference
// tools (docs/BENCHMARKS.md (analysis)). It does nothing when the variable is
// unset.
func TestWriteGrownGraph(t *testing.T) {
	path := os.Getenv("CITEGRAPH_GROWN_EDGES")
	if path == "" {
		t.Skip("CITEGRAPH_GROWN_EDGES not set")
	}
	c := loadGrown(t)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "# analysis.GrowCitations(%d, %d, 1): %d papers, %d citations\n", grownPapers, grownRefs, c.Len(), c.Citations())
	out := c.Out()
	for v := range int32(c.Len()) {
		for _, u := range out.Row(v) {
			fmt.Fprintf(w, "%d\t%d\n", v, u)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkThemesSampled times TextThemes the way run calls it on a large
// corpus (automatic K, the choice of K and the restarts on a sample, one
// refinement on every work, the vocabulary projected), here on Cora's
// real words and citations with the sample bound at 1,000 works and 256
// dimensions, so that the path that ../shared/data's 78,564 works take
// runs in a benchmark (docs/BENCHMARKS.md, issue 13).
//
//	go test ./analysis -run XXX -bench ThemesSampled -benchtime 3x
func BenchmarkThemesSampled(b *testing.B) {
	c, _ := loadCora(b)
	docs := analysis.CompactTerms(c)
	defer analysis.SetMaxKMeansRows(1000)()
	for b.Loop() {
		analysis.TextThemes(c, docs, nil, analysis.ThemeOptions{Seed: 1, Dims: 256})
	}
}
