package output

import (
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/ris"
)

// yes is "true" for true and "" for false: a flag column's cell.
func yes(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// UniqueHeader is the header of unique.csv.
var UniqueHeader = []string{"work", "title", "authors", "year", "venue", "volume", "issue", "pages", "doi", "abstract", "keywords", "type",
	"databases", "record_ids", "records", "retracted"}

// UniqueRows are the rows of unique.csv (UniqueHeader), one per Unique:
// authors and keywords with "; " between, the databases the work was found
// in (distinct, sorted), its record ids as "Database: id" in record order,
// the number of records merged into it, and "true" when a source marks
// the work retracted.
func UniqueRows(us []graph.Unique) [][]string {
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
func WriteUniqueRIS(f io.Writer, us []graph.Unique) error {
	rw := ris.NewWriter(f)
	for i := range us {
		if err := rw.WriteFound(&us[i].Record, us[i].Found); err != nil {
			return err
		}
	}
	return rw.Close()
}
