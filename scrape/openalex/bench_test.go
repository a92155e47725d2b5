package openalex

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

// BenchmarkDecode decodes the OpenAlex answers of testdata: MB/s, works/s
// and allocations.
func BenchmarkDecode(b *testing.B) {
	readertest.BenchDecode(b, Decode, "works/s", "openalex_work_W2741809807_peerj.4375.json", "openalex_works_list_page1_2works_cursor.json")
}

// page is a generated page of n works, made on the fly from the works of
// the real list page (never held in memory whole): the stream a cursor
// page of any size would be.
type page struct {
	parts [][]byte
	n, i  int // works to write, works written
	cur   []byte
	done  bool
}

func newPage(b testing.TB, n int) *page {
	raw, err := os.ReadFile("testdata/openalex_works_list_page1_2works_cursor.json")
	if err != nil {
		b.Fatal(err)
	}
	// The two works between "results":[ and ],"group_by".
	start := bytes.Index(raw, []byte(`"results":[`)) + len(`"results":[`)
	end := bytes.LastIndex(raw, []byte(`],"group_by"`))
	body := raw[start:end]
	cut := bytes.Index(body, []byte(`},{"id":"https://openalex.org/W2741809807"`)) + 1
	p := &page{parts: [][]byte{body[:cut], body[cut+1:]}, n: n}
	p.cur = []byte(fmt.Sprintf(`{"meta":{"count":%d,"db_response_time_ms":1,"page":null,"per_page":%d},"results":[`, n, n))
	return p
}

func (p *page) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		switch {
		case p.done:
			return 0, io.EOF
		case p.i == p.n:
			p.cur, p.done = []byte(`],"group_by":[]}`), true
		default:
			w := p.parts[p.i%2]
			if p.i > 0 {
				p.cur = append(append(p.cur[:0:0], ','), w...)
			} else {
				p.cur = w
			}
			p.i++
		}
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// BenchmarkLargePage streams generated pages of 1,000 and 10,000 works
// (19 and 190 MB): the peak heap must not grow with the page.
func BenchmarkLargePage(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("works=%d", n), func(b *testing.B) {
			var size int64
			for b.Loop() {
				p := newPage(b, n)
				cr := &readertest.CountingReader{R: p}
				works := 0
				peak, live := readertest.PeakHeap(func() {
					if err := Decode(context.Background(), cr, func(graph.Record) error { works++; return nil }); err != nil {
						b.Fatal(err)
					}
				})
				if works != n {
					b.Fatalf("%d works, want %d", works, n)
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
