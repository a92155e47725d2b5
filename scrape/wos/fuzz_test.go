package wos

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzExtract: the reader never panics, stops on its own, and what it
// reports has a line; records from valid UTF-8 hold valid UTF-8. The seeds
// are the starts of the test files.
func FuzzExtract(f *testing.F) {
	readertest.AddSeeds(f, "testdata/*")
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckExtract(t, Plain{}, data, func(e *SyntaxError) int { return e.Line })
	})
}

// FuzzTab: the tab-delimited reader never panics.
func FuzzTab(f *testing.F) {
	f.Add([]byte("PT\tAU\tTI\tCR\nJ\tDoe, J; Roe, R\tA title\tX Y, 2001, J, V1, P2\n"))
	f.Add([]byte("PT\tAU\tTI\n\t\t\t\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Tab{}.Extract(context.Background(), bytes.NewReader(data), func(graph.Record) error { return nil })
	})
}

// FuzzParseCitedReference: never panics, always keeps the input as Raw.
func FuzzParseCitedReference(f *testing.F) {
	for _, s := range []string{"Eells E, 1991, PROBABILISTIC CAUSAL", "Zupic I, 2015, ORGAN RES METHODS, V18, P429, DOI [10.1177/1, 10.1016/2]", "*AQUA, X", ", , ,", "DOI [", "V, P, DOI"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r := ParseCitedReference(s); r.Raw != strings.TrimSpace(s) {
			t.Fatalf("Raw = %q, want %q", r.Raw, s)
		}
	})
}
