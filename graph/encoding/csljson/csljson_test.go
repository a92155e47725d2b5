package csljson

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// records reads testdata/records.jsonl: records citegraph extracted from
// real exports (see testdata/README.md).
func records(t *testing.T) []graph.Record {
	t.Helper()
	f, err := os.Open("testdata/records.jsonl")
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

func write(t *testing.T, recs []graph.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b)
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	got := write(t, records(t))
	if again := write(t, records(t)); !bytes.Equal(got, again) {
		t.Fatal("output differs between two runs")
	}
	golden := filepath.Join("testdata", "records.json.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it; review the diff)", golden)
	}
}

func TestEmpty(t *testing.T) {
	if out := string(write(t, nil)); out != "[\n]\n" {
		t.Errorf("output = %q, want an empty array", out)
	}
	var v []any
	if err := json.Unmarshal(write(t, records(t)), &v); err != nil || len(v) != 14 {
		t.Errorf("output is not a JSON array of 14 items: %v", err)
	}
}

// cjsItem is what testdata/citationjs.js prints for an item.
type cjsItem struct {
	Type, Title, Container, Volume, Issue, Page, DOI, Abstract, URL string
	Authors                                                         [][2]string
	Year                                                            int
}

// citationJS reads a written file with citation-js, a reader others
// wrote. It skips when node or the packages are missing; .ci/run installs
// them with
//
//	npm install --prefix /tmp/citegraph-citationjs @citation-js/core@0.8.2 \
//	  @citation-js/plugin-ris@0.8.2 @citation-js/plugin-bibtex@0.8.2 @citation-js/plugin-csl@0.8.2
//
// (CITATIONJS_DIR names another folder).
func citationJS(t *testing.T, format string, data []byte) []cjsItem {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	dir := os.Getenv("CITATIONJS_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "citegraph-citationjs")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@citation-js", "plugin-ris")); err != nil {
		t.Skipf("citation-js is not installed in %s", dir)
	}
	file := filepath.Join(t.TempDir(), "out."+format)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join("testdata", "citationjs.js"), format, file)
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(dir, "node_modules"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("citation-js: %v\n%s", err, stderr.String())
	}
	var items []cjsItem
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("citation-js output: %v", err)
	}
	return items
}

// TestCitationJS: citation-js reads back every record with the fields a
// reviewer relies on.
func TestCitationJS(t *testing.T) {
	recs := records(t)
	items := citationJS(t, "csljson", write(t, recs))
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
