package graph

import "sort"

// Prisma are the counts of the identification part of a PRISMA 2020 flow
// diagram (prisma.json): the records each database gave, those citation
// chasing gave by index and direction, the duplicates removed, and the
// unique works left. Always
//
//	IdentifiedTotal + (records chasing gave) − Automatic − Decision = AfterDeduplication.
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
	// Chasing counts what citation chasing identified, by index and
	// direction (Source.Chase): "backward", the works the seeds cite
	// according to the index (as its reference lists name them, records
	// or not); "forward", the works citing a seed according to it;
	// "describe", the records it gave describing candidates. The seeds
	// themselves are not counted. ChasingTotal sums them.
	Chasing      map[string]map[string]int `json:"chasing"`
	ChasingTotal int                       `json:"chasing_total"`
	// NewSincePrevious counts the unique works that the previous run (or
	// build of the corpus) did not hold; all of them when there was none
	// (ComparedWithPrevious false).
	NewSincePrevious     int  `json:"new_since_previous"`
	ComparedWithPrevious bool `json:"compared_with_previous"`
	// Retracted counts the unique works a source marks retracted
	// (Work.Retracted): to be excluded or checked before screening.
	Retracted int `json:"retracted"`
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
			if s.Chase == "describe" {
				p.chased(s, "describe", 1)
			}
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
	// The works each index's answers cite or are cited by, once each.
	found := map[[3]string]bool{}
	for _, e := range g.Edges(Cites) {
		if e.F == e.T {
			continue
		}
		for _, s := range e.Sources {
			switch s.Chase {
			case "backward":
				found[[3]string{indexName(&s), "backward", e.T.Key}] = true
			case "forward":
				found[[3]string{indexName(&s), "forward", e.F.Key}] = true
			}
		}
	}
	for k := range found {
		p.chased(&Source{Database: k[0]}, k[1], 1)
	}
	p.AfterDeduplication = len(works)
	p.ComparedWithPrevious = previous != nil
	for w := range works {
		if !previous[w.Key] {
			p.NewSincePrevious++
		}
		if w.Retracted {
			p.Retracted++
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

// indexName is the citation index a chased source names.
func indexName(s *Source) string {
	if s.Database != "" {
		return s.Database
	}
	return s.Format
}

func (p *Prisma) chased(s *Source, dir string, n int) {
	ix := indexName(s)
	if p.Chasing[ix] == nil {
		p.Chasing[ix] = map[string]int{}
	}
	p.Chasing[ix][dir] += n
	p.ChasingTotal += n
}
