package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
)

// seedRecords are the records of the seed corpus (testdata/seed_records.jsonl,
// a copy of graph/testdata/seed_records.jsonl).
func seedRecords(t *testing.T) []graph.Record {
	t.Helper()
	f, err := os.Open("testdata/seed_records.jsonl")
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

func put(t *testing.T, s *Store, run int64, src Source, recs []graph.Record) {
	t.Helper()
	ctx := context.Background()
	w, err := s.BeginSource(ctx, run, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Add(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.BeginRun(ctx, "citegraph ingest testdata")
	if err != nil {
		t.Fatal(err)
	}
	recs := seedRecords(t)
	// The seed records by source file, as ingest writes them.
	bySource := map[string][]graph.Record{}
	var order []string
	for _, r := range recs {
		if _, ok := bySource[r.Source.Path]; !ok {
			order = append(order, r.Source.Path)
		}
		bySource[r.Source.Path] = append(bySource[r.Source.Path], r)
	}
	for i, p := range order {
		put(t, s, run, Source{Path: p, SHA256: string(rune('a' + i)), Size: 1, Format: bySource[p][0].Source.Format}, bySource[p])
	}
	if err := s.FinishRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Reopen: everything is there, in path order.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, recs) {
		t.Errorf("records read back differ from those written (%d vs %d)", len(got), len(recs))
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 25 records; 8 distinct statements about works (scite pages), no
	// references in the seed pages.
	if st.Sources != 5 || st.Records != 25 || st.Statements != 8 || st.Runs != 1 {
		t.Errorf("stats %+v", st)
	}
	if _, ok, _ := s.Has(ctx, "c"); !ok {
		t.Error("a stored source's hash is not known")
	}

	// The resolved graph.
	g := graph.Build(got)
	if err := s.SaveGraph(ctx, run, g); err != nil {
		t.Fatal(err)
	}
	st, _ = s.Stats(ctx)
	if st.Works != g.Len() || st.Edges != 40 {
		t.Errorf("works %d edges %d, want %d and 40", st.Works, st.Edges, g.Len())
	}
	rep, ok, err := s.LastReport(ctx)
	if err != nil || !ok || rep.Duplicates != 1 || rep.Records != 25 {
		t.Errorf("report %+v %v %v", rep, ok, err)
	}
	// Saving again replaces, never duplicates.
	if err := s.SaveGraph(ctx, run, g); err != nil {
		t.Fatal(err)
	}
	if st2, _ := s.Stats(ctx); st2.Works != st.Works || st2.Edges != st.Edges {
		t.Errorf("a second save changed the counts: %+v then %+v", st, st2)
	}
}

func TestStoreReplaceAndRollback(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run, _ := s.BeginRun(ctx, "test")
	recs := seedRecords(t)
	put(t, s, run, Source{Path: "a.txt", SHA256: "h1"}, recs[:3])
	// The same path with new content replaces the old records.
	put(t, s, run, Source{Path: "a.txt", SHA256: "h2"}, recs[3:4])
	st, _ := s.Stats(ctx)
	if st.Sources != 1 || st.Records != 1 {
		t.Errorf("after replacing: %+v", st)
	}
	// A source abandoned half-way leaves nothing, and removes nothing.
	w, err := s.BeginSource(ctx, run, Source{Path: "a.txt", SHA256: "h3"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, recs[5]); err != nil {
		t.Fatal(err)
	}
	w.Rollback()
	st, _ = s.Stats(ctx)
	if st.Sources != 1 || st.Records != 1 {
		t.Errorf("after a rollback: %+v", st)
	}
	if _, ok, _ := s.Has(ctx, "h3"); ok {
		t.Error("a rolled-back source is known")
	}
}

func TestStoreSchemaVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`UPDATE meta SET value='99' WHERE key='schema_version'`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "schema version 99") {
		t.Errorf("opening a newer store: %v", err)
	}
	// A file that is not a database.
	bad := filepath.Join(t.TempDir(), "notadb")
	os.WriteFile(bad, []byte("hello, this is not SQLite\n"), 0o644)
	if _, err := Open(ctx, bad); err == nil {
		t.Error("a text file opened as a store")
	}
}
