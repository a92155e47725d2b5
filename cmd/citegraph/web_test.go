package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/scrape/web/webtest"
)

// Issue 18's done-when: run over URLs of a local server of the real pages
// and the seed pages writes the same records and maps as run over the same
// pages as files, exits 3 naming the disallowed URL, and leaves a WARC that
// --offline replays to identical outputs.
func TestRunURLs(t *testing.T) {
	pages := filepath.Join("..", "..", "scrape", "testdata", "web", "pages")
	srv := webtest.New(pages, seedCorpus)
	defer srv.Close()
	var files, urls []string
	for _, d := range []struct{ dir, route string }{{pages, "/pages/"}, {seedCorpus, "/seeds/"}} {
		es, err := os.ReadDir(d.dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			files = append(files, filepath.Join(d.dir, e.Name()))
			urls = append(urls, srv.URL+d.route+e.Name())
		}
	}
	// The URLs in the outputs stand where the file paths stood.
	asFiles := strings.NewReplacer(srv.URL+"/pages/", pages+"/", srv.URL+"/seeds/", seedCorpus+"/")
	fileDir, webDir, replayDir := t.TempDir(), t.TempDir(), t.TempDir()
	if code, _, stderr := runCmd(t, context.Background(), append([]string{"run", "-o", fileDir, "--render", "none"}, files...)...); code != exitOK {
		t.Fatalf("files: exit %d\n%s", code, stderr)
	}
	inputs := filepath.Join(t.TempDir(), "inputs.txt")
	if err := os.WriteFile(inputs, []byte("# the real pages, then the seed pages\n"+strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, context.Background(), "run", "--inputs-from", inputs, "-o", webDir, "--render", "none"); code != exitOK {
		t.Fatalf("URLs: exit %d\n%s", code, stderr)
	}
	code, _, stderr := runCmd(t, context.Background(), "run", "--inputs-from", inputs, "-o", replayDir, "--render", "none",
		"--offline", "--warc", filepath.Join(webDir, "web.warc.gz"))
	if code != exitOK {
		t.Fatalf("offline: exit %d\n%s", code, stderr)
	}
	if srv.Count("/robots.txt") != 1 {
		t.Errorf("robots.txt asked %d times, want once", srv.Count("/robots.txt"))
	}

	disallowed := srv.URL + "/private/plos_one_pone.0213978.html"
	code, _, stderr = runCmd(t, context.Background(), "run", urls[0], disallowed, "-o", t.TempDir(), "--render", "none")
	if code != exitPartial || !strings.Contains(stderr, "scrape: "+disallowed+`: disallowed by robots.txt: "Disallow: /private/"`) {
		t.Errorf("disallowed: exit %d, want 3 naming %s and its rule\n%s", code, disallowed, stderr)
	}
	if srv.Count("/private/plos_one_pone.0213978.html") != 0 {
		t.Error("the disallowed page was fetched")
	}
	es, _ := os.ReadDir(fileDir)
	if len(es) < 20 {
		t.Fatalf("run over files wrote %d outputs", len(es))
	}
	for _, e := range es {
		want := string(read(t, fileDir, e.Name()))
		got := string(read(t, webDir, e.Name()))
		if asFiles.Replace(got) != want {
			t.Errorf("%s differs between the URLs and the files", e.Name())
		}
		if replay := string(read(t, replayDir, e.Name())); replay != got {
			t.Errorf("%s differs between the run and its offline replay", e.Name())
		}
	}
}

// TestIngestURLs: ingest takes URLs as run does (issue 18, item 1): the
// five seed pages served locally are five sources of 25 records (the hand
// count of TestRunFromCorpus), a second ingest replayed offline from the
// WARC beside the corpus finds them unchanged, a disallowed URL is
// reported (exit 3) and stored nowhere, and run --db writes what run over
// the same URLs writes.
func TestIngestURLs(t *testing.T) {
	srv := webtest.New(filepath.Join("..", "..", "scrape", "testdata", "web", "pages"), seedCorpus)
	defer srv.Close()
	es, err := os.ReadDir(seedCorpus)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, e := range es {
		if !strings.HasSuffix(e.Name(), ".md") {
			urls = append(urls, srv.URL+"/seeds/"+e.Name())
		}
	}
	ctx := context.Background()
	tmp := t.TempDir()
	db := filepath.Join(tmp, "corpus.db")
	code, _, stderr := runCmd(t, ctx, append([]string{"ingest", "--db", db}, urls...)...)
	if code != exitOK || !strings.Contains(stderr, "ingested 5 sources into "+db+": 5 new (25 records), 0 unchanged, 0 failed") {
		t.Fatalf("ingest URLs: exit %d, want 0 and 5 new sources of 25 records\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "web.warc.gz")); err != nil {
		t.Errorf("no WARC beside the corpus: %v", err)
	}
	code, _, stderr = runCmd(t, ctx, append([]string{"ingest", "--db", db, "--offline"}, urls...)...)
	if code != exitOK || !strings.Contains(stderr, "5 sources into "+db+": 0 new (0 records), 5 unchanged, 0 failed") {
		t.Errorf("second ingest, offline: exit %d, want the 5 pages unchanged\n%s", code, stderr)
	}
	disallowed := srv.URL + "/private/plos_one_pone.0213978.html"
	code, _, stderr = runCmd(t, ctx, "ingest", "--db", db, "--warc", filepath.Join(tmp, "more.warc.gz"), urls[0], disallowed)
	if code != exitPartial || !strings.Contains(stderr, disallowed+`: disallowed by robots.txt: "Disallow: /private/"`) ||
		!strings.Contains(stderr, "2 sources into "+db+": 0 new (0 records), 1 unchanged, 1 failed") {
		t.Errorf("disallowed: exit %d, want 3 naming %s, one unchanged and one failed\n%s", code, disallowed, stderr)
	}
	fromDB, direct := t.TempDir(), t.TempDir()
	flags := []string{"--formats", "none", "--render", "none"}
	if code, _, stderr := runCmd(t, ctx, append([]string{"run", "--db", db, "-o", fromDB}, flags...)...); code != exitOK {
		t.Fatalf("run --db: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, append(append([]string{"run", "-o", direct, "--offline", "--warc", filepath.Join(tmp, "web.warc.gz")}, flags...), urls...)...); code != exitOK {
		t.Fatalf("run URLs: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"works.jsonl", "matching.json", "graph.dot", "centrality.csv", "themes.csv"} {
		if got, want := read(t, fromDB, name), read(t, direct, name); string(got) != string(want) {
			t.Errorf("%s of run --db differs from run over the URLs", name)
		}
	}
}
