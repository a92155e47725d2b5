package store

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// lineReader is a Reader whose "format" is one record per line, the line
// its title; a line "BAD" is a reading error after the lines before it.
func lineReader(errs *[]error) Reader {
	return Reader{
		List: func(root string) ([]string, error) {
			if _, err := os.Stat(root); err != nil {
				return nil, err
			}
			return []string{root}, nil
		},
		Extract: func(_ context.Context, path string, r io.Reader, add func(graph.Record) error) error {
			b, _ := io.ReadAll(r)
			for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if line == "BAD" {
					return errors.New(path + ": bad line")
				}
				if err := add(graph.Record{Title: line, Source: graph.Source{Path: path, Format: "lines", Line: i + 1}}); err != nil {
					return err
				}
			}
			return nil
		},
		OnError: func(err error) { *errs = append(*errs, err) },
	}
}

// TestIngest: a good file and a file read in part are stored (the second
// with its error and the record before it); a missing root is a failed
// source; a second Ingest of the same files reads nothing again; Resolve
// builds the graph of the three records.
func TestIngest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	good, part := filepath.Join(dir, "good.txt"), filepath.Join(dir, "part.txt")
	os.WriteFile(good, []byte("Alpha\nBeta\n"), 0o644)
	os.WriteFile(part, []byte("Gamma\nBAD\nDelta\n"), 0o644)
	s, err := Open(ctx, filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var errs []error
	run, _ := s.BeginRun(ctx, "test")
	n, err := s.Ingest(ctx, run, []string{good, part, filepath.Join(dir, "missing")}, lineReader(&errs))
	if err != nil {
		t.Fatal(err)
	}
	if want := (IngestCounts{Sources: 3, Failed: 2, Records: 3}); n != want {
		t.Errorf("first ingest %+v, want %+v", n, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "part.txt: bad line") || !strings.Contains(errs[1].Error(), "store: "+filepath.Join(dir, "missing")+": stat: no such file") {
		t.Errorf("errors %q", errs)
	}
	n, err = s.Ingest(ctx, run, []string{good, part}, lineReader(&errs))
	if want := (IngestCounts{Sources: 2, Unchanged: 2}); err != nil || n != want {
		t.Errorf("second ingest %+v, %v; want %+v", n, err, want)
	}
	recs, g, err := s.Resolve(ctx, run, graph.BuildOptions{})
	if err != nil || len(recs) != 3 || len(g.Works()) != 3 {
		t.Errorf("Resolve: %d records, %v; want Alpha, Beta, Gamma", len(recs), err)
	}
	if _, err := OpenExisting(ctx, filepath.Join(dir, "nosuch.db")); err == nil {
		t.Error("OpenExisting made a corpus that did not exist")
	}
	if _, err := os.Stat(filepath.Join(dir, "nosuch.db")); err == nil {
		t.Error("OpenExisting created the file")
	}
}
