package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestRecordWorks: the corpus keeps each record's database and export id
// in columns, and Resolve stores the work each record became with its
// rule and score, one row per record: the two records sharing a DOI (a
// WoS and an OpenAlex copy of Aria & Cuccurullo 2017) are two rows of one
// work, not one row of a shared fingerprint (issue 12).
func TestRecordWorks(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run, err := s.BeginRun(ctx, "test")
	if err != nil {
		t.Fatal(err)
	}
	rec := func(db, id string) graph.Record {
		r := graph.Record{DOI: "10.1016/j.joi.2017.08.007", Title: "bibliometrix: An R-tool for comprehensive science mapping analysis", Year: 2017,
			Source: graph.Source{Path: db + ".txt", Line: 1, Database: db, RecordID: id}}
		r.Normalize()
		return r
	}
	put(t, s, run, Source{Path: "wos.txt", SHA256: "a", Size: 1, Format: "wos"}, []graph.Record{rec("Web of Science", "WOS:000418020600003")})
	put(t, s, run, Source{Path: "openalex.csv", SHA256: "b", Size: 1, Format: "openalex-csv"}, []graph.Record{rec("OpenAlex", "W2755950973")})
	if _, _, err := s.Resolve(ctx, run, graph.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB().QueryContext(ctx, `SELECT r.database, r.export_id, w.work, w.rule, w.score FROM record_works w JOIN records r ON r.id = w.record ORDER BY r.database`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var db, id, work, rule string
		var score float64
		if err := rows.Scan(&db, &id, &work, &rule, &score); err != nil {
			t.Fatal(err)
		}
		got = append(got, db+" "+id+" "+work+" "+rule)
		if score != 1 {
			t.Errorf("%s: score %v, want 1", db, score)
		}
	}
	want := []string{"OpenAlex W2755950973 doi:10.1016/j.joi.2017.08.007 doi", "Web of Science WOS:000418020600003 doi:10.1016/j.joi.2017.08.007 doi"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("record_works = %q, want %q", got, want)
	}
}
