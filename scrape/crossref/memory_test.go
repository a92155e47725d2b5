package crossref

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// TestManyReferences: issue 16, hostile item 4. A Crossref work answer
// (the shape of testdata/crossref_work_10.1038_srep16696.json: message
// with DOI, title and a reference list of {key, DOI, unstructured}) whose
// work has 2,000,000 references, some 150 MB, generated as it is read,
// took 2.06 GB: the work was decoded whole. It now fails when the work
// passes jsonstream.MaxValue, at the line and column where the work
// starts, with the heap below readertest.PeakLimit. JSON cannot be
// resynchronised inside a value, so the answer ends there; the works
// before it are kept (one here).
func TestManyReferences(t *testing.T) {
	if readertest.RaceBuild() || testing.Short() {
		t.Skip("reads 32 MB of generated JSON; too slow under -race or -short")
	}
	head := []byte(`{"status":"ok","message-type":"work-list","message":{"items":[{"DOI":"10.1/first","title":["First"],"reference-count":0},` +
		`{"DOI":"10.1/many","title":["Many"],"reference-count":2000000,"reference":[`)
	ref := []byte(`{"key":"ref","DOI":"10.1000/cited","unstructured":"Smith J. A cited work. Journal 2001;1:1-2."},`)
	tail := []byte(`{"key":"last"}]}]}}`)
	var recs []graph.Record
	var err error
	peak, _ := readertest.PeakHeap(func() {
		err = Decode(context.Background(), readertest.Repeat(head, ref, 2_000_000, tail), func(r graph.Record) error {
			recs = append(recs, r)
			return nil
		})
	})
	t.Logf("peak heap %d MB", peak>>20)
	if peak > readertest.PeakLimit {
		t.Errorf("peak heap %d MB, want at most %d MB", peak>>20, readertest.PeakLimit>>20)
	}
	var se *SyntaxError
	if !errors.Is(err, jsonstream.ErrValueTooLarge) || !errors.As(err, &se) || se.Line != 1 || se.Col != len(`{"status":"ok","message-type":"work-list","message":{"items":[{"DOI":"10.1/first","title":["First"],"reference-count":0},`)+1 {
		t.Errorf("error %v, want ErrValueTooLarge at line 1, column of the second work", err)
	}
	if len(recs) != 1 || recs[0].DOI != "10.1/first" {
		t.Errorf("records %s, want the first work's", fmt.Sprint(len(recs)))
	}
}
