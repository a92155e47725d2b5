package chase

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// raceEnabled is set by race_test.go under -race.
var raceEnabled bool

// Load figures: 100 seeds, each citing 99 works of its own, so hop 1
// reaches 9,900 works and the chase holds 10,000; hop 2 asks about each
// of the 9,900 (they cite nothing). Two indexes answer alike, so every
// candidate is found twice and deduplicated once.
const (
	loadSeeds   = 100
	loadPerSeed = 99
	loadWorks   = loadSeeds * (loadPerSeed + 1)
)

// The hosts' limits in the load test are far above the published ones so
// that the test takes seconds, and below what 8 workers per index would
// send unchecked: OpenCitations' in-flight bound binds (4 at a time, its
// rate of 2,500 a second is out of reach), Semantic Scholar's rate binds
// (600 a second).
var (
	ocLimit     = fetch.Limit{Rate: 2500, Burst: 1, InFlight: 4}
	s2Limit     = fetch.Limit{Rate: 600, Burst: 1, InFlight: 3}
	loadOverall = 6
)

type loadRun struct {
	res      *Result
	elapsed  time.Duration
	oc, s2   *fetchtest.Server
	meter    *fetchtest.Meter
	stats    fetch.Stats
	requests int
}

// runLoad chases two hops backward over synthetic answers in the formats
// of OpenCitations (CSV rows) and Semantic Scholar (references pages).
func runLoad(t testing.TB) loadRun {
	t.Helper()
	meter := &fetchtest.Meter{}
	oc, s2 := fetchtest.NewServer(), fetchtest.NewServer()
	defer oc.Close()
	defer s2.Close()
	oc.ShareMeter(meter)
	s2.ShareMeter(meter)
	// refs returns the DOIs a work cites: seed i cites w<i>.<j>.
	refs := func(doi string) []string {
		i, ok := strings.CutPrefix(doi, "10.5555/s")
		if !ok {
			return nil
		}
		out := make([]string, loadPerSeed)
		for j := range out {
			out[j] = fmt.Sprintf("10.5555/w%s.%d", i, j)
		}
		return out
	}
	delay := func(doi string) time.Duration {
		if n := len(doi); n > 0 && doi[n-1] == '7' {
			return 5 * time.Millisecond // one answer in ten is slower
		}
		return time.Millisecond
	}
	oc.Fallback = func(r *http.Request) fetchtest.Answer {
		doi := strings.TrimPrefix(r.URL.Path, "/references/doi:")
		var b strings.Builder
		b.WriteString("citing,cited,creation,timespan,journal_sc,author_sc\n")
		for _, c := range refs(doi) {
			fmt.Fprintf(&b, "%s,%s,2020,,no,no\n", doi, c)
		}
		return fetchtest.Answer{Header: http.Header{"Content-Type": {"text/csv"}}, Body: []byte(b.String()), Delay: delay(doi)}
	}
	s2.Fallback = func(r *http.Request) fetchtest.Answer {
		doi := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/paper/"), "/references")
		var items []string
		for _, c := range refs(doi) {
			items = append(items, fmt.Sprintf(`{"citedPaper":{"paperId":null,"externalIds":{"DOI":%q},"title":"Work %s"}}`, c, c))
		}
		body := `{"offset":0,"data":[` + strings.Join(items, ",") + `]}`
		return fetchtest.Answer{Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(body), Delay: delay(doi)}
	}
	f, err := fetch.New(fetch.Options{
		Services: []fetch.Service{
			{Name: "opencitations", Host: oc.Host(), Limit: ocLimit},
			{Name: "semanticscholar", Host: s2.Host(), Limit: s2Limit},
		},
		MaxInFlight: loadOverall, RetryBase: time.Millisecond, RetryMax: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	ixs := []index.Index{
		opencitations.NewIndex(f, index.Config{BaseURL: oc.URL}),
		semanticscholar.NewIndex(f, index.Config{BaseURL: s2.URL, Fields: []string{"externalIds", "title"}, PageSize: 1000}),
	}
	var seeds []Seed
	for i := range loadSeeds {
		seeds = append(seeds, SeedsFromIDs(index.DOI(fmt.Sprintf("10.5555/s%d", i)))...)
	}
	start := time.Now()
	res, err := Run(context.Background(), seeds, Options{Direction: Backward, Hops: 2, Indexes: ixs, Workers: 8, Chunk: 10})
	if err != nil {
		t.Fatal(err)
	}
	lr := loadRun{res: res, elapsed: time.Since(start), oc: oc, s2: s2, meter: meter, stats: f.Stats()}
	lr.requests = len(oc.Requests()) + len(s2.Requests())
	return lr
}

// maxPerSecond returns the most requests that arrived within any one
// second.
func maxPerSecond(rs []fetchtest.Record) int {
	at := make([]time.Time, len(rs))
	for i, r := range rs {
		at[i] = r.At
	}
	sort.Slice(at, func(i, j int) bool { return at[i].Before(at[j]) })
	best := 0
	for i, j := 0, 0; j < len(at); j++ {
		for at[j].Sub(at[i]) >= time.Second {
			i++
		}
		best = max(best, j-i+1)
	}
	return best
}

// TestLoadChase runs a 10,000-work chase against local servers and checks,
// by the servers' clocks, that no request is lost or repeated, that each
// host's in-flight bound and rate hold (+1 for the first token, +1 for
// the jitter of arrival times), that the
// overall bound holds, and that the union is deduplicated: 9,900
// candidates, each found by both indexes. Skipped with -short and -race
// (about 20 s); BenchmarkChase10k records the figures.
func TestLoadChase(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("load test: 20,000 requests; run without -short and -race")
	}
	lr := runLoad(t)
	rep := lr.res.Report
	if rep.Unique != loadWorks-loadSeeds || rep.Retrieved != 2*rep.Unique || rep.DuplicatesRemoved != rep.Unique {
		t.Errorf("unique %d, retrieved %d, duplicates %d; want %d, %d, %d", rep.Unique, rep.Retrieved, rep.DuplicatesRemoved,
			loadWorks-loadSeeds, 2*(loadWorks-loadSeeds), loadWorks-loadSeeds)
	}
	if len(rep.Pairs) != 1 || rep.Pairs[0].Candidates != rep.Unique {
		t.Errorf("pairs %+v; want every candidate found by both", rep.Pairs)
	}
	if lr.res.Failed() {
		t.Errorf("failures: %+v", rep.Indexes)
	}
	for _, s := range []struct {
		name string
		srv  *fetchtest.Server
		lim  fetch.Limit
	}{{"opencitations", lr.oc, ocLimit}, {"semanticscholar", lr.s2, s2Limit}} {
		rs := s.srv.Requests()
		seen := map[string]bool{}
		for _, r := range rs {
			if seen[r.Path] {
				t.Errorf("%s: %s asked twice", s.name, r.Path)
			}
			seen[r.Path] = true
		}
		if len(rs) != loadWorks {
			t.Errorf("%s: %d requests; want one per work, %d", s.name, len(rs), loadWorks)
		}
		if m := s.srv.MaxInFlight(); m > s.lim.InFlight {
			t.Errorf("%s: %d requests in flight; limit %d", s.name, m, s.lim.InFlight)
		}
		if m := maxPerSecond(rs); m > int(s.lim.Rate)+s.lim.Burst+1 { // +1: arrival jitter
			t.Errorf("%s: %d requests within one second; limit %v a second", s.name, m, s.lim.Rate)
		}
	}
	if m := lr.meter.MaxInFlight(); m > loadOverall {
		t.Errorf("%d requests in flight across hosts; bound %d", m, loadOverall)
	}
	t.Logf("%d requests in %v (%.0f/s); in flight at most %d (opencitations %d, semanticscholar %d); %d rate-limit waits; busiest second: %d and %d",
		lr.requests, lr.elapsed.Round(time.Millisecond), float64(lr.requests)/lr.elapsed.Seconds(), lr.meter.MaxInFlight(),
		lr.oc.MaxInFlight(), lr.s2.MaxInFlight(), lr.stats.Waits, maxPerSecond(lr.oc.Requests()), maxPerSecond(lr.s2.Requests()))
}

// BenchmarkChase10k measures the 10,000-work chase of TestLoadChase; run
// with -benchtime=1x. Besides ns/op it reports requests a second, the most
// requests in flight at once, and the busiest second of each host.
func BenchmarkChase10k(b *testing.B) {
	for b.Loop() {
		lr := runLoad(b)
		b.ReportMetric(float64(lr.requests)/lr.elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(lr.meter.MaxInFlight()), "max-in-flight")
		b.ReportMetric(float64(maxPerSecond(lr.oc.Requests())), "oc-busiest-s")
		b.ReportMetric(float64(maxPerSecond(lr.s2.Requests())), "s2-busiest-s")
		b.ReportMetric(float64(lr.res.Report.Unique), "candidates")
		b.ReportMetric(float64(lr.stats.Waits), "waits")
	}
}
