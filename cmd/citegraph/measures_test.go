package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/output"
)

// byKey returns the rows of a CSV table by their first cell, each as a
// map from heading to cell.
func byKey(rows [][]string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out[r[0]] = m
	}
	return out
}

// readNetwork reads a VOSviewer pair: the labels of the items by id (from
// 1, unquoted as the manual says), the links as "label–label" → strength,
// the smaller label first, and the sum of all strengths (labels may
// repeat: "Gillard n.d." is two works).
func readNetwork(t *testing.T, dir, name string) (labels []string, links map[string]float64, total float64) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(string(read(t, dir, "vosviewer_"+name+"_map.txt")), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	if head[0] != "id" || head[1] != "label" || head[2] != "description" {
		t.Fatalf("%s map header %q", name, head)
	}
	labels = []string{""}
	for i, l := range lines[1:] {
		cells := strings.Split(l, "\t")
		if len(cells) != len(head) || cells[0] != strconv.Itoa(i+1) {
			t.Fatalf("%s map line %d: %q", name, i+2, l)
		}
		label := cells[1]
		if strings.HasPrefix(label, `"`) {
			label = strings.ReplaceAll(strings.Trim(label, `"`), `""`, `"`)
		}
		labels = append(labels, label)
	}
	links = map[string]float64{}
	for _, l := range strings.Split(strings.TrimSuffix(string(read(t, dir, "vosviewer_"+name+"_network.txt")), "\n"), "\n") {
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			t.Fatalf("%s network line %q", name, l)
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		s, err3 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || err3 != nil || a < 1 || a >= b || b >= len(labels) || !(s > 0) {
			t.Fatalf("%s network line %q", name, l)
		}
		x, y := labels[a], labels[b]
		if x > y {
			x, y = y, x
		}
		links[x+"–"+y] = s
		total += s
	}
	return labels[1:], links, total
}

// TestRunMeasuresSeeds runs the pipeline on the seed corpus and checks the
// new columns and networks against what the other outputs say.
func TestRunMeasuresSeeds(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--render", "none", "--formats", "networks,tables,report")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	rows := readCSV(t, dir, "centrality.csv")
	head := rows[0]
	if got := strings.Join(head, ","); got != strings.Join(append(append([]string{}, "key,label,kind,first_author,year,title,venue,doi,in_degree,out_degree,pagerank,betweenness,theme,theme_label"), output.MeasureHeader...), ",")+",community,global_citations,retracted" {
		t.Fatalf("header %s", got)
	}
	tab := byKey(rows)
	// Global citations beside the local in_degree: the two scite reports
	// say "Cited by 124 publications" (Kemp 2012, 000_…txt line 55) and
	// "Cited by 66 publications" (Gillard 2014, 001_…txt line 56); no other
	// source gives a count, and no seed is retracted.
	for key, r := range tab {
		want := map[string]string{"doi:10.2975/35.4.2012.337.340": "124", "doi:10.1007/s10488-014-0603-z": "66"}[key]
		if r["global_citations"] != want || r["retracted"] != "" {
			t.Errorf("%s: global_citations %q (want %q), retracted %q", key, r["global_citations"], want, r["retracted"])
		}
	}
	// year_normalised is in_degree over the mean in_degree of the works
	// of the same year, as the table's own columns give them.
	sum, cnt := map[string]float64{}, map[string]float64{}
	for _, r := range tab {
		if r["year"] != "" {
			d, _ := strconv.ParseFloat(r["in_degree"], 64)
			sum[r["year"]] += d
			cnt[r["year"]]++
		}
	}
	var hubs, auths float64
	for key, r := range tab {
		h, err1 := strconv.ParseFloat(r["hub"], 64)
		a, err2 := strconv.ParseFloat(r["authority"], 64)
		k, err3 := strconv.Atoi(r["kcore"])
		if err1 != nil || err2 != nil || err3 != nil || k < 0 {
			t.Errorf("%s: hub %q, authority %q, kcore %q", key, r["hub"], r["authority"], r["kcore"])
		}
		hubs += h
		auths += a
		if r["year"] == "" {
			if r["year_normalised"] != "" {
				t.Errorf("%s has no year but year_normalised %q", key, r["year_normalised"])
			}
			continue
		}
		d, _ := strconv.ParseFloat(r["in_degree"], 64)
		want := 0.0
		if sum[r["year"]] > 0 {
			want = d / (sum[r["year"]] / cnt[r["year"]])
		}
		if got, err := strconv.ParseFloat(r["year_normalised"], 64); err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("%s year_normalised %q, want %v", key, r["year_normalised"], want)
		}
	}
	// HITS scores sum to 1 each.
	if math.Abs(hubs-1) > 1e-6 || math.Abs(auths-1) > 1e-6 {
		t.Errorf("hubs sum to %v, authorities to %v", hubs, auths)
	}
	// The seed works are cited only by unnamed citing works, which have no
	// year: no citation age and no burst anywhere.
	for key, r := range tab {
		if r["citation_age"] != "" || r["burst_start"] != "" || r["burst_end"] != "" || r["burst_strength"] != "" {
			t.Errorf("%s: age or burst without dated citations: %v", key, r)
		}
	}
	if strings.Contains(string(read(t, dir, "report.md")), "Citation bursts") {
		t.Error("report.md has a burst table without bursts")
	}

	// Co-citation and coupling against citations.csv: a citing work with k
	// distinct references adds C(k,2) to the co-citation strengths, a
	// cited work with k distinct citing works C(k,2) to the coupling
	// strengths (self-citations left out; the seed corpus is far below
	// the bounds).
	out, in := map[string]map[string]bool{}, map[string]map[string]bool{}
	for _, r := range readCSV(t, dir, "citations.csv")[1:] {
		from, to := r[0], r[2]
		if from == to {
			continue
		}
		if out[from] == nil {
			out[from] = map[string]bool{}
		}
		if in[to] == nil {
			in[to] = map[string]bool{}
		}
		out[from][to], in[to][from] = true, true
	}
	pairs := func(sets map[string]map[string]bool) (total float64) {
		for _, s := range sets {
			total += float64(len(s) * (len(s) - 1) / 2)
		}
		return total
	}
	for name, want := range map[string]float64{"cocitation": pairs(out), "coupling": pairs(in)} {
		_, _, total := readNetwork(t, dir, name)
		if want == 0 || total != want {
			t.Errorf("%s: strengths sum to %v, want %v", name, total, want)
		}
	}
	for _, name := range []string{"coauthorship", "terms"} {
		if items, links, _ := readNetwork(t, dir, name); len(items) < 2 || len(links) == 0 {
			t.Errorf("%s: %d items, %d links", name, len(items), len(links))
		}
	}
}

// TestRunNetworksHideCiting: in the seed corpus every citing work is an
// unnamed citing work, so with --hide-citing no two works share a
// reference: the coupling network is empty, said on stderr and not
// written, while co-citation (of the cited works) stays.
func TestRunNetworksHideCiting(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--render", "none", "--formats", "networks", "--hide-citing")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "note: no bibliographic couplings: vosviewer_coupling_map.txt and vosviewer_coupling_network.txt are not written") {
		t.Errorf("no note on the empty coupling network:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "vosviewer_coupling_map.txt")); !os.IsNotExist(err) {
		t.Error("empty coupling network written")
	}
	if _, err := os.Stat(filepath.Join(dir, "vosviewer_cocitation_map.txt")); err != nil {
		t.Error("co-citation network not written")
	}
}
