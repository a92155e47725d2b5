package openalex

import (
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice, must place every problem at a line and column, and
// its records must normalise.
func FuzzDecode(f *testing.F) {
	readertest.AddFiles(f, "testdata/*.json")                         // whole: read by go test, too large to explore
	readertest.AddShrunk(f, "testdata/*.json", readertest.ShrinkJSON) // their shape in a few KB: explored
	f.Add([]byte(`{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","abstract_inverted_index":{"a":[0,-1,99999],"b":[1]},"authorships":[{"author":{"display_name":"A B","orcid":"x"}}]}]}`))
	f.Add([]byte(`{"id":"W1","publication_date":"2020-1","biblio":{"first_page":1,"last_page":"2"}}` + "\n" + `{"id":"https://openalex.org/A1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if readertest.TooLargeToFuzz(len(data)) {
			return
		}
		readertest.CheckDecode(t, data, Decode, func(r graph.Record) {
			if !utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract) {
				t.Fatalf("invalid UTF-8 in %+v", r)
			}
		})
	})
}
