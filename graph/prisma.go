package graph

import "sort"

// Prisma are the counts of the identification part of a PRISMA 2020 flow
// diagram (prisma.json): the records each database gave, those citation
// chasing gave by index and direction, the duplicates removed, and the
// unique works left. Always
//
//	IdentifiedTotal + ChasingTotal − Automatic − Decision = AfterDeduplication.
type Prisma struct {
	// Identified counts the records of each database searched
	// (Source.Database; a record whose export names none is counted
	// under its format, e.g. "scite").
	Identified      map[string]int `json:"identified"`
	IdentifiedTotal int            `json:"identified_total"`
	// DuplicatesRemoved counts the records merged into another: by
	// identifier and title rules (automatic) and by a reviewer's "same"
	// rulings (decision).
	DuplicatesRemoved struct {
		Automatic int `json:"automatic"`
		Decision  int `json:"decision"`
	} `json:"duplicates_removed"`
	// AfterDeduplication is the number of unique works the records
	// describe: the records to screen.
	AfterDeduplication int `json:"after_deduplication"`
	// Chasing counts the records citation chasing gave, by index and
	// direction ("backward", "forward", "seed"); ChasingTotal sums them.
	Chasing      map[string]map[string]int `json:"chasing"`
	ChasingTotal int                       `json:"chasing_total"`
	// NewSincePrevious counts the unique works that the previous run (or
	// build of the corpus) did not hold; all of them when there was none
	// (ComparedWithPrevious false).
	NewSincePrevious     int  `json:"new_since_previous"`
	ComparedWithPrevious bool `json:"compared_with_previous"`
}

// PrismaCounts counts the records g was built from (recs, in the order
// given to Build) for a PRISMA flow diagram. previous holds the keys of
// the works of the previous run; nil when there was none. It panics when
// g was not built from recs (Assignments of another length).
func PrismaCounts(recs []Record, g *Graph, previous map[string]bool) Prisma {
	as := g.Assignments()
	if len(as) != len(recs) {
		panic("graph: PrismaCounts of a graph not built from these records")
	}
	p := Prisma{Identified: map[string]int{}, Chasing: map[string]map[string]int{}}
	works := map[*Work]bool{}
	for i := range recs {
		s := &recs[i].Source
		works[as[i].Work] = true
		if s.Chase != "" {
			ix := s.Database
			if ix == "" {
				ix = s.Format
			}
			if p.Chasing[ix] == nil {
				p.Chasing[ix] = map[string]int{}
			}
			p.Chasing[ix][s.Chase]++
			p.ChasingTotal++
			continue
		}
		db := s.Database
		if db == "" {
			db = s.Format
		}
		p.Identified[db]++
		p.IdentifiedTotal++
	}
	for rule, n := range g.MergesByRule() {
		if rule == RuleDecision {
			p.DuplicatesRemoved.Decision += n
		} else {
			p.DuplicatesRemoved.Automatic += n
		}
	}
	p.AfterDeduplication = len(works)
	p.ComparedWithPrevious = previous != nil
	for w := range works {
		if !previous[w.Key] {
			p.NewSincePrevious++
		}
	}
	return p
}

// Databases returns the keys of Identified, sorted.
func (p *Prisma) Databases() []string { return sortedKeys(p.Identified) }

// Indexes returns the keys of Chasing, sorted.
func (p *Prisma) Indexes() []string {
	out := make([]string, 0, len(p.Chasing))
	for k := range p.Chasing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
