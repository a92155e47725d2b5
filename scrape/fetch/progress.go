package fetch

import (
	"fmt"
	"sync/atomic"
	"time"
)

// EventKind says what an Event reports.
type EventKind int

const (
	// EventRequest: a round trip to the network ended, with Status (0 when
	// no answer came) and Err (nil when an answer came, whatever its status).
	EventRequest EventKind = iota + 1
	// EventCacheHit: a request was answered from the cache.
	EventCacheHit
	// EventRetry: attempt number Attempt failed (Status, Err) and the
	// request will be tried again after Wait.
	EventRetry
	// EventWait: a request must wait about Wait for its host's pace (rate
	// limit, crawl delay, or a pause the server asked for); reported before
	// the wait, once per attempt.
	EventWait
	// EventDone: a call of Fetcher.Do ended, Err nil on success; Status is
	// the final answer's.
	EventDone
	// EventCacheError: an answer could not be written to (or read from) the
	// cache; Err says why. The request itself went on.
	EventCacheError
)

// String returns the kind's name: "request", "cache-hit", "retry",
// "wait", "done" or "cache-error".
func (k EventKind) String() string {
	switch k {
	case EventRequest:
		return "request"
	case EventCacheHit:
		return "cache-hit"
	case EventRetry:
		return "retry"
	case EventWait:
		return "wait"
	case EventDone:
		return "done"
	case EventCacheError:
		return "cache-error"
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is one thing that happened to a request.
type Event struct {
	Kind EventKind
	// Method, URL and Host of the request (without added credentials).
	Method, URL, Host string
	Status            int
	// Attempt is the 1-based attempt the event concerns, 0 when none.
	Attempt int
	Wait    time.Duration
	Err     error
}

// Progress receives events as requests go. Report is called from many
// goroutines at once and must be safe for that and quick; it must not call
// back into the Fetcher.
type Progress interface {
	Report(Event)
}

// NoProgress discards events; it is the default.
type NoProgress struct{}

// Report does nothing.
func (NoProgress) Report(Event) {}

// Stats counts what a Fetcher has done since New; see Fetcher.Stats.
type Stats struct {
	// Calls is the number of Do calls that ended; Failures of them returned
	// an error.
	Calls, Failures int64
	// Requests is the number of round trips to the network (attempts,
	// robots.txt and redirect hops included).
	Requests int64
	// CacheHits is the number of Do calls answered from the cache.
	CacheHits int64
	// Retries is the number of attempts that failed and were tried again.
	Retries int64
	// Waits is the number of times a request waited for its host's pace,
	// WaitTime their total.
	Waits    int64
	WaitTime time.Duration
	// CacheErrors counts cache entries that could not be written or read.
	CacheErrors int64
}

type counters struct {
	calls, failures, requests, cacheHits, retries, waits, waitNanos, cacheErrors atomic.Int64
}

func (c *counters) snapshot() Stats {
	return Stats{
		Calls: c.calls.Load(), Failures: c.failures.Load(), Requests: c.requests.Load(),
		CacheHits: c.cacheHits.Load(), Retries: c.retries.Load(), Waits: c.waits.Load(),
		WaitTime: time.Duration(c.waitNanos.Load()), CacheErrors: c.cacheErrors.Load(),
	}
}
