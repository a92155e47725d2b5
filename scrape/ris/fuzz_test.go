package ris

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// FuzzExtract: the reader never panics, stops on its own, and what it
// reports has a line; records from valid UTF-8 hold valid UTF-8. The seeds
// are the starts of the test files.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil || len(b) == 0 {
			continue
		}
		f.Add(b[:min(len(b), 4096)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		err := Reader{}.Extract(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
			n++
			r.Normalize()
			if utf8.Valid(data) && (!utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract)) {
				t.Fatalf("invalid UTF-8 in record %+v", r)
			}
			return nil
		})
		if n > len(data) {
			t.Fatalf("%d records from %d bytes", n, len(data))
		}
		var se *SyntaxError
		if err != nil && errors.As(err, &se) && se.Line < 1 {
			t.Fatalf("error without a line: %v", err)
		}
	})
}
