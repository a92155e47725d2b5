package sciteapi

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice and must place every problem at a line and column.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(paperAnswer))
	f.Add([]byte(`{"papers":{"10.1/a":null,"10.1/b":{"title":"B","authors":[{"authorSequenceNumber":"2"},{"authorName":"A B"}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		run := func() ([]byte, error) {
			var out bytes.Buffer
			err := Decode(context.Background(), bytes.NewReader(data), Options{Cited: &graph.Reference{DOI: "10.1/c"}}, func(r graph.Record) error {
				r.Normalize()
				b, err := graph.MarshalRecordJSON(&r)
				if err != nil {
					t.Fatal(err)
				}
				out.Write(b)
				return nil
			})
			return out.Bytes(), err
		}
		a, errA := run()
		b, errB := run()
		if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) {
			t.Fatalf("two readings differ")
		}
		var se *SyntaxError
		if errors.As(errA, &se) && (se.Line < 1 || se.Col < 1) {
			t.Fatalf("error at %d:%d: %v", se.Line, se.Col, errA)
		}
	})
}
