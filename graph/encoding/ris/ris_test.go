package ris

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// records reads testdata/records.jsonl: records citegraph extracted from
// real exports (see testdata/README.md).
func records(t *testing.T) []graph.Record {
	t.Helper()
	f, err := os.Open("testdata/records.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := jsonl.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func write(t *testing.T, recs []graph.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b)
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	got := write(t, records(t))
	if again := write(t, records(t)); !bytes.Equal(got, again) {
		t.Fatal("output differs between two runs")
	}
	golden := filepath.Join("testdata", "records.ris.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it; review the diff)", golden)
	}
}

func TestNoBreaksInValues(t *testing.T) {
	r := graph.Record{Title: "A\ntitle", Abstract: "line one\r\nline two", Pages: "5"}
	out := string(write(t, []graph.Record{r}))
	want := "TY  - GEN\r\nTI  - A title\r\nSP  - 5\r\nAB  - line one line two\r\nER  - \r\n\r\n"
	if out != want {
		t.Errorf("output = %q, want %q", out, want)
	}
}

// TestCitationJS: citation-js reads back every record with the fields a
// reviewer relies on.
func TestCitationJS(t *testing.T) {
	recs := records(t)
	encodingtest.CheckCitationJS(t, "ris", write(t, recs), recs)
}
