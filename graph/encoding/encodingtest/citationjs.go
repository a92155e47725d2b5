package encodingtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

//go:embed citationjs.js
var citationJSScript []byte

// CitationJSItem is what citationjs.js prints for an item it read.
type CitationJSItem struct {
	Type, Title, Container, Volume, Issue, Page, DOI, Abstract, URL string
	Authors                                                         [][2]string
	Year                                                            int
	// Keyword is citation-js's keyword field: the KW lines joined by
	// commas; Databases its source (the RIS DB lines); Note its note (N1).
	Keyword   string
	Databases []string
	Note      string
}

// CitationJS reads data, a file in format ("ris", "bibtex" or "csljson"),
// with citation-js, the reader others wrote that reference-manager tools
// build on. It skips the test when node or the packages are missing;
// .ci/run installs them with
//
//	npm install --prefix /tmp/citegraph-citationjs @citation-js/core@0.8.2 \
//	  @citation-js/plugin-ris@0.8.2 @citation-js/plugin-bibtex@0.8.2 @citation-js/plugin-csl@0.8.2
//
// ($CITATIONJS_DIR names another folder).
func CitationJS(t testing.TB, format string, data []byte) []CitationJSItem {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		Missing(t, "node is not installed")
	}
	dir := os.Getenv("CITATIONJS_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "citegraph-citationjs")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@citation-js", "plugin-ris")); err != nil {
		Missing(t, "citation-js is not installed in %s", dir)
	}
	tmp := t.TempDir()
	script := filepath.Join(tmp, "citationjs.js")
	file := filepath.Join(tmp, "out."+format)
	if err := os.WriteFile(script, citationJSScript, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script, format, file)
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(dir, "node_modules"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("citation-js: %v\n%s", err, stderr.String())
	}
	var items []CitationJSItem
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("citation-js output: %v", err)
	}
	return items
}

// CheckCitationJS reads data with citation-js and checks that it gives back
// every record with the fields a reviewer relies on: title, DOI, container,
// volume, issue, pages, abstract, URL, year, authors and type.
func CheckCitationJS(t testing.TB, format string, data []byte, recs []graph.Record) {
	t.Helper()
	items := CitationJS(t, format, data)
	if len(items) != len(recs) {
		t.Fatalf("citation-js read %d items, want %d", len(items), len(recs))
	}
	for i, r := range recs {
		it := items[i]
		var authors [][2]string
		for _, a := range r.Authors {
			authors = append(authors, [2]string{a.Family, a.Given})
		}
		check := func(field, got, want string) {
			if got != want {
				t.Errorf("record %d (%.30s): %s = %q, want %q", i, r.Title, field, got, want)
			}
		}
		// citation-js percent-encodes a BibTeX url it reads ("%2f"
		// becomes "%252f"); BibLaTeX reads url verbatim, as written.
		if u, err := url.PathUnescape(it.URL); format == "bibtex" && err == nil && u == r.URL {
			it.URL = r.URL
		}
		check("title", it.Title, r.Title)
		check("DOI", it.DOI, r.DOI)
		check("container", it.Container, r.Venue)
		check("volume", it.Volume, r.Volume)
		check("issue", it.Issue, r.Issue)
		check("page", strings.ReplaceAll(it.Page, "–", "-"), r.Pages)
		check("abstract", it.Abstract, strings.Join(strings.Fields(r.Abstract), " "))
		check("URL", it.URL, r.URL)
		if it.Year != r.Year {
			t.Errorf("record %d: year = %d, want %d", i, it.Year, r.Year)
		}
		if len(it.Authors) != len(authors) {
			t.Errorf("record %d: authors = %v, want %v", i, it.Authors, authors)
		} else {
			for k := range authors {
				if it.Authors[k] != authors[k] {
					t.Errorf("record %d: author %d = %v, want %v", i, k, it.Authors[k], authors[k])
				}
			}
		}
		if want := r.Type; it.Type != want && !(want == "" || want == "document") {
			t.Errorf("record %d: type = %q, want %q", i, it.Type, want)
		}
	}
}
