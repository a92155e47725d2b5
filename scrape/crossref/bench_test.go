package crossref

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// BenchmarkDecode decodes Crossref answers of testdata: MB/s, works/s and
// allocations.
func BenchmarkDecode(b *testing.B) {
	readertest.BenchDecode(b, Decode, "works/s", "crossref_work_10.1038_srep16696.json", "crossref_works_list_3items.json")
}

// list is a generated work-list of n works, written on the fly from the
// work of srep16696 (62 references, an abstract): the stream of a cursor
// page of any size, never held in memory whole.
type list struct {
	work []byte
	n, i int
	cur  []byte
	done bool
}

func newList(b testing.TB, n int) *list {
	raw, err := os.ReadFile("testdata/crossref_work_10.1038_srep16696.json")
	if err != nil {
		b.Fatal(err)
	}
	start := bytes.Index(raw, []byte(`"message":`)) + len(`"message":`)
	work := bytes.TrimSpace(raw[start:])
	work = work[:len(work)-1] // the envelope's closing brace
	return &list{work: work, n: n, cur: []byte(`{"status":"ok","message-type":"work-list","message-version":"1.0.0","message":{"facets":{},"total-results":1,"items":[`)}
}

func (l *list) Read(b []byte) (int, error) {
	for len(l.cur) == 0 {
		switch {
		case l.done:
			return 0, io.EOF
		case l.i == l.n:
			l.cur, l.done = []byte(`],"items-per-page":1000,"query":{"start-index":0,"search-terms":null}}}`), true
		case l.i > 0:
			l.cur = append(append(l.cur[:0:0], ','), l.work...)
			l.i++
		default:
			l.cur = l.work
			l.i++
		}
	}
	n := copy(b, l.cur)
	l.cur = l.cur[n:]
	return n, nil
}

// BenchmarkLargeList streams generated work-lists of 1,000 and 10,000
// works (30 and 300 MB): the peak heap must not grow with the list.
func BenchmarkLargeList(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("works=%d", n), func(b *testing.B) {
			var size int64
			for b.Loop() {
				cr := &readertest.CountingReader{R: newList(b, n)}
				works, refs := 0, 0
				peak, live := readertest.PeakHeap(func() {
					if err := Decode(context.Background(), cr, func(r graph.Record) error { works++; refs += len(r.References); return nil }); err != nil {
						b.Fatal(err)
					}
				})
				if works != n || refs != 62*n {
					b.Fatalf("%d works, %d references; want %d, %d", works, refs, n, 62*n)
				}
				size = cr.N
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
			}
			b.SetBytes(size)
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "works/s")
		})
	}
}
