package fetch

import (
	"net/http"
	"net/url"
	"strings"
)

// Limit is how hard the Fetcher may press one host.
type Limit struct {
	// Rate is the sustained number of requests per second. Requests are
	// spaced by 1/Rate once Burst of them have gone at once.
	Rate float64
	// Burst is how many requests may start at once after a quiet spell.
	Burst int
	// InFlight bounds the requests to the host that are under way at once.
	InFlight int
}

// DefaultLimit applies to hosts no Service names (publishers' pages, DOI
// resolvers): one request a second, two at a time, the pace crawlers
// commonly keep to when a site publishes none. A robots.txt Crawl-delay
// slows it further for pages. A zero field of a Service's Limit takes the
// value here.
var DefaultLimit = Limit{Rate: 1, Burst: 1, InFlight: 2}

// Service describes a host citegraph talks to: its published limits and
// how requests to it identify citegraph. Query and Header are added to the
// request as it is sent; they are not part of the cache key, are never
// written to the cache and never appear in errors or progress events, so
// an API key stays out of files and logs and a cache made with one key
// replays with another or none.
type Service struct {
	// Name is a short name for reports: "openalex", "crossref" …
	Name string
	// Host is the host (with ":port" when not the scheme's default) the
	// service answers on, e.g. "api.crossref.org"; matched case-insensitively.
	Host  string
	Limit Limit
	// Query holds parameters added to every request (api_key, mailto).
	Query url.Values
	// Header holds fields added to every request (x-api-key, authorization).
	Header http.Header
	// RetryStatus lists statuses the service uses for "slow down" besides the
	// ones always retried (408, 429, 500, 502, 503, 504).
	RetryStatus []int
}

// Credentials are what identifies citegraph to the services: a contact
// address for the polite pools and the API keys a user has. All are
// optional.
type Credentials struct {
	// Mailto is a contact e-mail address. It goes into the User-Agent of
	// every request (Crossref's polite pool reads it there) and into
	// OpenAlex's mailto parameter.
	Mailto string
	// OpenAlexKey is an OpenAlex API key, sent as the api_key parameter.
	OpenAlexKey string
	// SemanticScholarKey is a Semantic Scholar API key, sent as x-api-key.
	// With one the dedicated per-key rate applies (see DefaultServices).
	SemanticScholarKey string
	// SciteKey is a scite API token, sent as "Authorization: Bearer …".
	SciteKey string
	// OpenCitationsToken is an OpenCitations access token, sent in the
	// authorization header.
	OpenCitationsToken string
}

// Environment variables CredentialsFromEnv reads.
const (
	EnvMailto             = "CITEGRAPH_MAILTO"
	EnvOpenAlexKey        = "OPENALEX_API_KEY"
	EnvSemanticScholarKey = "S2_API_KEY"
	EnvSciteKey           = "SCITE_API_KEY"
	EnvOpenCitationsToken = "OPENCITATIONS_ACCESS_TOKEN"
)

// CredentialsFromEnv reads the credentials from the environment through
// getenv (os.Getenv in a program, a map in a test): EnvMailto,
// EnvOpenAlexKey, EnvSemanticScholarKey (or SEMANTIC_SCHOLAR_API_KEY),
// EnvSciteKey and EnvOpenCitationsToken. Values are trimmed of white space.
func CredentialsFromEnv(getenv func(string) string) Credentials {
	get := func(names ...string) string {
		for _, n := range names {
			if v := strings.TrimSpace(getenv(n)); v != "" {
				return v
			}
		}
		return ""
	}
	return Credentials{
		Mailto:             get(EnvMailto),
		OpenAlexKey:        get(EnvOpenAlexKey),
		SemanticScholarKey: get(EnvSemanticScholarKey, "SEMANTIC_SCHOLAR_API_KEY"),
		SciteKey:           get(EnvSciteKey),
		OpenCitationsToken: get(EnvOpenCitationsToken),
	}
}

// Hosts of the services DefaultServices describes.
const (
	HostOpenAlex         = "api.openalex.org"
	HostCrossref         = "api.crossref.org"
	HostOpenCitations    = "api.opencitations.net"
	HostOpenCitationsWeb = "opencitations.net"
	HostSemanticScholar  = "api.semanticscholar.org"
	HostScite            = "api.scite.ai"
)

// DefaultServices returns the services citegraph chases citations through,
// with the limits each publishes (as read in 2026; every figure below
// names its source) and c's credentials attached. The Fetcher also follows
// the limits a service announces in its answers (Crossref's
// X-Rate-Limit-Limit / X-Rate-Limit-Interval and X-Concurrency-Limit), so
// these are the starting pace, not a ceiling a server cannot change.
//
//   - OpenAlex: "max 100 requests per second" for all users, with a daily
//     budget of credits (docs.openalex.org, "Rate limits and
//     authentication"; developers.openalex.org/api-reference/authentication);
//     earlier documentation asked for at most 10 per second. We keep to 10
//     a second, 4 at a time: the daily budget, not the pace, is what binds.
//     A 429 once the budget is spent names its reset (Retry-After, or
//     X-RateLimit-Remaining: 0 with X-RateLimit-Reset); a reset further off
//     than Options.MaxRetryWait ends the request with ErrRateLimited rather
//     than hang the run. OpenAlex documents 403 as "rate limit exceeded;
//     slow down" (developers.openalex.org/api-reference/errors), so 403 is
//     retried.
//   - Crossref (from 1 December 2025, "Announcing changes to REST API rate
//     limits", Crossref blog, 5 November 2025, and the community notice
//     "Updates to REST API rate limits"): public pool 5 requests a second,
//     1 at a time; polite pool (a mailto given) 10 a second and 5 at a time.
//     Real answers recorded in 2026 (testdata/crossref_vcr_cassette…)
//     carry x-api-pool: polite, x-rate-limit-limit: 10, x-rate-limit-interval:
//     1s and x-concurrency-limit: 3, so the polite pool starts at 3 at a
//     time and follows the header.
//   - OpenCitations: 180 requests a minute per IP address, the figure of
//     its REST API documentation (api.opencitations.net/index/v2) as the
//     opencitations-client crate quotes it, so 3 a second, 2 at a time;
//     OpenCitations sends no rate-limit headers. The access token is
//     optional (opencitations.net/accesstoken).
//   - Semantic Scholar: with an API key, a dedicated 1 request a second on
//     all endpoints (the introductory rate of the API key form,
//     semanticscholar.org/product/api); without one, a pool shared by all
//     anonymous users (1,000 a second in total) whose last per-address figure
//     was 100 requests per 5 minutes, so one request every 3 seconds. Both
//     one at a time.
//   - scite: no published limit found; one request a second, one at a time.
func DefaultServices(c Credentials) []Service {
	openalex := Service{
		Name:        "openalex",
		Host:        HostOpenAlex,
		Limit:       Limit{Rate: 10, Burst: 1, InFlight: 4},
		Query:       url.Values{},
		RetryStatus: []int{http.StatusForbidden},
	}
	if c.OpenAlexKey != "" {
		openalex.Query.Set("api_key", c.OpenAlexKey)
	}
	if c.Mailto != "" {
		openalex.Query.Set("mailto", c.Mailto)
	}

	crossref := Service{Name: "crossref", Host: HostCrossref, Limit: Limit{Rate: 5, Burst: 1, InFlight: 1}}
	if c.Mailto != "" {
		crossref.Limit = Limit{Rate: 10, Burst: 1, InFlight: 3}
	}

	oc := Limit{Rate: 3, Burst: 1, InFlight: 2}
	ocHeader := http.Header{}
	if c.OpenCitationsToken != "" {
		ocHeader.Set("Authorization", c.OpenCitationsToken)
	}

	s2 := Service{Name: "semanticscholar", Host: HostSemanticScholar, Limit: Limit{Rate: 1.0 / 3, Burst: 1, InFlight: 1}}
	if c.SemanticScholarKey != "" {
		s2.Limit = Limit{Rate: 1, Burst: 1, InFlight: 1}
		s2.Header = http.Header{"X-Api-Key": {c.SemanticScholarKey}}
	}

	scite := Service{Name: "scite", Host: HostScite, Limit: Limit{Rate: 1, Burst: 1, InFlight: 1}}
	if c.SciteKey != "" {
		scite.Header = http.Header{"Authorization": {"Bearer " + c.SciteKey}}
	}

	return []Service{
		openalex,
		crossref,
		{Name: "opencitations", Host: HostOpenCitations, Limit: oc, Header: ocHeader},
		{Name: "opencitations", Host: HostOpenCitationsWeb, Limit: oc, Header: ocHeader},
		s2,
		scite,
	}
}
