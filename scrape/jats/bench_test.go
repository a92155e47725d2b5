package jats

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// BenchmarkExtract reads all the JATS files of testdata, one after the
// other, per iteration; b.SetBytes makes `go test -bench` report MB/s (on
// one core: run with -cpu 1).
func BenchmarkExtract(b *testing.B) {
	names, err := filepath.Glob("testdata/*.*xml")
	if err != nil || len(names) == 0 {
		b.Fatal("no testdata", err)
	}
	var files [][]byte
	total := 0
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, raw)
		total += len(raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range files {
			err := Format{}.Extract(context.Background(), bytes.NewReader(raw), func(graph.Record) error { return nil })
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
