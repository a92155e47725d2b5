package fetch

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// With a fixed clock, a bucket of rate 10/s and burst 3 lets three requests
// start at once, then one each 100 ms; a refused request takes nothing.
func TestBucketSpacing(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newBucket(10, 3)
	for i := range 3 {
		if d := b.take(now); d != 0 {
			t.Errorf("request %d of the burst waits %v", i+1, d)
		}
	}
	for range 2 {
		if d := b.take(now); d != 100*time.Millisecond {
			t.Errorf("fourth request: wait %v, want 100ms", d)
		}
	}
	now = now.Add(100 * time.Millisecond)
	if d := b.take(now); d != 0 {
		t.Errorf("after 100 ms: wait %v", d)
	}
	if d := b.take(now); d != 100*time.Millisecond {
		t.Errorf("fifth: wait %v, want 100ms", d)
	}
	// After a quiet spell the burst is back, and no more.
	now = now.Add(2 * time.Second)
	for i, w := range []time.Duration{0, 0, 0, 100 * time.Millisecond} {
		if got := b.take(now); got != w {
			t.Errorf("after a quiet spell, request %d: wait %v, want %v", i+1, got, w)
		}
	}
}

// A pause (Retry-After) holds every request until its end, then lets them
// start one interval apart with no burst.
func TestBucketPause(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newBucket(10, 5)
	b.pause(now.Add(3 * time.Second))
	if d := b.take(now); d != 3*time.Second {
		t.Errorf("during the pause: wait %v, want 3s", d)
	}
	at := now.Add(3 * time.Second)
	if d := b.take(at); d != 0 {
		t.Errorf("at the pause's end: wait %v", d)
	}
	if d := b.take(at); d != 100*time.Millisecond {
		t.Errorf("second after the pause: wait %v, want 100ms", d)
	}
	// An earlier pause does not shorten a later one.
	b.pause(now.Add(time.Second))
	if d := b.take(at); d != 100*time.Millisecond {
		t.Errorf("after an earlier pause: wait %v, want 100ms", d)
	}
}

// Over any window of W seconds a bucket lets at most burst + rate·W
// requests start, however callers arrive and however late they wake.
func TestBucketBound(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newBucket(50, 4)
	var starts []time.Time
	now := start
	for i := range 3000 {
		now = now.Add(time.Duration(i%7) * time.Millisecond) // callers arrive unevenly
		for {
			d := b.take(now)
			if d == 0 {
				break
			}
			now = now.Add(d + time.Duration(i%3)*time.Millisecond) // and wake late
		}
		starts = append(starts, now)
	}
	for i := range starts {
		n := 0
		for j := i; j < len(starts) && starts[j].Sub(starts[i]) < time.Second; j++ {
			n++
		}
		if n > 4+50 {
			t.Fatalf("%d requests started within a second of request %d; the bound is 54", n, i)
		}
	}
}

func TestGate(t *testing.T) {
	g := newGate(2)
	ctx := context.Background()
	if err := g.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	if err := g.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	// A third waits; a cancelled waiter gives up without taking a slot.
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- g.acquire(cctx) }()
	cancel()
	if err := <-done; err != context.Canceled {
		t.Fatalf("cancelled acquire: %v", err)
	}
	got := make(chan struct{})
	go func() {
		if g.acquire(ctx) == nil {
			close(got)
		}
	}()
	select {
	case <-got:
		t.Fatal("acquired beyond the limit")
	case <-time.After(20 * time.Millisecond):
	}
	g.setLimit(3) // a server raised its concurrency limit
	select {
	case <-got:
	case <-time.After(2 * time.Second):
		t.Fatal("raising the limit did not wake the waiter")
	}
	g.setLimit(1) // lowered: held slots stay, new ones wait for three releases
	g.release()
	g.release()
	ok := make(chan struct{})
	go func() {
		if g.acquire(ctx) == nil {
			close(ok)
		}
	}()
	select {
	case <-ok:
		t.Fatal("acquired while 1 of 1 slots is held")
	case <-time.After(20 * time.Millisecond):
	}
	g.release()
	<-ok
}

// Many goroutines through a gate of 3: never more than 3 inside.
func TestGateBound(t *testing.T) {
	g := newGate(3)
	var mu sync.Mutex
	in, most := 0, 0
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := g.acquire(context.Background()); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			in++
			most = max(most, in)
			mu.Unlock()
			time.Sleep(time.Millisecond)
			mu.Lock()
			in--
			mu.Unlock()
			g.release()
		}()
	}
	wg.Wait()
	if most > 3 || most < 1 {
		t.Errorf("at most %d inside, want ≤ 3", most)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 6, 16, 14, 22, 54, 0, time.UTC)
	cases := []struct {
		name   string
		h      http.Header
		status int
		want   time.Duration
		ok     bool
	}{
		{"seconds", http.Header{"Retry-After": {"120"}}, 429, 2 * time.Minute, true},
		{"zero", http.Header{"Retry-After": {"0"}}, 503, 0, true},
		{"http date", http.Header{"Retry-After": {"Tue, 16 Jun 2026 14:23:04 GMT"}}, 503, 10 * time.Second, true},
		{"rfc 850 date", http.Header{"Retry-After": {"Tuesday, 16-Jun-26 14:23:04 GMT"}}, 503, 10 * time.Second, true},
		{"date passed", http.Header{"Retry-After": {"Tue, 16 Jun 2026 14:00:00 GMT"}}, 503, 0, true},
		{"garbage", http.Header{"Retry-After": {"soon"}}, 503, 0, false},
		{"none", http.Header{}, 500, 0, false},
		{"quota reset", http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"11987"}}, 429, 11987 * time.Second, true},
		{"quota left", http.Header{"X-Ratelimit-Remaining": {"997"}, "X-Ratelimit-Reset": {"11987"}}, 429, 0, false},
		{"quota epoch", http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1781619804"}}, 429, 30 * time.Second, true},
	}
	for _, c := range cases {
		got, ok := retryAfter(c.h, c.status, now)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestAnnouncedLimits(t *testing.T) {
	// The headers of a real Crossref answer (testdata/crossref_vcr_cassette…).
	h := http.Header{"X-Rate-Limit-Limit": {"10"}, "X-Rate-Limit-Interval": {"1s"}, "X-Concurrency-Limit": {"3"}}
	if r, n, ok := announcedRate(h); !ok || r != 10 || n != 10 {
		t.Errorf("rate = %v, %d, %v", r, n, ok)
	}
	if n, ok := announcedConcurrency(h); !ok || n != 3 {
		t.Errorf("concurrency = %d, %v", n, ok)
	}
	// The older documentation's example: 3000 per 60s is 50 a second.
	if r, _, ok := announcedRate(http.Header{"X-Rate-Limit-Limit": {"3000"}, "X-Rate-Limit-Interval": {"60s"}}); !ok || r != 50 {
		t.Errorf("3000/60s = %v", r)
	}
	for _, bad := range []http.Header{
		{"X-Rate-Limit-Limit": {"0"}, "X-Rate-Limit-Interval": {"1s"}},
		{"X-Rate-Limit-Limit": {"10"}},
		{"X-Rate-Limit-Limit": {"ten"}, "X-Rate-Limit-Interval": {"1s"}},
		{"X-Rate-Limit-Limit": {"10"}, "X-Rate-Limit-Interval": {"-1s"}},
	} {
		if _, _, ok := announcedRate(bad); ok {
			t.Errorf("%v read as a rate", bad)
		}
	}
}

func TestBackoffFullJitter(t *testing.T) {
	for attempt := 1; attempt <= 12; attempt++ {
		ceil := min(time.Second<<(attempt-1), time.Minute)
		for range 200 {
			d := backoff(attempt, time.Second, time.Minute)
			if d < 0 || d > ceil {
				t.Fatalf("attempt %d: %v outside [0, %v]", attempt, d, ceil)
			}
		}
	}
}
