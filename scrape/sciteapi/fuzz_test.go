package sciteapi

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice and must place every problem at a line and column.
func FuzzDecode(f *testing.F) {
	readertest.AddFiles(f, "testdata/*.json")
	f.Add([]byte(paperAnswer))
	f.Add([]byte(`{"papers":{"10.1/a":null,"10.1/b":{"title":"B","authors":[{"authorSequenceNumber":"2"},{"authorName":"A B"}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckDecode(t, data, with(Options{Cited: &graph.Reference{DOI: "10.1/c"}}), nil)
	})
}
