package output_test

import (
	"bytes"
	"context"
	"encoding/csv"
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
	"github.com/citegraph/citegraph/graph/output"
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
	dir, _ := writeHandNotes(t, formats)
	return dir
}

// writeHandNotes is writeHand that also returns the notes given.
func writeHandNotes(t *testing.T, formats string) (string, []string) {
	t.Helper()
	g := handCorpus()
	res := analysis.Run(g, analysis.Options{Seed: 1})
	chosen, err := output.ParseFormats(formats)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var notes []string
	if _, err := output.Write(context.Background(), output.Dir{Path: dir}, output.NewInput(nil, g, res), output.Options{
		Formats: chosen, Render: "none", Paths: []string{"hand"}, Sources: 1, Note: func(n string) { notes = append(notes, n) },
	}); err != nil {
		t.Fatal(err)
	}
	return dir, notes
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
	tail := []string{"community", "global_citations", "retracted"}
	if got, want := strings.Join(rows[0][len(rows[0])-len(tail)-len(output.MeasureHeader):], ","), strings.Join(append(slices.Clone(output.MeasureHeader), tail...), ","); got != want {
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

// TestNetworksEmpty: a corpus without citations or co-authors writes no
// empty network and says so.
func TestNetworksEmpty(t *testing.T) {
	g := graph.Build([]graph.Record{{DOI: "10.5555/lone", Year: 2000, Title: "Alone", Authors: []graph.Author{{Family: "Solo"}}}})
	var notes []string
	var m output.Memory
	written, err := output.Write(context.Background(), &m, output.NewInput(nil, g, analysis.Run(g, analysis.Options{Seed: 1})),
		output.Options{Formats: map[string]bool{"networks": true}, Note: func(n string) { notes = append(notes, n) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range written {
		if strings.HasPrefix(f, "vosviewer_") {
			t.Errorf("wrote %s", f)
		}
	}
	all := strings.Join(notes, "\n")
	for _, what := range []string{"co-citations", "bibliographic couplings", "co-authorships", "co-occurring terms"} {
		if !strings.Contains(all, "no "+what+":") {
			t.Errorf("no note on %s:\n%s", what, all)
		}
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
	in := output.NewInput(nil, g, analysis.Result{InDegree: make([]int, g.Len()), OutDegree: make([]int, g.Len()),
		Community: make([]int, g.Len()), Themes: []analysis.Theme{{}}})
	var size int
	for b.Loop() {
		var m output.Memory
		if _, err := output.Write(context.Background(), &m, in, output.Options{Formats: map[string]bool{"networks": true}}); err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range m.Names() {
			if strings.HasPrefix(f, "vosviewer_") {
				buf, _ := m.Bytes(f)
				size += len(buf)
			}
		}
	}
	b.ReportMetric(float64(size), "bytes-written")
}

// read returns the file name of dir.
func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readCSV reads the CSV file name of dir.
func readCSV(t *testing.T, dir, name string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(read(t, dir, name))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}
