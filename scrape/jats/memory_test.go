package jats

import (
	"context"
	"errors"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
	"github.com/citegraph/citegraph/scrape/internal/xmlread"
)

// TestHugeText: issue 16, hostile item 4. A JATS article (the elements of
// JATS 1.3's article: front/article-meta/title-group/article-title, body/
// sec/p) whose paragraph is one text node of 150 MB, or 150 MB of text in
// italic pieces, generated as it is read, took 991 MB. The paragraph now
// fails at xmlread.MaxText (one text node: MaxToken) with its line and
// column, with the heap below readertest.PeakLimit; the article's record
// is kept with what was read before it (its title).
func TestHugeText(t *testing.T) {
	if readertest.RaceBuild() || testing.Short() {
		t.Skip("reads 150 MB of generated XML; too slow under -race or -short")
	}
	head := []byte("<?xml version=\"1.0\"?>\n<article><front><article-meta><title-group><article-title>A title</article-title></title-group></article-meta></front>\n<body><sec><title>Results</title><p>")
	tail := []byte("</p></sec></body></article>\n")
	for _, tc := range []struct {
		name string
		unit []byte
	}{
		{"one text node", []byte("words of a long paragraph ")},
		{"italic pieces", []byte("words <italic>of a long</italic> paragraph ")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := int64(150<<20) / int64(len(tc.unit))
			var recs []graph.Record
			var err error
			peak, _ := readertest.PeakHeap(func() {
				err = Format{}.Extract(context.Background(), readertest.Repeat(head, tc.unit, n, tail), func(r graph.Record) error {
					recs = append(recs, r)
					return nil
				})
			})
			t.Logf("peak heap %d MB: %v", peak>>20, err)
			if peak > readertest.PeakLimit {
				t.Errorf("peak heap %d MB, want at most %d MB", peak>>20, readertest.PeakLimit>>20)
			}
			var pe *xmlread.PosError
			if !errors.Is(err, xmlread.ErrTooLarge) || !errors.As(err, &pe) || pe.Line != 3 {
				t.Errorf("error %v, want ErrTooLarge on line 3", err)
			}
			if len(recs) != 1 || recs[0].Title != "A title" {
				t.Errorf("records %+v, want the article's with its title", recs)
			}
		})
	}
}
