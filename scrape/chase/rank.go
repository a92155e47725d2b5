package chase

import (
	"slices"
	"sort"

	"github.com/citegraph/citegraph/graph"
)

// Candidate is a work a chase found, with how strongly it connects to the
// seed set.
type Candidate struct {
	Rank  int    `json:"rank"` // 1-based
	Key   string `json:"key"`  // the graph's stable key
	DOI   string `json:"doi,omitempty"`
	Title string `json:"title,omitempty"`
	Year  int    `json:"year,omitempty"`
	// Hop is the first hop that reached the work (1: a seed's reference or
	// citation).
	Hop int `json:"hop"`
	// Indexes are the indexes whose answers reached the work, sorted.
	Indexes []string `json:"indexes"`
	// CitesSeeds is how many seeds the work cites; CitedBySeeds how many
	// seeds cite it.
	CitesSeeds   int `json:"cites_seeds"`
	CitedBySeeds int `json:"cited_by_seeds"`
	// CoCitation sums, over the seeds, the works citing both the candidate
	// and the seed; Coupling sums, over the seeds, the references the
	// candidate and the seed share.
	CoCitation int `json:"co_citation"`
	Coupling   int `json:"coupling"`
}

// Direct returns CitesSeeds + CitedBySeeds.
func (c Candidate) Direct() int { return c.CitesSeeds + c.CitedBySeeds }

// Rank returns the works hopOf reached (hop ≥ 1) as candidates, ranked by
// their connection to the seeds: direct links first (seeds cited plus
// seeds citing), then co-citation plus coupling strength, then the nearer
// hop, then the key, so the order is total and the same on every run.
// found gives the indexes that reached each work, names the order they are
// listed in. Cost is O(C·S·d) for C candidates, S seeds and degree d.
func Rank(g *graph.Graph, seeds []string, hopOf map[string]int, found map[string]map[string]bool, names []string) []Candidate {
	var seedIDs []int64
	for _, k := range seeds {
		if w := g.Work(k); w != nil {
			seedIDs = append(seedIDs, w.ID())
		}
	}
	var out []Candidate
	for _, k := range sortedKeys(hopOf) {
		hop := hopOf[k]
		w := g.Work(k)
		if hop < 1 || w == nil {
			continue
		}
		c := Candidate{Key: k, DOI: w.DOI, Title: w.Title, Year: w.Year, Hop: hop}
		for _, n := range names {
			if found[k][n] {
				c.Indexes = append(c.Indexes, n)
			}
		}
		if c.Indexes == nil {
			c.Indexes = []string{}
		}
		id := w.ID()
		out1, in1 := g.OutCites(id), g.InCites(id)
		for _, s := range seedIDs {
			if has(out1, s) {
				c.CitesSeeds++
			}
			if has(in1, s) {
				c.CitedBySeeds++
			}
			c.CoCitation += shared(in1, g.InCites(s))
			c.Coupling += shared(out1, g.OutCites(s))
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Direct() != b.Direct() {
			return a.Direct() > b.Direct()
		}
		if a.CoCitation+a.Coupling != b.CoCitation+b.Coupling {
			return a.CoCitation+a.Coupling > b.CoCitation+b.Coupling
		}
		if a.Hop != b.Hop {
			return a.Hop < b.Hop
		}
		return a.Key < b.Key
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// has reports whether the sorted ids hold id.
func has(ids []int64, id int64) bool {
	_, ok := slices.BinarySearch(ids, id)
	return ok
}

// shared counts the IDs two sorted lists share.
func shared(a, b []int64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
