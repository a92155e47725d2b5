package analysis_test

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// readReference reads a reference table (testdata/*.tsv: '#' comments, a
// header, then id and values) into column → id → value.
func readReference(t testing.TB, name string) map[string]map[string]float64 {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var head []string
	cols := map[string]map[string]float64{}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fs := strings.Split(line, "\t")
		if head == nil {
			head = fs
			for _, h := range head[1:] {
				cols[h] = map[string]float64{}
			}
			continue
		}
		for i, h := range head[1:] {
			x, err := strconv.ParseFloat(fs[i+1], 64)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			cols[h][fs[0]] = x
		}
	}
	return cols
}

// compare checks got (indexed by node) against want (by key) within a
// relative tolerance rel of the largest value plus abs, after scaling want
// by scale.
func compare(t *testing.T, what string, c *graph.Compact, got []float64, want map[string]float64, scale, rel float64) {
	t.Helper()
	if len(want) != c.Len() {
		t.Fatalf("%s: %d reference values for %d nodes", what, len(want), c.Len())
	}
	var top float64
	for _, x := range want {
		top = max(top, math.Abs(x*scale))
	}
	bad := 0
	for v := range int32(c.Len()) {
		w := want[c.Key(v)] * scale
		if d := math.Abs(got[v] - w); d > rel*top {
			if bad < 5 {
				t.Errorf("%s of %s = %.12g, reference %.12g", what, c.Key(v), got[v], w)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d values differ", what, bad, c.Len())
	}
}

func sum(m map[string]float64) float64 {
	var s float64
	for _, x := range m {
		s += x
	}
	return s
}

// TestCoraAgreesWithIgraphAndNetworkx compares every measure on the real
// Cora graph with python-igraph 0.10.2 and networkx 2.8.8 (stored in
// testdata by docs/bench/reference_scale.py; see testdata/README.md).
// Tolerances: PageRank and HITS 1e-9 of the largest value (the tools stop
// their iterations at 1e-12 or solve exactly), betweenness 1e-9 (exact on
// both sides: differences are rounding), coreness exact (igraph's).
func TestCoraAgreesWithIgraphAndNetworkx(t *testing.T) {
	c, _ := loadCora(t)
	ig := readReference(t, "cora_igraph.tsv")
	nx := readReference(t, "cora_networkx.tsv")

	pr := analysis.PageRank(c, 0.85, 1e-13)
	compare(t, "PageRank vs igraph", c, pr, ig["pagerank"], 1, 1e-9)
	// networkx stops when the L1 change falls below n·tol (2.7e-9 here).
	compare(t, "PageRank vs networkx", c, pr, nx["pagerank"], 1, 1e-7)

	hub, auth := analysis.HITS(c, 1e-14)
	compare(t, "hub vs networkx", c, hub, nx["hub"], 1, 1e-6)
	compare(t, "authority vs networkx", c, auth, nx["authority"], 1, 1e-6)
	// igraph scales to a maximum of 1; scale it to a sum of 1.
	compare(t, "hub vs igraph", c, hub, ig["hub"], 1/sum(ig["hub"]), 1e-6)
	compare(t, "authority vs igraph", c, auth, ig["authority"], 1/sum(ig["authority"]), 1e-6)

	if raceEnabled {
		t.Log("betweenness comparison skipped under the race detector")
	} else {
		bc := analysis.Betweenness(c)
		compare(t, "betweenness vs igraph", c, bc, ig["betweenness"], 1, 1e-9)
		compare(t, "betweenness vs networkx", c, bc, nx["betweenness"], 1, 1e-9)
	}

	core := analysis.KCore(c)
	coref := make([]float64, len(core))
	for i, k := range core {
		coref[i] = float64(k)
	}
	// networkx's core_number runs on the undirected simple graph, where a
	// pair citing each other is one link; igraph's coreness(mode="all")
	// counts both citations, as KCore does.
	compare(t, "coreness vs igraph", c, coref, ig["coreness"], 1, 0)
}

// TestCoraCommunities checks that Leiden's modularity on Cora's citations
// is at least igraph's (0.823786 with n_iterations=2; testdata/README.md)
// and that the division matches the topic labels about as well as
// citations alone can (the figures: NMI 0.46, ARI 0.26).
func TestCoraCommunities(t *testing.T) {
	c, labels := loadCora(t)
	nw := analysis.CitationNetwork(c)
	comm, q := analysis.Leiden(nw, analysis.LeidenOptions{Seed: 1})
	if q < 0.823786 {
		t.Errorf("Leiden Q = %.6f, igraph reaches 0.823786", q)
	}
	if got := nw.Modularity(comm, 1); got != q {
		t.Errorf("returned Q %v, recomputed %v", q, got)
	}
	truth := labelIDs(labels)
	if nmi := analysis.NMI(truth, comm); nmi < 0.44 {
		t.Errorf("NMI of Leiden communities %.3f, want about 0.46", nmi)
	}
	lc, lq := analysis.Leiden(nw, analysis.LeidenOptions{Seed: 1, Louvain: true})
	if lq < 0.81 || len(lc) != c.Len() {
		t.Errorf("Louvain Q = %.4f, igraph's Louvain reaches 0.8201", lq)
	}
}

func labelIDs(labels []string) []int {
	var names []string
	seen := map[string]bool{}
	for _, l := range labels {
		if !seen[l] {
			seen[l] = true
			names = append(names, l)
		}
	}
	sort.Strings(names)
	ids := make([]int, len(labels))
	for i, l := range labels {
		ids[i] = sort.SearchStrings(names, l)
	}
	return ids
}

// TestCoraThemes is the accuracy target: themes from words and
// citations on Cora with K = 7 match the seven topic labels with NMI ≥
// 0.53 and ARI ≥ 0.45 (citations alone, by Leiden: 0.46 and 0.26).
func TestCoraThemes(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("k-means on 2,708 × 1,432 takes seconds")
	}
	c, labels := loadCora(t)
	truth := labelIDs(labels)
	r := analysis.TextThemes(c, analysis.CompactTerms(c), nil, analysis.ThemeOptions{K: 7, Seed: 1})
	nmi, ari := analysis.NMI(truth, r.Theme), analysis.ARI(truth, r.Theme)
	t.Logf("K=7: NMI %.3f ARI %.3f silhouette %.3f modularity %.3f", nmi, ari, r.Silhouette, r.Modularity)
	if nmi < 0.53 || ari < 0.45 {
		t.Errorf("NMI %.3f ARI %.3f, want ≥ 0.53 and ≥ 0.45", nmi, ari)
	}
	if r.K != 7 || len(r.Themes) != 7 || r.Automatic {
		t.Errorf("K %d, %d themes, automatic %v", r.K, len(r.Themes), r.Automatic)
	}
	for _, th := range r.Themes {
		if len(th.Terms) != 3 || th.Size == 0 {
			t.Errorf("theme %d: terms %v size %d", th.ID, th.Terms, th.Size)
		}
	}
	// The same seed gives the same themes.
	again := analysis.TextThemes(c, analysis.CompactTerms(c), nil, analysis.ThemeOptions{K: 7, Seed: 1})
	for i := range r.Theme {
		if r.Theme[i] != again.Theme[i] {
			t.Fatal("two runs with one seed differ")
		}
	}
}

// TestHepThAgreesWithIgraph compares PageRank and HITS on the real
// cit-HepTh (27,770 papers) with igraph's 200 highest values of each
// (testdata/hepth_igraph_top.tsv), and, outside -short and the race
// detector, exact betweenness and Leiden's modularity (igraph: 0.664989).
func TestHepThAgreesWithIgraph(t *testing.T) {
	c := loadHepTh(t)
	ref := map[string]map[string]float64{}
	f, err := os.Open(filepath.Join("testdata", "hepth_igraph_top.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 3 || strings.HasPrefix(fs[0], "#") || fs[0] == "measure" {
			continue
		}
		x, _ := strconv.ParseFloat(fs[2], 64)
		if ref[fs[0]] == nil {
			ref[fs[0]] = map[string]float64{}
		}
		ref[fs[0]][fs[1]] = x
	}
	check := func(what string, got []float64, scale, rel float64) {
		t.Helper()
		want := ref[what]
		if len(want) != 200 {
			t.Fatalf("%s: %d reference values", what, len(want))
		}
		var top float64
		for _, x := range want {
			top = max(top, x*scale)
		}
		for key, x := range want {
			v, ok := c.Index(key)
			if !ok {
				t.Fatalf("%s: no node %s", what, key)
			}
			if d := math.Abs(got[v] - x*scale); d > rel*top {
				t.Errorf("%s of %s = %.12g, igraph %.12g", what, key, got[v], x*scale)
			}
		}
	}
	check("pagerank", analysis.PageRank(c, 0.85, 1e-13), 1, 1e-9)
	hub, auth := analysis.HITS(c, 1e-14)
	// igraph scales to a maximum of 1: scale ours the same way.
	check("hub", scaleMax(hub), 1, 1e-5)
	check("authority", scaleMax(auth), 1, 1e-5)

	if testing.Short() || raceEnabled {
		t.Skip("exact betweenness and Leiden on cit-HepTh are left to runs without -short and -race")
	}
	check("betweenness", analysis.Betweenness(c), 1, 1e-9)
	_, q := analysis.Leiden(analysis.CitationNetwork(c), analysis.LeidenOptions{Seed: 1})
	if q < 0.664989 {
		t.Errorf("Leiden Q = %.6f, igraph reaches 0.664989", q)
	}
}

func scaleMax(v []float64) []float64 {
	var m float64
	for _, x := range v {
		m = max(m, x)
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x / m
	}
	return out
}

// TestCoraThemesSampled runs TextThemes the way it runs on corpora larger
// than maxKMeansRows (the choice of K and the restarts on a sample, then
// one refinement on every work), here with a sample of 1,000 of Cora's
// 2,708 papers: the themes must stay as close to the seven topic labels
// as TestCoraThemes asks of the full clustering, less a margin of 0.03
// for the sample, and one seed gives one result.
func TestCoraThemesSampled(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("k-means on 2,708 × 1,432 takes seconds")
	}
	defer analysis.SetMaxKMeansRows(1000)()
	c, labels := loadCora(t)
	truth := labelIDs(labels)
	r := analysis.TextThemes(c, analysis.CompactTerms(c), nil, analysis.ThemeOptions{K: 7, Seed: 1})
	nmi, ari := analysis.NMI(truth, r.Theme), analysis.ARI(truth, r.Theme)
	t.Logf("K=7 sampled: NMI %.3f ARI %.3f silhouette %.3f", nmi, ari, r.Silhouette)
	if nmi < 0.50 || ari < 0.42 {
		t.Errorf("NMI %.3f ARI %.3f, want ≥ 0.50 and ≥ 0.42", nmi, ari)
	}
	if len(r.Theme) != c.Len() || r.K != 7 {
		t.Fatalf("%d themes for %d works, K %d", len(r.Theme), c.Len(), r.K)
	}
	auto := analysis.TextThemes(c, analysis.CompactTerms(c), nil, analysis.ThemeOptions{Seed: 1})
	t.Logf("automatic sampled: K %d NMI %.3f tried %v", auto.K, analysis.NMI(truth, auto.Theme), auto.Tried)
	if auto.K < 2 || len(auto.Theme) != c.Len() {
		t.Errorf("automatic: K %d, %d themes for %d works", auto.K, len(auto.Theme), c.Len())
	}
	again := analysis.TextThemes(c, analysis.CompactTerms(c), nil, analysis.ThemeOptions{K: 7, Seed: 1})
	for i := range r.Theme {
		if r.Theme[i] != again.Theme[i] {
			t.Fatal("two runs with one seed differ")
		}
	}
}
