package services

import (
	"slices"

	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/openalex"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/sciteapi"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// All lists the services citegraph talks to, in the order chase asks and
// reports them. Adding a service is its package (decoder, client, limits,
// Service) and one line here.
var All = []index.Service{
	openalex.Service,
	crossref.Service,
	opencitations.Service,
	semanticscholar.Service,
	sciteapi.Service,
}

// Fetch returns the hosts of every service with their published limits
// and c's credentials, for fetch.Options.Services. The Fetcher also
// follows the limits a service announces in its answers (Crossref's
// X-Rate-Limit-Limit / X-Rate-Limit-Interval and X-Concurrency-Limit), so
// these are the starting pace, not a ceiling a server cannot change.
func Fetch(c fetch.Credentials) []fetch.Service {
	var out []fetch.Service
	for _, s := range All {
		out = append(out, s.Fetch(c)...)
	}
	return out
}

// Indexes returns the names of the chasing indexes, in All's order.
func Indexes() []string {
	var out []string
	for _, s := range All {
		if s.Index != nil {
			out = append(out, s.Name)
		}
	}
	return out
}

// Names returns the names of every service, in All's order.
func Names() []string {
	out := make([]string, len(All))
	for i, s := range All {
		out[i] = s.Name
	}
	return out
}

// Lookup returns the service named name.
func Lookup(name string) (index.Service, bool) {
	i := slices.IndexFunc(All, func(s index.Service) bool { return s.Name == name })
	if i < 0 {
		return index.Service{}, false
	}
	return All[i], true
}
