package scrape

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
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
	_, err = testRegistry().Extract(context.Background(), "x", strings.NewReader("not lines"), "lines")
	if err != nil {
		t.Errorf("forced format on other text: %v (lineFormat reads any lines)", err)
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
