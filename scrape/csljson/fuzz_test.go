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
	// The schema's other shapes (TestSchemaShapes): EDTF dates, flat
	// date-parts, names as strings, rich-text markup, a byte-order mark.
	f.Add([]byte(`[{"id":1,"type":"book","title":"<i>T</i>","issued":"2001/2002","author":["Doe, J",{"literal":"X"}]}]`))
	f.Add([]byte("\ufeff{\"type\":\"report\",\"title\":\"T\",\"issued\":{\"date-parts\":[2001,13]},\"page-first\":5}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckExtract(t, Reader{}, data, func(e *SyntaxError) int { return e.Line })
	})
}
