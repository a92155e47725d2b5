package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/chase"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/fetch/fetchtest"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/services"
)

// chaseTestdata holds the recorded OpenAlex answers the chase package's
// tests replay.
var chaseTestdata = filepath.Join("..", "..", "scrape", "chase", "testdata")

// chaseServers starts a server replaying the two recorded OpenAlex cursor
// pages (bibliometrix, 70 referenced works, and peerj.4375, 45: 115
// distinct OpenAlex IDs, counted from the file) and one server per other
// index that answers 404 to everything, as an index that holds none of
// the works does. It returns the --endpoint flags.
func chaseServers(t *testing.T) (flags []string, oa *fetchtest.Server) {
	t.Helper()
	notFound := func(*http.Request) fetchtest.Answer {
		return fetchtest.Answer{Status: http.StatusNotFound, Body: []byte(`{"error":"not found"}`)}
	}
	oa = fetchtest.NewServer()
	t.Cleanup(oa.Close)
	oa.Fallback = notFound
	page1, err := os.ReadFile(filepath.Join(chaseTestdata, "openalex_works_list_page1_2works_cursor.json"))
	if err != nil {
		t.Fatal(err)
	}
	page2, err := os.ReadFile(filepath.Join(chaseTestdata, "openalex_works_list_page2_empty_end_of_cursor.json"))
	if err != nil {
		t.Fatal(err)
	}
	const q = "filter=doi:10.1016/j.joi.2017.08.007|10.7717/peerj.4375&per-page=200"
	oa.Handle("GET", "/works?"+q+"&cursor=*", fetchtest.JSON(page1))
	oa.Handle("GET", "/works?"+q+"&cursor="+url.QueryEscape("IlsxMDAuMCwgOTU3LCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzI3NDE4MDk4MDcnXSI="), fetchtest.JSON(page2))
	flags = []string{"--endpoint", "openalex=" + oa.URL}
	for _, n := range []string{"crossref", "opencitations", "semanticscholar"} {
		s := fetchtest.NewServer()
		t.Cleanup(s.Close)
		s.Fallback = notFound
		flags = append(flags, "--endpoint", n+"="+s.URL)
	}
	return flags, oa
}

func writeSeeds(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "seeds.txt")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestChaseCommand chases backward from the two recorded OpenAlex works,
// writes the candidates and the report, reruns from the cache (nothing new,
// every answer from the cache), replays offline to the same bytes, and
// adds the records to a corpus.
func TestChaseCommand(t *testing.T) {
	t.Setenv("SCITE_API_KEY", "")
	flags, oa := chaseServers(t)
	out := filepath.Join(t.TempDir(), "chase")
	db := filepath.Join(t.TempDir(), "corpus.db")
	seeds := writeSeeds(t, "# included studies", "https://doi.org/10.1016/j.joi.2017.08.007", "doi:10.7717/PEERJ.4375")
	// Semantic Scholar is left out: its published limit without a key, one
	// request every 3 s, would make the test slow (the chase package's
	// tests replay it).
	args := append([]string{"chase", "--seeds", seeds, "--direction", "backward", "-o", out, "--db", db,
		"--index", "openalex,crossref,opencitations", "--progress", "json"}, flags...)
	code, stdout, stderr := runCmd(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("chase wrote to stdout: %q", stdout)
	}
	for _, want := range []string{"2 seeds: 115 unique candidates (115 retrieved, 0 duplicates removed",
		"openalex: 2 records, 115 candidates",
		`{"stage":"chase openalex references (hop 1)","done":2,"total":2}`,
		`"hop":1,"index":"openalex","phase":"references","works":2,"records":2}`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	rows := readCSV(t, out, "candidates.csv")
	if len(rows) != 116 || rows[0][0] != "rank" {
		t.Errorf("candidates.csv: %d rows; want a header and 115", len(rows))
	}
	if n := bytes.Count(read(t, out, "candidates.ris"), []byte("TY  - ")); n != 115 {
		t.Errorf("candidates.ris: %d records; want 115", n)
	}
	f, err := os.Open(filepath.Join(out, "chase-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := chase.ReadReport(f)
	f.Close()
	if err != nil || rep.Unique != 115 || len(rep.Seeds) != 2 || rep.New != nil {
		t.Fatalf("report: %v, %d unique, %d seeds, new %v", err, rep.Unique, len(rep.Seeds), rep.New)
	}
	if !bytes.Contains(read(t, out, "chase-report.md"), []byte("| openalex |")) {
		t.Error("chase-report.md lacks the openalex row")
	}
	firstReport := read(t, out, "chase-report.json")
	sent := len(oa.Requests())

	// A rerun answers from the cache and compares with the report in DIR.
	code, _, stderr = runCmd(t, context.Background(), args...)
	if code != exitOK || !strings.Contains(stderr, "since the previous report: 0 new, 0 no longer found") ||
		!strings.Contains(stderr, "requests: 0 sent") {
		t.Errorf("rerun: exit %d\n%s", code, stderr)
	}
	if len(oa.Requests()) != sent {
		t.Errorf("the rerun sent %d requests to OpenAlex; want none", len(oa.Requests())-sent)
	}

	// Offline replays give the same bytes, twice.
	off := append(append([]string(nil), args...), "--offline")
	var reports [2][]byte
	for i := range reports {
		code, _, stderr = runCmd(t, context.Background(), off...)
		if code != exitOK {
			t.Fatalf("offline: exit %d\n%s", code, stderr)
		}
		reports[i] = read(t, out, "chase-report.json")
	}
	if !bytes.Equal(reports[0], reports[1]) {
		t.Error("two offline replays wrote different reports")
	}
	if bytes.Equal(firstReport, reports[0]) {
		t.Error("the offline report should differ from the first only by the comparison and the cache counts, but is identical")
	}

	// The corpus holds the records.
	sdb, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var n int
	if err := sdb.QueryRow(`SELECT count(*) FROM records`).Scan(&n); err != nil || n != 2 {
		t.Errorf("corpus: %d records, %v; want the 2 OpenAlex records (added once)", n, err)
	}

	// run --db counts the chase for PRISMA: the 115 candidates OpenAlex
	// gave backward (as the report says), the two seed records; no
	// database search (issue 12).
	dir := t.TempDir()
	if code, _, stderr := runCmd(t, context.Background(), "run", "--db", db, "-o", dir, "--formats", "review", "--render", "none"); code != exitOK {
		t.Fatalf("run --db: exit %d\n%s", code, stderr)
	}
	var p struct {
		Identified         map[string]int            `json:"identified"`
		Chasing            map[string]map[string]int `json:"chasing"`
		AfterDeduplication int                       `json:"after_deduplication"`
	}
	if err := json.Unmarshal(read(t, dir, "prisma.json"), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Identified) != 0 || len(p.Chasing) != 1 || p.Chasing["openalex"]["backward"] != 115 || len(p.Chasing["openalex"]) != 1 || p.AfterDeduplication != 2 {
		t.Errorf("prisma.json after the chase: %+v; want chasing openalex backward 115, nothing identified, 2 records after deduplication", p)
	}
}

// TestChaseSeedPages reads the seeds from the seed corpus's scite pages of
// the two seed DOIs: no index holds them here (every server answers 404),
// so the chase ends with no candidate and no failure.
func TestChaseSeedPages(t *testing.T) {
	flags, _ := chaseServers(t)
	out := t.TempDir()
	args := append([]string{"chase", "-q", "-o", out, "--index", "openalex,crossref,opencitations",
		"--seeds", filepath.Join(seedCorpus, "000_45cdc837eab6ac5b.txt"), "--seeds", filepath.Join(seedCorpus, "001_911e5b077376d86a.txt")}, flags...)
	code, _, stderr := runCmd(t, context.Background(), args...)
	if code != exitOK || !strings.Contains(stderr, "2 seeds: 0 unique candidates") || strings.Contains(stderr, "hop 1") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "crossref: 0 records, 0 candidates") || !strings.Contains(stderr, "does not offer citations") {
		t.Errorf("summary lacks Crossref's line:\n%s", stderr)
	}
}

func TestChaseUsageErrors(t *testing.T) {
	seeds := writeSeeds(t, "10.1/x")
	bad := writeSeeds(t, "10.1/x", "not an identifier")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"chase", "--seeds", seeds}, "-o is required"},
		{[]string{"chase", "-o", t.TempDir()}, "no seeds"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--direction", "sideways"}, "unknown direction"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--hops", "0"}, "--hops 0"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--index", "scopus"}, "unknown index"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--offline"}, "--offline: no cache"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--endpoint", "openalex"}, "want NAME=URL"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--endpoint", "openalex=ftp://127.0.0.1:1"}, "want NAME=URL"},
		{[]string{"chase", "-o", t.TempDir(), "--seeds", seeds, "--index", "openalex,crossref,openalex"}, `--index "openalex": given twice`},
		{[]string{"chase", "-o", t.TempDir(), "nonsense"}, "not an identifier"},
	} {
		code, _, stderr := runCmd(t, context.Background(), tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	// A bad line of a seeds file names the file and line.
	code, _, stderr := runCmd(t, context.Background(), "chase", "-o", t.TempDir(), "--seeds", bad, "--endpoint", "openalex=http://127.0.0.1:1")
	if code != exitFailure || !strings.Contains(stderr, bad+":2:") {
		t.Errorf("bad seeds file: exit %d, %q; want 1 naming %s:2", code, stderr, bad)
	}
}

// bundledChase is the chase a newcomer can replay offline (README,
// "Citation chasing"): seeds.txt names the five works whose Crossref
// answers scrape/chase/testdata's cassette recorded (real answers of
// api.crossref.org/works/{doi}), and http-cache holds those answers as the
// cache of a chase against Crossref.
var bundledChase = filepath.Join("..", "..", "testdata", "chase")

// TestBundledChaseReplay replays the bundled chase as the README says:
// backward through Crossref from the cache alone. With
// CITEGRAPH_WRITE_REPLAY=1 it first rewrites the cache from the cassette,
// through a Fetcher whose transport answers api.crossref.org from a local
// server replaying it.
func TestBundledChaseReplay(t *testing.T) {
	cache := filepath.Join(bundledChase, "http-cache")
	if os.Getenv("CITEGRAPH_WRITE_REPLAY") == "1" {
		writeBundledChase(t, cache)
	}
	out := t.TempDir()
	code, _, stderr := runCmd(t, context.Background(), "chase", "-q", "-o", out, "--seeds", filepath.Join(bundledChase, "seeds.txt"),
		"--cache", cache, "--offline", "--index", "crossref", "--direction", "backward", "--describe=false")
	if code != exitOK || !strings.Contains(stderr, "5 seeds: "+bundledCandidates+" unique candidates") {
		t.Fatalf("exit %d, want 0 and %s candidates\n%s", code, bundledCandidates, stderr)
	}
	if rows := readCSV(t, out, "candidates.csv"); fmt.Sprint(len(rows)-1) != bundledCandidates {
		t.Errorf("candidates.csv: %d rows; want a header and %s", len(rows), bundledCandidates)
	}
}

// bundledCandidates is how many works the five recorded works cite,
// counted from the cassette's "reference" lists: 57 + 36 + 62 + 13 + 0 =
// 168 references, 148 distinct DOIs and 20 without one, none shared by two
// of the works.
const bundledCandidates = "168"

// writeBundledChase fills cache with the answers a backward Crossref chase
// from seeds.txt asks for, replayed from the cassette.
func writeBundledChase(t *testing.T, cache string) {
	t.Helper()
	ins, err := fetchtest.LoadCassette(filepath.Join(chaseTestdata, "crossref_vcr_cassette_works_5_dois.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := fetchtest.NewServer()
	t.Cleanup(srv.Close)
	if err := srv.Replay(ins); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(cache); err != nil {
		t.Fatal(err)
	}
	f, err := fetch.New(fetch.Options{Services: services.Fetch(fetch.Credentials{}), CacheDir: cache,
		Transport: toServer{host: crossref.Host, to: srv}})
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := chase.GatherSeeds(context.Background(), nil, []string{filepath.Join(bundledChase, "seeds.txt")}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []index.ID
	for _, s := range seeds {
		ids = append(ids, s.IDs...)
	}
	if err := crossref.NewIndex(f, index.Config{}).References(context.Background(), ids, func(graph.Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

// toServer sends the requests for host to a local test server instead.
type toServer struct {
	host string
	to   *fetchtest.Server
}

func (s toServer) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != s.host {
		return nil, fmt.Errorf("%s: not %s", r.URL, s.host)
	}
	u := *r.URL
	u.Scheme, u.Host = "http", s.to.Host()
	r2 := r.Clone(r.Context())
	r2.URL, r2.Host = &u, ""
	return http.DefaultTransport.RoundTrip(r2)
}
