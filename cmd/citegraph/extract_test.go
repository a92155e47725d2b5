package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/jsonl"
)

// exportFile is a real Scopus RIS export (6 works with DOIs) from the RIS
// reader's test data.
var exportFile = filepath.Join("..", "..", "scrape", "ris", "testdata", "ris_scopus_6records_with_references.ris")

// TestExtractTo converts an export with --to and reads the result back:
// the RIS, BibTeX and CSL-JSON written hold the same six works, with their
// DOIs, as the default JSON Lines.
func TestExtractTo(t *testing.T) {
	ctx := context.Background()
	code, stdout, stderr := runCmd(t, ctx, "extract", exportFile)
	if code != exitOK {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	recs, err := jsonl.ReadAll(strings.NewReader(stdout))
	if err != nil || len(recs) != 6 {
		t.Fatalf("jsonl: %d records, %v", len(recs), err)
	}
	_, same, _ := runCmd(t, ctx, "extract", "--to", "jsonl", exportFile)
	if same != stdout {
		t.Error("--to jsonl differs from the default output")
	}

	for _, c := range []struct {
		to     string
		starts string
		count  string // what starts each work
	}{
		{"ris", "TY  - JOUR\r\n", "TY  - "},
		{"bibtex", "@article{", "@article{"},
		{"csljson", "[\n{", "{\"id\":"},
	} {
		t.Run(c.to, func(t *testing.T) {
			code, out, stderr := runCmd(t, ctx, "extract", "--to", c.to, exportFile)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !strings.HasPrefix(out, c.starts) {
				t.Errorf("output starts %.40q, want %q", out, c.starts)
			}
			if n := strings.Count(out, c.count); n != 6 {
				t.Errorf("%d works in the output, want 6", n)
			}
			for _, r := range recs {
				if !strings.Contains(out, r.DOI) {
					t.Errorf("DOI %s missing from the output", r.DOI)
				}
			}
			// The written file is itself an input extract reads.
			file := filepath.Join(t.TempDir(), "out."+c.to)
			writeExtractInput(t, file, out)
			code, back, stderr := runCmd(t, ctx, "extract", file)
			if code != exitOK {
				t.Fatalf("reading the %s written: exit %d\n%s", c.to, code, stderr)
			}
			again, err := jsonl.ReadAll(strings.NewReader(back))
			if err != nil || len(again) != 6 {
				t.Fatalf("reading the %s written: %d records, %v", c.to, len(again), err)
			}
			for i := range recs {
				if again[i].DOI != recs[i].DOI || again[i].Title != recs[i].Title || len(again[i].Authors) != len(recs[i].Authors) {
					t.Errorf("work %d read back as %q %q (%d authors), want %q %q (%d)", i, again[i].DOI, again[i].Title,
						len(again[i].Authors), recs[i].DOI, recs[i].Title, len(recs[i].Authors))
				}
			}
		})
	}

	// CSL-JSON is one valid JSON array.
	_, out, _ := runCmd(t, ctx, "extract", "--to", "csljson", exportFile)
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 6 {
		t.Errorf("csljson: %d items, %v", len(items), err)
	}
}

func writeExtractInput(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExtractToUsage: an unknown --to is a usage error, reported before
// any input is read.
func TestExtractToUsage(t *testing.T) {
	code, stdout, stderr := runCmd(t, context.Background(), "extract", "--to", "endnote", "does-not-exist")
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if stdout != "" || !strings.Contains(stderr, `--to "endnote": unknown output format (known: jsonl, ris, bibtex, csljson)`) ||
		strings.Contains(stderr, "does-not-exist") {
		t.Errorf("stdout %q, stderr:\n%s", stdout, stderr)
	}
}

// TestExtractToEmpty: with no readable input, --to csljson still writes a
// valid (empty) array, and the exit code says the input failed.
func TestExtractToEmpty(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.ris")
	writeExtractInput(t, empty, "")
	code, out, _ := runCmd(t, context.Background(), "extract", "--to", "csljson", empty)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	var items []any
	if err := json.Unmarshal(bytes.TrimSpace([]byte(out)), &items); err != nil || len(items) != 0 {
		t.Errorf("output %q: %v", out, err)
	}
}

// TestExtractReadInPart (issue 16): a BibTeX, CSV or JSON file with one
// broken record is read in part: its good records are written, its
// problem is printed once with the file and the line, and extract and
// run exit 3 (partial success), not 1. The files are written here: two
// good records around a broken one, in each format's syntax (BibTeX: an
// unclosed brace; CSV: a stray quote, RFC 4180 section 2 item 5; JSON:
// an item that is not an object of CSL's shape).
func TestExtractReadInPart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, c := range []struct {
		name, content, where string
		titles               []string
	}{
		{"part.bib", "@article{a,\n title={Good one},\n author={Doe, J.},\n year=2001}\n\n@article{b,\n title={Broken\n\n@article{c, title={Third}, year=2003}\n",
			"part.bib:7:8: bibtex:", []string{"Good one", "Third"}},
		{"part.csv", "Authors,Title,Year,Source title,EID\nA.,\"First\",2001,V,2-s2.0-1\nB.,\"T2 \"x\" y\",2002,V,2-s2.0-2\nC.,\"Third\",2003,V,2-s2.0-3\n",
			"part.csv:3:8: scopus-csv:", []string{"First", "Third"}},
		{"part.json", "[\n{\"type\":\"article-journal\",\"title\":\"First\",\"issued\":{\"date-parts\":[[2001]]}},\n{\"type\":\"book\",\"title\":{\"x\":1}},\n{\"type\":\"book\",\"title\":\"Third\"}\n]\n",
			"part.json:3:1: csljson: item is not a CSL item", []string{"First", "Third"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			writeExtractInput(t, path, c.content)
			code, stdout, stderr := runCmd(t, ctx, "extract", path)
			if code != exitPartial {
				t.Errorf("exit %d, want %d (partial)\n%s", code, exitPartial, stderr)
			}
			recs, err := jsonl.ReadAll(strings.NewReader(stdout))
			var titles []string
			for _, r := range recs {
				titles = append(titles, r.Title)
			}
			if err != nil || strings.Join(titles, "|") != strings.Join(c.titles, "|") {
				t.Errorf("titles %q (%v), want %q", titles, err, c.titles)
			}
			if !strings.Contains(stderr, c.where) || strings.Contains(stderr, "none of the") || !strings.Contains(stderr, "1 of 1 sources had problems") {
				t.Errorf("stderr %q, want the problem at %q and a partial success", stderr, c.where)
			}
		})
	}
	code, _, stderr := runCmd(t, ctx, "run", filepath.Join(dir, "part.bib"), "-o", filepath.Join(dir, "out"), "--formats", "none", "--render", "none")
	if code != exitPartial || !strings.Contains(stderr, "read 1 sources (0 failed): 2 records") {
		t.Errorf("run: exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
}

// TestExtractForcedFormatReadsNothing (issue 16, hostile item 6):
// --format scopus-csv on a RIS export gave 1,157 empty records and exit
// 0; now no record, an error naming the file and the format, exit 1.
func TestExtractForcedFormatReadsNothing(t *testing.T) {
	code, stdout, stderr := runCmd(t, context.Background(), "extract", "--format", "scopus-csv", exportFile)
	if code != exitFailure || stdout != "" ||
		!strings.Contains(stderr, exportFile+": scopus-csv: nothing read as scopus-csv: 1157 records, none with a title, an identifier or an author; the source looks like ris") {
		t.Errorf("exit %d, %d bytes out, stderr:\n%s", code, len(stdout), stderr)
	}
}
