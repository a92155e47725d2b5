package semanticscholar

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// BenchmarkDecode decodes the Turing paper with its 1,000 citations (2.7 MB,
// with a 768-number embedding) and the citation object with contexts:
// MB/s, records/s and allocations.
func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"s2_paper_turing1950_with_1000_citations.json", "s2_citation_object_with_contexts_intents.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			recs := 0
			for b.Loop() {
				if err := Decode(context.Background(), bytes.NewReader(data), Options{}, func(graph.Record) error { recs++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(recs)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
