package crossref

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

// BenchmarkDecode decodes Crossref answers of testdata: MB/s, works/s and
// allocations.
func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"crossref_work_10.1038_srep16696.json", "crossref_works_list_3items.json"} {
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

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// BenchmarkLargeList streams generated work-lists of 1,000 and 10,000
// works (30 and 300 MB): the peak heap must not grow with the list.
func BenchmarkLargeList(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("works=%d", n), func(b *testing.B) {
			var size int64
			for b.Loop() {
				cr := &countingReader{r: newList(b, n)}
				works, refs := 0, 0
				peak, live := peakHeap(func() {
					if err := Decode(context.Background(), cr, func(r graph.Record) error { works++; refs += len(r.References); return nil }); err != nil {
						b.Fatal(err)
					}
				})
				if works != n || refs != 62*n {
					b.Fatalf("%d works, %d references; want %d, %d", works, refs, n, 62*n)
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
