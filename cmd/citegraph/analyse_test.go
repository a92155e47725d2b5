package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// graphData holds the copies of the real graphs (cit-HepTh, Cora) that the
// edge-list reader's tests use; see its README.
var graphData = filepath.Join("..", "..", "graph", "encoding", "edgelist", "testdata")

// raceBuild reports whether the test binary was built with -race, under
// which the k-means of the themes is too slow for a test.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// readNodes runs analyse with args, checks the exit code and the header of
// nodes.csv, and returns its rows by ID and the text of stderr.
func readNodes(t *testing.T, args ...string) (rows map[string][]string, stderr string, raw []byte) {
	t.Helper()
	dir := t.TempDir()
	code, _, stderr := runCmd(t, context.Background(), append([]string{"analyse", "-o", dir}, args...)...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatalf("nodes.csv: %v", err)
	}
	want := []string{"id", "in_degree", "out_degree", "pagerank", "hub", "authority", "betweenness", "community", "theme"}
	if !slices.Equal(recs[0], want) {
		t.Fatalf("header %v, want %v", recs[0], want)
	}
	rows = map[string][]string{}
	for _, r := range recs[1:] {
		rows[r[0]] = r
	}
	if len(rows) != len(recs)-1 {
		t.Errorf("%d rows for %d IDs", len(recs)-1, len(rows))
	}
	return rows, stderr, raw
}

func column(t *testing.T, rows map[string][]string, col int) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for id, r := range rows {
		x, err := strconv.ParseFloat(r[col], 64)
		if err != nil {
			t.Fatalf("row %s column %d: %v", id, col, err)
		}
		out[id] = x
	}
	return out
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.12g, want %.12g (±%g)", what, got, want, tol)
	}
}

// TestAnalyseCora runs analyse on Cora's .cites file without themes and
// checks the columns. Expected figures: paper 35 is cited by 166 papers
// and cites 3 (awk over cora.cites, whose lines read "cited citing"); its
// PageRank, authority and exact betweenness are igraph 0.10.2's
// (analysis/testdata/cora_igraph.tsv: 0.0249716246356585, authority 1 at
// the maximum, 3620.766666666667).
func TestAnalyseCora(t *testing.T) {
	rows, stderr, _ := readNodes(t, filepath.Join(graphData, "cora.cites"),
		"--measures", "degree,pagerank,hits,betweenness,communities")
	if len(rows) != 2708 {
		t.Fatalf("%d nodes, want Cora's 2,708", len(rows))
	}
	if !strings.Contains(stderr, "2708 nodes, 5429 citations") {
		t.Errorf("summary: %s", stderr)
	}
	r := rows["35"]
	if r[1] != "166" || r[2] != "3" {
		t.Errorf("paper 35: in %s out %s, want 166 and 3 (read as \"cited citing\")", r[1], r[2])
	}
	pr := column(t, rows, 3)
	near(t, "PageRank of 35", pr["35"], 0.0249716246356585, 1e-6)
	hub, auth := column(t, rows, 4), column(t, rows, 5)
	var sp, sh, sa, top float64
	for id := range rows {
		sp, sh, sa = sp+pr[id], sh+hub[id], sa+auth[id]
		top = max(top, auth[id])
	}
	near(t, "PageRank sum", sp, 1, 1e-9)
	near(t, "hub sum", sh, 1, 1e-9)
	near(t, "authority sum", sa, 1, 1e-9)
	near(t, "authority of 35 / largest", auth["35"]/top, 1, 0)
	near(t, "betweenness of 35", column(t, rows, 6)["35"], 3620.766666666667, 1e-6)
	comm := column(t, rows, 7)
	for id, r := range rows {
		if comm[id] < 1 {
			t.Fatalf("community of %s = %v, want numbers from 1", id, comm[id])
		}
		if r[8] != "" {
			t.Fatalf("theme of %s = %q without --measures themes", id, r[8])
		}
	}
}

// TestAnalyseMeasures checks that the columns of measures left out stay
// empty and those asked for are filled, on cit-HepTh (27,770 papers;
// paper 3013, igraph's highest PageRank, 0.006234267104233777 in
// analysis/testdata/hepth_igraph_top.tsv, is cited 219 times and cites
// once, by awk over the file).
func TestAnalyseMeasures(t *testing.T) {
	rows, _, _ := readNodes(t, filepath.Join(graphData, "cit-HepTh.txt.gz"), "--measures", "pagerank, degree")
	if len(rows) != 27770 {
		t.Fatalf("%d nodes, want 27,770", len(rows))
	}
	r := rows["3013"]
	if r[1] != "219" || r[2] != "1" {
		t.Errorf("paper 3013: in %s out %s, want 219 and 1", r[1], r[2])
	}
	near(t, "PageRank of 3013", column(t, rows, 3)["3013"], 0.006234267104233777, 1e-6)
	for id, r := range rows {
		for col := 4; col < len(r); col++ {
			if r[col] != "" {
				t.Fatalf("row %s column %d = %q, want empty", id, col, r[col])
			}
		}
	}

	rows, _, _ = readNodes(t, filepath.Join(graphData, "cora.cites"), "--measures", "hits")
	for id, r := range rows {
		for col := range r {
			if filled := r[col] != ""; filled != (col == 0 || col == 4 || col == 5) {
				t.Fatalf("--measures hits: row %s column %d = %q", id, col, r[col])
			}
		}
	}
}

// TestAnalyseDirection reads Cora's citations the other way round with
// --direction citing-cited: paper 35's counts swap.
func TestAnalyseDirection(t *testing.T) {
	rows, _, _ := readNodes(t, filepath.Join(graphData, "cora.cites"), "--measures", "degree", "--direction", "citing-cited")
	if r := rows["35"]; r[1] != "3" || r[2] != "166" {
		t.Errorf("paper 35 read citing-cited: in %s out %s, want 3 and 166", r[1], r[2])
	}
}

// TestAnalyseThemes runs every measure on Cora with its words and seven
// themes and checks the theme column. The k-means takes seconds, so it is
// left out of -short runs and race builds.
func TestAnalyseThemes(t *testing.T) {
	if testing.Short() || raceBuild() {
		t.Skip("themes on Cora take seconds (minutes under the race detector)")
	}
	args := []string{filepath.Join(graphData, "cora.cites"), filepath.Join(graphData, "cora.content.gz"), "--themes", "7", "--seed", "3"}
	rows, stderr, _ := readNodes(t, args...)
	if !strings.Contains(stderr, "themes: 7 (set by --themes)") {
		t.Errorf("stderr lacks the theme summary:\n%s", stderr)
	}
	seen := map[string]int{}
	for id, r := range rows {
		for col := 1; col < len(r); col++ {
			if r[col] == "" {
				t.Fatalf("row %s column %d empty with every measure", id, col)
			}
		}
		seen[r[8]]++
	}
	if len(seen) != 7 {
		t.Errorf("%d distinct themes, want 7: %v", len(seen), seen)
	}
	for th := 1; th <= 7; th++ {
		if seen[strconv.Itoa(th)] == 0 {
			t.Errorf("theme %d has no paper", th)
		}
	}
}

// TestAnalyseDeterministic runs Leiden twice with one seed (same bytes)
// and once with another.
func TestAnalyseDeterministic(t *testing.T) {
	args := []string{filepath.Join(graphData, "cora.cites"), "--measures", "degree,communities", "--seed", "3"}
	_, _, a := readNodes(t, args...)
	_, _, b := readNodes(t, args...)
	if !bytes.Equal(a, b) {
		t.Error("two runs with --seed 3 wrote different nodes.csv")
	}
	_, _, c := readNodes(t, append(args, "--seed", "4")...)
	if bytes.Equal(a, c) {
		t.Error("--seed 3 and --seed 4 gave the same communities")
	}
}

// TestAnalyseUsage checks the flag errors.
func TestAnalyseUsage(t *testing.T) {
	cora := filepath.Join(graphData, "cora.cites")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"analyse", cora}, "--out (-o) is required"},
		{[]string{"analyse", cora, "-o", t.TempDir(), "--measures", "degree,closeness"}, `unknown measure "closeness"`},
		{[]string{"analyse", cora, "-o", t.TempDir(), "--themes", "1"}, "--themes 1"},
		{[]string{"analyse", cora, "-o", t.TempDir(), "--direction", "sideways"}, "--direction"},
	} {
		code, _, stderr := runCmd(t, context.Background(), tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want usage error with %q", tc.args, code, stderr, tc.want)
		}
	}
}

// TestRunAnalyseAgree: run and analyse read the same edge list into the
// same graph and run the same analysis (issue 11, item 2): with one seed,
// centrality.csv and nodes.csv give every node the same PageRank (to the
// 10 significant digits centrality.csv writes), community and theme. On
// cit-HepTh (27,770 nodes, bundled in graph/encoding/edgelist/testdata),
// skipped with -short; Cora with its word features otherwise. Under the
// race detector the themes of Cora take minutes: CI runs this test once
// without it (.ci/run), so it skips there.
func TestRunAnalyseAgree(t *testing.T) {
	if raceBuild() {
		t.Skip("themes on Cora take minutes under the race detector; .ci/run runs this test without it")
	}
	inputs := [][]string{{filepath.Join(graphData, "cora.cites"), filepath.Join(graphData, "cora.content.gz")}}
	if !testing.Short() {
		inputs = append(inputs, []string{filepath.Join(graphData, "cit-HepTh.txt.gz")})
	}
	for _, in := range inputs {
		an, ru := t.TempDir(), t.TempDir()
		if code, _, stderr := runCmd(t, context.Background(), append(append([]string{"analyse"}, in...), "-o", an, "--seed", "5")...); code != exitOK {
			t.Fatalf("analyse %v: exit %d\n%s", in, code, stderr)
		}
		if code, _, stderr := runCmd(t, context.Background(), append(append([]string{"run"}, in...), "-o", ru, "--seed", "5", "--render", "none", "--formats", "none")...); code != exitOK {
			t.Fatalf("run %v: exit %d\n%s", in, code, stderr)
		}
		nodes, cent := readCSV(t, an, "nodes.csv"), readCSV(t, ru, "centrality.csv")
		col := func(head []string, name string) int {
			i := slices.Index(head, name)
			if i < 0 {
				t.Fatalf("no column %s in %q", name, head)
			}
			return i
		}
		type row struct {
			pr              float64
			community, them string
		}
		byID := map[string]row{}
		for _, r := range nodes[1:] {
			pr, _ := strconv.ParseFloat(r[col(nodes[0], "pagerank")], 64)
			byID[r[0]] = row{pr, r[col(nodes[0], "community")], r[col(nodes[0], "theme")]}
		}
		if len(cent)-1 != len(byID) {
			t.Fatalf("%v: run has %d nodes, analyse %d", in, len(cent)-1, len(byID))
		}
		differ := 0
		for _, r := range cent[1:] {
			a := byID[r[0]]
			pr, _ := strconv.ParseFloat(r[col(cent[0], "pagerank")], 64)
			if math.Abs(pr-a.pr) > 1e-9*a.pr || r[col(cent[0], "community")] != a.community || r[col(cent[0], "theme")] != a.them {
				differ++
			}
		}
		if differ > 0 {
			t.Errorf("%v: %d of %d nodes differ between run and analyse", in, differ, len(byID))
		}
	}
}
