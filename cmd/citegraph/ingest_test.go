package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestIngestHelperProcess is not a test: it is the citegraph process that
// TestIngestKilled starts and kills.
func TestIngestHelperProcess(t *testing.T) {
	args := os.Getenv("CITEGRAPH_HELPER_ARGS")
	if args == "" {
		t.Skip("run by TestIngestKilled only")
	}
	s, _, _ := testStreams()
	os.Exit(run(context.Background(), strings.Split(args, "\x1f"), s))
}

// manySources writes n distinct copies of the seed pages into a new folder.
func manySources(t *testing.T, n int) string {
	dir := t.TempDir()
	names := []string{"000_45cdc837eab6ac5b.txt", "001_911e5b077376d86a.txt", "002_a2b3dbdadc748e54.txt", "003_da3d1577f37d4711.txt", "004_57d47111400e8318.txt"}
	for i := range n {
		b := read(t, seedCorpus, names[i%len(names)])
		// A distinct trailing line keeps each copy's content (and hash)
		// its own without changing what the page says.
		b = append(b, []byte(fmt.Sprintf("\nSign in / Sign up\n%d\n", i))...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corpus.db")
	code, _, stderr := runCmd(t, context.Background(), "ingest", "--db", db, seedCorpus)
	if code != exitOK || !strings.Contains(stderr, "5 new (25 records), 0 unchanged") {
		t.Fatalf("first ingest: exit %d\n%s", code, stderr)
	}
	before := dumpStore(t, db)
	code, _, stderr = runCmd(t, context.Background(), "ingest", "--db", db, seedCorpus)
	if code != exitOK || !strings.Contains(stderr, "0 new (0 records), 5 unchanged") {
		t.Fatalf("second ingest: exit %d\n%s", code, stderr)
	}
	if after := dumpStore(t, db); !reflect.DeepEqual(before, after) {
		t.Error("ingesting the same inputs again changed the corpus")
	}
}

// dumpStore returns the corpus's sources, records and resolved graph, as
// rows of text, leaving out run IDs and times.
func dumpStore(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range []string{
		`SELECT sha256 || path || size || format || records || error FROM sources ORDER BY sha256`,
		`SELECT r.record_id || r.body FROM records r JOIN sources s ON r.source=s.id ORDER BY s.sha256, r.ord`,
		`SELECT key || body FROM works ORDER BY key`,
		`SELECT kind || from_key || to_key || body FROM edges ORDER BY kind, from_key, to_key`,
		`SELECT count(*) FROM identifiers`, `SELECT count(*) FROM statements`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
		}
		rows.Close()
	}
	return out
}

// TestIngestKilled kills an ingest (SIGKILL) while it writes, then checks
// that no source is half-written and that the next run completes the
// corpus exactly as one uninterrupted run does.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	const n = 400
	in := manySources(t, n)
	db := filepath.Join(t.TempDir(), "corpus.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestHelperProcess$")
	cmd.Env = append(os.Environ(), "CITEGRAPH_HELPER_ARGS="+strings.Join([]string{"ingest", "--db", db, in}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some sources are stored, then kill -9.
	deadline := time.Now().Add(60 * time.Second)
	stored := 0
	for time.Now().Before(deadline) {
		stored = countSources(db)
		if stored >= 25 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if stored < 25 {
		t.Fatalf("only %d sources stored before the deadline", stored)
	}

	// The corpus is consistent: every stored source has all its records.
	sdb, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := sdb.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	var sources, half int
	sdb.QueryRow(`SELECT count(*) FROM sources`).Scan(&sources)
	sdb.QueryRow(`SELECT count(*) FROM sources s WHERE s.records != (SELECT count(*) FROM records r WHERE r.source = s.id)`).Scan(&half)
	sdb.Close()
	if half != 0 {
		t.Errorf("%d sources are half-written", half)
	}
	if sources >= n {
		t.Skipf("the ingest finished (%d sources) before it was killed; nothing to test", sources)
	}
	t.Logf("killed with %d of %d sources stored", sources, n)

	// The next run picks up where the killed one stopped…
	code, _, stderr := runCmd(t, context.Background(), "ingest", "--db", db, in)
	if code != exitOK || !strings.Contains(stderr, fmt.Sprintf("%d unchanged", sources)) {
		t.Fatalf("resumed ingest: exit %d\n%s", code, stderr)
	}
	// …and ends with the corpus one uninterrupted run makes.
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if code, _, stderr := runCmd(t, context.Background(), "ingest", "--db", fresh, in); code != exitOK {
		t.Fatalf("fresh ingest: %s", stderr)
	}
	if a, b := dumpStore(t, db), dumpStore(t, fresh); !reflect.DeepEqual(a, b) {
		t.Errorf("the resumed corpus differs from a fresh one (%d vs %d rows)", len(a), len(b))
	}
}

// countSources counts the stored sources, reading beside the writer.
func countSources(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	db.QueryRow(`SELECT count(*) FROM sources`).Scan(&n)
	return n
}

// TestIngestReportsCycles: works citing one another in a cycle are listed
// for the reviewer. The corpus is hand-made: a cites b and b cites a.
func TestIngestReportsCycles(t *testing.T) {
	dir := t.TempDir()
	ris := filepath.Join(dir, "cycle.ris")
	writeExtractInput(t, ris, "TY  - JOUR\nTI  - Alpha\nPY  - 2001\nDO  - 10.1/a\nER  - \n\nTY  - JOUR\nTI  - Beta\nPY  - 2002\nDO  - 10.1/b\nER  - \n")
	cites := filepath.Join(dir, "cites.csv")
	writeExtractInput(t, cites, "citing,cited\n10.1/a,10.1/b\n10.1/b,10.1/a\n")
	code, _, stderr := runCmd(t, context.Background(), "ingest", "--db", filepath.Join(dir, "c.db"), ris, cites)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "citation cycle (check the merges and matches): doi:10.1/a doi:10.1/b") {
		t.Errorf("the a-b cycle is not reported:\n%s", stderr)
	}
}

// TestIngestRetriesFailed: issue 16, hostile item 5. A BibTeX file with a
// broken entry (its title's brace never closes: a hand-made case of the
// mistake BibTeX itself reports as a runaway argument) is read in part:
// the first ingest keeps its two good entries and exits 3. The next ingest
// used to count it unchanged and exit 0; it reads it again, says so, and
// exits 3 again, with the corpus still holding two records, until the file
// is mended.
func TestIngestRetriesFailed(t *testing.T) {
	dir := t.TempDir()
	bib := filepath.Join(dir, "broken.bib")
	good := "@article{a, title={Good one}, year=2001, doi={10.1/a}}\n"
	next := "@article{c, title={Next entry}, year=2003, doi={10.1/c}}\n"
	if err := os.WriteFile(bib, []byte(good+"@article{b, title={Broken, year=2002\n"+next), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "c.db")
	for i := range 2 {
		code, _, stderr := runCmd(t, context.Background(), "ingest", "--db", db, bib)
		if code != exitPartial || strings.Count(stderr, "broken.bib:2") != 1 ||
			!strings.Contains(stderr, "ingested 1 sources into "+db+": 0 new (2 records), 0 unchanged, 1 failed") ||
			!strings.Contains(stderr, "corpus: 1 sources, 2 records") {
			t.Fatalf("ingest %d: exit %d\n%s", i+1, code, stderr)
		}
	}
	if err := os.WriteFile(bib, []byte(good+next), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, context.Background(), "ingest", "--db", db, bib)
	if code != exitOK || !strings.Contains(stderr, "1 new (2 records), 0 unchanged, 0 failed") {
		t.Fatalf("ingest of the mended file: exit %d\n%s", code, stderr)
	}
}
