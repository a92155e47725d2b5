package output

import (
	"context"
	stdcsv "encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// The systematic-review audit trail (issue 12): records.csv, one row per
// record read with the work it was merged into and by which rule;
// duplicates.csv, one row per work several records describe;
// review.csv, the pairs that may be one work but were not merged.

// RecordHeader is the header of records.csv.
var RecordHeader = []string{"source", "line", "database", "record_id", "title", "year", "first_author", "work", "rule", "score"}

// DuplicateHeader is the header of duplicates.csv.
var DuplicateHeader = []string{"work", "records", "databases", "record_ids", "sources", "rules", "title", "year", "first_author", "doi"}

// ReviewHeader is the header of review.csv: the pair's score and reason,
// then each record (a_…, b_…): its id (as a decisions file names it),
// where it was read, its database and record id, title, year and work.
var ReviewHeader = []string{"score", "reason",
	"a_id", "a_source", "a_line", "a_database", "a_record_id", "a_title", "a_year", "a_work",
	"b_id", "b_source", "b_line", "b_database", "b_record_id", "b_title", "b_year", "b_work"}

// score formats a merge or review score with at most three decimals, ""
// for no rule.
func score(rule string, s float64) string {
	if rule == "" {
		return ""
	}
	return strconv.FormatFloat(math.Round(s*1000)/1000, 'f', -1, 64)
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func firstAuthor(as []graph.Author) string {
	if len(as) == 0 {
		return ""
	}
	return as[0].Family
}

// RecordRows are the rows of records.csv (RecordHeader), one per record in
// the order of recs (the records g was built from, as Graph.Assignments
// has them): where it was read, its database and record id, title, year
// and first author, the key of its work, and the rule and score of the
// merge that tied it to its work ("" for a record alone in its work).
func RecordRows(recs []graph.Record, g *graph.Graph) [][]string {
	as := g.Assignments()
	rows := make([][]string, 0, len(recs))
	for i := range recs {
		r := &recs[i]
		row := []string{r.Source.Path, itoa0(r.Source.Line), r.Source.Database, r.Source.RecordID, r.Title, itoa0(r.Year), firstAuthor(r.Authors), "", "", ""}
		if i < len(as) {
			row[7], row[8], row[9] = as[i].Work.Key, as[i].Rule, score(as[i].Rule, as[i].Score)
		}
		rows = append(rows, row)
	}
	return rows
}

// Groups returns, for each work that more than one record describes, the
// indexes of its records (into the records g was built from, in order),
// by work key.
func Groups(g *graph.Graph) (works []*graph.Work, members [][]int) {
	by := map[*graph.Work][]int{}
	for i, a := range g.Assignments() {
		by[a.Work] = append(by[a.Work], i)
	}
	for _, w := range g.Works() {
		if m := by[w]; len(m) > 1 {
			works = append(works, w)
			members = append(members, m)
		}
	}
	return works, members
}

// DuplicateRows are the rows of duplicates.csv (DuplicateHeader), one per
// merged group by work key: the work, how many records it merges, their
// databases and rules (distinct, sorted), their record ids and sources
// (in record order, "; " between), and the work's title, year, first
// author and DOI.
func DuplicateRows(recs []graph.Record, g *graph.Graph) [][]string {
	as := g.Assignments()
	works, members := Groups(g)
	rows := make([][]string, 0, len(works))
	for k, w := range works {
		var dbs, ids, srcs, rules []string
		for _, i := range members[k] {
			s := recs[i].Source
			dbs = append(dbs, s.Database)
			if s.RecordID != "" {
				ids = append(ids, s.RecordID)
			}
			srcs = append(srcs, s.String())
			rules = append(rules, as[i].Rule)
		}
		rows = append(rows, []string{w.Key, strconv.Itoa(len(members[k])), distinct(dbs), strings.Join(ids, "; "), strings.Join(srcs, "; "),
			distinct(rules), w.Title, itoa0(w.Year), w.Surname(), w.DOI})
	}
	return rows
}

// distinct returns the non-empty values sorted, once each, "; " between.
func distinct(vs []string) string {
	vs = slices.DeleteFunc(slices.Clone(vs), func(s string) bool { return s == "" })
	slices.Sort(vs)
	return strings.Join(slices.Compact(vs), "; ")
}

// ReviewRows are the rows of review.csv (ReviewHeader), one per pair of
// Graph.Reviews, in its order.
func ReviewRows(recs []graph.Record, g *graph.Graph) [][]string {
	as := g.Assignments()
	side := func(i int) []string {
		r := &recs[i]
		return []string{r.ID, r.Source.Path, itoa0(r.Source.Line), r.Source.Database, r.Source.RecordID, r.Title, itoa0(r.Year), as[i].Work.Key}
	}
	var rows [][]string
	for _, rv := range g.Reviews() {
		row := []string{score("review", rv.Score), rv.Reason}
		row = append(row, side(rv.A)...)
		rows = append(rows, append(row, side(rv.B)...))
	}
	return rows
}

// writeReview writes the review format's files; a graph not resolved from
// records (edge lists) has none.
func writeReview(ctx context.Context, w *Writer) error {
	g, recs := w.In.Graph, w.In.Records
	if g.Assignments() == nil || len(g.Assignments()) != len(recs) {
		w.Notef("the graph was not resolved from records: records.csv, duplicates.csv, review.csv, unique.ris, unique.csv and prisma.json are not written")
		return nil
	}
	for _, t := range []struct {
		name   string
		header []string
		rows   func([]graph.Record, *graph.Graph) [][]string
	}{
		{"records.csv", RecordHeader, RecordRows},
		{"duplicates.csv", DuplicateHeader, DuplicateRows},
		{"review.csv", ReviewHeader, ReviewRows},
	} {
		if err := w.File(t.name, func(f io.Writer) error { return csv.WriteTable(f, t.header, t.rows(recs, g)) }); err != nil {
			return err
		}
	}
	us := graph.UniqueWorks(recs, g)
	if err := w.File("unique.ris", func(f io.Writer) error { return WriteUniqueRIS(f, us) }); err != nil {
		return err
	}
	if err := w.File("unique.csv", func(f io.Writer) error { return csv.WriteTable(f, UniqueHeader, UniqueRows(us)) }); err != nil {
		return err
	}
	p := graph.PrismaCounts(recs, g, w.Opt.Previous)
	if err := w.File("prisma.json", func(f io.Writer) error {
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}); err != nil {
		return err
	}
	return w.Drawing(ctx, "prisma", func(f io.Writer) error { return dot.WritePrisma(f, p) })
}

// PreviousWorks returns the work keys of the records.csv that an earlier
// run wrote in dir, for Options.Previous; nil, and no error, when there is
// none. The file is read as RecordHeader says, whatever its column order.
func PreviousWorks(dir string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, "records.csv"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := stdcsv.NewReader(f)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	col := slices.Index(head, "work")
	if col < 0 {
		return nil, fmt.Errorf("%s: no work column", f.Name())
	}
	keys := map[string]bool{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return keys, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name(), err)
		}
		if col < len(row) && row[col] != "" {
			keys[row[col]] = true
		}
	}
}

// searched reports whether the records come from searches of databases or
// citation indexes (some record names its database), so that the report
// shows the PRISMA counts; and whether g was resolved from them.
func (in *Input) searched() bool {
	if len(in.Graph.Assignments()) != len(in.Records) {
		return false
	}
	for i := range in.Records {
		if in.Records[i].Source.Database != "" {
			return true
		}
	}
	return false
}
