package scrape_test

import (
	"errors"
	"testing"

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
