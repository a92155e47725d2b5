package openalex

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
)

// BenchmarkDecode decodes the OpenAlex answers of testdata: MB/s, works/s
// and allocations.
func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"openalex_work_W2741809807_peerj.4375.json", "openalex_works_list_page1_2works_cursor.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			works := 0
			for b.Loop() {
				if err := Decode(context.Background(), bytes.NewReader(data), func(graph.Record) error { works++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(works)/b.Elapsed().Seconds(), "works/s")
		})
	}
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

// peakHeap runs f and returns the most heap memory in use while it ran
// (objects, garbage not yet collected included) and the most live heap a
// collection found, both sampled every millisecond after a collection
// before f starts.
func peakHeap(f func()) (heap, live uint64) {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var mu sync.Mutex
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			mu.Lock()
			heap = max(heap, s[0].Value.Uint64())
			live = max(live, s[1].Value.Uint64())
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	return heap, live
}

// BenchmarkLargePage streams generated pages of 1,000 and 10,000 works
// (19 and 190 MB): the peak heap must not grow with the page.
func BenchmarkLargePage(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("works=%d", n), func(b *testing.B) {
			var size int64
			for b.Loop() {
				p := newPage(b, n)
				cr := &countingReader{r: p}
				works := 0
				peak, live := peakHeap(func() {
					if err := Decode(context.Background(), cr, func(graph.Record) error { works++; return nil }); err != nil {
						b.Fatal(err)
					}
				})
				if works != n {
					b.Fatalf("%d works, want %d", works, n)
				}
				size = cr.n
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
			}
			b.SetBytes(size)
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "works/s")
		})
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}
