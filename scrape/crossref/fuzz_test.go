package crossref

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
	f.Add([]byte(`{"message-type":"work-list","message":{"items":[{"DOI":"10.1/a","title":["<i>A</i>"],"issued":{"date-parts":[[2020,13,40]]}}]}}`))
	f.Add([]byte(`{"DOI":"10.1/a","reference-count":1,"title":["A"],"reference":[{"key":"k","year":"2004a","author":"J Smith"}]}` + "\n" + `{"DOI":"10.1/b"}`))
	f.Add([]byte(`[{"DOI":"10.1/a","is-referenced-by-count":"x","author":[{"name":"Org"}],"abstract":"<jats:sec><jats:title>A</jats:title>"}]`))
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

// FuzzAbstract feeds any text to the JATS abstract and markup readers.
func FuzzAbstract(f *testing.F) {
	f.Add("<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>")
	f.Add("<jats:title>Abstract</jats:title><jats:p>a &amp; b <i>c</i></jats:p>")
	f.Add("<title>unterminated")
	f.Fuzz(func(t *testing.T, s string) {
		text, secs := jatsAbstract(s)
		if len(text) > 2*len(s)+8 {
			t.Fatalf("text longer than its source: %q", text)
		}
		for _, sec := range secs {
			_ = sec.Label
		}
		_ = stripMarkup(s)
	})
}
