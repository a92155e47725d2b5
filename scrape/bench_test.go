package scrape

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkExtractSeeds extracts the five seed pages, as text and as HTML;
// b.SetBytes makes go test report MB/s.
func BenchmarkExtractSeeds(b *testing.B) {
	for _, kind := range []string{"seeds", "html"} {
		b.Run(kind, func(b *testing.B) {
			var pages [][]byte
			total := 0
			for _, s := range seeds {
				name := s.txt
				if kind == "html" {
					name = s.html
				}
				pages = append(pages, readFile(b, filepath.Join("testdata", kind, name)))
				total += len(pages[len(pages)-1])
			}
			reg := Default()
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					if _, err := reg.Extract(context.Background(), "x", bytes.NewReader(p), ""); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
