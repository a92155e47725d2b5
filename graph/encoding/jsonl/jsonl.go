package jsonl

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/citegraph/citegraph/graph"
)

// Writer writes records, one JSON object per line.
type Writer struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewWriter returns a Writer on w. Call Flush when done.
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &Writer{w: bw, enc: enc}
}

// Write writes one record. The record should have gone through
// graph.Record.Normalize so that its arrays are never null.
func (w *Writer) Write(r *graph.Record) error {
	return w.enc.Encode(r)
}

// Flush writes buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// MaxLine is the longest line ReadAll reads: one record, as the readers'
// limit of one JSON value read whole (32 MiB), so that memory stays
// bounded on any input.
const MaxLine = 32 << 20

// ReadAll reads records written by Writer. A line that is not a record, or
// is longer than MaxLine, is an error naming its line number.
func ReadAll(r io.Reader) ([]graph.Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
	var out []graph.Record
	n := 1
	for ; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var rec graph.Record
		if err := json.Unmarshal(line, &rec); err != nil {
			return out, fmt.Errorf("jsonl: line %d: %w", n, err)
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("jsonl: line %d: %w (at most %d MiB)", n, err, MaxLine>>20)
	}
	return out, nil
}
