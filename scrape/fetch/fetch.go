package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// Kind says what a request fetches, which decides whether robots.txt
// applies.
type Kind int

const (
	// API is a call to a documented API endpoint (OpenAlex, Crossref,
	// OpenCitations, Semantic Scholar, scite). An API is offered for
	// programs to call, within the limits its provider publishes, so
	// robots.txt, written for crawlers of web pages, is not consulted.
	API Kind = iota
	// Page is a web page (a publisher's landing page, a DOI resolved to
	// its page). The site's robots.txt is fetched once per host and
	// honoured, Crawl-delay included, unless Options.IgnoreRobots is set.
	Page
)

// String returns "api" or "page".
func (k Kind) String() string {
	if k == Page {
		return "page"
	}
	return "api"
}

// Request is one request to make.
type Request struct {
	// Method is the HTTP method; "" means GET. Every request is retried on
	// the failures listed in Fetcher.Do, so use only methods that read
	// (GET, HEAD, and the POSTs of batch look-up APIs).
	Method string
	// URL is absolute, http or https.
	URL string
	// Header holds fields to send (Accept, Content-Type). User-Agent is
	// always the Fetcher's, and Accept-Encoding is left to the transport,
	// which undoes the compression it asks for. Accept is part of the cache
	// key, since content negotiation gives different bytes for one URL.
	Header http.Header
	// Body is sent with the request (a POST's JSON) and is part of the cache
	// key.
	Body []byte
	Kind Kind
	// Timeout bounds each attempt (sending, waiting, reading the body); 0
	// means Options.Timeout.
	Timeout time.Duration
}

// Response is a final answer, fetched or from the cache. Its fields are
// the same either way: a run replayed from the cache sees the bytes of
// the run that filled it.
type Response struct {
	Method string
	// URL is the URL asked for; FinalURL the one that answered, after
	// redirects.
	URL, FinalURL string
	Status        int
	// Header holds the fields a reader of the body may need (Content-Type,
	// Content-Language, Content-Disposition, Content-Location, Date,
	// Last-Modified, ETag, Link, Location) and no others.
	Header http.Header
	// Body is the body as the server sent it (after the transport undid any
	// gzip), never converted; Text gives it as UTF-8. Callers must not
	// modify it.
	Body []byte
	// Fetched is when the answer arrived (the original time when it comes
	// from the cache), UTC.
	Fetched time.Time
	// FromCache is set when the answer came from the cache.
	FromCache bool
	// Attempts is the number of round trips the final hop took, 0 from the
	// cache.
	Attempts int
}

// ContentType returns the media type of the body, lower case, without
// parameters ("application/json").
func (r *Response) ContentType() string {
	ct := r.Header.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// Defaults for the zero fields of Options.
const (
	DefaultMaxInFlight  = 8
	DefaultTimeout      = 60 * time.Second
	DefaultMaxRetries   = 5
	DefaultRetryBase    = time.Second
	DefaultRetryMax     = time.Minute
	DefaultMaxRetryWait = 5 * time.Minute
	DefaultMaxBodyBytes = 32 << 20
	DefaultMaxRedirects = 10
)

// Options configure a Fetcher. The zero value is a working configuration:
// every host at DefaultLimit, no credentials, no cache, robots.txt
// honoured.
type Options struct {
	// Transport makes the round trips; nil means a clone of
	// http.DefaultTransport. Tests inject theirs here.
	Transport http.RoundTripper
	// Version is citegraph's version for the User-Agent; "" means "dev".
	Version string
	// Credentials identify citegraph: Credentials.Mailto goes into the
	// User-Agent of every request and the keys into the services'
	// requests. See CredentialsFromEnv.
	Credentials Credentials
	// Services are the hosts with limits and credentials of their own
	// (scrape/services.Fetch gives those of the citation indexes); every
	// other host is paced by DefaultLimit.
	Services []Service
	// DefaultLimit applies to every other host; zero fields take the values
	// of the package's DefaultLimit.
	DefaultLimit Limit
	// MaxInFlight bounds the requests under way at once across all hosts.
	MaxInFlight int
	// Timeout bounds each attempt of a request.
	Timeout time.Duration
	// MaxRetries is how many times a failed attempt is tried again (so
	// MaxRetries+1 attempts at most); 0 means DefaultMaxRetries, negative
	// means none.
	MaxRetries int
	// RetryBase and RetryMax shape the backoff between attempts: attempt n
	// waits a random time up to min(RetryMax, RetryBase·2^(n-1)).
	RetryBase, RetryMax time.Duration
	// MaxRetryWait is the longest wait a server may ask for (Retry-After)
	// that the Fetcher honours by waiting; a longer one ends the request
	// with ErrRateLimited (or the status's error) and Error.RetryAfter set,
	// so that a daily quota does not hang a run for hours.
	MaxRetryWait time.Duration
	// MaxBodyBytes bounds a body (decompressed); a longer one fails with
	// ErrTooLarge. Default DefaultMaxBodyBytes, 32 MiB: bodies are held
	// whole (recorded, cached) and up to MaxInFlight at once, and the
	// services' largest answers are a few MB.
	MaxBodyBytes int64
	// MaxRedirects bounds the redirects followed for one request.
	MaxRedirects int
	// CacheDir, when not "", holds the on-disk cache of raw answers (see
	// CacheMode). It is created when missing.
	CacheDir  string
	CacheMode CacheMode
	// IgnoreRobots stops the Fetcher from consulting robots.txt for pages.
	IgnoreRobots bool
	// Progress receives events; nil means NoProgress.
	Progress Progress
	// Recorder, when not nil, receives every exchange with the network
	// (see Exchange): a WARC writer keeps them as evidence of a scrape.
	Recorder Recorder
	// Unpaced drops the per-host pacing (rates, Crawl-delay, announced
	// limits and pauses): only for a Transport that does not reach the
	// network, such as the replay of an archive, which has no host to
	// spare. The bounds on requests in flight still hold.
	Unpaced bool
}

// Fetcher makes every request citegraph sends. It paces each host by its
// limits, bounds the requests in flight, retries what is worth retrying,
// honours robots.txt for pages and keeps raw answers in its cache. A
// Fetcher is safe for concurrent use; make one per run and share it.
type Fetcher struct {
	client   *http.Client
	ua       string
	opts     Options
	services map[string]*Service
	global   chan struct{}
	cache    *cache
	progress Progress
	stats    counters

	mu    sync.Mutex
	hosts map[string]*hostState

	// now and sleep are the clock; tests replace them.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// hostState is what the Fetcher keeps per host.
type hostState struct {
	host   string
	svc    *Service // nil for hosts no Service names
	limit  Limit    // as configured
	bucket *bucket
	gate   *gate

	mu         sync.Mutex
	announced  float64       // rate the server announced, 0 if none
	crawlDelay time.Duration // from robots.txt
	robots     *robots
	loading    chan struct{}
	unpaced    bool // Options.Unpaced
}

// The pace of an unpaced host: far more than any replay asks.
const (
	unpacedRate  = 1e9
	unpacedBurst = 1 << 20
)

// New returns a Fetcher. It fails on options that make no sense
// (negative bounds, offline without a cache directory) and when the cache
// directory cannot be created.
func New(opts Options) (*Fetcher, error) {
	if opts.MaxInFlight < 0 || opts.Timeout < 0 || opts.RetryBase < 0 || opts.RetryMax < 0 ||
		opts.MaxRetryWait < 0 || opts.MaxBodyBytes < 0 || opts.MaxRedirects < 0 {
		return nil, errors.New("fetch: negative bound in Options")
	}
	if opts.CacheMode != CacheReadWrite && opts.CacheDir == "" {
		return nil, fmt.Errorf("fetch: cache mode %s needs a cache directory", opts.CacheMode)
	}
	def := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	dur := func(v, d time.Duration) time.Duration {
		if v == 0 {
			return d
		}
		return v
	}
	opts.MaxInFlight = def(opts.MaxInFlight, DefaultMaxInFlight)
	opts.Timeout = dur(opts.Timeout, DefaultTimeout)
	opts.RetryBase = dur(opts.RetryBase, DefaultRetryBase)
	opts.RetryMax = dur(opts.RetryMax, DefaultRetryMax)
	opts.MaxRetryWait = dur(opts.MaxRetryWait, DefaultMaxRetryWait)
	opts.MaxRedirects = def(opts.MaxRedirects, DefaultMaxRedirects)
	switch {
	case opts.MaxRetries == 0:
		opts.MaxRetries = DefaultMaxRetries
	case opts.MaxRetries < 0:
		opts.MaxRetries = 0
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	opts.DefaultLimit = fillLimit(opts.DefaultLimit, DefaultLimit)
	if opts.Version == "" {
		opts.Version = "dev"
	}
	if opts.Progress == nil {
		opts.Progress = NoProgress{}
	}

	f := &Fetcher{
		ua:       userAgent(opts.Version, opts.Credentials.Mailto),
		opts:     opts,
		services: map[string]*Service{},
		global:   make(chan struct{}, opts.MaxInFlight),
		progress: opts.Progress,
		hosts:    map[string]*hostState{},
		now:      func() time.Time { return time.Now() },
		sleep:    sleepCtx,
	}
	for i := range opts.Services {
		s := opts.Services[i]
		if s.Limit.Rate < 0 || s.Limit.Burst < 0 || s.Limit.InFlight < 0 {
			return nil, fmt.Errorf("fetch: service %s: negative limit", s.Name)
		}
		s.Limit = fillLimit(s.Limit, opts.DefaultLimit)
		f.services[hostKey(s.Host, "")] = &s
	}
	tr := opts.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = opts.MaxInFlight
		tr = t
	}
	f.client = &http.Client{
		Transport: tr,
		// Redirects are followed by Do, hop by hop, so that every hop is
		// paced by its own host's limits and checked against its robots.txt.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	if opts.CacheDir != "" {
		if err := os.MkdirAll(opts.CacheDir, 0o755); err != nil {
			return nil, fmt.Errorf("fetch: cache: %w", err)
		}
		f.cache = &cache{dir: opts.CacheDir}
		if opts.CacheMode != CacheOffline {
			f.cache.sweep(time.Hour, time.Now())
		}
	}
	return f, nil
}

func fillLimit(l, d Limit) Limit {
	if l.Rate == 0 {
		l.Rate = d.Rate
	}
	if l.Burst == 0 {
		l.Burst = d.Burst
	}
	if l.InFlight == 0 {
		l.InFlight = d.InFlight
	}
	return l
}

// UserAgent returns the User-Agent the Fetcher sends: citegraph's name,
// version, home and the contact address when one is given, e.g.
// "citegraph/1.2 (+https://github.com/citegraph/citegraph; mailto:a@b.org)".
func (f *Fetcher) UserAgent() string { return f.ua }

func userAgent(version, mailto string) string {
	ua := "citegraph/" + version + " (+https://github.com/citegraph/citegraph"
	if mailto != "" {
		ua += "; mailto:" + mailto
	}
	return ua + ")"
}

// Stats returns what the Fetcher has done so far.
func (f *Fetcher) Stats() Stats { return f.stats.snapshot() }

// HostLimit returns the limit in force for host ("api.crossref.org",
// "127.0.0.1:8080"): the configured one as changed by what the server
// announced and by robots.txt's Crawl-delay.
func (f *Fetcher) HostLimit(host string) Limit {
	hs := f.host(hostKey(host, ""))
	return Limit{Rate: hs.bucket.rate(), Burst: hs.bucket.burstSize(), InFlight: hs.gate.getLimit()}
}

// Get fetches url with GET; see Do.
func (f *Fetcher) Get(ctx context.Context, url string, kind Kind) (*Response, error) {
	return f.Do(ctx, &Request{URL: url, Kind: kind})
}

// Do sends req and returns the final answer, which has a 2xx status;
// every other outcome is an *Error. It answers from the cache when it
// can (CacheMode). Otherwise, for a Page, it checks robots.txt; then it
// waits for the host's pace and a free slot (host and overall), sends,
// and follows redirects hop by hop. An attempt that times out, loses its
// connection, gets a body cut short, or is answered 408, 429, 500, 502,
// 503, 504 (or a status the Service lists) is tried again after a wait:
// the server's Retry-After (seconds or HTTP date) when it gives one, which
// also holds back every other request to that host, else exponential
// backoff with full jitter. 404 and 410 end in ErrNotFound, other
// statuses in ErrStatus or ErrRateLimited. Answers with 2xx, 404 and 410
// are cached; errors of the server and of the network are not, so a rerun
// tries them again.
//
// Cancelling ctx stops the request at once, wherever it waits, and
// returns ctx's error wrapped in an *Error; nothing half-received reaches
// the cache.
func (f *Fetcher) Do(ctx context.Context, req *Request) (*Response, error) {
	r, err := f.do(ctx, req)
	f.stats.calls.Add(1)
	ev := Event{Kind: EventDone, Method: methodOf(req), URL: req.URL, Err: err}
	if err != nil {
		f.stats.failures.Add(1)
		var fe *Error
		if errors.As(err, &fe) {
			ev.Status = fe.Status
		}
	} else {
		ev.Status = r.Status
	}
	if u, perr := url.Parse(req.URL); perr == nil {
		ev.Host = u.Host
	}
	f.progress.Report(ev)
	return r, err
}

func methodOf(req *Request) string {
	if req.Method == "" {
		return http.MethodGet
	}
	return strings.ToUpper(req.Method)
}

func (f *Fetcher) do(ctx context.Context, req *Request) (*Response, error) {
	method := methodOf(req)
	fail := func(err error) *Error { return &Error{Method: method, URL: req.URL, Err: err} }
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fail(fmt.Errorf("bad URL: %w", err))
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fail(errors.New("bad URL: want an absolute http or https URL"))
	}
	u.Fragment, u.RawFragment = "", "" // never sent; not part of the request
	key := cacheKey{method: method, url: u.String(), accept: req.Header.Get("Accept"), body: req.Body}

	if f.cache != nil && f.opts.CacheMode != CacheRefresh {
		r, err := f.cache.get(key)
		switch {
		case err == nil:
			f.stats.cacheHits.Add(1)
			f.progress.Report(Event{Kind: EventCacheHit, Method: method, URL: req.URL, Host: u.Host, Status: r.Status})
			r.Method, r.URL = method, req.URL
			if r.Status/100 != 2 {
				return nil, &Error{Method: method, URL: req.URL, Status: r.Status, Snippet: snippet(r.Body), Body: r.Body, Err: statusCause(r.Status)}
			}
			return r, nil
		case !isMiss(err):
			f.stats.cacheErrors.Add(1)
			f.progress.Report(Event{Kind: EventCacheError, Method: method, URL: req.URL, Host: u.Host, Err: err})
			if f.opts.CacheMode == CacheOffline {
				return nil, fail(fmt.Errorf("%w: %v", ErrNotCached, err))
			}
		}
		if f.opts.CacheMode == CacheOffline {
			return nil, fail(ErrNotCached)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fail(err)
	}

	r, err := f.follow(ctx, method, u, req)
	if err != nil {
		return nil, err
	}
	r.Method, r.URL = method, req.URL
	cacheable := r.Status/100 == 2 || r.Status == http.StatusNotFound || r.Status == http.StatusGone
	if f.cache != nil && cacheable {
		if err := f.cache.put(key, r); err != nil {
			f.stats.cacheErrors.Add(1)
			f.progress.Report(Event{Kind: EventCacheError, Method: method, URL: req.URL, Host: u.Host, Err: err})
		}
	}
	if r.Status/100 != 2 {
		return nil, &Error{Method: method, URL: req.URL, Status: r.Status, Snippet: snippet(r.Body), Body: r.Body,
			Attempts: r.Attempts, Err: statusCause(r.Status)}
	}
	return r, nil
}

// follow makes the request and its redirects, one hop at a time.
func (f *Fetcher) follow(ctx context.Context, method string, u *url.URL, req *Request) (*Response, error) {
	body := req.Body
	cur := u
	for hop := 0; ; hop++ {
		if req.Kind == Page && !f.opts.IgnoreRobots {
			if err := f.checkRobots(ctx, method, req.URL, cur); err != nil {
				return nil, err
			}
		}
		r, err := f.attempts(ctx, method, req.URL, cur, req.Header, body, req.Timeout)
		if err != nil {
			return nil, err
		}
		loc := r.Header.Get("Location")
		switch r.Status {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
			http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
			if loc == "" {
				break
			}
			if hop >= f.opts.MaxRedirects {
				return nil, &Error{Method: method, URL: req.URL, Status: r.Status,
					Err: fmt.Errorf("stopped after %d redirects (last to %s)", hop, loc)}
			}
			next, err := cur.Parse(loc)
			if err != nil || next.Scheme != "http" && next.Scheme != "https" {
				return nil, &Error{Method: method, URL: req.URL, Status: r.Status, Err: fmt.Errorf("bad redirect to %q", loc)}
			}
			next.Fragment = ""
			if r.Status <= http.StatusSeeOther && method != http.MethodGet && method != http.MethodHead {
				method, body = http.MethodGet, nil
			}
			cur = next
			continue
		}
		r.FinalURL = cur.String()
		return r, nil
	}
}

// attempts makes one hop, retrying as Do describes. It returns the final
// answer of the hop whatever its status, or an *Error when none usable
// came.
func (f *Fetcher) attempts(ctx context.Context, method, origURL string, u *url.URL, header http.Header, body []byte, timeout time.Duration) (*Response, error) {
	hs := f.host(hostKey(u.Host, u.Scheme))
	send := *u
	var extra []int
	if hs.svc != nil {
		extra = hs.svc.RetryStatus
		if len(hs.svc.Query) > 0 {
			q := send.Query()
			for k, vs := range hs.svc.Query {
				if !q.Has(k) {
					q[k] = vs
				}
			}
			send.RawQuery = q.Encode()
		}
	}
	if timeout <= 0 {
		timeout = f.opts.Timeout
	}
	hopURL := u.String()
	for attempt := 1; ; attempt++ {
		a := f.roundTrip(ctx, hs, method, hopURL, send.String(), header, body, timeout, attempt)
		if err := ctx.Err(); err != nil {
			return nil, &Error{Method: method, URL: origURL, Attempts: attempt, Err: err}
		}
		var wait time.Duration
		asked := false
		if a.err != nil {
			if !retryError(a.err) {
				return nil, &Error{Method: method, URL: origURL, Status: a.status, Attempts: attempt, Err: a.err}
			}
		} else {
			f.adapt(hs, a.header)
			if a.status/100 != 2 {
				a.body = hs.redact(a.body)
			}
			if !retryStatus(a.status, extra) {
				return &Response{Status: a.status, Header: keepHeaders(a.header), Body: a.body, Fetched: a.at, Attempts: attempt}, nil
			}
			wait, asked = retryAfter(a.header, a.status, f.now())
			if asked && wait > f.opts.MaxRetryWait {
				return nil, &Error{Method: method, URL: origURL, Status: a.status, Snippet: snippet(a.body),
					Attempts: attempt, RetryAfter: wait, Err: statusCause(a.status)}
			}
			if asked && !hs.unpaced {
				hs.bucket.pause(f.now().Add(wait))
			}
		}
		if attempt > f.opts.MaxRetries {
			if a.err != nil {
				return nil, &Error{Method: method, URL: origURL, Status: a.status, Attempts: attempt, Err: a.err}
			}
			return nil, &Error{Method: method, URL: origURL, Status: a.status, Snippet: snippet(a.body), Body: a.body,
				Attempts: attempt, Err: statusCause(a.status)}
		}
		if !asked {
			wait = backoff(attempt, f.opts.RetryBase, f.opts.RetryMax)
		}
		f.stats.retries.Add(1)
		f.progress.Report(Event{Kind: EventRetry, Method: method, URL: hopURL, Host: hs.host,
			Status: a.status, Attempt: attempt, Wait: wait, Err: a.err})
		if err := f.sleep(ctx, wait); err != nil {
			return nil, &Error{Method: method, URL: origURL, Attempts: attempt, Err: err}
		}
	}
}

// attempt is the outcome of one round trip.
type attempt struct {
	status int
	header http.Header
	body   []byte
	at     time.Time
	err    error
}

// roundTrip makes one attempt: it waits for the host's slot and pace and a
// slot overall, sends, and reads the whole body within the timeout.
func (f *Fetcher) roundTrip(ctx context.Context, hs *hostState, method, hopURL, sendURL string, header http.Header, body []byte, timeout time.Duration, n int) attempt {
	if err := hs.gate.acquire(ctx); err != nil {
		return attempt{err: err}
	}
	defer hs.gate.release()
	for first := true; ; first = false {
		d := hs.bucket.take(f.now())
		if d == 0 {
			break
		}
		if first {
			f.stats.waits.Add(1)
			f.progress.Report(Event{Kind: EventWait, Method: method, URL: hopURL, Host: hs.host, Attempt: n, Wait: d})
		}
		f.stats.waitNanos.Add(int64(d))
		if err := f.sleep(ctx, d); err != nil {
			return attempt{err: err}
		}
	}
	select {
	case f.global <- struct{}{}:
	case <-ctx.Done():
		return attempt{err: ctx.Err()}
	}
	defer func() { <-f.global }()

	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	hreq, err := http.NewRequestWithContext(actx, method, sendURL, rd)
	if err != nil {
		return attempt{err: err}
	}
	if header != nil {
		hreq.Header = header.Clone()
	}
	if hs.svc != nil {
		for k, vs := range hs.svc.Header {
			hreq.Header[http.CanonicalHeaderKey(k)] = vs
		}
	}
	hreq.Header.Set("User-Agent", f.ua)
	// The transport asks for gzip itself and undoes it; a caller's own
	// Accept-Encoding would leave compressed bytes in Body.
	hreq.Header.Del("Accept-Encoding")

	a := attempt{}
	sent := f.now()
	resp, err := f.client.Do(hreq)
	f.stats.requests.Add(1)
	if err == nil {
		a.status, a.header = resp.StatusCode, resp.Header
		a.body, err = readBody(resp.Body, f.opts.MaxBodyBytes)
		resp.Body.Close()
	}
	a.at = f.now().UTC()
	if err == nil {
		f.record(hs, hreq, resp, hopURL, a.body, sent, a.at)
	}
	if err != nil {
		a.err = cleanError(err, actx, ctx, timeout)
	}
	f.progress.Report(Event{Kind: EventRequest, Method: method, URL: hopURL, Host: hs.host, Status: a.status, Attempt: n, Err: a.err})
	return a
}

// readBody reads at most limit bytes; more is ErrTooLarge.
func readBody(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, limit)
	}
	return b, nil
}

// cleanError strips the *url.Error wrapper, whose message holds the URL as
// sent (with credentials), and names a timeout as one.
func cleanError(err error, actx, ctx context.Context, timeout time.Duration) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s: %w", timeout, context.DeadlineExceeded)
	}
	return err
}

// keepHeaders returns the fields of h Response.Header keeps.
func keepHeaders(h http.Header) http.Header {
	out := http.Header{}
	for _, k := range storedHeaders {
		if vs := h.Values(k); len(vs) > 0 {
			out[k] = append([]string(nil), vs...)
		}
	}
	return out
}

// adapt follows what a server announces about its limits.
func (f *Fetcher) adapt(hs *hostState, h http.Header) {
	if rate, _, ok := announcedRate(h); ok {
		hs.mu.Lock()
		changed := rate != hs.announced
		hs.announced = rate
		hs.mu.Unlock()
		if changed {
			// n requests per interval: spaced evenly with no burst, so that
			// no window of the interval's length sees more than n+1.
			hs.setPace(1)
		}
	}
	if n, ok := announcedConcurrency(h); ok && n != hs.gate.getLimit() {
		hs.gate.setLimit(n)
	}
}

// setPace sets the bucket from the configured rate, the announced one and
// the crawl delay: the announced rate replaces the configured one, and a
// crawl delay can only slow it.
func (hs *hostState) setPace(burst int) {
	if hs.unpaced {
		return
	}
	hs.mu.Lock()
	rate := hs.limit.Rate
	if hs.announced > 0 {
		rate = hs.announced
	}
	if hs.crawlDelay > 0 {
		if r := float64(time.Second) / float64(hs.crawlDelay); r < rate {
			rate, burst = r, 1
		}
	}
	hs.mu.Unlock()
	hs.bucket.set(rate, burst)
}

// redact replaces the credentials the host's Service adds wherever an
// error answer echoes them (a server quoting the request it refused), so
// that they reach neither the cache nor an error message.
func (hs *hostState) redact(body []byte) []byte {
	if hs.svc == nil {
		return body
	}
	var secrets []string
	for _, vs := range hs.svc.Query {
		secrets = append(secrets, vs...)
	}
	for _, vs := range hs.svc.Header {
		for _, v := range vs {
			secrets = append(secrets, v, strings.TrimPrefix(v, "Bearer "))
		}
	}
	for _, s := range secrets {
		if len(s) >= 4 {
			body = bytes.ReplaceAll(body, []byte(s), []byte("[redacted]"))
			if q := url.QueryEscape(s); q != s {
				body = bytes.ReplaceAll(body, []byte(q), []byte("[redacted]"))
			}
		}
	}
	return body
}

// host returns the state of a host, made on first use.
func (f *Fetcher) host(key string) *hostState {
	f.mu.Lock()
	defer f.mu.Unlock()
	if hs, ok := f.hosts[key]; ok {
		return hs
	}
	hs := &hostState{host: key, limit: f.opts.DefaultLimit, unpaced: f.opts.Unpaced}
	if s, ok := f.services[key]; ok {
		hs.svc, hs.limit = s, s.Limit
	}
	if hs.unpaced {
		hs.limit.Rate, hs.limit.Burst = unpacedRate, unpacedBurst
	}
	hs.bucket = newBucket(hs.limit.Rate, hs.limit.Burst)
	hs.gate = newGate(hs.limit.InFlight)
	f.hosts[key] = hs
	return hs
}

// hostKey lower-cases a host and drops the scheme's default port.
func hostKey(host, scheme string) string {
	host = strings.ToLower(host)
	if h, port, err := net.SplitHostPort(host); err == nil {
		if port == "443" && scheme != "http" || port == "80" && scheme != "https" {
			return h
		}
	}
	return host
}

// checkRobots fails when u's robots.txt keeps citegraph out.
func (f *Fetcher) checkRobots(ctx context.Context, method, origURL string, u *url.URL) error {
	hs := f.host(hostKey(u.Host, u.Scheme))
	rb, err := f.robotsFor(ctx, hs, u)
	if err != nil {
		return err
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	ok, rule := rb.decide(p)
	if ok {
		return nil
	}
	robotsURL := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}).String()
	cause := ErrDisallowed
	switch {
	case rb.disallowAll:
		cause = fmt.Errorf("%w (%s could not be fetched: the server failed)", ErrDisallowed, robotsURL)
	case rule != nil:
		cause = fmt.Errorf("%w: %q (%s line %d)", ErrDisallowed, rule.text, robotsURL, rule.line)
	}
	hop := ""
	if u.String() != origURL {
		hop = u.String()
	}
	return &Error{Method: method, URL: origURL, Redirected: hop, Err: cause}
}

// robotsFor returns the host's robots.txt rules, fetching them once.
func (f *Fetcher) robotsFor(ctx context.Context, hs *hostState, u *url.URL) (*robots, error) {
	for {
		hs.mu.Lock()
		if hs.robots != nil {
			rb := hs.robots
			hs.mu.Unlock()
			return rb, nil
		}
		if ch := hs.loading; ch != nil {
			hs.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return nil, &Error{Method: http.MethodGet, URL: u.String(), Err: ctx.Err()}
			}
		}
		ch := make(chan struct{})
		hs.loading = ch
		hs.mu.Unlock()

		rb, err := f.loadRobots(ctx, u)
		hs.mu.Lock()
		if err == nil {
			hs.robots = rb
			hs.crawlDelay = rb.delay
		}
		hs.loading = nil
		close(ch)
		hs.mu.Unlock()
		if err != nil {
			return nil, err
		}
		if rb.delay > 0 {
			hs.setPace(hs.bucket.burstSize())
		}
		return rb, nil
	}
}

// loadRobots fetches and reads robots.txt as RFC 9309 §2.3.1 says: a 2xx
// answer is read; 4xx means no restrictions; a server error (after the
// retries) means complete disallow. Network failures and cancellation are
// returned, not remembered, so a later request tries again.
func (f *Fetcher) loadRobots(ctx context.Context, u *url.URL) (*robots, error) {
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	r, err := f.do(ctx, &Request{URL: ru.String(), Kind: API})
	if err == nil {
		return parseRobots(r.Body, Robot), nil
	}
	var fe *Error
	if errors.As(err, &fe) && fe.Status != 0 {
		switch {
		case fe.Status >= 400 && fe.Status < 500:
			return &robots{}, nil
		case fe.Status >= 500:
			return &robots{disallowAll: true}, nil
		}
	}
	return nil, err
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
