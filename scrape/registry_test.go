package scrape

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/citegraph/citegraph/graph"
)

// lineFormat is a stream format for the tests: a first line "LINES", then
// one title per line; a line "BAD" is malformed.
type lineFormat struct{}

func (lineFormat) Name() string { return "lines" }

func (lineFormat) Sniff(head []byte) bool { return strings.HasPrefix(string(head), "LINES\n") }

type posErr struct{ line int }

func (e posErr) Error() string             { return "malformed line" }
func (e posErr) Position() (line, col int) { return e.line, 1 }

func (lineFormat) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	sc := bufio.NewScanner(r)
	var errs []error
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue
		}
		if sc.Text() == "BAD" {
			errs = append(errs, posErr{n})
			continue
		}
		if err := emit(graph.Record{Title: sc.Text(), Source: graph.Source{Line: n}}); err != nil {
			return err
		}
	}
	return errors.Join(errs...)
}

func testRegistry() *Registry {
	r := Default()
	r.RegisterStream(lineFormat{})
	return r
}

func TestStreamFormat(t *testing.T) {
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("LINES\nSchröder\n")
	cp1252, _ := charmap.Windows1252.NewEncoder().String("LINES\nSchröder\n")
	for name, in := range map[string]string{
		"utf-8": "LINES\nSchröder\n", "bom": "\ufeffLINES\nSchröder\n", "utf-16": utf16, "windows-1252": cp1252,
	} {
		t.Run(name, func(t *testing.T) {
			recs, err := testRegistry().Extract(context.Background(), "x.lines", strings.NewReader(in), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].Title != "Schröder" || recs[0].Source != (graph.Source{Path: "x.lines", Format: "lines", Line: 2}) || recs[0].ID == "" {
				t.Errorf("records %+v", recs)
			}
		})
	}
}

func TestStreamErrors(t *testing.T) {
	recs, err := testRegistry().Extract(context.Background(), "x.lines", strings.NewReader("LINES\na\nBAD\nb\n"), "")
	var se *Error
	if !errors.As(err, &se) || se.Line != 3 || se.Col != 1 || se.Format != "lines" {
		t.Fatalf("error %#v", err)
	}
	if err.Error() != "scrape: x.lines:3:1: lines: malformed line" {
		t.Errorf("message %q", err)
	}
	if len(recs) != 2 {
		t.Errorf("%d records; the good lines around a bad one must stand", len(recs))
	}
	// An error from emit stops the source and comes back as it is.
	stop := errors.New("stop")
	err = testRegistry().ExtractTo(context.Background(), "x", strings.NewReader("LINES\na\nb\n"), "", func(graph.Record) error { return stop })
	if err != stop {
		t.Errorf("emit's error came back as %v", err)
	}
	// Forcing a format that does not fit.
	recs, err = testRegistry().Extract(context.Background(), "x", strings.NewReader("not lines\nA title\n"), "lines")
	if err != nil || len(recs) != 1 {
		t.Errorf("forced format on other text: %d records, %v (lineFormat reads any lines)", len(recs), err)
	}
}

// TestStreamBoundedMemory streams 200,000 records through the registry
// without holding them: the reader is consumed as records are emitted.
func TestStreamBoundedMemory(t *testing.T) {
	const n = 200000
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprintln(pw, "LINES")
		for i := range n {
			fmt.Fprintf(pw, "title %d\n", i)
		}
		pw.Close()
	}()
	count := 0
	err := testRegistry().ExtractTo(context.Background(), "big", pr, "", func(r graph.Record) error {
		count++
		return nil
	})
	if err != nil || count != n {
		t.Errorf("%d records, %v", count, err)
	}
}

func TestStreamCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := testRegistry().ExtractTo(ctx, "x", strings.NewReader("LINES\na\nb\nc\n"), "", func(graph.Record) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("%d records, %v", n, err)
	}
}

// Saved pages are often UTF-8 without saying so; the HTML5 sniffer's
// fallback (Windows-1252) would turn "Jumper’s" into "Jumperâ€™s". A declared
// charset still wins.
func TestNewPageCharset(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  []byte
		want string
	}{
		{"undeclared UTF-8", []byte("<html><body><p>Jumper’s AlphaFold – Müller</p></body></html>"), "Jumper’s AlphaFold – Müller"},
		{"declared latin-1", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>M\xfcller</p></body></html>"), "Müller"},
		{"undeclared, not UTF-8", []byte("<html><body><p>M\xfcller</p></body></html>"), "Müller"},
	} {
		p, err := NewPage(tc.name, tc.raw)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := strings.Join(p.texts(), "\n"); got != tc.want {
			t.Errorf("%s: text %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestForcedFormatReadsNothing (issue 16, hostile item 6): a source read
// in a format the user named that gives no record with a title, an
// identifier or an author is an error naming the file and the format,
// not a heap of empty records and success. The reproduction is the
// issue's: --format scopus-csv on the Scopus RIS export gave 1,157 empty
// records (one a line of the file: a CSV reader takes each line for a
// row) and exit 0.
func TestForcedFormatReadsNothing(t *testing.T) {
	const file = "ris/testdata/ris_scopus_6records_with_references.ris"
	for _, c := range []struct {
		format string
		want   string // in the error
	}{
		{"scopus-csv", "scopus-csv: nothing read as scopus-csv: 1157 records, none with a title, an identifier or an author; the source looks like ris"},
		{"lens-csv", "nothing read as lens-csv"},
		{"bibtex", "nothing read as bibtex: no record; the source looks like ris"},
		{"csljson", "nothing read as csljson: no record"},
		{"openalex-csv", "nothing read as openalex-csv"},
		{"scite", "nothing read as scite"}, // a page format
	} {
		t.Run(c.format, func(t *testing.T) {
			recs, err := Default().ExtractFile(context.Background(), file, c.format)
			var se *Error
			if len(recs) != 0 || !errors.As(err, &se) || !errors.Is(err, ErrNothingRead) || se.Path != file || se.Format != c.format ||
				!strings.Contains(err.Error(), c.want) {
				t.Fatalf("%d records, error %v; want none and %q", len(recs), err, c.want)
			}
		})
	}
	// The format it is in still reads it all.
	if recs, err := Default().ExtractFile(context.Background(), file, "ris"); err != nil || len(recs) != 6 {
		t.Errorf("as ris: %d records, error %v; want 6", len(recs), err)
	}
	// A page read as a stream format: the hint says what it is.
	_, err := Default().Extract(context.Background(), "p.html", strings.NewReader("<!DOCTYPE html><html><body><p>Hello</p></body></html>"), "ris")
	if !errors.Is(err, ErrNothingRead) || !strings.Contains(err.Error(), "looks like an HTML page") {
		t.Errorf("page as ris: %v", err)
	}
}

// TestForcedFormatKeepsRecords: under a named format the records that
// describe a work are read as detection reads them; those that hold
// nothing (here a line the test format reads as an empty title) are left
// out, and the source is not an error.
func TestForcedFormatKeepsRecords(t *testing.T) {
	in := "LINES\nA\n\nB\n"
	recs, err := testRegistry().Extract(context.Background(), "x", strings.NewReader(in), "lines")
	if err != nil || len(recs) != 2 || recs[0].Title != "A" || recs[1].Title != "B" {
		t.Errorf("%d records %v, error %v; want A and B", len(recs), recs, err)
	}
	// A syntax error and nothing read from text no format recognises:
	// the error says both, and keeps the reader's error.
	recs, err = testRegistry().Extract(context.Background(), "x", strings.NewReader("other\nBAD\n"), "lines")
	var pe posErr
	if len(recs) != 0 || !errors.Is(err, ErrNothingRead) || !errors.As(err, &pe) ||
		err.Error() != "scrape: x: lines: nothing read as lines: no record; no format recognises the source (first problem at line 2: malformed line)" {
		t.Errorf("%d records, error %v", len(recs), err)
	}
	// In the format detection finds, nothing read and a problem: the
	// problem, as detection reports it.
	_, err = testRegistry().Extract(context.Background(), "x", strings.NewReader("LINES\nBAD\n"), "lines")
	if errors.Is(err, ErrNothingRead) || !errors.As(err, &pe) {
		t.Errorf("error %v", err)
	}
	// An emit error is returned as it is.
	stop := errors.New("stop")
	err = testRegistry().ExtractTo(context.Background(), "x", strings.NewReader(in), "lines", func(graph.Record) error { return stop })
	if err != stop {
		t.Errorf("emit error: %v", err)
	}
}

// TestForcedPageFormatOnPage: a page format named for an HTML page that
// it reads nothing from reports its own problem (a page without
// scholarly metadata), not a hint that the source is a page.
func TestForcedPageFormatOnPage(t *testing.T) {
	_, err := Default().Extract(context.Background(), "p.html", strings.NewReader("<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>"), "htmlmeta")
	if err == nil || strings.Contains(err.Error(), "looks like an HTML page") {
		t.Errorf("error %v", err)
	}
}

// TestListFilesSkipsDocumentation: a folder of exports with its notes
// (testdata/review has a README.md; every folder of ../shared/data a
// MANIFEST.md or README.md) lists only the exports, so the notes are not
// failed sources; a note named on the command line is read as asked.
func TestListFilesSkipsDocumentation(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"README.md", "MANIFEST.md", "LICENSE", "licence.txt", "notes.MD", "search.ris", "readme_search.ris", "README.ris", "cora.README"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ListFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	// README.ris is an export named so, cora.README no text name: both read.
	want := []string{filepath.Join(dir, "README.ris"), filepath.Join(dir, "cora.README"), filepath.Join(dir, "readme_search.ris"), filepath.Join(dir, "search.ris")}
	if !slices.Equal(got, want) {
		t.Errorf("ListFiles = %q, want %q", got, want)
	}
	if got, _ := ListFiles(filepath.Join(dir, "README.md")); len(got) != 1 {
		t.Errorf("a README named on its own: %q", got)
	}
}
