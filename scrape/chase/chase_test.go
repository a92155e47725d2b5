package chase

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph/progress"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
	"github.com/citegraph/citegraph/scrape/index"
)

// The expected figures of the recorded world, counted by hand from the
// answer files with a few lines of Python (json, csv and yaml modules),
// independently of citegraph's readers:
//
//   - OpenAlex page 1: bibliometrix (10.1016/j.joi.2017.08.007) has 70
//     referenced_works and peerj.4375 45, 115 distinct W-IDs; looking them
//     up was not recorded (404), so they stay nodes known by OpenAlex ID.
//   - Crossref /works/10.1038/srep16696: 62 references, all with a DOI, 62
//     distinct DOIs.
//   - OpenCitations rows: 40 rows, 40 distinct cited DOIs: 38 cited by
//     10.1108/jd-12-2013-0166 and 2 by 10.7717/peerj.4375.
//   - Semantic Scholar, two pages of references of 10.2139/ssrn.2250500:
//     67 cited papers, 44 with a paperId and 23 without (distinct titles).
//
// No DOI, OpenAlex ID or S2 ID appears in the answers of two indexes, so
// the union is 115 + 62 + 40 + 67 = 284 unique candidates, none found by
// two indexes, no duplicates removed.
const (
	wantOpenAlex, wantCrossref, wantOC, wantS2 = 115, 62, 40, 67
	wantUnique                                 = wantOpenAlex + wantCrossref + wantOC + wantS2
)

func TestChaseRecorded(t *testing.T) {
	w := newWorld(t)
	tr := NewTracker()
	_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 4}, "", fetch.CacheReadWrite, tr)
	res, err := Run(context.Background(), recordedSeeds(), Options{Direction: Backward, Hops: 1, Indexes: ixs, Describe: true, Tracker: tr, Chunk: 2})
	if err != nil {
		t.Fatal(err)
	}
	rep := res.Report
	if res.Failed() {
		t.Fatalf("failures: %+v", rep.Indexes)
	}
	if rep.Unique != wantUnique || len(res.Candidates) != wantUnique || rep.DuplicatesRemoved != 0 || rep.Retrieved != wantUnique {
		t.Errorf("unique %d, retrieved %d, duplicates %d; want %d, %d, 0", rep.Unique, rep.Retrieved, rep.DuplicatesRemoved, wantUnique, wantUnique)
	}
	per := map[string]int{}
	for _, ix := range rep.Indexes {
		per[ix.Name] = ix.Candidates
		if ix.First.IsZero() || ix.Answers == 0 {
			t.Errorf("%s: no dates or answers noted: %+v", ix.Name, ix)
		}
	}
	wantPer := map[string]int{"openalex": wantOpenAlex, "crossref": wantCrossref, "opencitations": wantOC, "semanticscholar": wantS2}
	if !reflect.DeepEqual(per, wantPer) {
		t.Errorf("candidates per index %v; want %v", per, wantPer)
	}
	for _, p := range rep.Pairs {
		if p.Candidates != 0 {
			t.Errorf("pair %v shares %d candidates; want none", p.Indexes, p.Candidates)
		}
	}
	if len(rep.Overlaps) != 4 {
		t.Errorf("overlaps %+v; want four groups of one index each", rep.Overlaps)
	}
	// Per seed: what each index says it cites.
	refs := map[string]map[string]int{}
	for _, s := range rep.Seeds {
		if s.Key == "" {
			t.Errorf("seed %s not in the graph", s.ID)
		}
		refs[s.ID] = map[string]int{}
		for n, k := range s.References {
			if k > 0 {
				refs[s.ID][n] = k
			}
		}
	}
	wantRefs := map[string]map[string]int{
		"doi:10.1016/j.joi.2017.08.007": {"openalex": 70},
		"doi:10.7717/peerj.4375":        {"openalex": 45, "opencitations": 2},
		"doi:10.1038/srep16696":         {"crossref": 62},
		"doi:10.1108/jd-12-2013-0166":   {"opencitations": 38},
		"doi:10.2139/ssrn.2250500":      {"semanticscholar": 67},
	}
	if !reflect.DeepEqual(refs, wantRefs) {
		t.Errorf("references per seed and index %v; want %v", refs, wantRefs)
	}
	// The recorded Crossref answers announce x-rate-limit-limit 10 per
	// x-rate-limit-interval 1s: the Fetcher follows the announcement, so
	// once the recorded answer came (the 404s carry no such headers),
	// Crossref's requests are sent 100 ms apart. The describing look-ups
	// come after the hop, long after the announcement: measured by the
	// server, whose arrival times jitter by milliseconds (tens under -race
	// on a loaded machine), they span at least 80 ms per gap.
	cr := w.crossref.Requests()
	var lookups []time.Time
	for _, r := range cr {
		if r.Path == "/works" {
			lookups = append(lookups, r.At)
		}
	}
	if n := len(lookups); n != 3 {
		t.Errorf("%d crossref look-ups; want 3 (104 works without a title, 50 a request)", n)
	} else if span := lookups[n-1].Sub(lookups[0]); span < time.Duration(n-1)*80*time.Millisecond {
		t.Errorf("%d crossref look-ups within %v; the server announced 10 a second", n, span)
	}
	if len(cr) != 5+3 {
		t.Errorf("crossref got %d requests; want 5 (references of each seed) + 3 (describing 104 works, 50 a request)", len(cr))
	}
	if got := ixUnsupported(rep); !slicesEqual(got, []string{"opencitations:describe"}) {
		t.Errorf("unsupported %v; want opencitations:describe (its rows describe no work)", got)
	}
	// Each candidate is cited by exactly one seed, except none: the
	// recorded reference lists of different seeds share no work.
	for _, c := range res.Candidates {
		if c.CitedBySeeds != 1 || c.Hop != 1 || len(c.Indexes) != 1 {
			t.Fatalf("candidate %+v; want cited by one seed, hop 1, one index", c)
		}
	}
}

func ixUnsupported(rep Report) []string {
	var out []string
	for _, ix := range rep.Indexes {
		for _, u := range ix.Unsupported {
			out = append(out, ix.Name+":"+u)
		}
	}
	return out
}

func slicesEqual(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// TestChaseBothDirections asks references and citations: Crossref does
// not offer citations (reported, not a failure), the others have none
// recorded (404), so the candidates are those of the backward chase.
func TestChaseBothDirections(t *testing.T) {
	w := newWorld(t)
	_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 4}, "", fetch.CacheReadWrite, nil)
	res, err := Run(context.Background(), recordedSeeds(), Options{Direction: Both, Hops: 1, Indexes: ixs, Chunk: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Unique != wantUnique || res.Failed() {
		t.Errorf("unique %d, failed %v; want %d", res.Report.Unique, res.Failed(), wantUnique)
	}
	if got := ixUnsupported(res.Report); !slicesEqual(got, []string{"crossref:citations"}) {
		t.Errorf("unsupported %v; want crossref:citations (Describe is off)", got)
	}
	// OpenAlex asked cites: for both works it resolved to W-IDs.
	var cites []string
	for _, r := range w.openalex.Requests() {
		if strings.Contains(r.Query, "cites%3A") {
			cites = append(cites, r.Query)
		}
	}
	if len(cites) != 2 {
		t.Errorf("OpenAlex asked %d cites: filters; want 2", len(cites))
	}
}

// TestChaseSeedCorpusDOIs chases from the two seed DOIs of the seed
// corpus (10.2975/35.4.2012.337.340 and 10.1007/s10488-014-0603-z, read
// from their scite pages with scrape.Default()). No recorded answer of
// any index is about them (grep finds neither DOI under shared/data/api),
// so every index answers 404: the chase finds no candidate, reports both
// seeds as known to no index, and fails nothing.
func TestChaseSeedCorpusDOIs(t *testing.T) {
	var seeds []Seed
	for _, p := range []string{"testdata/000_45cdc837eab6ac5b.txt", "testdata/001_911e5b077376d86a.txt"} {
		s, skipped, err := ReadSeeds(context.Background(), p, scrape.Default())
		if err != nil || skipped != 0 {
			t.Fatalf("%s: %v (%d skipped)", p, err, skipped)
		}
		seeds = append(seeds, s...)
	}
	var got []string
	for _, s := range seeds {
		got = append(got, s.IDs[0].String())
	}
	if want := []string{"doi:10.2975/35.4.2012.337.340", "doi:10.1007/s10488-014-0603-z"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("seeds %v; want %v", got, want)
	}
	w := newWorld(t)
	_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 4}, "", fetch.CacheReadWrite, nil)
	res, err := Run(context.Background(), seeds, Options{Direction: Both, Hops: 2, Indexes: ixs, Describe: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() || res.Report.Unique != 0 || len(res.Candidates) != 0 {
		t.Errorf("failed %v, %d candidates; want none", res.Failed(), res.Report.Unique)
	}
	// The seeds' records come from their pages: they are in the graph,
	// with no index edge.
	for _, s := range res.Report.Seeds {
		for n, k := range s.References {
			if k != 0 || s.Citations[n] != 0 {
				t.Errorf("seed %s: %s gave %d references, %d citations; want 0", s.ID, n, k, s.Citations[n])
			}
		}
	}
	// Each index was asked about both seeds.
	if n := len(w.oc.Requests()); n != 4 {
		t.Errorf("OpenCitations got %d requests; want 4 (references and citations of 2 seeds)", n)
	}
}

// TestChaseSincePrevious: a chase without Semantic Scholar, then one with
// it and the first report as Previous: the 67 candidates of Semantic
// Scholar are new, none gone; the report survives its JSON round trip.
func TestChaseSincePrevious(t *testing.T) {
	w := newWorld(t)
	_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 4}, "", fetch.CacheReadWrite, nil)
	first, err := Run(context.Background(), recordedSeeds(), Options{Direction: Backward, Indexes: ixs[:3], Chunk: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := first.Report.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	prev, err := ReadReport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Run(context.Background(), recordedSeeds(), Options{Direction: Backward, Indexes: ixs, Previous: prev, Chunk: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Report.New) != wantS2 || len(second.Report.Gone) != 0 {
		t.Errorf("%d new, %d gone; want %d new, 0 gone", len(second.Report.New), len(second.Report.Gone), wantS2)
	}
	s2 := map[string]bool{}
	for _, c := range second.Candidates {
		if len(c.Indexes) == 1 && c.Indexes[0] == "semanticscholar" {
			s2[c.Key] = true
		}
	}
	for _, k := range second.Report.New {
		if !s2[k] {
			t.Errorf("new candidate %s is not one of Semantic Scholar's", k)
		}
	}
	var md bytes.Buffer
	if err := second.Report.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "since the previous report: 67 new, 0 no longer found") {
		t.Errorf("markdown lacks the comparison:\n%s", md.String()[:min(md.Len(), 2000)])
	}
}

// cancelAfter cancels the chase once n progress updates arrived.
type cancelAfter struct {
	mu     sync.Mutex
	n      int
	cancel context.CancelFunc
}

func (*cancelAfter) Start(string, int64)                     {}
func (*cancelAfter) Finish(string, float64, []progress.Fact) {}

func (c *cancelAfter) Update(string, int64, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n--
	if c.n == 0 {
		c.cancel()
	}
}

// TestChaseResumesFromCache interrupts a chase after its first progress
// event, then runs it again on the same cache: the rerun asks the servers
// only what the first run had not received (no route is asked twice over
// the two runs, except requests cut off by the cancel), gives the result
// of an uninterrupted chase, and a third run offline from the cache gives
// the same report bytes.
func TestChaseResumesFromCache(t *testing.T) {
	cache := t.TempDir()
	w := newWorld(t)
	opts := func(ixs []index.Index, p progress.Reporter, tr *Tracker) Options {
		return Options{Direction: Both, Hops: 1, Indexes: ixs, Workers: 1, Progress: p, Tracker: tr, Chunk: 2}
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 1}, cache, fetch.CacheReadWrite, nil)
	if _, err := Run(ctx, recordedSeeds(), opts(ixs, &cancelAfter{n: 1, cancel: cancel}, nil)); err != context.Canceled {
		t.Fatalf("interrupted chase: %v; want context.Canceled", err)
	}
	before := len(allRequests(w))

	_, ixs = w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 1}, cache, fetch.CacheReadWrite, nil)
	res, err := Run(context.Background(), recordedSeeds(), opts(ixs, nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Unique != wantUnique {
		t.Errorf("resumed chase: %d candidates; want %d", res.Report.Unique, wantUnique)
	}
	reqs := allRequests(w)
	if before == 0 || before == len(reqs) {
		t.Errorf("first run made %d requests, both %d: the interruption did not fall inside the chase", before, len(reqs))
	}
	// A fresh world and cache count the requests of one whole chase.
	w2 := newWorld(t)
	_, ixs2 := w2.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 1}, t.TempDir(), fetch.CacheReadWrite, nil)
	if _, err := Run(context.Background(), recordedSeeds(), opts(ixs2, nil, nil)); err != nil {
		t.Fatal(err)
	}
	whole := len(allRequests(w2))
	if extra := len(reqs) - whole; extra < 0 || extra > 4 {
		t.Errorf("interrupted + resumed runs made %d requests, one whole chase %d: %d asked again (at most the 4 cut off in flight)", len(reqs), whole, extra)
	}

	// Offline replays give the same bytes.
	var out [2]bytes.Buffer
	for i := range out {
		tr := NewTracker()
		_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 1}, cache, fetch.CacheOffline, tr)
		res, err := Run(context.Background(), recordedSeeds(), opts(ixs, nil, tr))
		if err != nil || res.Failed() {
			t.Fatalf("offline replay: %v, %+v", err, res.Report.Indexes)
		}
		if err := res.Report.WriteJSON(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two offline replays of the cache gave different reports")
	}
	if n := len(allRequests(w)); n != len(reqs) {
		t.Errorf("offline replays reached the servers (%d requests)", n-len(reqs))
	}
}

func allRequests(w *world) []string {
	var out []string
	for _, s := range w.servers() {
		for _, r := range s.Requests() {
			out = append(out, r.Method+" "+r.Path+"?"+r.Query)
		}
	}
	sort.Strings(out)
	return out
}

// TestChaseIndexFails: an index whose server answers 500 to everything
// fails for good after its retries; the chase reports the failures and
// gives what the other indexes gave.
func TestChaseIndexFails(t *testing.T) {
	w := newWorld(t)
	w.oc.Fallback = func(*http.Request) fetchtest.Answer {
		return fetchtest.Answer{Status: http.StatusInternalServerError, Body: []byte("down")}
	}
	w.oc.Handle("GET", "/references/doi:10.1108/jd-12-2013-0166?format=csv", fetchtest.Answer{Status: http.StatusInternalServerError, Body: []byte("down")})
	_, ixs := w.indexes(t, fetch.Limit{Rate: 1000, Burst: 10, InFlight: 4}, "", fetch.CacheReadWrite, nil)
	res, err := Run(context.Background(), recordedSeeds(), Options{Direction: Backward, Indexes: ixs, Chunk: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Failed() {
		t.Fatal("no failure reported")
	}
	for _, ix := range res.Report.Indexes {
		want := 0
		if ix.Name == "opencitations" {
			want = 5 // one per seed
		}
		if len(ix.Failures) != want {
			t.Errorf("%s: %d failures; want %d: %v", ix.Name, len(ix.Failures), want, ix.Failures)
		}
	}
	if res.Report.Unique != wantUnique-wantOC {
		t.Errorf("%d candidates; want %d, all but OpenCitations'", res.Report.Unique, wantUnique-wantOC)
	}
}
