package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
)

// TestInflatingAnswer: issue 16, hostile item 4. An answer sent gzip-
// compressed (Content-Encoding: gzip, which the transport asks for and
// undoes) that inflates to 512 MiB — 512 gzip members of one MiB each
// (RFC 1952 section 2.2), half a MB on the wire — fails with ErrTooLarge
// once DefaultMaxBodyBytes is passed, with the heap under 400 MB.
func TestInflatingAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 32 MB")
	}
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(bytes.Repeat([]byte(" "), 1<<20))
	zw.Close()
	body := bytes.Repeat(member.Bytes(), 512)
	s := fetchtest.NewServer()
	defer s.Close()
	s.Handle("GET", "/bomb", fetchtest.Answer{Status: 200, Header: http.Header{"Content-Type": {"application/json"}, "Content-Encoding": {"gzip"}}, Body: body})
	f := newFetcher(t, Options{}, s)
	var err error
	peak := peakHeap(func() { _, err = f.Get(context.Background(), s.URL+"/bomb", API) })
	t.Logf("%d KB sent, peak heap %d MB", len(body)>>10, peak>>20)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if peak > 400<<20 {
		t.Errorf("peak heap %d MB, want under 400 MB", peak>>20)
	}
}

// peakHeap runs fn and returns the most heap in use meanwhile, sampled
// every millisecond.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			metrics.Read(s)
			mu.Lock()
			peak = max(peak, s[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	fn()
	close(stop)
	wg.Wait()
	return peak
}
