package graph

import (
	"strconv"
	"strings"
)

// Unique is one unique work for screening (unique.ris, unique.csv): a
// record with the most complete value of each field of the records merged
// into the work, and where each of them was found.
type Unique struct {
	Key    string
	Record Record
	// Found are the sources of the work's records, in the order of the
	// records given to Build: path, line, database and record id.
	Found []Source
}

// UniqueWorks returns one Unique per work the records describe, by work
// key. A field is the work's where resolution chose one (the best-spelt
// title, the longest author list and abstract, the most common venue and
// year, the DOI, the identifiers of every record); volume, issue and pages
// are the longest value of a record ("1339-1351" over "1339"); keywords
// are every record's keywords, author keywords, Keywords Plus and MeSH
// terms, once each (ignoring case), in the order met; the venue is the
// most common, ties going to one not written in capitals only ("Journal
// of Informetrics" over Web of Science's "JOURNAL OF INFORMETRICS"); type,
// language, URL
// and date are the first record's that has one.
func UniqueWorks(recs []Record, g *Graph) []Unique {
	by := map[*Work][]int{}
	for i, a := range g.Assignments() {
		by[a.Work] = append(by[a.Work], i)
	}
	var out []Unique
	for _, w := range g.Works() {
		m := by[w]
		if len(m) == 0 {
			continue
		}
		u := Unique{Key: w.Key, Record: Record{
			DOI: w.DOI, Title: w.Title, Year: w.Year, Authors: w.Authors, Venue: w.Venue, Abstract: w.Abstract,
			Publisher: w.Publisher, Identifiers: w.Identifiers, Retracted: w.Retracted,
		}}
		r := &u.Record
		seenKW := map[string]bool{}
		for _, i := range m {
			x := &recs[i]
			u.Found = append(u.Found, x.Source)
			longest(&r.Volume, x.Volume)
			longest(&r.Issue, x.Issue)
			longest(&r.Pages, x.Pages)
			fillEmpty(&r.Type, x.Type)
			fillEmpty(&r.Language, x.Language)
			fillEmpty(&r.URL, x.URL)
			fillEmpty(&r.Date, x.Date)
			for _, list := range [][]string{x.Keywords, x.AuthorKeywords, x.KeywordsPlus, x.MeSH} {
				for _, k := range list {
					k = strings.TrimSpace(k)
					if f := strings.ToLower(k); k != "" && !seenKW[f] {
						seenKW[f] = true
						r.Keywords = append(r.Keywords, k)
					}
				}
			}
		}
		r.Venue = bestVenue(recs, m, w.Venue)
		if r.Year == 0 || r.Date != "" && !strings.HasPrefix(r.Date, strconv.Itoa(r.Year)) {
			r.Date = "" // a date of another record's year
		}
		out = append(out, u)
	}
	return out
}

func longest(dst *string, v string) {
	if len(v) > len(*dst) {
		*dst = v
	}
}

func fillEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// bestVenue returns the most common venue of the records m, ties going to
// a venue not in capitals only, then to the work's own (def).
func bestVenue(recs []Record, m []int, def string) string {
	n := map[string]int{}
	for _, i := range m {
		if v := recs[i].Venue; v != "" {
			n[v]++
		}
	}
	best := def
	better := func(v string) bool {
		switch {
		case n[v] != n[best]:
			return n[v] > n[best]
		case allCaps(v) != allCaps(best):
			return !allCaps(v)
		}
		return false
	}
	for _, i := range m {
		if v := recs[i].Venue; v != "" && better(v) {
			best = v
		}
	}
	return best
}

func allCaps(s string) bool { return strings.ToUpper(s) == s && strings.ToLower(s) != s }
