package output_test

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/output"
)

// bibCorpus: three exported records, counted by hand. R1 (2000, J A,
// cited 10) by Smith and Jones at Univ A; R2 (2001, J A, cited 4) by Smith
// at Univ B (Germany, where the reprint address is) and Univ A (France); R3
// (2002, J B, uncited) by Lee, without addresses.
func bibCorpus() []graph.Record {
	n := func(i int) *int { return &i }
	recs := []graph.Record{
		{DOI: "10.5555/r1", Year: 2000, Title: "One", Venue: "J A", CitedByCount: n(10),
			Authors:        []graph.Author{{Family: "Smith", Given: "Ann"}, {Family: "Jones", Given: "Bob"}},
			AuthorKeywords: []string{"x", "y"}, Affiliations: []string{"Univ A, Dept Phys, Paris, France"}},
		{DOI: "10.5555/r2", Year: 2001, Title: "Two", Venue: "J A", CitedByCount: n(4),
			Authors: []graph.Author{{Family: "Smith", Given: "Ann"}}, AuthorKeywords: []string{"x"},
			Affiliations:          []string{"Univ B, Inst X, Berlin, Germany", "Univ A, Dept Phys, Paris, France"},
			CorrespondenceAddress: "Smith, A (reprint author), Univ B, Inst X, Berlin, Germany."},
		{DOI: "10.5555/r3", Year: 2002, Title: "Three", Venue: "J B", CitedByCount: n(0),
			Authors: []graph.Author{{Family: "Lee", Given: "Cy"}}},
	}
	for i := range recs {
		recs[i].Normalize()
	}
	return recs
}

// TestBibliometricsCSV: run's bibliometrics format writes each table of
// bibliometrics.json as bibliometrics_NAME.csv, with the hand counts of
// bibCorpus; the report shows them in its section with five charts.
func TestBibliometricsCSV(t *testing.T) {
	recs := bibCorpus()
	g := graph.Build(recs)
	var m output.Memory
	_, err := output.Write(context.Background(), &m, output.NewInput(recs, g, analysis.Run(g, analysis.Options{Seed: 1})),
		output.Options{Formats: map[string]bool{"bibliometrics": true, "report": true}})
	if err != nil {
		t.Fatal(err)
	}
	file := func(name string) string {
		b, ok := m.Bytes(name)
		if !ok {
			t.Fatalf("%s not written; wrote %v", name, m.Names())
		}
		return string(b)
	}
	for name, want := range map[string]string{
		// 1, 1, 1 documents: growth 0 %.
		"bibliometrics_annual_production.csv": "year,documents\n2000,1\n2001,1\n2002,1\n",
		// Smith: 1/2 + 1; Jones 1/2; Lee 1 (ties by name).
		"bibliometrics_most_productive_authors.csv": "author,documents,fractionalized\n\"SMITH, A\",2,1.5\n\"JONES, B\",1,0.5\n\"LEE, C\",1,1\n",
		// J A holds 2 of 3 documents: the third is reached before J B, so
		// zone 1 ends with it and J B, past two thirds, is zone 3.
		"bibliometrics_bradford.csv": "source,rank,documents,cumulative,zone\nJ A,1,2,2,Zone 1\nJ B,2,1,3,Zone 3\n",
		// UNIV A in two documents' addresses, UNIV B in one.
		"bibliometrics_most_relevant_affiliations.csv": "affiliation,documents,occurrences\nUNIV A,2,2\nUNIV B,1,1\n",
		// Only R2 has a correspondence address: Germany, with France: MCP.
		"bibliometrics_corresponding_author_countries.csv": "country,documents,freq,scp,mcp,mcp_ratio\nGERMANY,1,1,0,1,1\n",
		// Smith: 10 and 4 cited, h 2, g 2 (14 ≥ 4); Jones h 1, g 1; Lee uncited, left out.
		"bibliometrics_author_h_index.csv": "author,h,g,m,citations,documents,first_year\n\"SMITH, A\",2,2,0.6666666666666666,14,2,2000\n\"JONES, B\",1,1,0.3333333333333333,10,1,2000\n",
	} {
		if got := file(name); got != want {
			t.Errorf("%s =\n%s\nwant\n%s", name, got, want)
		}
	}
	// Two authors of 1 document, one of 2: shares 2/3 and 1/3 on a line of
	// slope -1 through log10(2/3): β 1, C 2/3, R² 1, fitted = observed.
	lotka := strings.Split(strings.TrimSpace(file("bibliometrics_lotka.csv")), "\n")
	if len(lotka) != 3 || lotka[0] != "documents,authors,share,fitted_share" {
		t.Fatalf("lotka =\n%s", strings.Join(lotka, "\n"))
	}
	for i, want := range []float64{2.0 / 3, 1.0 / 3} {
		f := strings.Split(lotka[i+1], ",")
		share, _ := strconv.ParseFloat(f[2], 64)
		fit, _ := strconv.ParseFloat(f[3], 64)
		if f[0] != strconv.Itoa(i+1) || math.Abs(share-want) > 1e-12 || math.Abs(fit-want) > 1e-12 {
			t.Errorf("lotka row %d = %s, want share and fit %v", i+1, lotka[i+1], want)
		}
	}
	if got := file("bibliometrics_keywords.csv"); !strings.HasPrefix(got, "keyword,field,documents,occurrences\nX,author,2,2\nY,author,1,1\n") {
		t.Errorf("keywords =\n%s", got)
	}
	md := file("report.md")
	for _, want := range []string{"## Descriptive bibliometrics", "(report-annual-production.svg)", "(report-authors-over-time.svg)",
		"(report-bradford.svg)", "(report-lotka.svg)", "(report-countries.svg)", "### Lotka", "| SMITH, A | 2 | 1.50 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	for _, c := range []string{"annual-production", "authors-over-time", "bradford", "lotka", "countries"} {
		if svg := file("report-" + c + ".svg"); !strings.Contains(svg, "<svg") {
			t.Errorf("report-%s.svg is no SVG", c)
		}
	}
	if html := file("report.html"); !strings.Contains(html, `<h2 id="bibliometrics">`) || !strings.Contains(html, `id="chart-lotka"`) {
		t.Error("report.html lacks the bibliometrics section")
	}
}

// TestScienceMaps: bibCorpus's maps. X and Y share R1: the author keywords'
// network is one link; France (R1, R2) and Germany (R2) one link; only X
// is in 2 documents, and it shares none with another keyword in 2: the
// thematic map, which leaves such keywords out, has no theme and is not
// drawn, nor is the evolution, cut after 2000.
func TestScienceMaps(t *testing.T) {
	recs := bibCorpus()
	g := graph.Build(recs)
	var m output.Memory
	var notes []string
	_, err := output.Write(context.Background(), &m, output.NewInput(recs, g, analysis.Run(g, analysis.Options{Seed: 1})),
		output.Options{Formats: map[string]bool{"sciencemaps": true}, Periods: []int{2000}, Note: func(n string) { notes = append(notes, n) }})
	if err != nil {
		t.Fatal(err)
	}
	file := func(name string) string {
		b, ok := m.Bytes(name)
		if !ok {
			t.Fatalf("%s not written; wrote %v", name, m.Names())
		}
		return string(b)
	}
	if got := file("vosviewer_author_keywords_network.txt"); got != "1\t2\t1\n" {
		t.Errorf("keyword network = %q", got)
	}
	if got := file("vosviewer_countries_map.txt"); !strings.Contains(got, "1\tFRANCE\tFRANCE: 2 documents\t2\n2\tGERMANY\tGERMANY: 1 documents\t1\n") {
		t.Errorf("countries map =\n%s", got)
	}
	if got := file("vosviewer_countries_network.txt"); got != "1\t2\t1\n" {
		t.Errorf("countries network = %q", got)
	}
	for _, f := range []string{"cooccurrence_author_keywords.dot", "country_collaboration.dot"} {
		if !strings.HasPrefix(file(f), "graph ") {
			t.Errorf("%s is not an undirected DOT graph", f)
		}
	}
	if _, ok := m.Bytes("thematic_map.csv"); ok || !strings.Contains(strings.Join(notes, "\n"), "no two keywords in 2 documents or more share a document: the thematic map is not drawn") {
		t.Errorf("thematic map of an isolated keyword drawn; notes %v", notes)
	}
	if _, ok := m.Bytes("thematic_evolution.dot"); ok || !strings.Contains(strings.Join(notes, "\n"), "thematic evolution is not drawn") {
		t.Errorf("evolution without themes drawn; notes %v", notes)
	}
}
