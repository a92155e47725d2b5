package dot_test

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
)

func BenchmarkViews20k(b *testing.B) {
	g, s := encodingtest.Large(20000)
	opt := dot.Options{Cluster: s.Theme, Size: s.Size}
	for _, v := range []struct {
		name  string
		write func() error
	}{
		{"top100", func() error { return dot.WriteView(io.Discard, g, dot.View{Options: opt, Top: 100, Legend: true}) }},
		{"historiograph100", func() error {
			return dot.WriteView(io.Discard, g, dot.View{Options: opt, Top: 100, Historiograph: true, MainPath: s.Cites[0].Bools})
		}},
		{"overview", func() error { return dot.WriteOverview(io.Discard, g, dot.Overview{Cluster: s.Theme}) }},
		{"gephi", func() error { o := opt; o.Gephi = true; return dot.Write(io.Discard, g, o) }},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				if err := v.write(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
