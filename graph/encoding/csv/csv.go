package csv

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Column is one named column of a node table.
type Column struct {
	Name  string
	Value func(id int64) string
}

// Float returns a column of per-node floats, indexed by node ID; a nil
// slice gives empty cells.
func Float(name string, v []float64) Column {
	return Column{Name: name, Value: func(id int64) string {
		if int(id) >= len(v) {
			return ""
		}
		return strconv.FormatFloat(v[id], 'g', 10, 64)
	}}
}

// Int returns a column of per-node integers, indexed by node ID; a nil
// slice gives empty cells.
func Int(name string, v []int) Column {
	return Column{Name: name, Value: func(id int64) string {
		if int(id) >= len(v) {
			return ""
		}
		return strconv.Itoa(v[id])
	}}
}

// WorkColumns are the descriptive columns WriteNodes puts first: key,
// label, kind, first_author, year, title, venue, doi.
var WorkColumns = []string{"key", "label", "kind", "first_author", "year", "title", "venue", "doi"}

// WriteNodes writes a header and one row per node in ids (in that order):
// the WorkColumns from the graph, then cols. label is the caller's short
// label for each work ("Kemp 2012").
func WriteNodes(w io.Writer, g *graph.Graph, ids []int64, label func(*graph.Work) string, cols ...Column) error {
	header := append([]string{}, WorkColumns...)
	for _, c := range cols {
		header = append(header, c.Name)
	}
	rows := make([][]string, 0, len(ids))
	works := g.Works()
	for _, id := range ids {
		wk := works[id]
		year := ""
		if wk.Year != 0 {
			year = strconv.Itoa(wk.Year)
		}
		row := []string{wk.Key, label(wk), wk.Kind.String(), wk.Surname(), year, wk.Title, wk.Venue, wk.DOI}
		for _, c := range cols {
			row = append(row, c.Value(id))
		}
		rows = append(rows, row)
	}
	return WriteTable(w, header, rows)
}

// WriteTable writes a header and rows. Cells have control characters
// replaced by spaces so that every record is one line.
func WriteTable(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(clean(header)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(clean(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func clean(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return ' '
			}
			return r
		}, c)
	}
	return out
}
