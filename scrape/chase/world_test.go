package chase

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/openalex"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// world is four local servers replaying the recorded answers of four
// indexes; every request nothing was recorded for is answered 404, which
// the clients read as "the index does not hold this work".
type world struct {
	openalex, crossref, oc, s2 *fetchtest.Server
	meter                      *fetchtest.Meter
}

func notRecorded(*http.Request) fetchtest.Answer {
	return fetchtest.Answer{Status: http.StatusNotFound, Body: []byte(`{"error":"no answer recorded"}`)}
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newWorld starts the servers with the recorded answers:
//   - OpenAlex: the two cursor pages for filter=doi:10.1016/j.joi.2017.08.007|10.7717/peerj.4375;
//   - Crossref: habanero's five /works/{doi} answers;
//   - OpenCitations: the COCI-style rows at /references/doi:10.1108/jd-12-2013-0166;
//   - Semantic Scholar: the two pages of /paper/10.2139/ssrn.2250500/references.
func newWorld(t testing.TB) *world {
	t.Helper()
	w := &world{meter: &fetchtest.Meter{}}
	for _, s := range []**fetchtest.Server{&w.openalex, &w.crossref, &w.oc, &w.s2} {
		*s = fetchtest.NewServer()
		(*s).Fallback = notRecorded
		(*s).ShareMeter(w.meter)
		t.Cleanup((*s).Close)
	}
	page1 := readFile(t, "openalex_works_list_page1_2works_cursor.json")
	const q = "filter=doi:10.1016/j.joi.2017.08.007|10.7717/peerj.4375&per-page=200"
	w.openalex.Handle("GET", "/works?"+q+"&cursor=*", fetchtest.JSON(page1))
	w.openalex.Handle("GET", "/works?"+q+"&cursor="+url.QueryEscape("IlsxMDAuMCwgOTU3LCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzI3NDE4MDk4MDcnXSI="),
		fetchtest.JSON(readFile(t, "openalex_works_list_page2_empty_end_of_cursor.json")))

	ins, err := fetchtest.LoadCassette("testdata/crossref_vcr_cassette_works_5_dois.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.crossref.Replay(ins); err != nil {
		t.Fatal(err)
	}
	w.oc.Handle("GET", "/references/doi:10.1108/jd-12-2013-0166?format=csv", fetchtest.Answer{
		Header: http.Header{"Content-Type": {"text/csv"}}, Body: readFile(t, "coci_style_citations_emerald_jd-12-2013-0166.csv")})

	s2, err := fetchtest.LoadCassette("testdata/s2_vcr_cassette_paper_references.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for i := range s2 {
		s2[i].URL = strings.Replace(s2[i].URL, "/graph/v1", "", 1)
	}
	if err := w.s2.Replay(s2); err != nil {
		t.Fatal(err)
	}
	return w
}

// fetcher returns a Fetcher whose services are the world's servers with
// the given limit, and the indexes on them (Semantic Scholar asking for
// title only, 50 a page, as the recording did).
func (w *world) indexes(t testing.TB, lim fetch.Limit, cacheDir string, mode fetch.CacheMode, tr *Tracker) (*fetch.Fetcher, []index.Index) {
	t.Helper()
	var svcs []fetch.Service
	for _, s := range []*fetchtest.Server{w.openalex, w.crossref, w.oc, w.s2} {
		svcs = append(svcs, fetch.Service{Name: "test", Host: s.Host(), Limit: lim})
	}
	f, err := fetch.New(fetch.Options{Services: svcs, RetryBase: time.Millisecond, RetryMax: 5 * time.Millisecond,
		MaxInFlight: 16, Timeout: 10 * time.Second, CacheDir: cacheDir, CacheMode: mode})
	if err != nil {
		t.Fatal(err)
	}
	cfg := func(s *fetchtest.Server, name string) index.Config {
		c := index.Config{BaseURL: s.URL}
		if tr != nil {
			c.OnResponse = tr.OnResponse(name)
		}
		return c
	}
	s2 := cfg(w.s2, "semanticscholar")
	s2.Fields, s2.PageSize = []string{"title"}, 50
	return f, []index.Index{
		openalex.NewIndex(f, cfg(w.openalex, "openalex")),
		crossref.NewIndex(f, cfg(w.crossref, "crossref")),
		opencitations.NewIndex(f, cfg(w.oc, "opencitations")),
		semanticscholar.NewIndex(f, s2),
	}
}

// recordedSeeds are the works the recorded answers are about, in the
// order of the OpenAlex filter.
func recordedSeeds() []Seed {
	return SeedsFromIDs(index.DOI("10.1016/j.joi.2017.08.007"), index.DOI("10.7717/peerj.4375"),
		index.DOI("10.1038/srep16696"), index.DOI("10.1108/jd-12-2013-0166"), index.DOI("10.2139/ssrn.2250500"))
}

func (w *world) servers() []*fetchtest.Server {
	return []*fetchtest.Server{w.openalex, w.crossref, w.oc, w.s2}
}
