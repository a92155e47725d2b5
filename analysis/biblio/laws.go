package biblio

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// HIndex is an author's or a source's h-, g- and m-index over the times
// cited of its documents: h is the largest number of documents cited at
// least h times each, g the largest number g of documents (at most the
// documents it has) whose g most cited have g² citations together, and m
// is h over the years since the first document, that year included
// (bibliometrix's Hindex).
type HIndex struct {
	Author    string  `json:"author,omitempty"`
	Source    string  `json:"source,omitempty"`
	H         int     `json:"h"`
	G         int     `json:"g"`
	M         float64 `json:"m"`
	Citations int     `json:"citations"`
	Documents int     `json:"documents"`
	FirstYear int     `json:"first_year"`
}

// hIndexes returns the indexes of every name of the documents by
// descending h, g and citations, then by name. Like bibliometrix's Hindex,
// names whose documents are all uncited are left out.
func hIndexes(docs []Doc, names func(d *Doc) []string, ref int, source bool) []HIndex {
	type acc struct {
		tc    []int
		first int
	}
	at := map[string]*acc{}
	for i := range docs {
		d := &docs[i]
		for _, n := range names(d) {
			a := at[n]
			if a == nil {
				a = &acc{}
				at[n] = a
			}
			a.tc = append(a.tc, d.TimesCited)
			if d.Year != 0 && (a.first == 0 || d.Year < a.first) {
				a.first = d.Year
			}
		}
	}
	out := []HIndex{}
	for n, a := range at {
		h, g, sum := hg(a.tc)
		if sum == 0 {
			continue
		}
		row := HIndex{H: h, G: g, Citations: sum, Documents: len(a.tc), FirstYear: a.first}
		if a.first != 0 {
			row.M = float64(h) / float64(ref-a.first+1)
		}
		if source {
			row.Source = n
		} else {
			row.Author = n
		}
		out = append(out, row)
	}
	slices.SortFunc(out, func(a, b HIndex) int {
		return cmp.Or(cmp.Compare(b.H, a.H), cmp.Compare(b.G, a.G), cmp.Compare(b.Citations, a.Citations),
			cmp.Compare(a.Author+a.Source, b.Author+b.Source))
	})
	return out
}

// hg returns the h- and g-index of the citation counts tc (sorted in
// place, descending) and their sum.
func hg(tc []int) (h, g, sum int) {
	slices.SortFunc(tc, func(a, b int) int { return cmp.Compare(b, a) })
	for i, c := range tc {
		sum += c
		if c >= i+1 {
			h = i + 1
		}
		if sum >= (i+1)*(i+1) {
			g = i + 1
		}
	}
	return h, g, sum
}

// Bradford holds Bradford's zones of the sources and every source with its
// rank, documents, cumulated documents and zone (bibliometrix's
// bradford()$table), most productive first.
type Bradford struct {
	Zones   []Zone           `json:"zones"`
	Sources []BradfordSource `json:"sources"`
}

// BradfordSource is one source of Bradford's table.
type BradfordSource struct {
	Source     string `json:"source"`
	Rank       int    `json:"rank"`
	Documents  int    `json:"documents"`
	Cumulative int    `json:"cumulative"`
	Zone       int    `json:"zone"`
}

// Zone is one of Bradford's zones: the number of sources and their
// documents.
type Zone struct {
	Zone      int `json:"zone"`
	Sources   int `json:"sources"`
	Documents int `json:"documents"`
}

// bradford divides the sources, most productive first (ties by name), into
// three zones as bibliometrix's bradford does: zone 1 ends at the first
// source where the cumulated documents reach a third of all, zone 2 at the
// first where they reach two thirds, zone 3 holds the rest.
func bradford(docs []Doc) Bradford {
	rows := rank(docs, func(d *Doc) []string { return single(d.Source) })
	total := 0
	for _, r := range rows {
		total += r.n
	}
	zones := []Zone{{Zone: 1}, {Zone: 2}, {Zone: 3}}
	srcs := make([]BradfordSource, 0, len(rows))
	cum := 0
	for i, r := range rows {
		z := 2
		switch {
		case 3*cum < total: // the zone-1 cut not yet reached before this source
			z = 0
		case 3*cum < 2*total:
			z = 1
		}
		cum += r.n
		zones[z].Sources++
		zones[z].Documents += r.n
		srcs = append(srcs, BradfordSource{Source: r.name, Rank: i + 1, Documents: r.n, Cumulative: cum, Zone: z + 1})
	}
	return Bradford{Zones: zones, Sources: srcs}
}

// Lotka is Lotka's law fitted to the authors' productivity: the share of
// authors with x documents is c / x^beta, fitted by least squares on
// log10 share against log10 x (bibliometrix's lotka); r2 is the fit's
// coefficient of determination. All zero with fewer than two distinct
// productivities.
type Lotka struct {
	Beta         float64      `json:"beta"`
	C            float64      `json:"c"`
	R2           float64      `json:"r2"`
	Productivity []LotkaPoint `json:"productivity"`
}

// Fitted returns the share of authors with x documents that the fitted
// law gives, C / x^β; 0 when nothing was fitted.
func (l Lotka) Fitted(x int) float64 {
	if l.C == 0 {
		return 0
	}
	return l.C / math.Pow(float64(x), l.Beta)
}

// LotkaPoint is the number of authors with a number of documents.
type LotkaPoint struct {
	Documents int     `json:"documents"`
	Authors   int     `json:"authors"`
	Share     float64 `json:"share"`
}

func lotka(docs []Doc) Lotka {
	rows := rank(docs, func(d *Doc) []string { return d.Authors })
	byN := map[int]int{}
	for _, r := range rows {
		byN[r.n]++
	}
	l := Lotka{Productivity: []LotkaPoint{}}
	for n := 1; len(byN) > 0 && n <= rows[0].n; n++ {
		if c := byN[n]; c > 0 {
			l.Productivity = append(l.Productivity, LotkaPoint{Documents: n, Authors: c, Share: float64(c) / float64(len(rows))})
		}
	}
	if len(l.Productivity) < 2 {
		return l
	}
	xs, ys := make([]float64, len(l.Productivity)), make([]float64, len(l.Productivity))
	for i, p := range l.Productivity {
		xs[i], ys[i] = math.Log10(float64(p.Documents)), math.Log10(p.Share)
	}
	alpha, beta := stat.LinearRegression(xs, ys, nil, false)
	l.Beta, l.C = -beta, math.Pow(10, alpha)
	l.R2 = stat.RSquared(xs, ys, nil, alpha, beta)
	return l
}
