package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBibliometricsFromCorpus: the bibliometrics and the science maps of
// two real exports (WoS plain text and Scopus CSV, analysis/biblio's
// testdata) are the same bytes whether run reads the files or a corpus
// that ingest made of them (issue 14 item 4).
func TestBibliometricsFromCorpus(t *testing.T) {
	if raceBuild() {
		t.Skip("takes over 5 s under the race detector; run without it")
	}
	in := t.TempDir()
	for _, f := range []string{"wos_plaintext_34records_optics.isi", "scopus_export_8records_newformat.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "analysis", "biblio", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	flags := []string{"--formats", "bibliometrics,sciencemaps", "--periods", "2000", "--render", "none"}
	files, corpus, db := t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "c.db")
	if code, _, stderr := runCmd(t, ctx, append([]string{"run", in, "-o", files}, flags...)...); code != exitOK && code != exitPartial {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, "ingest", "--db", db, in); code != exitOK && code != exitPartial {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, append([]string{"run", "--db", db, "-o", corpus}, flags...)...); code != exitOK && code != exitPartial {
		t.Fatalf("run --db: exit %d\n%s", code, stderr)
	}
	names, _ := filepath.Glob(filepath.Join(files, "*"))
	compared := 0
	for _, path := range names {
		name := filepath.Base(path)
		if !strings.HasPrefix(name, "bibliometrics") && !strings.HasPrefix(name, "thematic_") && !strings.HasPrefix(name, "cooccurrence_") &&
			!strings.HasPrefix(name, "country_") && !strings.HasPrefix(name, "vosviewer_") {
			continue
		}
		a, _ := os.ReadFile(path)
		b, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the files and the corpus (%v)", name, err)
		}
		compared++
	}
	// bibliometrics.json, its 16 tables, and the maps of both fields,
	// countries and the thematic map and evolution.
	if compared < 25 {
		t.Errorf("compared %d files, want at least 25", compared)
	}
}

// TestRunBibliometricsScopus: run over the Scopus export (no duplicate
// records, so its documents are bibliometrix's) with --reference-year 2026
// writes bibliometrix 5.4's figures (analysis/biblio/testdata's
// scopus_export_8records_newformat.json): counts, age, citations, Lotka's
// β, and the m-index of its first author of the h-index table.
func TestRunBibliometricsScopus(t *testing.T) {
	if raceBuild() {
		t.Skip("takes 10 s under the race detector; run without it")
	}
	dir := t.TempDir()
	export := filepath.Join("..", "..", "analysis", "biblio", "testdata", "scopus_export_8records_newformat.csv")
	if code, _, stderr := runCmd(t, context.Background(), "run", export, "-o", dir, "--formats", "bibliometrics", "--render", "none", "--reference-year", "2026"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var got struct {
		Documents, Sources, Authors int
		Appearances                 int     `json:"author_appearances"`
		Age                         float64 `json:"document_average_age"`
		Cites                       float64 `json:"average_citations_per_doc"`
		Growth                      float64 `json:"annual_growth_rate_pct"`
		DE                          int     `json:"author_keywords"`
		ID                          int     `json:"keywords_plus"`
		Lotka                       struct{ Beta float64 }
		H                           []struct {
			Author string
			H      int
			M      float64
		} `json:"author_h_index"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "bibliometrics.json"))
	if err == nil {
		err = json.Unmarshal(b, &got)
	}
	if err != nil {
		t.Fatal(err)
	}
	// bibliometrix: 8 documents, 7 sources, 37 authors, 38 appearances,
	// age 0.625, 0.5 citations, growth −40 %, 31 DE, 118 ID, β 5.169925;
	// AGYIRI PE h 1, m 1 (first published 2026).
	if got.Documents != 8 || got.Sources != 7 || got.Authors != 37 || got.Appearances != 38 || got.DE != 31 || got.ID != 118 ||
		math.Abs(got.Age-0.625) > 1e-9 || math.Abs(got.Cites-0.5) > 1e-9 || got.Growth != -40 || math.Abs(got.Lotka.Beta-5.169925) > 1e-6 {
		t.Errorf("bibliometrics.json = %+v", got)
	}
	if len(got.H) == 0 || got.H[0].Author != "AGYIRI, PE" || got.H[0].H != 1 || got.H[0].M != 1 {
		t.Errorf("author_h_index = %+v", got.H)
	}
}
