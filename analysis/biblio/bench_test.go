package biblio_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/citegraph/citegraph/analysis/biblio"
	"github.com/citegraph/citegraph/graph"
)

// synthetic returns n exported records drawn from a fixed PCG: 3 authors
// of n/2, 4 keywords of each field of n/5 (squared draws, so that a few are
// frequent, as keywords are), 2 addresses in 40 countries, a venue of n/20,
// times cited, a year from 1990 to 2019, and 10 references to earlier
// records.
func synthetic(n int) []graph.Record {
	rng := rand.New(rand.NewPCG(3, 4))
	zipf := func(k int) int { x := rng.Float64(); return int(x * x * float64(k)) }
	recs := make([]graph.Record, n)
	for i := range recs {
		r := &recs[i]
		r.DOI = "10.5555/s" + strconv.Itoa(i)
		r.Title = "Synthetic work " + strconv.Itoa(i)
		r.Year = 1990 + 30*i/n
		r.Venue = "J " + strconv.Itoa(rng.IntN(max(1, n/20)))
		tc := rng.IntN(50)
		r.CitedByCount = &tc
		for range 3 {
			r.Authors = append(r.Authors, graph.Author{Family: "Author" + strconv.Itoa(rng.IntN(max(1, n/2))), Given: "A"})
		}
		for range 4 {
			r.AuthorKeywords = append(r.AuthorKeywords, "de"+strconv.Itoa(zipf(max(1, n/5))))
			r.KeywordsPlus = append(r.KeywordsPlus, "id"+strconv.Itoa(zipf(max(1, n/5))))
		}
		for range 2 {
			r.Affiliations = append(r.Affiliations, fmt.Sprintf("Univ %d, Dept X, City, Country%c%c", rng.IntN(500), 'A'+rng.IntN(6), 'A'+rng.IntN(7)))
		}
		for range min(i, 10) {
			r.References = append(r.References, graph.Reference{DOI: "10.5555/s" + strconv.Itoa(rng.IntN(i))})
		}
		r.Normalize()
	}
	return recs
}

// BenchmarkBibliometrics times what run does over the documents once the
// graph is built: the documents, the summary and its tables, the keyword
// and country networks, the thematic map and its evolution over three
// periods. Its ns/doc stays about flat from 10,000 to 40,000 documents
// (docs/BENCHMARKS.md): linear.
func BenchmarkBibliometrics(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		recs := synthetic(n)
		g := graph.Build(recs)
		if docs := biblio.Docs(g, recs); len(docs) != n {
			b.Fatalf("%d documents of %d records", len(docs), n)
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				docs := biblio.Docs(g, recs)
				s := biblio.Compute(g, docs, biblio.Options{})
				_ = s.Tables()
				_ = biblio.KeywordNetwork(docs, "author", biblio.MapOptions{Top: 1000, Seed: 1})
				_ = biblio.CountryNetwork(docs, biblio.MapOptions{Top: 1000, Seed: 1})
				_ = biblio.Thematic(docs, "author", 1)
				_ = biblio.ThematicEvolution(docs, "plus", []int{2000, 2010}, 1)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/doc")
		})
	}
}
