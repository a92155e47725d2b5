package csljson

import (
	"testing"

	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzExtract: the reader never panics, stops on its own, and what it
// reports has a line; records from valid UTF-8 hold valid UTF-8. The seeds
// are the starts of the test files.
func FuzzExtract(f *testing.F) {
	readertest.AddSeeds(f, "testdata/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckExtract(t, Reader{}, data, func(e *SyntaxError) int { return e.Line })
	})
}
