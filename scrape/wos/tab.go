package wos

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/lines"
)

// Tab reads the Web of Science tab-delimited export ("Tab delimited file"):
// a header line of field tags ("PT", "AU", "BA" …) and one record per line,
// its cells in the header's order. Multi-valued cells (AU, AF, CR, C1, OI)
// separate values with "; ". Cited references (CR) become References.
type Tab struct{}

// Name returns "wos-tab".
func (Tab) Name() string { return "wos-tab" }

// Sniff reports whether the first line is a header of tags starting with
// PT and naming AU and TI.
func (Tab) Sniff(head []byte) bool {
	first, _, _ := bytes.Cut(head, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	if !bytes.HasPrefix(first, []byte("PT\t")) {
		return false
	}
	cols := bytes.Split(first, []byte("\t"))
	au, ti := false, false
	for _, c := range cols {
		switch string(bytes.TrimSpace(c)) {
		case "AU":
			au = true
		case "TI":
			ti = true
		}
	}
	return au && ti
}

// multi are the tags whose cells hold several "; "-separated values, each
// of which the plain-text format puts on a line of its own.
var multi = map[string]bool{"AU": true, "AF": true, "BA": true, "BF": true, "CA": true, "CR": true, "C1": true, "BE": true}

// Extract reads the header and then one record per line. A line with more
// cells than the header is reported and read as far as the header goes.
func (Tab) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	lr := lines.NewReader(rd)
	head, _, err := lr.Next()
	if err == io.EOF {
		return &SyntaxError{Line: 1, Msg: "no header line"}
	}
	if err != nil {
		return err
	}
	var cols []string
	for c := range strings.SplitSeq(string(head), "\t") {
		cols = append(cols, strings.TrimSpace(c))
	}
	var l lines.Loop
	return l.Run(ctx, lr, &rows{cols: cols, emit: emit})
}

// rows is the record loop's rules for the tab-delimited export: a record
// a line, its cells in the header's columns.
type rows struct {
	cols []string
	emit func(graph.Record) error
}

func (f *rows) Line(l *lines.Loop, line []byte, n int) error {
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	cols := f.cols
	cells := strings.Split(string(line), "\t")
	if len(cells) > len(cols) {
		extra := cells[len(cols):]
		if strings.TrimSpace(strings.Join(extra, "")) != "" {
			l.Report(n, "%d cells, the header has %d", len(cells), len(cols))
		}
		cells = cells[:len(cols)]
	}
	rec := fields{}
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" || cols[i] == "" {
			continue
		}
		if multi[cols[i]] {
			for v := range strings.SplitSeq(c, "; ") {
				if v = strings.TrimSpace(v); v != "" {
					rec[cols[i]] = append(rec[cols[i]], v)
				}
			}
			continue
		}
		rec[cols[i]] = []string{c}
	}
	if len(rec) == 0 {
		return nil
	}
	return f.emit(rec.record(n))
}

func (f *rows) End(*lines.Loop) error { return nil }
