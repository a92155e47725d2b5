package store

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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
// source; a second Ingest of the same files reads the good one no more but
// the one read in part again, and reports it again (issue 16, hostile
// item 5: it was counted as unchanged, and ingest exited 0); Resolve
// builds the graph of the three records (Gamma replaced, not doubled).
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
	if want := (IngestCounts{Sources: 3, Failed: 2, Records: 3, Partial: 1}); n != want {
		t.Errorf("first ingest %+v, want %+v", n, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "part.txt: bad line") || !strings.Contains(errs[1].Error(), "store: "+filepath.Join(dir, "missing")+": stat: no such file") {
		t.Errorf("errors %q", errs)
	}
	for again := range 2 {
		errs = nil
		n, err = s.Ingest(ctx, run, []string{good, part}, lineReader(&errs))
		if want := (IngestCounts{Sources: 2, Unchanged: 1, Failed: 1, Records: 1, Partial: 1}); err != nil || n != want {
			t.Errorf("ingest %d again: %+v, %v; want %+v", again+1, n, err, want)
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "part.txt: bad line") {
			t.Errorf("ingest %d again: errors %q, want part.txt's", again+1, errs)
		}
	}
	// Mended, it reads: held from then on.
	os.WriteFile(part, []byte("Gamma\nDelta\n"), 0o644)
	errs = nil
	if n, err = s.Ingest(ctx, run, []string{good, part}, lineReader(&errs)); err != nil || n != (IngestCounts{Sources: 2, Unchanged: 1, Records: 2}) || len(errs) != 0 {
		t.Errorf("ingest of the mended file: %+v, %v, %q", n, err, errs)
	}
	if n, _ = s.Ingest(ctx, run, []string{good, part}, lineReader(&errs)); n != (IngestCounts{Sources: 2, Unchanged: 2}) {
		t.Errorf("ingest after the mended one: %+v, want both unchanged", n)
	}
	recs, g, err := s.Resolve(ctx, run, graph.BuildOptions{})
	if err != nil || len(recs) != 4 || len(g.Works()) != 4 {
		t.Errorf("Resolve: %d records, %v; want Alpha, Beta, Gamma, Delta", len(recs), err)
	}
	if _, err := OpenExisting(ctx, filepath.Join(dir, "nosuch.db")); err == nil {
		t.Error("OpenExisting made a corpus that did not exist")
	}
	if _, err := os.Stat(filepath.Join(dir, "nosuch.db")); err == nil {
		t.Error("OpenExisting created the file")
	}
}

// TestUpdateSerialised: issue 16, hostile item 5. Two ingests into one
// corpus at once (two goroutines, each with its own connection, as two
// processes have) run one after the other: the second waits for the
// first to close the corpus, so neither resolves while the other is
// half-way, and the one that runs second resolves both sources. Without
// the lock the two bodies overlap (the sleep makes sure of it).
func TestUpdateSerialised(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	var inside, overlaps atomic.Int32
	resolved := make([]int, 2)
	var wg sync.WaitGroup
	for i, title := range []string{"Alpha", "Beta"} {
		path := filepath.Join(dir, title+".txt")
		os.WriteFile(path, []byte(title+"\n"), 0o644)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var errs []error
			err := Update(ctx, db, "ingest "+title, func(st *Store, run int64) error {
				if inside.Add(1) > 1 {
					overlaps.Add(1)
				}
				defer inside.Add(-1)
				if _, err := st.Ingest(ctx, run, []string{path}, lineReader(&errs)); err != nil {
					return err
				}
				time.Sleep(100 * time.Millisecond)
				recs, _, err := st.Resolve(ctx, run, graph.BuildOptions{})
				resolved[i] = len(recs)
				return err
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if overlaps.Load() != 0 {
		t.Error("the two updates ran at the same time")
	}
	if slices.Sort(resolved); !slices.Equal(resolved, []int{1, 2}) {
		t.Errorf("records resolved by the two updates %v, want 1 (the first) and 2 (the second)", resolved)
	}

	// A waiting Update gives up when its context is done.
	unlock, err := lockCorpus(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if err := Update(cctx, db, "waits", func(*Store, int64) error { return nil }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Update while locked: %v, want the context's error", err)
	}
}
