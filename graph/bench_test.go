package graph

import (
	"fmt"
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
