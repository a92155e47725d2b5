package fetch

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
)

// TestLoad sends 10,000 requests, 5,000 to each of two hosts, from 64
// workers, through one Fetcher: host A is limited to 400 requests a second
// and 4 at a time, host B to 300 a second and 3 at a time, 6 in flight in
// all, each host fed by 32 workers of its own. Answers take 2 ms, one in
// five 15 ms and one in fifty 60 ms, so that the in-flight bounds bind at
// times as well as the rates; one request in a hundred is first answered 503
// and must be retried. Measured by the servers' own clocks: no request is
// lost, no one-second window sees more than a host's rate (+2 for arrival
// jitter), the in-flight bounds hold, and the retries are exactly the
// scripted failures. About 17 s; skipped with -short.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: 10,000 requests, about 17 s")
	}
	const perHost, workers = 5000, 64
	limits := []Limit{{Rate: 400, Burst: 1, InFlight: 4}, {Rate: 300, Burst: 1, InFlight: 3}}
	const overall = 6

	meter := &fetchtest.Meter{}
	servers := make([]*fetchtest.Server, 2)
	var services []Service
	failing := 0
	for h := range servers {
		s := fetchtest.NewServer()
		defer s.Close()
		s.ShareMeter(meter)
		s.Fallback = func(r *http.Request) fetchtest.Answer {
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/works/"))
			d := 2 * time.Millisecond
			switch {
			case n%50 == 0:
				d = 60 * time.Millisecond
			case n%5 == 0:
				d = 15 * time.Millisecond
			}
			return fetchtest.Answer{Delay: d, Header: jsonHeader(), Body: []byte(fmt.Sprintf(`{"id":%d}`, n))}
		}
		for i := 0; i < perHost; i += 100 {
			s.Handle("GET", fmt.Sprintf("/works/%d", i+7), fetchtest.Answer{Status: 503},
				fetchtest.Answer{Header: jsonHeader(), Body: []byte(fmt.Sprintf(`{"id":%d}`, i+7))})
			failing++
		}
		servers[h] = s
		services = append(services, Service{Name: fmt.Sprintf("host%d", h), Host: s.Host(), Limit: limits[h]})
	}
	f := newFetcher(t, Options{MaxInFlight: overall, Services: services, MaxRetries: 3}, servers...)

	var mu sync.Mutex
	var failures []error
	var wrong int
	var wg sync.WaitGroup
	start := time.Now()
	for h := range servers {
		// Each host has its own queue and workers, as a chase asks several
		// indexes at once.
		jobs := make(chan int)
		for range workers / 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := range jobs {
					r, err := f.Get(context.Background(), fmt.Sprintf("%s/works/%d", servers[h].URL, n), API)
					mu.Lock()
					switch {
					case err != nil:
						failures = append(failures, err)
					case string(r.Body) != fmt.Sprintf(`{"id":%d}`, n):
						wrong++
					}
					mu.Unlock()
				}
			}()
		}
		go func() {
			for n := range perHost {
				jobs <- n
			}
			close(jobs)
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	if len(failures) > 0 || wrong > 0 {
		t.Fatalf("%d requests failed (first: %v), %d got a wrong body", len(failures), failures[0], wrong)
	}
	st := f.Stats()
	if st.Calls != 2*perHost || st.Retries != int64(failing) {
		t.Errorf("calls %d retries %d; want %d and %d", st.Calls, st.Retries, 2*perHost, failing)
	}
	report := []string{fmt.Sprintf("10,000 requests in %v with %d workers; retries %d (scripted 503s: %d); rate-limit waits %d (%v in all); overall in flight at most %d (bound %d)",
		elapsed.Round(time.Millisecond), workers, st.Retries, failing, st.Waits, st.WaitTime.Round(time.Millisecond), meter.MaxInFlight(), overall)}
	if got := meter.MaxInFlight(); got > overall {
		t.Errorf("%d requests in flight across hosts; the bound is %d", got, overall)
	}
	for h, s := range servers {
		reqs := s.Requests()
		sort.Slice(reqs, func(i, j int) bool { return reqs[i].At.Before(reqs[j].At) })
		if len(reqs) != perHost+failing/2 {
			t.Errorf("host %d saw %d requests, want %d", h, len(reqs), perHost+failing/2)
		}
		span := reqs[len(reqs)-1].At.Sub(reqs[0].At)
		achieved := float64(len(reqs)-1) / span.Seconds()
		window := maxInWindow(reqs, time.Second)
		lim := limits[h]
		if window > int(lim.Rate)+2 {
			t.Errorf("host %d: %d requests within one second; limit %v", h, window, lim.Rate)
		}
		if achieved > lim.Rate*1.01 {
			t.Errorf("host %d: %.1f requests a second on average; limit %v", h, achieved, lim.Rate)
		}
		if got := s.MaxInFlight(); got > lim.InFlight {
			t.Errorf("host %d: %d in flight; bound %d", h, got, lim.InFlight)
		}
		report = append(report, fmt.Sprintf("host %d: limit %v/s, %d in flight; achieved %.1f/s over %v; busiest second %d requests; in flight at most %d",
			h, lim.Rate, lim.InFlight, achieved, span.Round(time.Millisecond), window, s.MaxInFlight()))
	}
	for _, line := range report {
		t.Log(line)
	}
	if p := os.Getenv("CITEGRAPH_FETCH_LOAD_REPORT"); p != "" {
		os.WriteFile(p, []byte(strings.Join(report, "\n")+"\n"), 0o644)
	}
}

// BenchmarkFetcherRoundTrip measures the Fetcher's cost over a bare
// round trip to a local server, with limits that never bind.
func BenchmarkFetcherRoundTrip(b *testing.B) {
	s := fetchtest.NewServer()
	defer s.Close()
	body := readTestdata(b, "crossref_work_10.1038_srep16696.json")
	s.Fallback = func(*http.Request) fetchtest.Answer { return fetchtest.JSON(body) }
	f := newFetcher(b, Options{}, s)
	ctx := context.Background()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := f.Get(ctx, fmt.Sprintf("%s/works/%d", s.URL, i), API); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareClient is the same round trip with net/http alone, for
// comparison.
func BenchmarkBareClient(b *testing.B) {
	s := fetchtest.NewServer()
	defer s.Close()
	body := readTestdata(b, "crossref_work_10.1038_srep16696.json")
	s.Fallback = func(*http.Request) fetchtest.Answer { return fetchtest.JSON(body) }
	c := &http.Client{}
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		resp, err := c.Get(fmt.Sprintf("%s/works/%d", s.URL, i))
		if err != nil {
			b.Fatal(err)
		}
		buf := make([]byte, 64<<10)
		for {
			if _, err := resp.Body.Read(buf); err != nil {
				break
			}
		}
		resp.Body.Close()
	}
}

// BenchmarkCacheHit measures an answer read from the on-disk cache.
func BenchmarkCacheHit(b *testing.B) {
	s := fetchtest.NewServer()
	defer s.Close()
	body := readTestdata(b, "crossref_work_10.1038_srep16696.json")
	s.Fallback = func(*http.Request) fetchtest.Answer { return fetchtest.JSON(body) }
	f := newFetcher(b, Options{CacheDir: b.TempDir()}, s)
	ctx := context.Background()
	if _, err := f.Get(ctx, s.URL+"/works/1", API); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		r, err := f.Get(ctx, s.URL+"/works/1", API)
		if err != nil || !r.FromCache {
			b.Fatal(err)
		}
	}
}
