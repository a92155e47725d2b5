package main

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// handCorpus is a corpus small enough to count every measure by hand.
// Three works of 2000 are cited: A, B and X. P1 (2001), P2 (2002) and P3
// (2003) each cite B and X; Q1 … Q4 (all 2004) each cite A only.
//
//	P1 ─┬→ B      Q1 ─┐
//	P2 ─┤         Q2 ─┤
//	P3 ─┴→ X      Q3 ─┼→ A
//	              Q4 ─┘
//
// P1 is by Smith and Jones, P2 by Smith, Jones and Lee; everybody else
// writes alone. P1 and P2 are titled "Peer support groups", P3 "Hospital
// discharge"; the rest have no title.
func handCorpus() *graph.Graph {
	doi := func(s string) string { return "10.5555/" + s }
	cites := func(ids ...string) []graph.Reference {
		var refs []graph.Reference
		for _, id := range ids {
			refs = append(refs, graph.Reference{DOI: doi(id)})
		}
		return refs
	}
	au := func(names ...string) []graph.Author {
		var as []graph.Author
		for _, n := range names {
			family, given, _ := strings.Cut(n, " ")
			as = append(as, graph.Author{Family: family, Given: given})
		}
		return as
	}
	recs := []graph.Record{
		{DOI: doi("a"), Year: 2000, Authors: au("Alpha A")},
		{DOI: doi("b"), Year: 2000, Authors: au("Beta B")},
		{DOI: doi("x"), Year: 2000, Authors: au("Xi X")},
		{DOI: doi("p1"), Year: 2001, Title: "Peer support groups", Authors: au("Smith J", "Jones K"), References: cites("b", "x")},
		{DOI: doi("p2"), Year: 2002, Title: "Peer support groups", Authors: au("Smith J", "Jones K", "Lee M"), References: cites("b", "x")},
		{DOI: doi("p3"), Year: 2003, Title: "Hospital discharge", Authors: au("Ortiz O"), References: cites("b", "x")},
	}
	for i, name := range []string{"Quinn Q", "Quill Q", "Quade Q", "Quirk Q"} {
		recs = append(recs, graph.Record{DOI: doi("q" + strconv.Itoa(i+1)), Year: 2004, Authors: au(name), References: cites("a")})
	}
	return graph.Build(recs)
}

// writeHand analyses the hand-made corpus and writes centrality.csv and
// the outputs of formats into a new folder, as run does.
func writeHand(t *testing.T, formats string) string {
	t.Helper()
	g := handCorpus()
	res := analysis.Run(g, analysis.Options{Seed: 1})
	a := newAnalysed(g, res)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := writeCentrality(&buf, a, nodesByScore(res.PageRank)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "centrality.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var opt runOptions
	opt.views = viewFlags{measure: "pagerank", mapTop: 50, depth: 1, formats: formats}
	if err := opt.views.validate(); err != nil {
		t.Fatal(err)
	}
	opt.render, opt.paths = "none", []string{"hand"}
	o := &outputs{ctx: context.Background(), dir: dir, render: "none", errOut: &bytes.Buffer{}}
	if err := writeExtraOutputs(o, a, opt, 1, 0); err != nil {
		t.Fatal(err)
	}
	return dir
}

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

func TestMeasureColumnsHand(t *testing.T) {
	dir := writeHand(t, "none")
	rows := readCSV(t, dir, "centrality.csv")
	if got, want := strings.Join(rows[0][len(rows[0])-len(measureHeader):], ","), strings.Join(measureHeader, ","); got != want {
		t.Fatalf("centrality.csv ends with %s, want %s", got, want)
	}
	if len(rows) != 11 {
		t.Fatalf("centrality.csv has %d rows, want a header and 10 works", len(rows))
	}
	tab := byKey(rows)
	num := func(key, col string) float64 {
		t.Helper()
		x, err := strconv.ParseFloat(tab["doi:10.5555/"+key][col], 64)
		if err != nil {
			t.Errorf("%s %s: %v", key, col, err)
		}
		return x
	}
	// Coreness, citations counted in and out: the Q's have one link and
	// are peeled first, taking A (then without links) with them: core 1.
	// B, X and P1 … P3 form K(2,3), where everybody has at least 2 links:
	// core 2.
	// Citation age: A is cited by four works of 2004 (age 4); B and X by
	// works of 2001, 2002 and 2003 (mean age (1+2+3)/3 = 2); the others
	// are not cited: empty.
	// Year-normalised citations: the works of 2000 are cited 4 + 3 + 3 =
	// 10 times, a mean of 10/3: A 4/(10/3) = 1.2, B and X 3/(10/3) = 0.9;
	// the works of 2001 … 2004 are never cited: 0.
	want := map[string][3]string{ // kcore, citation_age, year_normalised
		"a": {"1", "4", "1.2"}, "b": {"2", "2", "0.9"}, "x": {"2", "2", "0.9"},
		"p1": {"2", "", "0"}, "p2": {"2", "", "0"}, "p3": {"2", "", "0"},
		"q1": {"1", "", "0"}, "q2": {"1", "", "0"}, "q3": {"1", "", "0"}, "q4": {"1", "", "0"},
	}
	for key, w := range want {
		r := tab["doi:10.5555/"+key]
		if got := [3]string{r["kcore"], r["citation_age"], r["year_normalised"]}; got != w {
			t.Errorf("%s: kcore, citation_age, year_normalised = %q, want %q", key, got, w)
		}
	}
	// HITS: AᵀA has the blocks [4] (A, cited by the four Q's) and
	// [[3 3] [3 3]] (B and X, cited together by the three P's), whose
	// leading eigenvalue 6 is simple: the authority is B = X = 1/2, A → 0;
	// the hubs are P1 = P2 = P3 = 1/3 and the Q's → 0.
	for _, c := range []struct {
		key, col string
		want     float64
	}{{"b", "authority", 0.5}, {"x", "authority", 0.5}, {"a", "authority", 0},
		{"p1", "hub", 1.0 / 3}, {"p3", "hub", 1.0 / 3}, {"q1", "hub", 0}, {"a", "hub", 0}} {
		if got := num(c.key, c.col); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s %s = %v, want %v", c.key, c.col, got, c.want)
		}
	}
	// Bursts (Kleinberg, s = 2, γ = 1): the citing years are 2001 … 2004
	// (T = 4, entering the burst state costs ln 4 ≈ 1.386) and the corpus
	// makes d = 2, 2, 2, 4 citations in them, 10 in all.
	//   A: cited 0, 0, 0, 4 times: p0 = 4/10, p1 = 0.8. In 2004 the base
	//   state costs −4 ln 0.4 ≈ 3.665, the burst state −4 ln 0.8 ≈ 0.893,
	//   a saving of 4 ln 2 ≈ 2.773 > ln 4: a burst 2004–2004 of strength
	//   4 ln 2. In 2001 … 2003 (r = 0, d = 2) the base state is cheaper
	//   (−2 ln 0.6 ≈ 1.022 against −2 ln 0.2 ≈ 3.219).
	//   B and X: cited 1, 1, 1, 0 times: p0 = 0.3, p1 = 0.6; the burst
	//   state saves (ln 0.3 + ln 0.7) − (ln 0.6 + ln 0.4) ≈ 0.134 a year in
	//   2001 … 2003, 0.40 in all, less than ln 4: no burst.
	for key, r := range tab {
		b := [3]string{r["burst_start"], r["burst_end"], r["burst_strength"]}
		if key == "doi:10.5555/a" {
			if b[0] != "2004" || b[1] != "2004" || math.Abs(num("a", "burst_strength")-4*math.Ln2) > 1e-9 {
				t.Errorf("A's burst %q, want 2004, 2004, 4 ln 2", b)
			}
		} else if b != [3]string{} {
			t.Errorf("%s has a burst %q, want none", key, b)
		}
	}
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

func TestNetworksHand(t *testing.T) {
	dir := writeHand(t, "networks")
	for _, c := range []struct {
		name  string
		items []string
		links map[string]float64
	}{
		// Co-citation: B and X are cited together by P1, P2 and P3; A is
		// always cited alone.
		{"cocitation", []string{"Beta 2000", "Xi 2000"}, map[string]float64{"Beta 2000–Xi 2000": 3}},
		// Coupling: the P's share B and X (2 each pair), the Q's share A
		// (1 each pair): 3 + 6 links.
		{"coupling", []string{"Smith 2001", "Smith 2002", "Ortiz 2003", "Quinn 2004", "Quill 2004", "Quade 2004", "Quirk 2004"},
			map[string]float64{"Ortiz 2003–Smith 2001": 2, "Ortiz 2003–Smith 2002": 2, "Smith 2001–Smith 2002": 2,
				"Quade 2004–Quill 2004": 1, "Quade 2004–Quinn 2004": 1, "Quade 2004–Quirk 2004": 1,
				"Quill 2004–Quinn 2004": 1, "Quill 2004–Quirk 2004": 1, "Quinn 2004–Quirk 2004": 1}},
		// Co-authorship: Smith and Jones wrote P1 and P2 together, Lee
		// joined them on P2; the single authors have no links and are
		// left out.
		{"coauthorship", []string{"Jones, K", "Lee, M", "Smith, J"},
			map[string]float64{"Jones, K–Smith, J": 2, "Jones, K–Lee, M": 1, "Lee, M–Smith, J": 1}},
	} {
		items, links, _ := readNetwork(t, dir, c.name)
		if !slicesEqualSet(items, c.items) {
			t.Errorf("%s items %q, want %q", c.name, items, c.items)
		}
		if len(links) != len(c.links) {
			t.Errorf("%s: %d links %v, want %v", c.name, len(links), links, c.links)
		}
		for k, w := range c.links {
			if links[k] != w {
				t.Errorf("%s link %s = %v, want %v", c.name, k, links[k], w)
			}
		}
	}
	// Terms: "Peer support groups" (P1, P2) gives the words peer, support,
	// groups and the bigrams "peer support", "support groups", each in two
	// works; "Hospital discharge" is in one work only and left out. The
	// five terms co-occur pairwise in both works: C(5,2) = 10 links of 2.
	items, links, _ := readNetwork(t, dir, "terms")
	if want := []string{"groups", "peer", "peer support", "support", "support groups"}; !slices.Equal(items, want) {
		t.Errorf("terms %q, want %q", items, want)
	}
	if len(links) != 10 {
		t.Errorf("%d term links, want 10: %v", len(links), links)
	}
	for k, w := range links {
		if w != 2 {
			t.Errorf("term link %s = %v, want 2", k, w)
		}
	}
	if m := string(read(t, dir, "vosviewer_terms_map.txt")); !strings.HasPrefix(m, "id\tlabel\tdescription\tweight<Occurrences>\n1\tgroups\tgroups\t2\n") {
		t.Errorf("terms map starts %.80q", m)
	}
}

func slicesEqualSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestReportBurstsHand: the report lists A's burst, with its years and
// strength 4 ln 2 ≈ 2.77 (TestMeasureColumnsHand says why).
func TestReportBurstsHand(t *testing.T) {
	dir := writeHand(t, "report")
	md := string(read(t, dir, "report.md"))
	if !strings.Contains(md, "\n## Citation bursts\n\n| Work | Title | Burst | Strength |\n|---|---|---|---:|\n| Alpha 2000 |  | 2004 | 2.77 |\n") {
		t.Errorf("report.md lacks the burst table:\n%s", md)
	}
	if h := string(read(t, dir, "report.html")); !strings.Contains(h, "<tr><td>Alpha 2000</td><td></td><td>2004</td><td class=\"n\">2.77</td></tr>") {
		t.Error("report.html lacks the burst row")
	}
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
	if got := strings.Join(head, ","); got != strings.Join(append(append([]string{}, "key,label,kind,first_author,year,title,venue,doi,in_degree,out_degree,pagerank,betweenness,theme,theme_label"), measureHeader...), ",") {
		t.Fatalf("header %s", got)
	}
	tab := byKey(rows)
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

// TestNetworksEmpty: a corpus without citations or co-authors writes no
// empty network and says so.
func TestNetworksEmpty(t *testing.T) {
	g := graph.Build([]graph.Record{{DOI: "10.5555/lone", Year: 2000, Title: "Alone", Authors: []graph.Author{{Family: "Solo"}}}})
	a := newAnalysed(g, analysis.Run(g, analysis.Options{Seed: 1}))
	var errOut bytes.Buffer
	dir := t.TempDir()
	o := &outputs{ctx: context.Background(), dir: dir, render: "none", errOut: &errOut}
	if err := writeNetworks(o, a, false); err != nil {
		t.Fatal(err)
	}
	if len(o.written) != 0 {
		t.Errorf("wrote %v", o.written)
	}
	for _, what := range []string{"co-citations", "bibliographic couplings", "co-authorships", "co-occurring terms"} {
		if !strings.Contains(errOut.String(), "note: no "+what+":") {
			t.Errorf("no note on %s:\n%s", what, errOut.String())
		}
	}
}

// TestBoundNetwork: the bounds keep the items of greatest total strength
// and the strongest links. A star of networkItems+1 leaves with link
// weights 1 … networkItems+1 around a centre: the centre and the
// networkItems−1 strongest leaves stay.
func TestBoundNetwork(t *testing.T) {
	n := networkItems + 2
	nw := analysis.Network{Start: make([]int64, n+1)}
	for v := range n {
		if v == 0 {
			for u := 1; u < n; u++ {
				nw.Adj = append(nw.Adj, int32(u))
				nw.W = append(nw.W, float64(u))
			}
		} else {
			nw.Adj = append(nw.Adj, 0)
			nw.W = append(nw.W, float64(v))
		}
		nw.Start[v+1] = int64(len(nw.Adj))
	}
	nodes, links := boundNetwork(nw, nil, networkItems, networkLinks)
	if len(nodes) != networkItems || nodes[0] != 0 || nodes[1] != 3 || nodes[len(nodes)-1] != int32(n-1) {
		t.Fatalf("%d nodes, from %v", len(nodes), nodes[:3])
	}
	if len(links) != networkItems-1 || links[0].Strength != 3 {
		t.Errorf("%d links, first %v", len(links), links[0])
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

// grownCorpus is a synthetic corpus of papers works grown by
// analysis.GrowCitations (10 references each), paper i published in 1990 +
// i/1000, written by three of 5,000 authors and titled with three of 400
// words, all drawn from a fixed PCG.
func grownCorpus(papers int) *graph.Graph {
	c := analysis.GrowCitations(papers, 10, 1)
	rng := rand.New(rand.NewPCG(1, 2))
	recs := make([]graph.Record, papers)
	for i := range recs {
		r := &recs[i]
		r.DOI = "10.5555/g" + strconv.Itoa(i)
		r.Year = 1990 + i/1000
		for range 3 {
			r.Authors = append(r.Authors, graph.Author{Family: "Author" + strconv.Itoa(rng.IntN(5000)), Given: "A"})
			r.Title += "word" + strconv.Itoa(rng.IntN(400)) + " "
		}
		for _, v := range c.Out().Row(int32(i)) {
			r.References = append(r.References, graph.Reference{DOI: "10.5555/g" + strconv.Itoa(int(v))})
		}
	}
	return graph.Build(recs)
}

// BenchmarkNetworks20k writes the four derived networks of a 20,000-work
// corpus and reports the bytes written: the bounds keep it to megabytes.
func BenchmarkNetworks20k(b *testing.B) {
	g := grownCorpus(20000)
	a := newAnalysed(g, analysis.Result{InDegree: make([]int, g.Len()), OutDegree: make([]int, g.Len())})
	dir := b.TempDir()
	var size int64
	for b.Loop() {
		o := &outputs{ctx: context.Background(), dir: dir, render: "none", errOut: &bytes.Buffer{}}
		if err := writeNetworks(o, a, false); err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range o.written {
			fi, err := os.Stat(filepath.Join(dir, f))
			if err != nil {
				b.Fatal(err)
			}
			size += fi.Size()
		}
	}
	b.ReportMetric(float64(size), "bytes-written")
}

// BenchmarkMeasures20k computes the measures of centrality.csv's new
// columns (HITS, coreness, citation age, year-normalised citations,
// bursts) with the rest of newAnalysed on a 20,000-work corpus.
func BenchmarkMeasures20k(b *testing.B) {
	g := grownCorpus(20000)
	res := analysis.Result{Community: make([]int, g.Len()), Themes: []analysis.Theme{{}}}
	for b.Loop() {
		newAnalysed(g, res)
	}
}

// TestWorkNetworkBound: on a grown corpus of 400 works, more than 100
// take part in each network, and with bounds of 100 items and 500 links
// the co-citation and
// coupling networks written from the chosen works alone equal those of
// the whole network bounded afterwards (boundNetwork of analysis.CoCitation
// and analysis.Coupling of the full graph).
func TestWorkNetworkBound(t *testing.T) {
	g := grownCorpus(400)
	const maxItems, maxLinks = 100, 500
	c := g.Compact()
	works := g.Works()
	keep := func(v int32) bool { return works[v].Key != "doi:10.5555/g7" } // one work hidden
	for _, coupling := range []bool{false, true} {
		full := analysis.CoCitation(c)
		if coupling {
			full = analysis.Coupling(c)
		}
		wantNodes, wantLinks := boundNetwork(full, keep, maxItems, maxLinks)
		ids, nw := workNetwork(c, keep, coupling, maxItems)
		nodes, links := boundNetwork(nw, nil, maxItems, maxLinks)
		if len(wantNodes) != maxItems || len(wantLinks) != maxLinks {
			t.Fatalf("coupling %v: %d items, %d links in the full network, want the bounds", coupling, len(wantNodes), len(wantLinks))
		}
		got := make([]int32, len(nodes))
		for i, v := range nodes {
			got[i] = ids[v]
		}
		if !slices.Equal(got, wantNodes) {
			t.Errorf("coupling %v: %d items, want %d; differ", coupling, len(got), len(wantNodes))
		}
		if !slices.Equal(links, wantLinks) {
			t.Errorf("coupling %v: %d links, want %d; differ", coupling, len(links), len(wantLinks))
		}
	}
}
