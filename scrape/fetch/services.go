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
	// With one the dedicated per-key rate applies (see scrape/semanticscholar).
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
