package openalex

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

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice, must place every problem at a line and column, and
// its records must normalise.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","abstract_inverted_index":{"a":[0,-1,99999],"b":[1]},"authorships":[{"author":{"display_name":"A B","orcid":"x"}}]}]}`))
	f.Add([]byte(`{"id":"W1","publication_date":"2020-1","biblio":{"first_page":1,"last_page":"2"}}` + "\n" + `{"id":"https://openalex.org/A1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		run := func() ([]byte, error) {
			var out bytes.Buffer
			err := Decode(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
				r.Normalize()
				if !utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract) {
					t.Fatalf("invalid UTF-8 in %+v", r)
				}
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
