package crossref

import (
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Host is where the Crossref REST API answers.
const Host = "api.crossref.org"

// Service registers Crossref with scrape/services.
var Service = index.Service{
	Name:  "crossref",
	Fetch: limits,
	Index: func(f *fetch.Fetcher, cfg index.Config) index.Index { return NewIndex(f, cfg) },
}

// limits are Crossref's from 1 December 2025 ("Announcing changes to REST
// API rate limits", Crossref blog, 5 November 2025, and the community
// notice "Updates to REST API rate limits"): public pool 5 requests a
// second, 1 at a time; polite pool (a mailto given) 10 a second and 5 at a
// time. Real answers recorded in 2026 (scrape/index/testdata/
// crossref_vcr_cassette…) carry x-api-pool: polite, x-rate-limit-limit: 10,
// x-rate-limit-interval: 1s and x-concurrency-limit: 3, so the polite pool
// starts at 3 at a time, and the Fetcher follows those headers from there.
func limits(c fetch.Credentials) []fetch.Service {
	s := fetch.Service{Name: "crossref", Host: Host, Limit: fetch.Limit{Rate: 5, Burst: 1, InFlight: 1}}
	if c.Mailto != "" {
		s.Limit = fetch.Limit{Rate: 10, Burst: 1, InFlight: 3}
	}
	return []fetch.Service{s}
}
