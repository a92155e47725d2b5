package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
)

// reviewSearch is a search of four databases, the real exports copied
// unchanged into testdata/review (see its README). Counted by hand: Web
// of Science 8 records (8 "PT " lines), OpenAlex 8 and Scopus 8 (CSV
// rows), Embase 2 (Ovid's two "<300N. >" headers): 26. Two works are in
// both the WoS and the OpenAlex file, by DOI: 10.1016/j.joi.2017.08.007
// (Aria & Cuccurullo 2017, WOS:000418020600003 and W2755950973) and
// 10.21031/epod.1069307 (Büyükkıdık 2022, WOS:000870236000001 and
// W4297216055); no other DOI or title is shared. The two Embase records are
// abstracts of one conference supplement carrying its DOI, with different
// titles and first authors: two works. So 2 duplicates removed, 24 unique.
var reviewSearch = []string{
	filepath.Join("..", "..", "testdata", "review", "openalex_csv_export_8records.csv"),
	filepath.Join("..", "..", "testdata", "review", "ovid_embase_endnote_format_2records.txt"),
	filepath.Join("..", "..", "testdata", "review", "scopus_export_8records_newformat.csv"),
	filepath.Join("..", "..", "testdata", "review", "wos_plaintext_8records_clarivate_bibliometrics.txt"),
}

// TestReviewOutputs: run writes records.csv, duplicates.csv, review.csv,
// unique.ris, unique.csv, prisma.json and prisma.svg for the four-database
// search, with the hand count's numbers in each, agreeing with each other;
// ingest then run --db writes the same files byte for byte; unique.ris
// reads back in citation-js with every field (issue 12).
func TestReviewOutputs(t *testing.T) {
	if raceBuild() {
		t.Skip("three runs of the pipeline take more than 5 s under -race")
	}
	ctx := context.Background()
	tmp := t.TempDir()
	direct, fromDB, db := filepath.Join(tmp, "direct"), filepath.Join(tmp, "from-db"), filepath.Join(tmp, "corpus.db")
	flags := []string{"--formats", "review", "--render", "svg"}
	if code, _, stderr := runCmd(t, ctx, append(append([]string{"run", "-o", direct}, reviewSearch...), flags...)...); code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, append([]string{"ingest", "--db", db}, reviewSearch...)...); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, append([]string{"run", "--db", db, "-o", fromDB}, flags...)...); code != exitOK {
		t.Fatalf("run --db: exit %d\n%s", code, stderr)
	}
	files := []string{"records.csv", "duplicates.csv", "review.csv", "unique.ris", "unique.csv", "prisma.json", "prisma.dot"}
	for _, name := range files {
		if got, want := read(t, fromDB, name), read(t, direct, name); !bytes.Equal(got, want) {
			t.Errorf("%s from the corpus differs from the direct run's", name)
		}
	}
	dir := direct

	// prisma.json: the hand count.
	var p graph.Prisma
	if err := json.Unmarshal(read(t, dir, "prisma.json"), &p); err != nil {
		t.Fatal(err)
	}
	wantDB := map[string]int{"Web of Science": 8, "OpenAlex": 8, "Scopus": 8, "Embase": 2}
	if len(p.Identified) != len(wantDB) {
		t.Errorf("identified = %v, want %v", p.Identified, wantDB)
	}
	for db, n := range wantDB {
		if p.Identified[db] != n {
			t.Errorf("identified[%s] = %d, want %d", db, p.Identified[db], n)
		}
	}
	if p.IdentifiedTotal != 26 || p.DuplicatesRemoved.Automatic != 2 || p.DuplicatesRemoved.Decision != 0 || p.AfterDeduplication != 24 ||
		p.ChasingTotal != 0 || len(p.Chasing) != 0 || p.NewSincePrevious != 24 || p.ComparedWithPrevious {
		t.Errorf("prisma.json = %+v; want 26 identified, 2 removed automatically, 0 by decision, 24 after deduplication, all new", p)
	}
	for _, key := range []string{`"identified"`, `"identified_total"`, `"duplicates_removed"`, `"automatic"`, `"decision"`, `"after_deduplication"`, `"chasing"`, `"new_since_previous"`} {
		if !bytes.Contains(read(t, dir, "prisma.json"), []byte(key)) {
			t.Errorf("prisma.json has no key %s", key)
		}
	}

	// records.csv: one row per record, 24 distinct works, the four
	// records of the two shared DOIs merged by rule doi with score 1.
	recs := readCSV(t, dir, "records.csv")
	if strings.Join(recs[0], ",") != "source,line,database,record_id,title,year,first_author,work,rule,score" {
		t.Fatalf("records.csv header %q", recs[0])
	}
	works, perDB, merged := map[string]bool{}, map[string]int{}, map[string]string{}
	for _, r := range recs[1:] {
		works[r[7]] = true
		perDB[r[2]]++
		if r[8] != "" {
			merged[r[3]] = r[7] + " " + r[8] + " " + r[9]
		}
	}
	if len(recs)-1 != p.IdentifiedTotal || len(works) != p.AfterDeduplication {
		t.Errorf("records.csv: %d records of %d works; prisma.json says %d and %d", len(recs)-1, len(works), p.IdentifiedTotal, p.AfterDeduplication)
	}
	for db, n := range wantDB {
		if perDB[db] != n {
			t.Errorf("records.csv: %d records of %s, want %d", perDB[db], db, n)
		}
	}
	wantMerged := map[string]string{
		"WOS:000418020600003": "doi:10.1016/j.joi.2017.08.007 doi 1", "W2755950973": "doi:10.1016/j.joi.2017.08.007 doi 1",
		"WOS:000870236000001": "doi:10.21031/epod.1069307 doi 1", "W4297216055": "doi:10.21031/epod.1069307 doi 1",
	}
	if len(merged) != len(wantMerged) {
		t.Errorf("records.csv merged %v, want %v", merged, wantMerged)
	}
	for id, w := range wantMerged {
		if merged[id] != w {
			t.Errorf("records.csv: record %s is %q, want %q", id, merged[id], w)
		}
	}

	// duplicates.csv: the two groups, each in WoS and OpenAlex.
	dups := readCSV(t, dir, "duplicates.csv")
	if len(dups) != 3 || dups[1][0] != "doi:10.1016/j.joi.2017.08.007" || dups[2][0] != "doi:10.21031/epod.1069307" {
		t.Fatalf("duplicates.csv = %q", dups)
	}
	removed := 0
	for _, d := range dups[1:] {
		if d[1] != "2" || d[2] != "OpenAlex; Web of Science" || d[5] != "doi" {
			t.Errorf("duplicates.csv row %q: want 2 records of OpenAlex and Web of Science merged by doi", d)
		}
		removed++ // each group of 2 removes 1
	}
	if removed != p.DuplicatesRemoved.Automatic {
		t.Errorf("duplicates.csv removes %d records, prisma.json %d", removed, p.DuplicatesRemoved.Automatic)
	}

	// review.csv: nothing is alike enough to review (the supplement's
	// two abstracts share only the DOI, a conflict matching.json names).
	if rv := readCSV(t, dir, "review.csv"); len(rv) != 1 || rv[0][0] != "score" {
		t.Errorf("review.csv = %q, want its header alone", rv)
	}

	// unique.csv and unique.ris: 24 works; the merged ones found in both
	// databases under both ids.
	uniq := readCSV(t, dir, "unique.csv")
	if len(uniq)-1 != p.AfterDeduplication {
		t.Errorf("unique.csv has %d works, prisma.json %d", len(uniq)-1, p.AfterDeduplication)
	}
	for _, u := range uniq[1:] {
		if u[0] == "doi:10.1016/j.joi.2017.08.007" && (u[12] != "OpenAlex; Web of Science" || u[13] != "OpenAlex: W2755950973; Web of Science: WOS:000418020600003" || u[14] != "2") {
			t.Errorf("unique.csv row of Aria 2017: databases %q, record ids %q, records %q", u[12], u[13], u[14])
		}
	}
	ris := read(t, dir, "unique.ris")
	if n := bytes.Count(ris, []byte("\nER  - ")) + bytes.Count(ris[:min(len(ris), 6)], []byte("ER  - ")); n != 24 {
		t.Errorf("unique.ris has %d records, want 24", n)
	}
	for _, line := range []string{"DB  - OpenAlex\r\nDB  - Web of Science\r\n", "N1  - Found in: OpenAlex (W2755950973); Web of Science (WOS:000418020600003)\r\n"} {
		if !bytes.Contains(ris, []byte(line)) {
			t.Errorf("unique.ris has no line %q", line)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "prisma.svg")); err != nil {
		if _, lookErr := exec.LookPath("dot"); lookErr == nil {
			t.Errorf("prisma.svg not written: %v", err)
		}
	} else if svg := read(t, dir, "prisma.svg"); !bytes.Contains(svg, []byte("Records identified from databases (n = 26)")) ||
		!bytes.Contains(svg, []byte("Records screened (n = 24)")) || !bytes.Contains(svg, []byte("automatically (identifiers, titles) (n = 2)")) {
		t.Errorf("prisma.svg does not show the counts 26, 2 and 24")
	}

	items := encodingtest.CitationJS(t, "ris", ris)
	if len(items) != len(uniq)-1 {
		t.Fatalf("citation-js read %d records of unique.ris, want %d", len(items), len(uniq)-1)
	}
	for i, it := range items {
		u := uniq[i+1]
		pages := strings.ReplaceAll(it.Page, "–", "-")
		year := ""
		if it.Year != 0 {
			year = strconv.Itoa(it.Year)
		}
		if it.Title != u[1] || it.DOI != u[8] || it.Container != u[4] || it.Volume != u[5] || it.Issue != u[6] || pages != u[7] ||
			it.Abstract != strings.Join(strings.Fields(u[9]), " ") || year != u[3] || len(it.Authors) != len(strings.Split(u[2], "; ")) {
			t.Errorf("citation-js read record %d (%s) as %+v; unique.csv has %q", i, u[0], it, u)
		}
		if kw := strings.Join(strings.Split(u[10], "; "), ","); it.Keyword != kw {
			t.Errorf("record %d (%s): citation-js keywords %q, want %q", i, u[0], it.Keyword, kw)
		}
		got := slices.Clone(it.Databases)
		slices.Sort(got)
		if strings.Join(got, "; ") != u[12] {
			t.Errorf("record %d (%s): citation-js databases %q, unique.csv %q", i, u[0], it.Databases, u[12])
		}
		if u[13] != "" && !strings.HasPrefix(it.Note, "Found in: ") {
			t.Errorf("record %d (%s): citation-js note %q", i, u[0], it.Note)
		}
	}
}
