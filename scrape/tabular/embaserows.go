package tabular

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Embase.com writes its CSV export in two layouts: fields in columns (a
// header row, a row per record; Embase's Extract reads it with readCSV)
// and fields in rows, where each line is a field, its upper-case name
// first and its values after it ("TITLE","…" / "AUTHOR NAMES","Behan
// L.","Rubbo B."), each record starts at its TITLE line and the lines
// before the first TITLE (the export's header, the query) are not a
// record; a line without a field name continues the field before. This
// file reads the second layout.

// embaseRowFields maps the field names of the rows layout to the column
// names of the columns layout, which embaseRow reads.
var embaseRowFields = map[string]string{
	"ORIGINAL (NON-ENGLISH) TITLE": "Original Title", "PMID": "Medline PMID",
}

func init() {
	for _, c := range []string{"Title", "Original Title", "Author Names", "Author Addresses", "Correspondence Address",
		"Editors", "AiP/IP Entry Date", "Full Record Entry Date", "Source", "Source title", "Publication Year", "Volume",
		"Issue", "First Page", "Last Page", "Date of Publication", "Publication Type", "Conference Name",
		"Conference Location", "Conference Date", "Conference Editors", "ISSN", "ISBN", "Book Publisher", "Abstract",
		"Original Abstract", "Author Keywords", "Emtree Drug Index Terms (Major Focus)", "Emtree Drug Index Terms",
		"Emtree Medical Index Terms (Major Focus)", "Emtree Medical Index Terms", "CAS Registry Numbers",
		"Embase Classification", "Clinical Trial Numbers", "Article Language", "Summary Language", "Embase Accession ID",
		"Medline PMID", "PUI", "DOI", "Full Text Link", "Embase Link", "Open URL Link", "Copyright"} {
		embaseRowFields[strings.ToUpper(c)] = c
	}
}

// embaseRowsJoin is how the values of a field written over several cells
// or lines are joined: names and index terms as lists, text with a space.
var embaseRowsJoin = map[string]string{
	"Author Names": ", ", "Author Keywords": "; ", "Emtree Drug Index Terms": "; ", "Emtree Medical Index Terms": "; ",
	"Emtree Drug Index Terms (Major Focus)": "; ", "Emtree Medical Index Terms (Major Focus)": "; ", "Author Addresses": "; ",
}

// embaseFieldsInRows reports whether head is Embase.com's rows layout:
// among its first 40 lines, a TITLE line and at least three lines of
// known field names, which are most of the lines.
func embaseFieldsInRows(head []byte) bool {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(head, []byte("\uFEFF"))))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	known, lines, title := 0, 0, false
	seen := map[string]bool{}
	for lines < 40 {
		cells, err := cr.Read()
		if err != nil {
			break // the end of head, which may cut a line
		}
		lines++
		name := strings.TrimSpace(cells[0])
		if _, ok := embaseRowFields[name]; ok {
			known++
			seen[name] = true
			title = title || name == "TITLE"
		}
	}
	return title && len(seen) >= 3 && known*2 >= lines
}

// readEmbaseRows reads the rows layout: a record per TITLE line.
func readEmbaseRows(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	g := &guard{r: rd}
	cr := csv.NewReader(g)
	cr.FieldsPerRecord = -1
	var cur *embaseBlock
	stopped := false // emit failed: nothing more is emitted
	flush := func() error {
		b := cur
		cur = nil
		if b == nil || b.query() {
			return nil
		}
		err := emit(embaseRow(b.row(), b.line))
		stopped = err != nil
		return err
	}
	err := eachRow(ctx, g, cr, func(cells []string, line int) error {
		name := strings.TrimSpace(strings.TrimPrefix(cells[0], "\uFEFF"))
		switch col, known := embaseRowFields[name]; {
		case strings.Trim(name, "-") == "" && len(name) >= 5: // a line of dashes between records
			if err := flush(); err != nil {
				return err
			}
		case name == "TITLE":
			if err := flush(); err != nil {
				return err
			}
			cur = &embaseBlock{line: line, fields: map[string][]string{}}
			cur.add(col, cells[1:])
		case cur == nil: // the export's header, before the first record
		case known:
			cur.add(col, cells[1:])
		case name != "" && name == strings.ToUpper(name) && strings.ToLower(name) != name:
			cur.last = "" // a field citegraph does not read
		default:
			if cur.last != "" {
				cur.add(cur.last, cells) // a line continuing the field before
			}
		}
		return nil
	})
	if stopped || ctx.Err() != nil {
		return err
	}
	if ferr := flush(); ferr != nil {
		return ferr
	}
	return err
}

// embaseBlock is one record of the rows layout: its fields' values by
// column name, in order.
type embaseBlock struct {
	line   int
	fields map[string][]string
	order  []string
	last   string
}

func (b *embaseBlock) add(col string, cells []string) {
	if _, ok := b.fields[col]; !ok {
		b.order = append(b.order, col)
		b.fields[col] = nil
	}
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			b.fields[col] = append(b.fields[col], c)
		}
	}
	b.last = col
}

// query reports whether the block is the search the export repeats
// before its records: a parenthesised Boolean query as its only field.
func (b *embaseBlock) query() bool {
	t := strings.Join(b.fields["Title"], " ")
	return len(b.order) == 1 && strings.HasPrefix(t, "(") && (strings.Contains(t, " OR ") || strings.Contains(t, " AND "))
}

// row returns the block as a row of the columns layout.
func (b *embaseBlock) row() row {
	r := row{cols: make(map[string]int, len(b.order))}
	for i, col := range b.order {
		sep, ok := embaseRowsJoin[col]
		if !ok {
			sep = " "
		}
		r.cols[col] = i
		r.cells = append(r.cells, strings.Join(b.fields[col], sep))
	}
	return r
}
