package scrape

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seeds are the five seed pages (testdata/seeds, copied unchanged from the
// project's seed corpus) with their HTML renderings (testdata/html, see
// testdata/README.md) and the format each must be detected as.
var seeds = []struct {
	txt, html, format string
}{
	{"000_45cdc837eab6ac5b.txt", "000_scite.html", "scite"},
	{"001_911e5b077376d86a.txt", "001_scite.html", "scite"},
	{"002_a2b3dbdadc748e54.txt", "002_proquest.html", "proquest"},
	{"003_da3d1577f37d4711.txt", "003_academia.html", "academia"},
	{"004_57d47111400e8318.txt", "004_emerald.html", "emerald"},
}

func extract(t *testing.T, path string) []graph.Record {
	t.Helper()
	recs, err := Default().ExtractFile(context.Background(), path, "")
	if err != nil {
		t.Fatalf("ExtractFile(%s): %v", path, err)
	}
	return recs
}

// TestSeedGolden pins every record of every seed page: the golden files are
// the reviewed output (go test ./scrape -run TestSeedGolden -update rewrites
// them; read the diff).
func TestSeedGolden(t *testing.T) {
	for _, s := range seeds {
		t.Run(s.txt, func(t *testing.T) {
			recs := extract(t, filepath.Join("testdata", "seeds", s.txt))
			var buf bytes.Buffer
			w := jsonl.NewWriter(&buf)
			for i := range recs {
				if recs[i].Source.Format != s.format {
					t.Errorf("record %d: format %q, want %q", i, recs[i].Source.Format, s.format)
				}
				if err := w.Write(&recs[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "seeds", strings.TrimSuffix(s.txt, ".txt")+".golden.jsonl")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("records differ from %s; run with -update and review the diff\ngot:\n%s", golden, buf.Bytes())
			}
		})
	}
}

// TestHTMLMatchesText checks that each seed's HTML rendering gives the same
// records as its text dump.
func TestHTMLMatchesText(t *testing.T) {
	for _, s := range seeds {
		t.Run(s.html, func(t *testing.T) {
			txt := extract(t, filepath.Join("testdata", "seeds", s.txt))
			htm := extract(t, filepath.Join("testdata", "html", s.html))
			if len(txt) != len(htm) {
				t.Fatalf("text gives %d records, HTML %d", len(txt), len(htm))
			}
			for i := range txt {
				a, b := txt[i], htm[i]
				if b.Source.Format != s.format {
					t.Errorf("HTML record %d detected as %q, want %q", i, b.Source.Format, s.format)
				}
				a.Source, b.Source = graph.Source{}, graph.Source{}
				if !reflect.DeepEqual(a, b) {
					ja, _ := graph.MarshalRecordJSON(&a)
					jb, _ := graph.MarshalRecordJSON(&b)
					t.Errorf("record %d differs:\ntext: %s\nhtml: %s", i, ja, jb)
				}
			}
		})
	}
}
