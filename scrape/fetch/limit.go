package fetch

import (
	"context"
	"sync"
	"time"
)

// bucket paces the requests to one host: a token bucket kept as a
// theoretical arrival time (GCRA), so that one value says when the next
// request may start. Over any span W at most burst + W/interval requests
// start; pause holds every request back until a time the server named.
type bucket struct {
	mu       sync.Mutex
	interval time.Duration // 1/rate
	burst    int
	tat      time.Time // theoretical arrival time of the next request
}

func newBucket(rate float64, burst int) *bucket {
	b := &bucket{}
	b.set(rate, burst)
	return b
}

// set changes the pace; requests already reserved keep their times.
func (b *bucket) set(rate float64, burst int) {
	if burst < 1 {
		burst = 1
	}
	iv := time.Duration(float64(time.Second) / rate)
	if iv < 1 {
		iv = 1
	}
	b.mu.Lock()
	b.interval, b.burst = iv, burst
	b.mu.Unlock()
}

// rate returns the pace in requests per second.
func (b *bucket) rate() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return float64(time.Second) / float64(b.interval)
}

// take starts a request now if the pace allows it and returns 0; otherwise
// it takes nothing and returns how long to wait before asking again. Taking
// only when allowed keeps the bound at the times requests really start,
// however late a waiting goroutine wakes.
func (b *bucket) take(now time.Time) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	tat := b.tat
	if tat.Before(now) {
		tat = now
	}
	tolerance := time.Duration(b.burst-1) * b.interval
	if d := tat.Add(-tolerance).Sub(now); d > 0 {
		return d
	}
	b.tat = tat.Add(b.interval)
	return 0
}

// pause lets no request start before until; after it requests start one
// interval apart (no burst), as a server that just said "slow down"
// deserves.
func (b *bucket) pause(until time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tolerance := time.Duration(b.burst-1) * b.interval
	if t := until.Add(tolerance); b.tat.Before(t) {
		b.tat = t
	}
}

// gate bounds the requests under way at once; its bound can change while
// requests wait (a server announcing its concurrency limit). Waiters are
// served in order.
type gate struct {
	mu      sync.Mutex
	limit   int
	inUse   int
	waiters []chan struct{}
}

func newGate(limit int) *gate {
	if limit < 1 {
		limit = 1
	}
	return &gate{limit: limit}
}

// acquire waits for a slot or for ctx to end.
func (g *gate) acquire(ctx context.Context) error {
	g.mu.Lock()
	if g.inUse < g.limit && len(g.waiters) == 0 {
		g.inUse++
		g.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	g.waiters = append(g.waiters, ch)
	g.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		g.mu.Lock()
		for i, w := range g.waiters {
			if w == ch {
				g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
				g.mu.Unlock()
				return ctx.Err()
			}
		}
		g.mu.Unlock()
		// The slot was granted as ctx ended: hand it on.
		g.release()
		return ctx.Err()
	}
}

// release frees a slot.
func (g *gate) release() {
	g.mu.Lock()
	g.inUse--
	g.wakeLocked()
	g.mu.Unlock()
}

// setLimit changes the bound; slots already held are kept.
func (g *gate) setLimit(n int) {
	if n < 1 {
		n = 1
	}
	g.mu.Lock()
	g.limit = n
	g.wakeLocked()
	g.mu.Unlock()
}

func (g *gate) getLimit() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.limit
}

func (g *gate) wakeLocked() {
	for g.inUse < g.limit && len(g.waiters) > 0 {
		ch := g.waiters[0]
		g.waiters = g.waiters[1:]
		g.inUse++
		close(ch)
	}
}

// burstSize returns the burst.
func (b *bucket) burstSize() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.burst
}
