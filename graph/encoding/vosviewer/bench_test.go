package vosviewer_test

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/vosviewer"
)

func BenchmarkWrite20k(b *testing.B) {
	g, s := encodingtest.Large(20000)
	b.ResetTimer()
	for b.Loop() {
		if err := vosviewer.Write(io.Discard, io.Discard, g, s, vosviewer.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
