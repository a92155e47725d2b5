package output

import (
	"io"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/bibtex"
	"github.com/citegraph/citegraph/graph/encoding/csljson"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
	"github.com/citegraph/citegraph/graph/encoding/ris"
)

// RecordFormats are the formats records are written in (citegraph extract
// --to), the default first: JSON Lines (the records contract), RIS,
// BibTeX and CSL-JSON for reference managers and screening tools.
var RecordFormats = []string{"jsonl", "ris", "bibtex", "csljson"}

// RecordWriter writes records one by one; Close ends the file (a
// CSL-JSON array's bracket) and flushes it.
type RecordWriter interface {
	Write(*graph.Record) error
	Close() error
}

// NewRecordWriter returns the writer of format (one of RecordFormats;
// anything else is JSON Lines) on w.
func NewRecordWriter(format string, w io.Writer) RecordWriter {
	switch format {
	case "ris":
		return ris.NewWriter(w)
	case "bibtex":
		return bibtex.NewWriter(w)
	case "csljson":
		return csljson.NewWriter(w)
	}
	return jsonlWriter{jsonl.NewWriter(w)}
}

// jsonlWriter gives the JSON Lines writer the Close of the others.
type jsonlWriter struct{ *jsonl.Writer }

func (w jsonlWriter) Close() error { return w.Flush() }
