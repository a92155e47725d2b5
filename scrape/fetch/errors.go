package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Conditions callers branch on, with errors.Is. Each reaches the caller
// wrapped in an *Error that names the request.
var (
	// ErrNotFound means the server answered 404 Not Found or 410 Gone: the
	// work or page does not exist there. Such answers are cached, so a
	// replay gives the same error.
	ErrNotFound = errors.New("not found")
	// ErrStatus means the final answer had a status other than 2xx that is
	// not covered by a more specific sentinel; Error.Status holds it.
	ErrStatus = errors.New("unexpected status")
	// ErrRateLimited means the server still refused with 429 Too Many
	// Requests after the retries, or asked to wait longer than
	// Options.MaxRetryWait (Error.RetryAfter says how long).
	ErrRateLimited = errors.New("rate limited")
	// ErrNotCached means the Fetcher is offline (CacheOffline) and the cache
	// holds no answer for the request.
	ErrNotCached = errors.New("not in the cache (offline)")
	// ErrDisallowed means the site's robots.txt does not allow citegraph to
	// fetch the page.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrTooLarge means the body is longer than Options.MaxBodyBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrNotText means Response.Text was asked to decode a body whose
	// Content-Type says it is not text (an image, a PDF, an archive).
	ErrNotText = errors.New("not a text response")
)

// Error reports a request that failed: what was asked, how far it got and
// why. Err is one of the sentinels above, a context error (the caller
// cancelled or its deadline passed), or the network error of the last
// attempt. URLs never carry the credentials the Fetcher adds (see Service).
type Error struct {
	Method string
	URL    string
	// Status is the HTTP status of the final answer, 0 when none came.
	Status int
	// Snippet is the start of the final answer's body (at most
	// SnippetBytes bytes, valid UTF-8, control characters replaced, any
	// credential the Fetcher added replaced by "[redacted]"), "" when there
	// was none.
	Snippet string
	// Body is the whole body of the final answer (credentials redacted as
	// in Snippet), nil when none came: a caller that tells a login page or
	// a CAPTCHA from other refusals reads it. Error() does not print it.
	Body []byte
	// Attempts is the number of round trips made, 0 when the answer came
	// from the cache or none was tried.
	Attempts int
	// RetryAfter is how long the server asked to wait when that was longer
	// than the Fetcher would wait.
	RetryAfter time.Duration
	// Redirected is the URL a redirect led to when the failure happened
	// there (robots.txt of the site a DOI resolves to), "" otherwise.
	Redirected string
	Err        error
}

// SnippetBytes bounds Error.Snippet.
const SnippetBytes = 300

// Error says, on one line: "fetch: METHOD URL: STATUS (after N attempts):
// snippet", or the cause when no answer came.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("fetch: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.URL)
	if e.Redirected != "" {
		b.WriteString(" (redirected to ")
		b.WriteString(e.Redirected)
		b.WriteByte(')')
	}
	b.WriteString(": ")
	if e.Status != 0 {
		fmt.Fprintf(&b, "%d %s", e.Status, http.StatusText(e.Status))
		if !errors.Is(e.Err, ErrStatus) && !errors.Is(e.Err, ErrNotFound) {
			b.WriteString(": ")
			b.WriteString(e.Err.Error())
		}
	} else {
		b.WriteString(e.Err.Error())
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (server asks to wait %s)", e.RetryAfter.Round(time.Second))
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	if e.Snippet != "" {
		b.WriteString(": ")
		b.WriteString(e.Snippet)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// statusCause maps a final non-2xx status to its sentinel.
func statusCause(status int) error {
	switch status {
	case http.StatusNotFound, http.StatusGone:
		return ErrNotFound
	case http.StatusTooManyRequests:
		return ErrRateLimited
	}
	return ErrStatus
}

// snippet returns the start of body as one line of valid UTF-8.
func snippet(body []byte) string {
	if len(body) > SnippetBytes {
		body = body[:SnippetBytes]
	}
	s := strings.ToValidUTF8(string(body), "\uFFFD")
	// A cut in the middle of a rune leaves a replacement character at the
	// end; that is fine for a message.
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(strings.Join(strings.Fields(s), " "))
}
