package fetch

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// retryStatus reports whether an answer with this status is worth another
// try: the server is busy, overloaded or asks us to slow down.
func retryStatus(status int, extra []int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	for _, s := range extra {
		if s == status {
			return true
		}
	}
	return false
}

// retryError reports whether a failed round trip is worth another try: a
// timeout, a connection refused or reset, a body cut short. The caller's
// own cancellation is checked before this.
func retryError(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE) {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsTimeout || dns.IsTemporary
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	// The transport's own words for a connection that died under it.
	s := err.Error()
	return strings.Contains(s, "connection reset") || strings.Contains(s, "server closed") ||
		strings.Contains(s, "broken pipe") || strings.Contains(s, "unexpected EOF")
}

// retryAfter reads how long the server asks us to wait: Retry-After in
// seconds or as an HTTP date (RFC 9110 §10.2.3), or, on a 429 with no
// Retry-After, the rate-limit window's reset when the server says none is
// left (X-RateLimit-Remaining: 0 with X-RateLimit-Reset in seconds, as
// OpenAlex sends). ok is false when the answer names no wait.
func retryAfter(h http.Header, status int, now time.Time) (d time.Duration, ok bool) {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			if n < 0 {
				return 0, true
			}
			if n > 1<<31 {
				n = 1 << 31
			}
			return time.Duration(n) * time.Second, true
		}
		if t, err := http.ParseTime(v); err == nil {
			d := t.Sub(now)
			if d < 0 {
				d = 0
			}
			return d, true
		}
	}
	if status == http.StatusTooManyRequests && strings.TrimSpace(h.Get("X-RateLimit-Remaining")) == "0" {
		if n, err := strconv.ParseInt(strings.TrimSpace(h.Get("X-RateLimit-Reset")), 10, 64); err == nil && n >= 0 {
			if n > 1_000_000_000 { // an epoch time, not a delay
				d := time.Unix(n, 0).Sub(now)
				return max(d, 0), true
			}
			return time.Duration(n) * time.Second, true
		}
	}
	return 0, false
}

// announcedRate reads the pace a server announces: Crossref's
// X-Rate-Limit-Limit (requests) per X-Rate-Limit-Interval ("1s", "60s").
func announcedRate(h http.Header) (rate float64, limit int, ok bool) {
	ls, is := strings.TrimSpace(h.Get("X-Rate-Limit-Limit")), strings.TrimSpace(h.Get("X-Rate-Limit-Interval"))
	if ls == "" || is == "" {
		return 0, 0, false
	}
	n, err := strconv.Atoi(ls)
	if err != nil || n < 1 {
		return 0, 0, false
	}
	iv, err := time.ParseDuration(is)
	if err != nil {
		secs, err2 := strconv.ParseFloat(is, 64)
		if err2 != nil {
			return 0, 0, false
		}
		iv = time.Duration(secs * float64(time.Second))
	}
	if iv <= 0 {
		return 0, 0, false
	}
	return float64(n) / iv.Seconds(), n, true
}

// announcedConcurrency reads Crossref's X-Concurrency-Limit.
func announcedConcurrency(h http.Header) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(h.Get("X-Concurrency-Limit")))
	return n, err == nil && n >= 1
}

// backoff returns the wait before attempt+1 (attempt counts from 1):
// exponential with full jitter, a uniform draw from [0, min(max,
// base·2^(attempt-1))], so that clients that failed together do not come
// back together.
func backoff(attempt int, base, maxWait time.Duration) time.Duration {
	ceil := base
	for i := 1; i < attempt && ceil < maxWait; i++ {
		ceil *= 2
	}
	ceil = min(ceil, maxWait)
	if ceil <= 0 {
		return 0
	}
	return rand.N(ceil + 1)
}
