package bibtex

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
	bibenc "github.com/citegraph/citegraph/graph/encoding/bibtex"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// reviewerFields returns the fields a reviewer relies on, for comparing
// records across a round trip.
func reviewerFields(r graph.Record) graph.Record {
	return graph.Record{
		Type: r.Type, Title: r.Title, Authors: r.Authors, Year: r.Year, Date: r.Date, Venue: r.Venue,
		Volume: r.Volume, Issue: r.Issue, Pages: r.Pages, DOI: r.DOI, Abstract: r.Abstract,
		Keywords: r.Keywords, Identifiers: r.Identifiers, URL: r.URL, Language: r.Language, Publisher: r.Publisher,
	}
}

// TestRoundTrip: every BibTeX file read, written with graph/encoding/bibtex and
// read again gives the same type, title, authors, year and date, venue,
// volume, issue, pages, DOI, abstract, keywords, identifiers and URL.
func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.bib")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			first, _ := readertest.Read(Reader{}, readertest.ReadFile(t, filepath.Base(file)))
			var b bytes.Buffer
			w := bibenc.NewWriter(&b)
			for i := range first {
				if err := w.Write(&first[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			second, err := readertest.Read(Reader{}, b.Bytes())
			if err != nil {
				t.Fatalf("reading what was written: %v", err)
			}
			if len(second) != len(first) {
				t.Fatalf("%d records after the round trip, want %d", len(second), len(first))
			}
			for i := range first {
				a, z := reviewerFields(first[i]), reviewerFields(second[i])
				if !reflect.DeepEqual(a, z) {
					t.Errorf("record %d changed:\n before %+v\n after  %+v", i, a, z)
				}
			}
		})
	}
}
