package graph

import (
	"fmt"
	"os"
	"testing"
)

// BenchmarkBuildSeeds resolves the 25 records of the seed corpus.
func BenchmarkBuildSeeds(b *testing.B) {
	recs := seedRecords(b)
	b.ReportAllocs()
	for b.Loop() {
		Build(recs)
	}
}

// BenchmarkBuildSynthetic resolves n records of works that cite each other
// by DOI, each cited by scite-style statements mentioning two other works;
// 10% of the records repeat another one's DOI, so they merge.
func BenchmarkBuildSynthetic(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			recs := make([]Record, n)
			for i := range recs {
				id := i
				if i%10 == 9 {
					id = i - 1
				}
				r := Record{DOI: fmt.Sprintf("10.1/%d", id), Title: fmt.Sprintf("Work number %d", id), Year: 1990 + i%30,
					Authors: []Author{{Family: fmt.Sprintf("Author%d", i%500)}}}
				for k := 1; k <= 10; k++ {
					r.References = append(r.References, Reference{DOI: fmt.Sprintf("10.1/%d", (i*7+k*13)%n)})
				}
				r.CitedBy = []CitingStatement{{Text: fmt.Sprintf("Statement %d (Author%d %d; Author%d %d).", i, (i+1)%500, 1990+(i+1)%30, (i+2)%500, 1990+(i+2)%30),
					Mentions: []Mention{{Authors: []string{fmt.Sprintf("Author%d", (i+1)%500)}, Year: 1990 + (i+1)%30}, {Authors: []string{fmt.Sprintf("Author%d", (i+2)%500)}, Year: 1990 + (i+2)%30}}}}
				recs[i] = r
			}
			b.ReportAllocs()
			for b.Loop() {
				Build(recs)
			}
		})
	}
}

// BenchmarkMatchReferences resolves references without identifiers
// (Web of Science style: author, year, venue, volume, page) against a
// corpus of described works. The large case (100,000 references against
// 1,000,000 works) runs only with CITEGRAPH_BIG=1; its time and peak memory
// are in docs/BENCHMARKS.md.
func BenchmarkMatchReferences(b *testing.B) {
	sizes := [][2]int{{10000, 100000}}
	if os.Getenv("CITEGRAPH_BIG") != "" {
		sizes = append(sizes, [2]int{100000, 1000000})
	}
	venues := []string{"Administration and Policy in Mental Health and Mental Health Services Research", "Psychiatric Rehabilitation Journal",
		"BMC Health Services Research", "Journal of Mental Health", "International Journal of Mental Health Nursing", "Social Psychiatry and Psychiatric Epidemiology"}
	abbrevs := []string{"ADM POLICY MENT HLTH", "PSYCHIATR REHABIL J", "BMC HEALTH SERV RES", "J MENT HEALTH", "INT J MENT HEALTH NU", "SOC PSYCH PSYCH EPID"}
	for _, sz := range sizes {
		refs, works := sz[0], sz[1]
		b.Run(fmt.Sprintf("%dx%d", refs, works), func(b *testing.B) {
			recs := make([]Record, works, works+refs/20)
			for i := range recs {
				recs[i] = Record{Title: fmt.Sprintf("Work %d on peer support", i), Year: 1990 + i%35,
					Authors: []Author{{Family: fmt.Sprintf("Surname%d", i%50000)}}, Venue: venues[i%len(venues)],
					Volume: fmt.Sprint(1 + i%60), Pages: fmt.Sprintf("%d-%d", 1+i%900, 10+i%900)}
			}
			// Citing records of 20 references each: four in five name a
			// corpus work, the rest a work outside it.
			for c := 0; c < refs/20; c++ {
				r := Record{Title: fmt.Sprintf("Citing %d", c), Year: 2025}
				for k := range 20 {
					i := (c*20 + k) * 7919 % works
					raw := fmt.Sprintf("Surname%d X, %d, %s, V%d, P%d", i%50000, 1990+i%35, abbrevs[i%len(abbrevs)], 1+i%60, 1+i%900)
					if k%5 == 4 {
						raw = fmt.Sprintf("Outsider%d Y, %d, J ELSEWHERE, V%d, P%d", i, 1990+i%35, 1+i%60, 1+i%900)
					}
					r.References = append(r.References, Reference{Raw: raw})
				}
				recs = append(recs, r)
			}
			b.ResetTimer()
			for b.Loop() {
				g := Build(recs)
				rep := g.Report()
				if rep.References != refs || rep.LinksByMethod["author-year-venue"] < refs*4/5*9/10 {
					b.Fatalf("report %+v", rep.LinksByMethod)
				}
			}
		})
	}
}

// BenchmarkCitationCycles finds the citation cycles of a graph of n works
// citing 10 works each, at random and so with many cycles: the cost run and
// ingest pay for the cycle report.
func BenchmarkCitationCycles(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			recs := make([]Record, n)
			for i := range recs {
				recs[i] = Record{DOI: fmt.Sprintf("10.1/%d", i), Title: fmt.Sprintf("Work number %d", i)}
				for k := 1; k <= 10; k++ {
					recs[i].References = append(recs[i].References, Reference{DOI: fmt.Sprintf("10.1/%d", (i*7+k*13)%n)})
				}
			}
			g := Build(recs)
			b.ReportAllocs()
			for b.Loop() {
				CitationCycles(g)
			}
		})
	}
}
