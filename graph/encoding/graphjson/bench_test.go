package graphjson_test

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/graphjson"
)

func BenchmarkWrite20k(b *testing.B) {
	g, s := encodingtest.Large(20000)
	b.ResetTimer()
	for b.Loop() {
		if err := graphjson.Write(io.Discard, g, s); err != nil {
			b.Fatal(err)
		}
	}
}
