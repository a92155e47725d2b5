package opencitations

import (
	"net/http"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Host is where the OpenCitations REST APIs answer; HostWeb is the older
// address on opencitations.net, paced with it.
const (
	Host    = "api.opencitations.net"
	HostWeb = "opencitations.net"
)

// Service registers OpenCitations with scrape/services.
var Service = index.Service{
	Name:  "opencitations",
	Fetch: limits,
	Index: func(f *fetch.Fetcher, cfg index.Config) index.Index { return NewIndex(f, cfg) },
}

// limits are OpenCitations': 180 requests a minute per IP address, the
// figure of its REST API documentation (api.opencitations.net/index/v2) as
// the opencitations-client crate quotes it, so 3 a second, 2 at a time;
// OpenCitations sends no rate-limit headers. The access token is optional
// (opencitations.net/accesstoken).
func limits(c fetch.Credentials) []fetch.Service {
	lim := fetch.Limit{Rate: 3, Burst: 1, InFlight: 2}
	h := http.Header{}
	if c.OpenCitationsToken != "" {
		h.Set("Authorization", c.OpenCitationsToken)
	}
	return []fetch.Service{
		{Name: "opencitations", Host: Host, Limit: lim, Header: h},
		{Name: "opencitations", Host: HostWeb, Limit: lim, Header: h},
	}
}
