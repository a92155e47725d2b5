package main

import (
	"bytes"
	"context"
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
