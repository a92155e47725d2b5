package index_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/openalex"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/sciteapi"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// faulty returns the script of a route whose first four attempts fail in
// the four ways servers fail (429 with Retry-After: 1, a 500, a body cut
// short, an answer later than the timeout) and whose fifth answer is the
// recorded one, sent slowly but within the timeout.
func faulty(ok fetchtest.Answer) []fetchtest.Answer {
	truncated := ok
	truncated.Truncate = len(ok.Body) / 2
	late := ok
	late.Delay = 1500 * time.Millisecond
	slow := ok
	slow.SlowBody = 100 * time.Millisecond
	return []fetchtest.Answer{
		{Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"1"}}, Body: []byte("slow down")},
		{Status: http.StatusInternalServerError, Body: []byte("oops")},
		truncated, late, slow,
	}
}

// TestClientsThroughFaults runs one call of each client against a server
// whose recorded answer comes only at the fifth attempt. Each call returns
// exactly the offline reader's records, the route is asked exactly five
// times (no request lost, none repeated after success), and the attempt
// after the 429 comes no sooner than the Retry-After second.
func TestClientsThroughFaults(t *testing.T) {
	type tc struct {
		name  string
		setup func(t *testing.T, srv *fetchtest.Server) (route string, call func(f *fetch.Fetcher, emit func(graph.Record) error) error, want func(base string) []graph.Record)
	}
	cases := []tc{
		{"openalex", func(t *testing.T, srv *fetchtest.Server) (string, func(*fetch.Fetcher, func(graph.Record) error) error, func(string) []graph.Record) {
			page1 := serveOpenAlexPages(t, srv)
			route := "/works?" + openalexPage1Query + "&cursor=*"
			srv.Handle("GET", route, faulty(fetchtest.JSON(page1))...)
			return route, func(f *fetch.Fetcher, emit func(graph.Record) error) error {
					return openalex.NewIndex(f, index.Config{BaseURL: srv.URL}).Works(context.Background(), []index.ID{index.DOI("10.1016/j.joi.2017.08.007"), index.DOI("10.7717/peerj.4375")}, emit)
				}, func(base string) []graph.Record {
					return offline(t, page1, base+"/works?cursor=%2A&filter=doi%3A10.1016%2Fj.joi.2017.08.007%7C10.7717%2Fpeerj.4375&per-page=200", "openalex-api", decodeOpenAlex)
				}
		}},
		{"crossref", func(t *testing.T, srv *fetchtest.Server) (string, func(*fetch.Fetcher, func(graph.Record) error) error, func(string) []graph.Record) {
			ins, err := fetchtest.LoadCassette("testdata/crossref_vcr_cassette_works_5_dois.yaml")
			if err != nil {
				t.Fatal(err)
			}
			body, err := ins[2].Decoded() // /works/10.1038/srep16696
			if err != nil {
				t.Fatal(err)
			}
			route := "/works/10.1038/srep16696"
			srv.Handle("GET", route, faulty(fetchtest.JSON(body))...)
			return route, func(f *fetch.Fetcher, emit func(graph.Record) error) error {
					return crossref.NewIndex(f, index.Config{BaseURL: srv.URL}).References(context.Background(), []index.ID{index.DOI("10.1038/SREP16696")}, emit)
				}, func(base string) []graph.Record {
					return offline(t, body, base+route, "crossref-api", decodeCrossref)
				}
		}},
		{"opencitations", func(t *testing.T, srv *fetchtest.Server) (string, func(*fetch.Fetcher, func(graph.Record) error) error, func(string) []graph.Record) {
			body := readTestdata(t, "croci_citations_with_day_precision_timespans.csv")
			route := "/references/doi:10.1002/asi.20755?format=csv"
			srv.Handle("GET", route, faulty(fetchtest.Answer{Header: http.Header{"Content-Type": {"text/csv"}}, Body: body})...)
			return route, func(f *fetch.Fetcher, emit func(graph.Record) error) error {
					return opencitations.NewIndex(f, index.Config{BaseURL: srv.URL}).References(context.Background(), []index.ID{index.DOI("10.1002/asi.20755")}, emit)
				}, func(base string) []graph.Record {
					return offline(t, body, base+route, "opencitations", decodeOC)
				}
		}},
		{"scite", func(t *testing.T, srv *fetchtest.Server) (string, func(*fetch.Fetcher, func(graph.Record) error) error, func(string) []graph.Record) {
			body := readTestdata(t, "scite_tallies_batch_3dois_from_scite_extension_tests.json")
			srv.Handle("POST", "/tallies", faulty(fetchtest.JSON(body))...)
			return "/tallies", func(f *fetch.Fetcher, emit func(graph.Record) error) error {
					return sciteapi.NewClient(f, index.Config{BaseURL: srv.URL}).Tallies(context.Background(), []index.ID{index.DOI("10.1038/nature10167"), index.DOI("10.1016/j.biopsych.2005.08.012"), index.DOI("10.1891/0889-8391.13.2.158")}, emit)
				}, func(base string) []graph.Record {
					return offline(t, body, base+"/tallies", "scite-api", decodeScite)
				}
		}},
		{"semanticscholar", func(t *testing.T, srv *fetchtest.Server) (string, func(*fetch.Fetcher, func(graph.Record) error) error, func(string) []graph.Record) {
			ins, err := fetchtest.LoadCassette("testdata/s2_vcr_cassette_paper_references.yaml")
			if err != nil {
				t.Fatal(err)
			}
			var want []graph.Record
			var first string
			for i, in := range ins {
				u, _ := url.Parse(in.URL)
				route := strings.TrimPrefix(u.Path, "/graph/v1") + "?" + u.RawQuery
				body, _ := in.Decoded()
				a := fetchtest.JSON(body)
				if i == 0 {
					first = route
					srv.Handle("GET", route, faulty(a)...)
				} else {
					srv.Handle("GET", route, a)
				}
				want = append(want, offline(t, body, srv.URL+route, "semanticscholar-api", decodeS2For("10.2139/ssrn.2250500"))...)
			}
			return first, func(f *fetch.Fetcher, emit func(graph.Record) error) error {
					return semanticscholar.NewIndex(f, index.Config{BaseURL: srv.URL, Fields: []string{"title"}, PageSize: 50}).References(context.Background(), []index.ID{index.DOI("10.2139/ssrn.2250500")}, emit)
				}, func(string) []graph.Record {
					return want
				}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := fetchtest.NewServer()
			defer srv.Close()
			route, call, want := c.setup(t, srv)
			f := newFetcher(t, srv, fetch.Limit{}, 500*time.Millisecond, "")
			got, err := collect(t, func(emit func(graph.Record) error) error { return call(f, emit) })
			if err != nil {
				t.Fatal(err)
			}
			sameRecords(t, got, want(srv.URL))
			method := "GET"
			if route == "/tallies" {
				method = "POST"
			}
			if n := srv.Count(method, route); n != 5 {
				t.Errorf("route asked %d times; want 5 (4 failures, then the answer)", n)
			}
			rq := srv.Requests()
			if gap := rq[1].At.Sub(rq[0].At); gap < 900*time.Millisecond {
				t.Errorf("attempt after the 429 came %v later; Retry-After asked for 1s", gap)
			}
			if st := f.Stats(); st.Retries != 4 {
				t.Errorf("%d retries; want 4", st.Retries)
			}
		})
	}
}

// TestClientRateLimit sends 60 references requests through the
// OpenCitations client with its host limited to 40 requests a second: the
// server sees every request once, and no one-second window of arrivals
// holds more than 42 (the rate, the first token, and one for the jitter
// of arrival times).
func TestClientRateLimit(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	body := readTestdata(t, "croci_citations_with_day_precision_timespans.csv")
	srv.Fallback = func(r *http.Request) fetchtest.Answer {
		return fetchtest.Answer{Header: http.Header{"Content-Type": {"text/csv"}}, Body: body, Delay: 5 * time.Millisecond}
	}
	const n, rate = 60, 40
	var ids []index.ID
	for i := range n {
		ids = append(ids, index.DOI(fmt.Sprintf("10.5555/load.%d", i)))
	}
	f := newFetcher(t, srv, fetch.Limit{Rate: rate, Burst: 1, InFlight: 1}, 0, "")
	got, err := collect(t, func(emit func(graph.Record) error) error {
		return opencitations.NewIndex(f, index.Config{BaseURL: srv.URL}).References(context.Background(), ids, emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Errorf("%d records; want one per request, %d", len(got), n)
	}
	rq := srv.Requests()
	seen := map[string]int{}
	for _, r := range rq {
		seen[r.Path]++
	}
	if len(rq) != n || len(seen) != n {
		t.Errorf("%d requests for %d paths; want each of %d once", len(rq), len(seen), n)
	}
	for i := range rq {
		k := 0
		for j := i; j < len(rq) && rq[j].At.Sub(rq[i].At) < time.Second; j++ {
			k++
		}
		if k > rate+2 {
			t.Fatalf("%d requests within one second from request %d; limit %d a second", k, i, rate)
		}
	}
}
