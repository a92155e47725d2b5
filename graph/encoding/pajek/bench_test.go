package pajek_test

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/pajek"
)

func BenchmarkWrite20k(b *testing.B) {
	g, s := encodingtest.Large(20000)
	b.ResetTimer()
	for b.Loop() {
		if err := pajek.Write(io.Discard, g, s, pajek.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
