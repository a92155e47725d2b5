package tabular

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// SyntaxError is a malformed row of a CSV export, with the line where the
// row starts (and the column in bytes where the problem was found, when
// known).
type SyntaxError = pos.Error

// maxRow bounds the bytes of one row: a quote left open in a damaged file
// would otherwise make the rest of the file one cell.
const maxRow = 64 << 20

// maxProblems is the number of malformed rows after which a reader stops:
// the file is most likely not of the format.
const maxProblems = 100

// row gives a record's cells by column name.
type row struct {
	cols  map[string]int
	cells []string
}

// get returns the first non-empty cell among the columns, trimmed; "NA"
// (which R writes for a missing value) counts as empty.
func (r row) get(names ...string) string {
	for _, n := range names {
		if i, ok := r.cols[n]; ok && i < len(r.cells) {
			if v := strings.TrimSpace(r.cells[i]); v != "" && v != "NA" {
				return v
			}
		}
	}
	return ""
}

// header reads the first CSV row of head (with the given separator).
func header(head []byte, sep rune) []string {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(bytes.TrimRight(line, "\r")))
	cr.Comma = sep
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	rec, err := cr.Read()
	if err != nil {
		return nil
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(strings.TrimPrefix(rec[i], "\uFEFF"))
	}
	return rec
}

// hasColumns reports whether the header holds every name.
func hasColumns(h []string, names ...string) bool {
	set := make(map[string]bool, len(h))
	for _, c := range h {
		set[c] = true
	}
	for _, n := range names {
		if !set[n] {
			return false
		}
	}
	return true
}

// guard counts the bytes read since the last reset and fails past maxRow.
type guard struct {
	r io.Reader
	n int
}

var errRowTooLong = fmt.Errorf("row longer than %d MiB (a quote left open?)", maxRow>>20)

func (g *guard) Read(p []byte) (int, error) {
	if g.n > maxRow {
		return 0, errRowTooLong
	}
	n, err := g.r.Read(p)
	g.n += n
	return n, err
}

// readCSV reads a CSV export with a header row and calls build for each
// row, emitting the record it returns. A malformed row is reported and
// skipped.
func readCSV(ctx context.Context, rd io.Reader, sep rune, build func(row, int) graph.Record, emit func(graph.Record) error) error {
	g := &guard{r: rd}
	cr := csv.NewReader(g)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	h, err := cr.Read()
	if err != nil {
		return &SyntaxError{Line: 1, Msg: "no header row: " + err.Error()}
	}
	cols := make(map[string]int, len(h))
	for i, c := range h {
		c = strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF"))
		if _, dup := cols[c]; !dup {
			cols[c] = i
		}
	}
	return eachRow(ctx, g, cr, func(cells []string, line int) error {
		if len(cells) == 1 && strings.TrimSpace(cells[0]) == "" {
			return nil
		}
		return emit(build(row{cols: cols, cells: cells}, line))
	})
}

// eachRow calls fn with each row cr reads (through g) and the row's line,
// checking ctx every 256 rows. A malformed row is reported and skipped,
// up to maxProblems of them; an error that is not about CSV stops the
// reading; the problems are returned joined once the rows end. An error
// of fn stops the reading and is returned as it is.
func eachRow(ctx context.Context, g *guard, cr *csv.Reader, fn func(cells []string, line int) error) error {
	var problems []error
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		g.n = 0
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, &SyntaxError{Line: pe.StartLine, Col: pe.Column, Msg: pe.Err.Error()})
				if len(problems) >= maxProblems {
					problems = append(problems, fmt.Errorf("stopped after %d malformed rows", maxProblems))
					break
				}
				continue
			}
			line, _ := cr.FieldPos(0)
			problems = append(problems, &SyntaxError{Line: line, Msg: err.Error()})
			break
		}
		line, _ := cr.FieldPos(0)
		if err := fn(cells, line); err != nil {
			return err
		}
	}
	return errors.Join(problems...)
}

// splitList splits a cell on sep, trimming and dropping empty items.
func splitList(s, sep string) []string {
	var out []string
	for p := range strings.SplitSeq(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// addKeywords appends the items not yet in r.Keywords (compared without
// case).
func addKeywords(r *graph.Record, items []string) {
	seen := make(map[string]bool, len(r.Keywords))
	for _, k := range r.Keywords {
		seen[strings.ToLower(k)] = true
	}
	for _, k := range items {
		if !seen[strings.ToLower(k)] {
			seen[strings.ToLower(k)] = true
			r.Keywords = append(r.Keywords, k)
		}
	}
}

// pages joins a first and last page.
func pages(first, last string) string {
	switch {
	case first != "" && last != "" && first != last:
		return first + "-" + last
	case first != "":
		return first
	}
	return last
}
