// Package fetch is the one way citegraph reaches the network: the API
// clients (OpenAlex, Crossref, OpenCitations, Semantic Scholar, scite) and
// page fetching all send their requests through a Fetcher, and nothing
// else in citegraph opens a connection.
//
// What goes in is a Request (method, URL, a few header fields, a body for
// the POSTs of batch APIs, and whether it is an API call or a web page);
// what comes out is a Response holding the raw bytes of a 2xx answer, or
// an *Error saying what was asked, what the server answered and why it
// failed (ErrNotFound for 404 and 410, which callers branch on). Decoding
// the answers is the callers' business; Response.Text converts a body to
// UTF-8 from its declared or sniffed charset.
//
// A Fetcher is polite by construction:
//
//   - It names itself: User-Agent "citegraph/<version>
//     (+https://github.com/citegraph/citegraph; mailto:<contact>)", the
//     contact from Credentials.Mailto ($CITEGRAPH_MAILTO), which puts
//     Crossref and OpenAlex requests in their polite pools.
//   - It paces every host with a token bucket at the limits the service
//     publishes (Options.Services; scrape/services lists the citation
//     indexes', each citing its source), bounds the requests in
//     flight per host and overall, and follows what servers announce:
//     Crossref's X-Rate-Limit-Limit / X-Rate-Limit-Interval and
//     X-Concurrency-Limit, Retry-After (which also holds back the other
//     requests to that host), a 429's X-RateLimit-Reset.
//   - It retries timeouts, dropped connections, bodies cut short and 408,
//     429, 5xx answers with exponential backoff and full jitter, up to
//     Options.MaxRetries times, and gives up at once when a server asks for
//     a wait longer than Options.MaxRetryWait (a spent daily quota).
//   - For web pages (Kind Page) it honours robots.txt (RFC 9309, with
//     Crawl-delay) unless told not to. API calls (Kind API) are not pages:
//     an API is published for programs, within its own published limits,
//     so robots.txt is not consulted for them.
//   - API keys ($OPENALEX_API_KEY, $S2_API_KEY, $SCITE_API_KEY,
//     $OPENCITATIONS_ACCESS_TOKEN) are added as a request leaves and never
//     reach the cache, errors or progress events.
//
// With a cache directory every answer (2xx, 404, 410) is kept raw, one
// file per request, keyed by method, URL, Accept and request body, with
// its status, a few header fields and the time it came; each file is
// written to a temporary name and renamed, so an interrupted run never
// leaves half an entry. CacheReadWrite makes a rerun offline for what was
// fetched before; CacheOffline replays a run from its cache without
// touching the network and fails with ErrNotCached on a miss; CacheRefresh
// fetches anew.
//
// Every request is built with http.NewRequestWithContext from the caller's
// context: cancelling it (Ctrl-C in the CLI) stops waits and requests in
// flight at once. Progress receives events (requests, cache hits, retries,
// waits); Stats sums them.
//
// Files:
//
//	fetch.go     Fetcher, Options, Request, Response, Kind: the request path
//	services.go  Service, Limit, Credentials and the published limits
//	limit.go     the per-host token bucket and the in-flight gates
//	retry.go     what is retried, Retry-After and rate-limit headers, backoff
//	robots.go    robots.txt (RFC 9309) parsing and matching
//	cache.go     the on-disk cache and CacheMode
//	text.go      Response.Text: charset detection and conversion to UTF-8
//	progress.go  Progress, Event, Stats
//	record.go    Exchange and Recorder: every round trip, for an archive
//	errors.go    Error and the sentinels
//
// Subpackage fetchtest replays recorded answers (vcrpy cassettes, files)
// from a local server with scripted faults, for the tests of the clients
// built on this package.
package fetch
