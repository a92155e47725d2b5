package openalex

import (
	"net/http"
	"net/url"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Host is where the OpenAlex API answers.
const Host = "api.openalex.org"

// Service registers OpenAlex with scrape/services.
var Service = index.Service{
	Name:  "openalex",
	Fetch: limits,
	Index: func(f *fetch.Fetcher, cfg index.Config) index.Index { return NewIndex(f, cfg) },
}

// limits are OpenAlex's, as read in 2026: "max 100 requests per second"
// for all users, with a daily budget of credits (docs.openalex.org, "Rate
// limits and authentication"; developers.openalex.org/api-reference/
// authentication); earlier documentation asked for at most 10 per second.
// We keep to 10 a second, 4 at a time: the daily budget, not the pace, is
// what binds. A 429 once the budget is spent names its reset (Retry-After,
// or X-RateLimit-Remaining: 0 with X-RateLimit-Reset); a reset further off
// than fetch.Options.MaxRetryWait ends the request with ErrRateLimited
// rather than hang the run. OpenAlex documents 403 as "rate limit
// exceeded; slow down" (developers.openalex.org/api-reference/errors), so
// 403 is retried. The API key and the contact address go in the query.
func limits(c fetch.Credentials) []fetch.Service {
	s := fetch.Service{
		Name:        "openalex",
		Host:        Host,
		Limit:       fetch.Limit{Rate: 10, Burst: 1, InFlight: 4},
		Query:       url.Values{},
		RetryStatus: []int{http.StatusForbidden},
	}
	if c.OpenAlexKey != "" {
		s.Query.Set("api_key", c.OpenAlexKey)
	}
	if c.Mailto != "" {
		s.Query.Set("mailto", c.Mailto)
	}
	return []fetch.Service{s}
}
