package bibtex

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
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
	golden := filepath.Join("testdata", "records.bib.golden")
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

func TestEscape(t *testing.T) {
	r := graph.Record{Type: "article-journal", Title: "50% of {R&D} costs $1_000 #1 ~ca. \\n^2", Authors: []graph.Author{{Family: "Smith and Sons"}, {Family: "Doe", Given: "J."}}, Year: 2001, Pages: "5-9", URL: "http://x.org/a_b%20c~d"}
	out := string(write(t, []graph.Record{r}))
	want := "@article{Smithandsons2001rd,\n" +
		"  author = {{Smith and Sons} and Doe, J.},\n" +
		"  title = {50\\% of \\{R\\&D\\} costs \\$1\\_000 \\#1 \\textasciitilde{}ca. \\textbackslash{}n\\textasciicircum{}2},\n" +
		"  year = {2001},\n" +
		"  pages = {5--9},\n" +
		"  url = {http://x.org/a_b%20c~d},\n" +
		"}\n\n"
	if out != want {
		t.Errorf("output =\n%s\nwant\n%s", out, want)
	}
}

func TestKeys(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	r := graph.Record{Title: "The Ångström test", Authors: []graph.Author{{Family: "Müller-Lüdenscheidt"}}, Year: 2020}
	var keys []string
	for range 3 {
		keys = append(keys, w.key(&r))
	}
	if want := []string{"Mullerludenscheidt2020angstrom", "Mullerludenscheidt2020angstroma", "Mullerludenscheidt2020angstromb"}; strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("keys = %q, want %q", keys, want)
	}
}

// TestCitationJS: citation-js reads back every record with the fields a
// reviewer relies on.
func TestCitationJS(t *testing.T) {
	recs := records(t)
	encodingtest.CheckCitationJS(t, "bibtex", write(t, recs), recs)
}
