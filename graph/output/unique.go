package output

import (
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/ris"
)

// Unique is one unique work for screening (unique.ris, unique.csv): a
// record with the most complete value of each field of the records merged
// into the work, and where each of them was found.
type Unique struct {
	Key    string
	Record graph.Record
	// Found are the sources of the work's records, in the order of the
	// records given to Build: path, line, database and record id.
	Found []graph.Source
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
func UniqueWorks(recs []graph.Record, g *graph.Graph) []Unique {
	by := map[*graph.Work][]int{}
	for i, a := range g.Assignments() {
		by[a.Work] = append(by[a.Work], i)
	}
	var out []Unique
	for _, w := range g.Works() {
		m := by[w]
		if len(m) == 0 {
			continue
		}
		u := Unique{Key: w.Key, Record: graph.Record{
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

// yes is "true" for true and "" for false: a flag column's cell.
func yes(b bool) string {
	if b {
		return "true"
	}
	return ""
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

// UniqueHeader is the header of unique.csv.
var UniqueHeader = []string{"work", "title", "authors", "year", "venue", "volume", "issue", "pages", "doi", "abstract", "keywords", "type",
	"databases", "record_ids", "records", "retracted"}

// UniqueRows are the rows of unique.csv (UniqueHeader), one per Unique:
// authors and keywords with "; " between, the databases the work was found
// in (distinct, sorted), its record ids as "Database: id" in record order,
// the number of records merged into it, and "true" when a source marks
// the work retracted.
func UniqueRows(us []Unique) [][]string {
	rows := make([][]string, 0, len(us))
	for _, u := range us {
		r := &u.Record
		authors := make([]string, len(r.Authors))
		for i, a := range r.Authors {
			authors[i] = a.String()
		}
		var dbs, ids []string
		for _, s := range u.Found {
			dbs = append(dbs, s.Database)
			switch {
			case s.RecordID != "" && s.Database != "":
				ids = append(ids, s.Database+": "+s.RecordID)
			case s.RecordID != "":
				ids = append(ids, s.RecordID)
			}
		}
		rows = append(rows, []string{u.Key, r.Title, strings.Join(authors, "; "), itoa0(r.Year), r.Venue, r.Volume, r.Issue, r.Pages, r.DOI,
			r.Abstract, strings.Join(r.Keywords, "; "), r.Type, distinct(dbs), strings.Join(ids, "; "), strconv.Itoa(len(u.Found)), yes(r.Retracted)})
	}
	return rows
}

// WriteUniqueRIS writes us as RIS, each with the databases and record ids
// it was found under (ris.Writer.WriteFound).
func WriteUniqueRIS(f io.Writer, us []Unique) error {
	rw := ris.NewWriter(f)
	for i := range us {
		if err := rw.WriteFound(&us[i].Record, us[i].Found); err != nil {
			return err
		}
	}
	return rw.Close()
}

// bestVenue returns the most common venue of the records m, ties going to
// a venue not in capitals only, then to the work's own (def).
func bestVenue(recs []graph.Record, m []int, def string) string {
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
