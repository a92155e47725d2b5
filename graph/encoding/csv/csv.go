package csv

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"

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

// WriteTable writes a header and rows, every cell made inert by Cell.
func WriteTable(w io.Writer, header []string, rows [][]string) error {
	cw := NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// Writer is encoding/csv's Writer (RFC 4180, "\n" line ends) with every
// cell passed through Cell. Every CSV and tab-separated table citegraph
// writes goes through Writer or Cell, so that none can run in a
// spreadsheet.
type Writer struct {
	w   *csv.Writer
	row []string
}

// NewWriter returns a Writer to w. Writes are buffered; call Flush.
func NewWriter(w io.Writer) *Writer { return &Writer{w: csv.NewWriter(w)} }

// Write writes one record, each cell through Cell; row is not changed.
func (w *Writer) Write(row []string) error {
	w.row = w.row[:0]
	for _, c := range row {
		w.row = append(w.row, Cell(c))
	}
	return w.w.Write(w.row)
}

// Flush writes what is buffered and returns the first error of any Write
// or of the flush.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}

// Cell returns s as a cell that every spreadsheet shows as the text it is:
//
//   - control characters (C0 and DEL; a tab, a carriage return or a line
//     feed among them) become spaces, so that every record is one line;
//   - the bidirectional controls (Unicode's Bidi_Control: U+202A–U+202E,
//     U+2066–U+2069, U+200E, U+200F, U+061C) are dropped, so that the cell
//     shows its text in the order it is stored;
//   - a cell whose first character other than a space is '=', '+', '-' or
//     '@' (where tab and carriage return, the other two starts OWASP's
//     CSV-injection guidance names, are spaces by now) gets a single quote
//     before it ("=HYPERLINK(…)" → "'=HYPERLINK(…)"), which Excel,
//     LibreOffice and Google Sheets read as "this cell is text" and do not
//     show, so that no formula runs when the file is opened;
//   - numbers are left as they are: a decimal number with an optional sign,
//     fraction and exponent ("-3", "-2.5", "+1", "1e-05") and strconv's
//     "+Inf", "-Inf" and "NaN"; "-2+3" is not a number and is quoted.
//
// The change shows only in the tables: the JSON and JSON Lines outputs
// (works.jsonl, graph.json, matching.json …) keep the text as the data
// holds it, since they are read by programs, not opened as spreadsheets.
func Cell(s string) string {
	if needsClean(s) {
		s = clean(s)
	}
	if formula(s) {
		return "'" + s
	}
	return s
}

// needsClean reports whether s holds a byte below 0x20, DEL, or a byte
// that may start a bidirectional control (0xD8 for U+061C, 0xE2 for the
// others).
func needsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xd8 || c == 0xe2 {
			return true
		}
	}
	return false
}

// clean replaces control characters by spaces and drops bidirectional
// controls (see Cell).
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f:
			return ' '
		case unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}

// formula reports whether a spreadsheet could read s as a formula: its
// first character other than a space is '=', '+', '-' or '@', and s is not
// a number.
func formula(s string) bool {
	t := strings.TrimLeft(s, " ")
	if t == "" || strings.IndexByte("=+-@", t[0]) < 0 {
		return false
	}
	return !number(t)
}

// number reports whether s is [+-]?(digits[.digits*]|.digits)([eE][+-]?digits)?,
// or "+Inf", "-Inf" or "NaN" (strconv.FormatFloat's forms).
func number(s string) bool {
	switch s {
	case "+Inf", "-Inf", "NaN":
		return true
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
