package services

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/openalex"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/sciteapi"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// The published limits of each service (the figures each package's limits
// cites), with and without credentials, and the credentials attached to
// their own service only.
func TestFetch(t *testing.T) {
	c := fetch.Credentials{Mailto: "me@example.org", OpenAlexKey: "ka", SemanticScholarKey: "k2", SciteKey: "ks", OpenCitationsToken: "ko"}
	by := func(svcs []fetch.Service) map[string]fetch.Service {
		m := map[string]fetch.Service{}
		for _, s := range svcs {
			m[s.Host] = s
		}
		return m
	}
	with, without := by(Fetch(c)), by(Fetch(fetch.Credentials{}))
	cases := []struct {
		host          string
		with, without fetch.Limit
	}{
		{crossref.Host, fetch.Limit{Rate: 10, Burst: 1, InFlight: 3}, fetch.Limit{Rate: 5, Burst: 1, InFlight: 1}},
		{semanticscholar.Host, fetch.Limit{Rate: 1, Burst: 1, InFlight: 1}, fetch.Limit{Rate: 1.0 / 3, Burst: 1, InFlight: 1}},
		{openalex.Host, fetch.Limit{Rate: 10, Burst: 1, InFlight: 4}, fetch.Limit{Rate: 10, Burst: 1, InFlight: 4}},
		{opencitations.Host, fetch.Limit{Rate: 3, Burst: 1, InFlight: 2}, fetch.Limit{Rate: 3, Burst: 1, InFlight: 2}},
		{opencitations.HostWeb, fetch.Limit{Rate: 3, Burst: 1, InFlight: 2}, fetch.Limit{Rate: 3, Burst: 1, InFlight: 2}},
		{sciteapi.Host, fetch.Limit{Rate: 1, Burst: 1, InFlight: 1}, fetch.Limit{Rate: 1, Burst: 1, InFlight: 1}},
	}
	for _, c := range cases {
		if with[c.host].Limit != c.with || without[c.host].Limit != c.without {
			t.Errorf("%s: %+v / %+v, want %+v / %+v", c.host, with[c.host].Limit, without[c.host].Limit, c.with, c.without)
		}
	}
	if len(with) != len(cases) {
		t.Errorf("%d hosts, want %d", len(with), len(cases))
	}
	if with[semanticscholar.Host].Header.Get("X-Api-Key") != "k2" || with[sciteapi.Host].Header.Get("Authorization") != "Bearer ks" ||
		with[openalex.Host].Query.Get("api_key") != "ka" || with[openalex.Host].Query.Get("mailto") != "me@example.org" ||
		with[opencitations.Host].Header.Get("Authorization") != "ko" {
		t.Error("credentials not attached to their services")
	}
	if len(without[semanticscholar.Host].Header) != 0 || len(without[openalex.Host].Query) != 0 {
		t.Error("credentials attached without being given")
	}
	if len(with[crossref.Host].Header) != 0 || len(with[crossref.Host].Query) != 0 {
		t.Error("another service's credentials sent to Crossref")
	}
}

func TestNames(t *testing.T) {
	if got := Indexes(); !slices.Equal(got, []string{"openalex", "crossref", "opencitations", "semanticscholar"}) {
		t.Errorf("Indexes() = %v", got)
	}
	if got := Names(); !slices.Equal(got, []string{"openalex", "crossref", "opencitations", "semanticscholar", "scite"}) {
		t.Errorf("Names() = %v", got)
	}
	if s, ok := Lookup("scite"); !ok || s.Tallies == nil || s.Index != nil {
		t.Errorf("Lookup(scite) = %+v, %v: want the tallies client only", s, ok)
	}
	if _, ok := Lookup("nosuch"); ok {
		t.Error("Lookup(nosuch) found a service")
	}
}
