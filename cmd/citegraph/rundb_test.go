package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunFromCorpus: a map made from a corpus is the map made from the same
// files directly, whether the files are ingested by run --db itself or by
// an earlier ingest; a second run --db on the same inputs reads nothing new.
func TestRunFromCorpus(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	direct, viaRun, fromDB := filepath.Join(tmp, "direct"), filepath.Join(tmp, "via-run"), filepath.Join(tmp, "from-db")
	db := filepath.Join(tmp, "corpus.db")
	flags := []string{"--formats", "none", "--render", "none"}

	if code, _, stderr := runCmd(t, ctx, append([]string{"run", seedCorpus, "-o", direct}, flags...)...); code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	code, _, stderr := runCmd(t, ctx, append([]string{"run", "--db", db, seedCorpus, "-o", viaRun}, flags...)...)
	if code != exitOK {
		t.Fatalf("run --db with inputs: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "ingested 5 sources into "+db+": 5 new (25 records), 0 unchanged, 0 failed") {
		t.Errorf("first run --db did not ingest the 5 seed pages:\n%s", stderr)
	}
	code, _, stderr = runCmd(t, ctx, append([]string{"run", "--db", db, seedCorpus, "-o", fromDB}, flags...)...)
	if code != exitOK {
		t.Fatalf("second run --db: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "0 new (0 records), 5 unchanged") {
		t.Errorf("second run --db read sources again:\n%s", stderr)
	}
	// And with no inputs at all: the corpus alone.
	corpusOnly := filepath.Join(tmp, "corpus-only")
	if code, _, stderr := runCmd(t, ctx, append([]string{"run", "--db", db, "-o", corpusOnly}, flags...)...); code != exitOK {
		t.Fatalf("run --db without inputs: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"works.jsonl", "matching.json", "graph.dot", "centrality.csv", "themes.csv"} {
		want := read(t, direct, name)
		for _, dir := range []string{viaRun, fromDB, corpusOnly} {
			if got := read(t, dir, name); !bytes.Equal(got, want) {
				t.Errorf("%s from %s differs from the direct run's", name, filepath.Base(dir))
			}
		}
	}
}

// TestRunMatchingReport: matching.json carries the counts a reviewer
// reports. The seed corpus has 25 records of 24 works: the Academia.edu page
// lists one related paper twice (hand count of 003_…).
func TestRunMatchingReport(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--formats", "none", "--render", "none"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rep struct {
		Records, Works, Duplicates int
		Conflicts, Decisions       []string
		LinksByMethod              map[string]int `json:"links_by_method"`
		CitationCycles             [][]string     `json:"citation_cycles"`
	}
	if err := json.Unmarshal(read(t, dir, "matching.json"), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Records != 25 || rep.Works != 24 || rep.Duplicates != 1 {
		t.Errorf("matching.json: %d records, %d works, %d duplicates; want 25, 24, 1", rep.Records, rep.Works, rep.Duplicates)
	}
	// The seed corpus has no citation cycles (its citations go from
	// unnamed citing works and pages to the works they discuss).
	if rep.CitationCycles == nil || len(rep.CitationCycles) != 0 {
		t.Errorf("citation_cycles = %v, want an empty list", rep.CitationCycles)
	}
	if rep.Conflicts == nil || rep.Decisions == nil {
		t.Error("matching.json: conflicts and decisions should be lists, empty when there are none")
	}
}

// TestRunDecisions: run honours a decisions file as ingest does.
func TestRunDecisions(t *testing.T) {
	tmp := t.TempDir()
	dec := filepath.Join(tmp, "decisions.txt")
	writeExtractInput(t, dec, "# no such works: the ruling is reported, the map unchanged\nsame doi:10.1/none-a doi:10.1/none-b\n")
	code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", filepath.Join(tmp, "out"), "--formats", "none", "--render", "none", "--decisions", dec)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rep struct{ Decisions []string }
	if err := json.Unmarshal(read(t, filepath.Join(tmp, "out"), "matching.json"), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Decisions) != 1 {
		t.Errorf("decisions in matching.json: %q, want the one ruling reported", rep.Decisions)
	}
}

// TestAnalyseFromCorpus: analyse --db gives the nodes.csv that analyse
// gives on the files the corpus was made from; a corpus that does not exist
// is an error, not an empty corpus created on the way.
func TestAnalyseFromCorpus(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	db := filepath.Join(tmp, "corpus.db")
	if code, _, stderr := runCmd(t, ctx, "ingest", "--db", db, seedCorpus); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	direct, fromDB := filepath.Join(tmp, "direct"), filepath.Join(tmp, "from-db")
	if code, _, stderr := runCmd(t, ctx, "analyse", seedCorpus, "-o", direct); code != exitOK {
		t.Fatalf("analyse: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, "analyse", "--db", db, "-o", fromDB); code != exitOK {
		t.Fatalf("analyse --db: exit %d\n%s", code, stderr)
	}
	want := read(t, direct, "nodes.csv")
	if got := read(t, fromDB, "nodes.csv"); !bytes.Equal(got, want) {
		t.Errorf("nodes.csv from the corpus differs from the direct analysis")
	}
	if n := bytes.Count(want, []byte("\n")); n < 10 {
		t.Errorf("nodes.csv has %d lines; the seed corpus has dozens of nodes", n)
	}
	missing := filepath.Join(tmp, "no-such.db")
	if code, _, _ := runCmd(t, ctx, "analyse", "--db", missing, "-o", filepath.Join(tmp, "x")); code == exitOK {
		t.Error("analyse --db of a missing corpus succeeded")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("analyse --db created the missing corpus")
	}
}
