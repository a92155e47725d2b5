package main

import (
	"context"
	"testing"
)

// BenchmarkRunSeedCorpus is the README's first command without rendering:
// extract, resolve, analyse, write the DOT and the tables.
func BenchmarkRunSeedCorpus(b *testing.B) {
	dir := b.TempDir()
	s, _, _ := testStreams()
	for b.Loop() {
		if code := run(context.Background(), []string{"run", seedCorpus, "-o", dir, "--render", "none"}, s); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
