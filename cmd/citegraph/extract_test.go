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
