package output

import (
	"bufio"
	"io"
	"strconv"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	gcsv "github.com/citegraph/citegraph/graph/encoding/csv"
)

// NodesHeader is the header of analyse's nodes.csv.
var NodesHeader = []string{"id", "in_degree", "out_degree", "pagerank", "hub", "authority", "betweenness", "community", "theme"}

// WriteNodes writes analyse's nodes.csv (NodesHeader): one row per node of
// c in node order (IDs in numeric order when all are numbers, else
// lexical); the cells of a measure res left out (nil) stay empty.
// Communities and themes are numbered from 1; floats are written in the
// shortest form that reads back the same; an id is made inert as every
// cell (gcsv.Cell: an edge list's "=cmd" is written "'=cmd", "-3" stays).
func WriteNodes(w io.Writer, c *graph.Compact, res analysis.Result) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := gcsv.NewWriter(bw)
	if err := cw.Write(NodesHeader); err != nil {
		return err
	}
	row := make([]string, len(NodesHeader))
	itoa := func(v []int, i int, plus int) string {
		if v == nil {
			return ""
		}
		return strconv.Itoa(v[i] + plus)
	}
	ftoa := func(v []float64, i int) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(v[i], 'g', -1, 64)
	}
	for i := range c.Len() {
		row[0] = c.Key(int32(i))
		row[1], row[2] = itoa(res.InDegree, i, 0), itoa(res.OutDegree, i, 0)
		row[3], row[4], row[5], row[6] = ftoa(res.PageRank, i), ftoa(res.Hub, i), ftoa(res.Authority, i), ftoa(res.Betweenness, i)
		row[7], row[8] = itoa(res.Community, i, 1), itoa(res.Theme, i, 1)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteCompactThemes writes themes.csv (ThemeHeader) for a graph known by
// its node IDs only: key works are named by their IDs.
func WriteCompactThemes(w io.Writer, c *graph.Compact, themes []analysis.Theme) error {
	return gcsv.WriteTable(w, ThemeHeader, ThemeRows(themes, func(id int64) (string, string, bool) {
		k := c.Key(int32(id))
		return k, k, true
	}))
}

// WriteNodeFiles writes what analyse writes into s: nodes.csv (WriteNodes)
// and, when res has themes, themes.csv (WriteCompactThemes). It returns
// the names of the files written, in that order.
func WriteNodeFiles(s Sink, c *graph.Compact, res analysis.Result) ([]string, error) {
	if err := WriteFile(s, "nodes.csv", func(w io.Writer) error { return WriteNodes(w, c, res) }); err != nil {
		return nil, err
	}
	written := []string{"nodes.csv"}
	if res.Theme != nil {
		if err := WriteFile(s, "themes.csv", func(w io.Writer) error { return WriteCompactThemes(w, c, res.Themes) }); err != nil {
			return written, err
		}
		written = append(written, "themes.csv")
	}
	return written, nil
}
