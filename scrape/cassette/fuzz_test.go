package cassette

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzRead feeds any bytes to Read: it must not panic, must give the same
// records twice, and every error must be a joined list of *Error.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	readertest.AddShrunk(f, "testdata/*.yaml", readertest.ShrinkYAMLBodies) // the whole files are read by go test, too large to explore
	f.Add([]byte("interactions:\n- request: {uri: 'https://api.crossref.org/works/x'}\n  response:\n    status: {code: 200}\n    body: {string: '{\"DOI\":\"10.1/a\",\"reference-count\":0,\"title\":[\"A\"]}'}\n"))
	f.Add([]byte("http_interactions:\n- &a\n  request: {uri: x}\n  response: {body: {base64_string: eyJ9}}\n- *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if readertest.TooLargeToFuzz(len(data)) {
			return
		}
		run := func() ([]byte, error) {
			var out bytes.Buffer
			err := Read(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
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
		if errA != nil {
			var e *Error
			if !errors.As(errA, &e) {
				t.Fatalf("error %v is not an *Error", errA)
			}
		}
	})
}
