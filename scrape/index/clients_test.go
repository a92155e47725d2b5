package index_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

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

func decodeOpenAlex(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
	return openalex.Decode(ctx, r, emit)
}

func decodeCrossref(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
	return crossref.Decode(ctx, r, emit)
}

func decodeOC(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
	return opencitations.Decode(ctx, r, emit)
}

// openalexPage1Query is the filter the recorded first page answers: the
// two works it holds (bibliometrix and peerj.4375), asked by DOI. The
// answer's meta says per_page 200, as asked.
const openalexPage1Query = "filter=doi:10.1016/j.joi.2017.08.007|10.7717/peerj.4375&per-page=200"

// serveOpenAlexPages replays the two recorded cursor pages: the first at
// cursor=*, the second (empty, next_cursor null) at the first's
// next_cursor.
func serveOpenAlexPages(t *testing.T, srv *fetchtest.Server) (page1 []byte) {
	page1 = readTestdata(t, "openalex_works_list_page1_2works_cursor.json")
	var meta struct {
		Meta struct {
			NextCursor string `json:"next_cursor"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(page1, &meta); err != nil || meta.Meta.NextCursor == "" {
		t.Fatalf("page 1 has no next_cursor: %v", err)
	}
	srv.Handle("GET", "/works?"+openalexPage1Query+"&cursor=*", fetchtest.JSON(page1))
	srv.Handle("GET", "/works?"+openalexPage1Query+"&cursor="+url.QueryEscape(meta.Meta.NextCursor),
		fetchtest.JSON(readTestdata(t, "openalex_works_list_page2_empty_end_of_cursor.json")))
	return page1
}

// TestOpenAlexWorksPaged asks for two works by DOI: the client pages with
// the cursor until the recorded empty last page, and its records are the
// offline reader's records of page 1 (page 2 holds none).
func TestOpenAlexWorksPaged(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	page1 := serveOpenAlexPages(t, srv)
	c := openalex.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	ids := []index.ID{index.DOI("10.1016/j.joi.2017.08.007"), index.DOI("https://doi.org/10.7717/PEERJ.4375")}
	got, err := collect(t, func(emit func(graph.Record) error) error { return c.Works(context.Background(), ids, emit) })
	if err != nil {
		t.Fatal(err)
	}
	u := srv.URL + "/works?cursor=%2A&filter=doi%3A10.1016%2Fj.joi.2017.08.007%7C10.7717%2Fpeerj.4375&per-page=200"
	sameRecords(t, got, offline(t, page1, u, "openalex-api", decodeOpenAlex))
	if len(got) != 2 || srv.Unmatched() != 0 || len(srv.Requests()) != 2 {
		t.Errorf("%d records, %d requests (%d unmatched); want 2 records from 2 pages", len(got), len(srv.Requests()), srv.Unmatched())
	}
}

// TestOpenAlexReferences: the references of the two works are their
// referenced_works, 70 and 45 OpenAlex IDs (as the MANIFEST counts them);
// the client then asks for the cited works by OpenAlex ID, 50 per request.
// Those answers were not recorded, so the server answers 404 (the index
// does not hold them) and only the two works come back, without error.
func TestOpenAlexReferences(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Fallback = notFound
	serveOpenAlexPages(t, srv)
	c := openalex.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	got, err := collect(t, func(emit func(graph.Record) error) error {
		return c.References(context.Background(), []index.ID{index.DOI("10.1016/j.joi.2017.08.007"), index.DOI("10.7717/peerj.4375")}, emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[string]bool{}
	for _, r := range got {
		for _, ref := range r.References {
			distinct[ref.Identifiers[graph.IDOpenAlex]] = true
		}
	}
	if len(got) != 2 || len(got[0].References) != 70 || len(got[1].References) != 45 {
		t.Fatalf("got %d records; want the 2 works with 70 and 45 references", len(got))
	}
	asked := 0
	lookups := 0
	for _, rq := range srv.Requests() {
		q, _ := url.ParseQuery(rq.Query)
		if f, ok := strings.CutPrefix(q.Get("filter"), "openalex:"); ok {
			lookups++
			n := len(strings.Split(f, "|"))
			if n > openalex.Batch {
				t.Errorf("a look-up asks for %d works, more than %d", n, openalex.Batch)
			}
			asked += n
		}
	}
	if asked != len(distinct) || lookups != (len(distinct)+openalex.Batch-1)/openalex.Batch {
		t.Errorf("looked up %d IDs in %d requests; want the %d distinct referenced works in batches of %d", asked, lookups, len(distinct), openalex.Batch)
	}
}

// TestOpenAlexCitationsAsksCites checks the citations request: a DOI is
// first resolved to its OpenAlex ID (from the recorded page), then
// filter=cites:W… is asked (not recorded: 404, no records, no error).
func TestOpenAlexCitationsAsksCites(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Fallback = notFound
	serveOpenAlexPages(t, srv)
	c := openalex.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	got, err := collect(t, func(emit func(graph.Record) error) error {
		return c.Citations(context.Background(), []index.ID{index.DOI("10.1016/j.joi.2017.08.007"), index.DOI("10.7717/peerj.4375")}, emit)
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("%d records, %v; want the 2 works looked up", len(got), err)
	}
	var cites []string
	for _, rq := range srv.Requests() {
		q, _ := url.ParseQuery(rq.Query)
		if f, ok := strings.CutPrefix(q.Get("filter"), "cites:"); ok {
			cites = append(cites, f)
		}
	}
	if strings.Join(cites, " ") != "W2755950973 W2741809807" {
		t.Errorf("cites filters %v; want W2755950973 W2741809807", cites)
	}
}

// TestCrossrefReferences replays habanero's cassette of five /works/{doi}
// answers: the client asks the same five URLs and its records equal the
// offline reader's of each body.
func TestCrossrefReferences(t *testing.T) {
	ins, err := fetchtest.LoadCassette("testdata/crossref_vcr_cassette_works_5_dois.yaml")
	if err != nil {
		t.Fatal(err)
	}
	srv := fetchtest.NewServer()
	defer srv.Close()
	if err := srv.Replay(ins); err != nil {
		t.Fatal(err)
	}
	var ids []index.ID
	var want []graph.Record
	for _, in := range ins {
		u, _ := url.Parse(in.URL)
		doi := strings.TrimPrefix(u.Path, "/works/")
		ids = append(ids, index.DOI(doi))
		body, err := in.Decoded()
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, offline(t, body, srv.URL+"/works/"+doi, "crossref-api", decodeCrossref)...)
	}
	c := crossref.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	got, err := collect(t, func(emit func(graph.Record) error) error { return c.References(context.Background(), ids, emit) })
	if err != nil {
		t.Fatal(err)
	}
	sameRecords(t, got, want)
	if len(srv.Requests()) != 5 || srv.Unmatched() != 0 {
		t.Errorf("%d requests (%d unmatched); want the 5 recorded", len(srv.Requests()), srv.Unmatched())
	}
	if err := c.Citations(context.Background(), ids, nil); !errors.Is(err, index.ErrUnsupported) {
		t.Errorf("Citations: %v; want index.ErrUnsupported", err)
	}
}

// TestCrossrefWorksList serves the recorded three-item work list for a
// filter naming its three DOIs; the answer has no next-cursor, which ends
// the paging.
func TestCrossrefWorksList(t *testing.T) {
	body := readTestdata(t, "crossref_works_list_3items.json")
	var items []index.ID
	var page struct {
		Message struct {
			Items []struct {
				DOI string `json:"DOI"`
			} `json:"items"`
		} `json:"message"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	var filter []string
	for _, it := range page.Message.Items {
		items = append(items, index.DOI(it.DOI))
		filter = append(filter, "doi:"+index.DOI(it.DOI).Value)
	}
	srv := fetchtest.NewServer()
	defer srv.Close()
	q := url.Values{"filter": {strings.Join(filter, ",")}, "rows": {"1000"}, "cursor": {"*"}}
	srv.Handle("GET", "/works?"+q.Encode(), fetchtest.JSON(body))
	c := crossref.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	got, err := collect(t, func(emit func(graph.Record) error) error { return c.Works(context.Background(), items, emit) })
	if err != nil {
		t.Fatal(err)
	}
	sameRecords(t, got, offline(t, body, srv.URL+"/works?"+q.Encode(), "crossref-api", decodeCrossref))
	if len(got) != 3 || len(srv.Requests()) != 1 {
		t.Errorf("%d records in %d requests; want 3 in 1", len(got), len(srv.Requests()))
	}
}

// TestOpenCitationsReferences serves the recorded reference rows of two
// works and a header line alone for a work without citations. The
// COCI-style file holds 40 rows: 38 of 10.1108/jd-12-2013-0166 and, at its
// end, 2 of 10.7717/peerj.4375 (counted with cut and uniq), so its answer
// gives two records; the CROCI file holds 13 rows of 10.1002/asi.20755.
func TestOpenCitationsReferences(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Fallback = notFound
	coci := readTestdata(t, "coci_style_citations_emerald_jd-12-2013-0166.csv")
	croci := readTestdata(t, "croci_citations_with_day_precision_timespans.csv")
	csv := fetchtest.Answer{Header: map[string][]string{"Content-Type": {"text/csv"}}}
	a, b := csv, csv
	a.Body, b.Body = coci, croci
	srv.Handle("GET", "/references/doi:10.1108/jd-12-2013-0166?format=csv", a)
	srv.Handle("GET", "/references/doi:10.1002/asi.20755?format=csv", b)
	header := csv
	header.Body = coci[:bytes.IndexByte(coci, '\n')+1]
	srv.Handle("GET", "/citations/doi:10.1108/jd-12-2013-0166?format=csv", header)

	c := opencitations.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	ids := []index.ID{index.DOI("10.1108/JD-12-2013-0166"), index.DOI("10.1002/asi.20755"), index.DOI("10.9999/not-recorded")}
	got, err := collect(t, func(emit func(graph.Record) error) error { return c.References(context.Background(), ids, emit) })
	if err != nil {
		t.Fatal(err)
	}
	want := offline(t, coci, srv.URL+"/references/doi:10.1108/jd-12-2013-0166?format=csv", "opencitations", decodeOC)
	want = append(want, offline(t, croci, srv.URL+"/references/doi:10.1002/asi.20755?format=csv", "opencitations", decodeOC)...)
	sameRecords(t, got, want)
	if len(got) != 3 || len(got[0].References) != 38 || len(got[1].References) != 2 || len(got[2].References) != 13 {
		t.Errorf("got %d records; want 3 with 38, 2 and 13 references", len(got))
	}
	cit, err := collect(t, func(emit func(graph.Record) error) error { return c.Citations(context.Background(), ids[:1], emit) })
	if err != nil || len(cit) != 0 {
		t.Errorf("citations of a work with none: %d records, %v", len(cit), err)
	}
	if err := c.Works(context.Background(), ids, nil); !errors.Is(err, index.ErrUnsupported) {
		t.Errorf("Works: %v; want index.ErrUnsupported", err)
	}
}

// TestSemanticScholarReferencesPaged replays the semanticscholar package's
// cassette: two pages of /paper/10.2139/ssrn.2250500/references (fields
// title, limit 50), the first with next 50, the second without next.
func TestSemanticScholarReferencesPaged(t *testing.T) {
	ins, err := fetchtest.LoadCassette("testdata/s2_vcr_cassette_paper_references.yaml")
	if err != nil {
		t.Fatal(err)
	}
	srv := fetchtest.NewServer()
	defer srv.Close()
	for i := range ins {
		ins[i].URL = strings.Replace(ins[i].URL, "/graph/v1", "", 1)
	}
	if err := srv.Replay(ins); err != nil {
		t.Fatal(err)
	}
	c := semanticscholar.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL, Fields: []string{"title"}, PageSize: 50})
	got, err := collect(t, func(emit func(graph.Record) error) error {
		return c.References(context.Background(), []index.ID{index.DOI("10.2139/ssrn.2250500")}, emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []graph.Record
	for _, in := range ins {
		body, _ := in.Decoded()
		u := srv.URL + strings.TrimPrefix(in.URL, "https://api.semanticscholar.org")
		want = append(want, offline(t, body, u, "semanticscholar-api", func(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
			p := graph.Reference{DOI: "10.2139/ssrn.2250500"}
			return semanticscholar.Decode(ctx, r, semanticscholar.Options{Paper: &p}, emit)
		})...)
	}
	sameRecords(t, got, want)
	if len(srv.Requests()) != 2 || srv.Unmatched() != 0 {
		t.Errorf("%d requests (%d unmatched); want the 2 recorded pages", len(srv.Requests()), srv.Unmatched())
	}
}

// TestSciteTallies serves the recorded batch tallies for the POST of its
// three DOIs.
func TestSciteTallies(t *testing.T) {
	body := readTestdata(t, "scite_tallies_batch_3dois_from_scite_extension_tests.json")
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Handle("POST", "/tallies", fetchtest.JSON(body))
	c := sciteapi.NewClient(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	ids := []index.ID{index.DOI("10.1038/nature10167"), index.DOI("10.1016/j.biopsych.2005.08.012"), index.DOI("10.1891/0889-8391.13.2.158")}
	got, err := collect(t, func(emit func(graph.Record) error) error { return c.Tallies(context.Background(), ids, emit) })
	if err != nil {
		t.Fatal(err)
	}
	sameRecords(t, got, offline(t, body, srv.URL+"/tallies", "scite-api", func(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
		return sciteapi.Decode(ctx, r, sciteapi.Options{}, emit)
	}))
	rq := srv.Requests()
	if len(rq) != 1 || string(rq[0].Body) != `["10.1038/nature10167","10.1016/j.biopsych.2005.08.012","10.1891/0889-8391.13.2.158"]` {
		t.Errorf("requests %+v; want one POST of the three DOIs", rq)
	}
}

func decodeScite(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
	return sciteapi.Decode(ctx, r, sciteapi.Options{}, emit)
}

func decodeS2For(doi string) func(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
	return func(ctx context.Context, r *bytes.Reader, emit func(graph.Record) error) error {
		p := graph.Reference{DOI: doi}
		return semanticscholar.Decode(ctx, r, semanticscholar.Options{Paper: &p}, emit)
	}
}

// TestSemanticScholarWorksRequest checks the batch look-up's request: one
// POST /paper/batch per semanticscholar.Batch IDs, the paper fields only (not the
// citation's), IDs as the Graph API writes them. No batch answer was
// recorded, so the server answers 404 and no record comes back.
func TestSemanticScholarWorksRequest(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Fallback = notFound
	c := semanticscholar.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	ids := []index.ID{index.DOI("10.2139/SSRN.2250500"), {Scheme: graph.IDCorpusID, Value: "215416146"}, {Scheme: graph.IDOpenAlex, Value: "W2741809807"}}
	got, err := collect(t, func(emit func(graph.Record) error) error { return c.Works(context.Background(), ids, emit) })
	if err != nil || len(got) != 0 {
		t.Fatalf("%d records, %v", len(got), err)
	}
	rq := srv.Requests()
	if len(rq) != 1 || rq[0].Method != "POST" || rq[0].Path != "/paper/batch" {
		t.Fatalf("requests %+v; want one POST /paper/batch", rq)
	}
	if string(rq[0].Body) != `{"ids":["10.2139/ssrn.2250500","CorpusId:215416146"]}` {
		t.Errorf("body %s; want the DOI and the CorpusId, not the OpenAlex ID", rq[0].Body)
	}
	q, _ := url.ParseQuery(rq[0].Query)
	if f := q.Get("fields"); strings.Contains(f, "contexts") || !strings.Contains(f, "externalIds") {
		t.Errorf("fields %q; want the paper fields only", f)
	}
}

// TestOpenCitationsOneLineNotRows: an answer of one line that is no header
// of citation rows (an error object, served with 200) is an error naming
// the URL, not a work without citations.
func TestOpenCitationsOneLineNotRows(t *testing.T) {
	srv := fetchtest.NewServer()
	defer srv.Close()
	srv.Handle("GET", "/citations/doi:10.1108/jd-12-2013-0166?format=csv",
		fetchtest.Answer{Header: map[string][]string{"Content-Type": {"application/json"}}, Body: []byte(`{"error":"invalid access token"}`)})
	c := opencitations.NewIndex(newFetcher(t, srv, fetch.Limit{}, 0, ""), index.Config{BaseURL: srv.URL})
	got, err := collect(t, func(emit func(graph.Record) error) error {
		return c.Citations(context.Background(), []index.ID{index.DOI("10.1108/jd-12-2013-0166")}, emit)
	})
	if len(got) != 0 || err == nil || !strings.Contains(err.Error(), "/citations/doi:10.1108/jd-12-2013-0166") {
		t.Errorf("got %d records, %v; want an error naming the URL", len(got), err)
	}
}
