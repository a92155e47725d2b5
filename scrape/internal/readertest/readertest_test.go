package readertest

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// lineReader is a toy reader: one record per non-empty line, its text the
// title and the DOI; a line "!" is a problem on that line.
type lineReader struct{}

type lineError struct{ Line int }

func (e *lineError) Error() string { return "bad line" }

func (lineReader) Extract(_ context.Context, r io.Reader, emit func(graph.Record) error) error {
	b, _ := io.ReadAll(r)
	for i, l := range strings.Split(string(b), "\n") {
		switch l {
		case "":
			continue
		case "!":
			return &lineError{Line: i + 1}
		}
		if err := emit(graph.Record{Title: "  " + l + " ", DOI: l}); err != nil {
			return err
		}
	}
	return nil
}

func TestRead(t *testing.T) {
	recs, err := Read(lineReader{}, []byte("a\n10.1234/x\n!"))
	var le *lineError
	if !errors.As(err, &le) || le.Line != 3 {
		t.Fatalf("error %v, want the problem on line 3", err)
	}
	// Normalised: titles trimmed, the DOI that is none dropped.
	if len(recs) != 2 || recs[0].Title != "a" || recs[0].DOI != "" || recs[1].DOI != "10.1234/x" {
		t.Fatalf("records %+v", recs)
	}
}

func TestCount(t *testing.T) {
	recs := []graph.Record{
		{DOI: "10.1/a", Year: 2001, Authors: []graph.Author{{Family: "A"}, {Family: "B"}},
			References: []graph.Reference{{DOI: "10.1/b"}, {Raw: "no DOI"}}},
		{Authors: []graph.Author{{Family: "C"}}, References: []graph.Reference{{DOI: "10.1/c"}}},
	}
	// By hand: 2 records, 1 with a DOI, 3 authors, 1 year, 3 references, 2 with a DOI.
	if got, want := Count(recs), (Counts{Works: 2, DOIs: 1, Authors: 3, Years: 1, Refs: 3, RefDOIs: 2}); got != want {
		t.Fatalf("Count = %+v, want %+v", got, want)
	}
}

func TestCountingReader(t *testing.T) {
	cr := &CountingReader{R: strings.NewReader("twelve bytes")}
	if b, err := io.ReadAll(cr); err != nil || string(b) != "twelve bytes" || cr.N != 12 {
		t.Fatalf("read %q, %v; counted %d", b, err, cr.N)
	}
}

func FuzzCheckExtract(f *testing.F) {
	f.Add([]byte("a\n!\nb"))
	f.Fuzz(func(t *testing.T, data []byte) {
		CheckExtract(t, lineReader{}, data, func(e *lineError) int { return e.Line })
	})
}

func FuzzCheckDecode(f *testing.F) {
	f.Add([]byte("a\n10.1/x\n!"))
	f.Fuzz(func(t *testing.T, data []byte) {
		CheckDecode(t, data, lineReader{}.Extract, func(r graph.Record) {
			if r.ID == "" {
				t.Fatalf("record not normalised: %+v", r)
			}
		})
	})
}
