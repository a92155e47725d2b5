package cassette

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// BenchmarkRead reads the two cassettes: YAML parsing, base64, gunzip and
// the answer readers together.
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"crossref_vcr_cassette_works_5_dois.yaml", "s2_vcr_cassette_paper_references.yaml"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			recs := 0
			for b.Loop() {
				if err := Read(context.Background(), bytes.NewReader(data), func(graph.Record) error { recs++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(recs)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
