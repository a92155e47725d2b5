package web

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/web/webtest"
)

var (
	pagesDir = filepath.Join("..", "testdata", "web", "pages")
	seedsDir = filepath.Join("..", "..", "testdata", "seeds")
	jatsFile = webtest.JATSFile{DOI: "10.1111/josh.70172", PMCID: "PMC13244190",
		Path: filepath.Join("..", "testdata", "web", "europepmc", "europepmc_PMC13244190_food-insecurity-mental-health-students.xml")}
)

func newServer(t *testing.T) *webtest.Server {
	t.Helper()
	s := webtest.New(pagesDir, seedsDir)
	s.JATS = []webtest.JATSFile{jatsFile}
	t.Cleanup(s.Close)
	return s
}

func testConfig(t *testing.T, s *webtest.Server) Config {
	return Config{
		WARC:      filepath.Join(t.TempDir(), "web.warc.gz"),
		Resolver:  s.URL + "/doi",
		EuropePMC: s.URL + "/epmc",
		Fetch: fetch.Options{
			DefaultLimit: fetch.Limit{Rate: 1000, Burst: 100, InFlight: 4},
			RetryBase:    10 * time.Millisecond, RetryMax: 50 * time.Millisecond, MaxRetries: 2,
			Timeout:     time.Second,
			Credentials: fetch.Credentials{Mailto: "reviewer@example.org"},
			Transport:   s.Transport(),
		},
	}
}

// walk runs a Source over inputs and returns the records and the error of
// each input.
func walk(t *testing.T, cfg Config, inputs ...string) ([]graph.Record, map[string]error) {
	t.Helper()
	src, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var recs []graph.Record
	errs := map[string]error{}
	err = src.Walk(context.Background(), inputs, scrape.Visitor{
		Record: func(r graph.Record) error { recs = append(recs, r); return nil },
		Done:   func(in string, _ int, err error) error { errs[in] = err; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	return recs, errs
}

// withoutPaths returns the records as JSON with Source.Path blanked: a
// fetched page names its URL there and a saved one its file, and nothing
// else may differ.
func withoutPaths(t *testing.T, recs []graph.Record) string {
	t.Helper()
	var b strings.Builder
	for _, r := range recs {
		r.Source.Path = ""
		j, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

func fileRecords(t *testing.T, path string) []graph.Record {
	t.Helper()
	recs, err := scrape.Default().ExtractFile(context.Background(), path, "")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Skip(err)
	}
	var out []string
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), ".") && !strings.HasSuffix(e.Name(), ".md") {
			out = append(out, e.Name())
		}
	}
	return out
}

// A page fetched and the same page saved give the same records (issue 18):
// the seven real publisher pages, by URL and by DOI, and the five seed
// pages; then the WARC replays them offline to the same records.
func TestFetchedEqualsSaved(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	var inputs []string
	var want []graph.Record
	for _, n := range names(t, pagesDir) {
		inputs = append(inputs, s.URL+"/pages/"+n)
		want = append(want, fileRecords(t, filepath.Join(pagesDir, n))...)
	}
	for _, n := range names(t, seedsDir) {
		inputs = append(inputs, s.URL+"/seeds/"+n)
		want = append(want, fileRecords(t, filepath.Join(seedsDir, n))...)
	}
	got, errs := walk(t, cfg, inputs...)
	for in, err := range errs {
		if err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
	if len(inputs) != 12 || len(got) != len(want) {
		t.Fatalf("%d inputs gave %d records, the files %d", len(inputs), len(got), len(want))
	}
	if g, w := withoutPaths(t, got), withoutPaths(t, want); g != w {
		t.Errorf("fetched records differ from saved ones:\n%s\nwant\n%s", g[:min(len(g), 2000)], w[:min(len(w), 2000)])
	}
	if got[0].Source.Path != inputs[0] {
		t.Errorf("source.path %q, want the URL %q", got[0].Source.Path, inputs[0])
	}

	// Offline: the server is gone, the WARC answers.
	s.Close()
	cfg.Offline = true
	replayed, errs := walk(t, cfg, inputs...)
	for in, err := range errs {
		if err != nil {
			t.Errorf("offline %s: %v", in, err)
		}
	}
	if withoutPaths(t, replayed) != withoutPaths(t, got) {
		t.Error("offline replay gave other records")
	}
}

// A DOI in each form a user writes it resolves through the resolver to the
// landing page; the same page named twice is fetched once.
func TestDOIs(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	cfg.NoFullText = true
	want := withoutPaths(t, fileRecords(t, filepath.Join(pagesDir, "plos_one_pone.0213978.html")))
	for _, in := range []string{"10.1371/journal.pone.0213978", "doi:10.1371/JOURNAL.PONE.0213978", "https://doi.org/10.1371/journal.pone.0213978"} {
		got, errs := walk(t, cfg, in)
		if errs[in] != nil || withoutPaths(t, got) != want {
			t.Errorf("%s: %v, %d records", in, errs[in], len(got))
		}
	}
	before := s.Count("/pages/plos_one_pone.0213978.html")
	cfg.WARC = filepath.Join(t.TempDir(), "twice.warc.gz")
	got, _ := walk(t, cfg, "10.1371/journal.pone.0213978", "https://doi.org/10.1371/journal.pone.0213978")
	if n := s.Count("/pages/plos_one_pone.0213978.html") - before; n != 1 || len(got) != 1 {
		t.Errorf("the same DOI twice: page fetched %d times, %d records; want 1 and 1", n, len(got))
	}
	_, errs := walk(t, cfg, "10.9999/nowhere")
	if !errors.Is(errs["10.9999/nowhere"], fetch.ErrNotFound) {
		t.Errorf("unknown DOI: %v", errs["10.9999/nowhere"])
	}
}

// What citegraph refuses or cannot get is reported as what it is, and the
// rest of the batch goes on.
func TestRefusals(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	cfg.Fetch.Timeout = 200 * time.Millisecond
	s.Slow = 2 * time.Second
	private := s.URL + "/private/plos_one_pone.0213978.html"
	ok := s.URL + "/pages/peerj_4375_state_of_oa.html"
	recs, errs := walk(t, cfg, private, s.URL+"/login", s.URL+"/captcha", s.URL+"/cookies",
		s.URL+"/slow/elife_article.html", ok)
	if s.Count("/private/plos_one_pone.0213978.html") != 0 {
		t.Error("the disallowed page was fetched")
	}
	wantRule := `disallowed by robots.txt: "Disallow: /private/" (` + s.URL + `/robots.txt line 2)`
	if err := errs[private]; !errors.Is(err, fetch.ErrDisallowed) || !strings.Contains(err.Error(), wantRule) ||
		strings.Count(err.Error(), private) != 1 {
		t.Errorf("disallowed: %v; want the URL once and %s", err, wantRule)
	}
	for in, want := range map[string]error{"/login": ErrLoginWall, "/captcha": ErrCaptcha, "/cookies": ErrCookieWall} {
		if err := errs[s.URL+in]; !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", in, err, want)
		}
	}
	if err := errs[s.URL+"/slow/elife_article.html"]; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("slow page: %v, want a timeout", err)
	}
	if errs[ok] != nil || len(recs) != 1 {
		t.Errorf("the good page after the refusals: %v, %d records", errs[ok], len(recs))
	}
}

// A 429 with Retry-After is waited out and retried; the WARC keeps both
// answers and the replay gives the page.
func TestRetryAfter(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	u := s.URL + "/busy/plos_one_pone.0213978.html"
	start := time.Now()
	got, errs := walk(t, cfg, u)
	if errs[u] != nil || len(got) != 1 {
		t.Fatalf("busy page: %v, %d records", errs[u], len(got))
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("took %v; the server asked to wait 1 s", d)
	}
	if n := s.Count("/busy/plos_one_pone.0213978.html"); n != 2 {
		t.Errorf("server saw %d requests, want 2 (the 429, then the page)", n)
	}
	s.Close()
	cfg.Offline = true
	again, errs := walk(t, cfg, u)
	if errs[u] != nil || withoutPaths(t, again) != withoutPaths(t, got) {
		t.Errorf("offline: %v", errs[u])
	}
}

// A DOI whose open full text Europe PMC holds is read from its JATS, with
// sections, and says so; the same JATS saved gives the same records.
func TestEuropePMC(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	var via []Fetched
	cfg.Progress = progressFunc(func(f Fetched) { via = append(via, f) })
	got, errs := walk(t, cfg, jatsFile.DOI, "pmcid:"+jatsFile.PMCID)
	if errs[jatsFile.DOI] != nil || errs["pmcid:"+jatsFile.PMCID] != nil {
		t.Fatal(errs)
	}
	want := fileRecords(t, jatsFile.Path)
	if len(got) != len(want) || withoutPaths(t, got) != withoutPaths(t, want) {
		t.Errorf("Europe PMC gave %d records, the file %d", len(got), len(want))
	}
	if len(via) != 1 || via[0].Via != "europepmc" || via[0].Format != "jats" ||
		via[0].URL != s.URL+"/epmc/PMC13244190/fullTextXML" {
		t.Errorf("reported %+v; want one page via europepmc (the PMCID names the same work)", via)
	}
	if len(got) > 0 && len(got[0].Statements) == 0 {
		t.Error("no statements from the full text")
	}
	// A DOI Europe PMC has no open text of falls back to its landing page.
	via = nil
	_, errs = walk(t, cfg, "10.7717/peerj.4375")
	if errs["10.7717/peerj.4375"] != nil || len(via) != 1 || via[0].Via != "page" {
		t.Errorf("fallback: %v %+v", errs, via)
	}
}

type progressFunc func(Fetched)

func (p progressFunc) Page(f Fetched) { p(f) }

// --follow references: breadth first, bounded by depth and pages.
func TestFollow(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	cfg.NoFullText = true
	cfg.Follow, cfg.Depth, cfg.MaxPages = true, 1, 6
	var seen []Fetched
	cfg.Progress = progressFunc(func(f Fetched) { seen = append(seen, f) })
	seed := s.URL + "/pages/peerj_4375_state_of_oa.html"
	walk(t, cfg, seed)
	plos := fileRecords(t, filepath.Join(pagesDir, "peerj_4375_state_of_oa.html"))
	targets := referenceTargets(plos[0].References)
	if len(targets) < 5 {
		t.Fatalf("the PeerJ page has %d references with a DOI or URL; the test needs 5", len(targets))
	}
	if len(seen) != 6 || seen[0].Input != seed || seen[0].Depth != 0 {
		t.Fatalf("visited %d pages, want the seed and 5 references (MaxPages 6)", len(seen))
	}
	for i, f := range seen[1:] {
		if f.Depth != 1 || f.Input != targets[i] {
			t.Errorf("page %d: %s at depth %d, want %s at 1 (the reference list's order)", i+1, f.Input, f.Depth, targets[i])
		}
	}
	if seen[5].Queued != len(dedup(targets))-5 {
		t.Errorf("left %d queued, want %d", seen[5].Queued, len(dedup(targets))-5)
	}
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		k := key(Classify(v))
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

// An interrupted --follow resumes (issue 18, item 3): a walk from the
// eLife article (16 references with a DOI, which the test resolver answers
// with 404: an answer the cache keeps) cancelled after its fourth page,
// then run again with the same WARC and cache, asks the server for none of
// what it asked before, and the WARC, which both runs appended to, replays
// the whole walk offline to the same records.
func TestFollowResumes(t *testing.T) {
	s := newServer(t)
	cfg := testConfig(t, s)
	cfg.NoFullText = true
	cfg.Follow, cfg.Depth, cfg.MaxPages = true, 1, 8
	cfg.Fetch.CacheDir = filepath.Join(t.TempDir(), "cache")
	seed := s.URL + "/pages/elife_article.html"

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var first []Fetched
	c1 := cfg
	c1.Progress = progressFunc(func(f Fetched) {
		if first = append(first, f); len(first) == 4 {
			cancel()
		}
	})
	src, err := Open(c1)
	if err != nil {
		t.Fatal(err)
	}
	werr := src.Walk(ctx, []string{seed}, scrape.Visitor{Record: func(graph.Record) error { return nil }})
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(werr, context.Canceled) || len(first) != 4 {
		t.Fatalf("interrupted walk: %v after %d pages, want cancelled after 4", werr, len(first))
	}
	before := s.Counts()
	if len(before) < 4 {
		t.Fatalf("the interrupted walk asked for %v, want the page, robots.txt and 3 DOIs", before)
	}

	var second []Fetched
	c2 := cfg
	c2.Progress = progressFunc(func(f Fetched) { second = append(second, f) })
	resumed, _ := walk(t, c2, seed)
	if len(second) != 8 {
		t.Fatalf("resumed walk visited %d pages, want 8", len(second))
	}
	after := s.Counts()
	for p, n := range before {
		if after[p] != n && p != "/robots.txt" {
			t.Errorf("%s asked %d times after the resumed walk, %d before: fetched again", p, after[p], n)
		}
	}
	if len(after) <= len(before) {
		t.Errorf("the resumed walk asked for nothing new: %v", after)
	}
	c3 := cfg
	c3.Offline, c3.Fetch.CacheDir = true, ""
	replayed, _ := walk(t, c3, seed)
	if len(resumed) == 0 || withoutPaths(t, replayed) != withoutPaths(t, resumed) {
		t.Errorf("offline replay gave %d records, the resumed walk %d (or they differ)", len(replayed), len(resumed))
	}
}
