package sciteapi

import (
	"net/http"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Host is where the scite API answers.
const Host = "api.scite.ai"

// Service registers scite with scrape/services: not a chasing index, a
// source of tallies.
var Service = index.Service{
	Name:    "scite",
	Fetch:   limits,
	Tallies: func(f *fetch.Fetcher, cfg index.Config) index.Tallier { return NewClient(f, cfg) },
}

// limits: scite publishes none that we found; one request a second, one at
// a time. The API key goes in the Authorization header.
func limits(c fetch.Credentials) []fetch.Service {
	s := fetch.Service{Name: "scite", Host: Host, Limit: fetch.Limit{Rate: 1, Burst: 1, InFlight: 1}}
	if c.SciteKey != "" {
		s.Header = http.Header{"Authorization": {"Bearer " + c.SciteKey}}
	}
	return []fetch.Service{s}
}
