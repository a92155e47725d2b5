package report_test

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/report"
)

func BenchmarkHTML20k(b *testing.B) {
	g, s := encodingtest.Large(20000)
	in := report.Input{Graph: g, Set: s, Measure: "score"}
	b.ResetTimer()
	for b.Loop() {
		if err := report.WriteHTML(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}
