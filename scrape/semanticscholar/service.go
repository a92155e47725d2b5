package semanticscholar

import (
	"net/http"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Host is where the Semantic Scholar Academic Graph API answers.
const Host = "api.semanticscholar.org"

// Service registers Semantic Scholar with scrape/services.
var Service = index.Service{
	Name:  "semanticscholar",
	Fetch: limits,
	Index: func(f *fetch.Fetcher, cfg index.Config) index.Index { return NewIndex(f, cfg) },
}

// limits are Semantic Scholar's: with an API key, a dedicated 1 request a
// second on all endpoints (the introductory rate of the API key form,
// semanticscholar.org/product/api); without one, a pool shared by all
// anonymous users (1,000 a second in total) whose last per-address figure
// was 100 requests per 5 minutes, so one request every 3 seconds. Both one
// at a time.
func limits(c fetch.Credentials) []fetch.Service {
	s := fetch.Service{Name: "semanticscholar", Host: Host, Limit: fetch.Limit{Rate: 1.0 / 3, Burst: 1, InFlight: 1}}
	if c.SemanticScholarKey != "" {
		s.Limit = fetch.Limit{Rate: 1, Burst: 1, InFlight: 1}
		s.Header = http.Header{"X-Api-Key": {c.SemanticScholarKey}}
	}
	return []fetch.Service{s}
}
