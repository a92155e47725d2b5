package scrape

import (
	"errors"
	"fmt"
	"strings"
)

// SourceReport is what gathering one source gave: its path, the format it
// was read as, the database that produced it (when the format says), the
// records read and the problems met, each an error naming its line when
// known (an *Error).
type SourceReport struct {
	Path     string
	Format   string
	Database string
	Records  int
	Problems []error
}

// Databases names the database behind an export format, for the report.
var Databases = map[string]string{
	"wos": "Web of Science", "wos-tab": "Web of Science", "scopus-csv": "Scopus", "lens-csv": "Lens",
	"openalex-csv": "OpenAlex", "openalex-api": "OpenAlex", "embase-csv": "Embase", "medline": "PubMed/MEDLINE",
	"ovid": "Ovid", "proquest-export": "ProQuest", "crossref-api": "Crossref", "semanticscholar-api": "Semantic Scholar",
	"scite-api": "scite", "opencitations": "OpenCitations",
}

// Report is the per-source report of a gathering stage (extract, run,
// ingest, analyse): every source in the order read. The zero value is
// ready; Add fits Visitor.Done.
type Report struct {
	Sources []SourceReport
}

// Add records a source: its path, the records it gave and its error (nil,
// or the error that stopped or marred it). A source that gave records
// before its error was read in part.
func (r *Report) Add(path string, records int, err error) {
	sr := SourceReport{Path: path, Records: records}
	var se *Error
	if errors.As(err, &se) {
		sr.Format = se.Format
	}
	sr.Database = Databases[sr.Format]
	if err != nil {
		sr.Problems = append(sr.Problems, err)
	}
	r.Sources = append(r.Sources, sr)
}

// Done is Add as a Visitor.Done.
func (r *Report) Done(path string, records int, err error) error {
	r.Add(path, records, err)
	return nil
}

// Counts returns the sources, those with problems, those that gave no
// record because of them (failed), the records read and the lines skipped
// (problems with a line in sources read in part).
func (r *Report) Counts() (sources, problems, failed, records, skipped int) {
	for _, s := range r.Sources {
		sources++
		records += s.Records
		if len(s.Problems) == 0 {
			continue
		}
		problems++
		if s.Records == 0 {
			failed++
			continue
		}
		for _, p := range s.Problems {
			skipped += skippedLines(p)
		}
	}
	return
}

// skippedLines counts the positioned problems in err: an *Error with a
// line is one, or as many as the problems it joins (a reader reports the
// malformed parts of a source read in part together, each with its
// line).
func skippedLines(err error) int {
	var se *Error
	if !errors.As(err, &se) {
		return 0
	}
	if j, ok := se.Err.(interface{ Unwrap() []error }); ok {
		n := 0
		for _, e := range j.Unwrap() {
			var pos interface{ Position() (int, int) }
			if errors.As(e, &pos) {
				if l, _ := pos.Position(); l > 0 {
					n++
				}
			}
		}
		if n > 0 {
			return n
		}
	}
	if se.Line > 0 {
		return 1
	}
	return 0
}

// PartialError says that some sources had problems but the others, or
// parts of them, were read: a partial success (citegraph exits 3).
type PartialError struct {
	Summary string
}

func (e *PartialError) Error() string { return e.Summary }

// Err is nil when every source was read without a problem, a
// *PartialError when some had problems but records were read ("1 of 1
// sources had problems: 34 records read, 1 line skipped"), and a plain
// error when no source gave a record.
func (r *Report) Err() error {
	sources, problems, failed, records, skipped := r.Counts()
	switch {
	case problems == 0:
		return nil
	case records == 0 && failed == sources:
		return fmt.Errorf("none of the %d sources could be read (see the messages above)", sources)
	}
	parts := []string{plural(records, "record", "records") + " read"}
	if skipped > 0 {
		parts = append(parts, plural(skipped, "line", "lines")+" skipped")
	}
	if failed > 0 {
		parts = append(parts, plural(failed, "source", "sources")+" not read at all")
	}
	return &PartialError{Summary: fmt.Sprintf("%d of %d sources had problems: %s", problems, sources, strings.Join(parts, ", "))}
}

// plural is "1 record", "2 records".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
