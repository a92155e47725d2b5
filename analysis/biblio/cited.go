package biblio

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// cited fills the references count, the most cited documents (by times
// cited, then local citations, then key) and the most cited works of the
// documents' reference lists (as resolution grouped the references).
func (s *Summary) cited(g *graph.Graph, docs []Doc, opt Options) {
	works := g.Works()
	isDoc := make(map[int64]bool, len(docs))
	for i := range docs {
		isDoc[docs[i].Work.ID()] = true
	}
	s.MostCited = []Cited{}
	for i := range docs {
		d := &docs[i]
		local := 0
		for _, from := range g.InCites(d.Work.ID()) {
			if isDoc[from] {
				local++
			}
		}
		c := Cited{Key: d.Work.Key, Label: label(d.Work), DOI: d.Work.DOI, GlobalCitations: d.TimesCited, LocalCitations: local}
		if d.Year != 0 {
			c.CitationsPerYr = float64(d.TimesCited) / float64(opt.ReferenceYear-d.Year+1)
		}
		s.MostCited = append(s.MostCited, c)
	}
	slices.SortFunc(s.MostCited, func(a, b Cited) int {
		return cmp.Or(cmp.Compare(b.GlobalCitations, a.GlobalCitations), cmp.Compare(b.LocalCitations, a.LocalCitations), cmp.Compare(a.Key, b.Key))
	})
	s.MostCited = s.MostCited[:min(opt.Top, len(s.MostCited))]

	count := map[int64]int{}
	for i := range docs {
		for _, to := range g.OutCites(docs[i].Work.ID()) {
			count[to]++
		}
	}
	s.References = len(count)
	s.CitedReferences = []RefCount{}
	for id, n := range count {
		s.CitedReferences = append(s.CitedReferences, RefCount{Reference: label(works[id]), Key: works[id].Key, Citations: n})
	}
	slices.SortFunc(s.CitedReferences, func(a, b RefCount) int {
		return cmp.Or(cmp.Compare(b.Citations, a.Citations), cmp.Compare(a.Key, b.Key))
	})
	s.CitedReferences = s.CitedReferences[:min(opt.Top, len(s.CitedReferences))]
}

// label names a work as bibliometrix's short reference does: "FAMILY,
// INITIALS, YEAR, VENUE", leaving out the parts it lacks.
func label(w *graph.Work) string {
	out := ""
	add := func(s string) {
		if s == "" {
			return
		}
		if out != "" {
			out += ", "
		}
		out += s
	}
	if len(w.Authors) > 0 {
		add(AuthorName(w.Authors[0]))
	} else if w.FirstAuthor != "" {
		add(w.FirstAuthor)
	}
	if w.Year != 0 {
		add(fmt.Sprint(w.Year))
	}
	add(w.Venue)
	if out == "" {
		out = w.Title
	}
	return out
}
