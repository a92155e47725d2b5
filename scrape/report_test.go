package scrape_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/edgelist"
	"github.com/citegraph/citegraph/scrape"
)

// TestReportErr: the summary counts by hand what Add was told.
func TestReportErr(t *testing.T) {
	bad := &scrape.Error{Path: "a.isi", Format: "wos", Line: 416, Err: errors.New("not a field")}
	for _, tt := range []struct {
		name    string
		add     func(r *scrape.Report)
		want    string
		partial bool
	}{
		{"all good", func(r *scrape.Report) { r.Add("a", 3, nil) }, "", false},
		{"read in part", func(r *scrape.Report) { r.Add("a.isi", 34, bad) },
			"1 of 1 sources had problems: 34 records read, 1 line skipped", true},
		// A source whose reader joins two positioned problems skipped
		// two lines, not one (issue 16: a BibTeX file with two broken
		// entries said "1 line skipped").
		{"two problems joined", func(r *scrape.Report) {
			r.Add("a.bib", 2, &scrape.Error{Path: "a.bib", Format: "bibtex", Line: 1, Err: errors.Join(posErr{1}, posErr{3})})
		}, "1 of 1 sources had problems: 2 records read, 2 lines skipped", true},
		{"one unreadable beside a good one", func(r *scrape.Report) {
			r.Add("a", 1, nil)
			r.Add("b", 0, errors.New("empty file"))
		}, "1 of 2 sources had problems: 1 record read, 1 source not read at all", true},
		{"none readable", func(r *scrape.Report) { r.Add("b", 0, errors.New("empty file")) },
			"none of the 1 sources could be read (see the messages above)", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r scrape.Report
			tt.add(&r)
			err := r.Err()
			var pe *scrape.PartialError
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Err = %v, want nil", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("Err = %v, want %q", err, tt.want)
			case tt.want != "" && errors.As(err, &pe) != tt.partial:
				t.Errorf("partial = %v, want %v", !tt.partial, tt.partial)
			}
		})
	}
	var r scrape.Report
	r.Add("a.isi", 34, bad)
	if s := r.Sources[0]; s.Format != "wos" || s.Database != "Web of Science" || s.Records != 34 || len(s.Problems) != 1 {
		t.Errorf("source report %+v", s)
	}
}

// posErr is a reader's problem at a line.
type posErr struct{ line int }

func (e posErr) Error() string             { return "malformed" }
func (e posErr) Position() (line, col int) { return e.line, 1 }

// TestReadInputsCountsEdgeLists: an edge list and a RIS file read in part
// (its record has no ER). The report counts both sources, as Inputs.Total
// does: run over ../shared/data said "read 94 sources" and then "15 of 89
// sources had problems", the edge lists left out of the second count.
func TestReadInputsCountsEdgeLists(t *testing.T) {
	dir := t.TempDir()
	// The layout of SNAP's cit-HepTh.txt: comment lines, then tab-separated
	// pairs of paper IDs (hand-made: three citations).
	if err := os.WriteFile(filepath.Join(dir, "cit-Test.txt"), []byte("# Directed graph\n# FromNodeId\tToNodeId\n1001\t1002\n1001\t1003\n1002\t1003\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.ris"), []byte("TY  - JOUR\nTI  - never ended\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ga := scrape.NewGathering(nil, nil)
	in, err := scrape.ReadInputs(context.Background(), []string{dir}, "", edgelist.OrderFor, scrape.Default(), ga)
	if err != nil {
		t.Fatal(err)
	}
	ga.End()
	sources, problems, failed, _, _ := ga.Report.Counts()
	if in.Lists != 1 || in.Total != 2 || sources != in.Total || problems != 1 || failed != 0 || in.Failed != 0 {
		t.Errorf("lists %d, total %d, failed %d; report: %d sources, %d with problems, %d failed; want 1, 2, 0; 2, 1, 0",
			in.Lists, in.Total, in.Failed, sources, problems, failed)
	}
	var partial *scrape.PartialError
	if err := ga.Report.Err(); !errors.As(err, &partial) || !strings.Contains(err.Error(), "1 of 2 sources") {
		t.Errorf("Err() = %v, want a partial success over 2 sources", err)
	}
}
