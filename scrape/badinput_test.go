package scrape

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/citegraph/citegraph/graph"
)

func readSeed(t *testing.T, name string) []byte {
	t.Helper()
	return readFile(t, filepath.Join("testdata", "seeds", name))
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBadInput(t *testing.T) {
	scite := readSeed(t, "000_45cdc837eab6ac5b.txt")
	emerald := readSeed(t, "004_57d47111400e8318.txt")
	cut := func(b []byte, marker string, extra int) []byte {
		i := bytes.Index(b, []byte(marker))
		if i < 0 {
			t.Fatalf("marker %q not in seed", marker)
		}
		return b[:i+extra]
	}
	tests := []struct {
		name     string
		in       []byte
		want     error
		wantLine int    // 0: no line expected
		wantText string // in the message
		records  int    // records still returned
	}{
		{"empty", nil, ErrEmpty, 0, "x.txt: empty file", 0},
		{"only white space", []byte(" \r\n\t\n"), ErrEmpty, 0, "empty file", 0},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, 0, "binary file", 0},
		{"unknown kind", []byte("Hello,\nthis is a letter.\n"), ErrUnsupportedFormat, 0, "unknown kind of source", 0},
		{"scite cut inside a statement", cut(scite, "Section: Introductionmentioning", 0), ErrTruncated, 64, "statement without its section", 1},
		{"scite cut after the DOI", append(cut(scite, "|View full text", 0), []byte("Search citation statements\nCitation Types\n")...), ErrTruncated, 2, "no title after the DOI", 0},
		{"emerald cut after Author(s)", cut(emerald, "Nicole S. Gevaux", 0), ErrTruncated, 80, "entry ends before its authors", 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := Default().Extract(context.Background(), "x.txt", bytes.NewReader(tc.in), "")
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			var se *Error
			if !errors.As(err, &se) || se.Path != "x.txt" {
				t.Fatalf("error %#v does not name the file", err)
			}
			if se.Line != tc.wantLine {
				t.Errorf("line %d, want %d (%v)", se.Line, tc.wantLine, err)
			}
			if !strings.Contains(err.Error(), tc.wantText) || !strings.HasPrefix(err.Error(), "scrape: x.txt") {
				t.Errorf("message %q lacks %q", err, tc.wantText)
			}
			if len(recs) != tc.records {
				t.Errorf("%d records returned with the error, want %d", len(recs), tc.records)
			}
		})
	}
}

// TestEncodings reads the seeds as other producers write text: with a
// byte-order mark, CRLF line ends, UTF-16, or Windows-1252.
func TestEncodings(t *testing.T) {
	for _, s := range seeds {
		orig := readSeed(t, s.txt)
		want := extractBytes(t, orig)
		crlf := bytes.ReplaceAll(orig, []byte("\n"), []byte("\r\n"))
		variants := map[string][]byte{
			"bom":  append([]byte{0xEF, 0xBB, 0xBF}, orig...),
			"crlf": crlf,
			"cr":   bytes.ReplaceAll(orig, []byte("\n"), []byte("\r")),
			"utf16le": func() []byte {
				out := []byte{0xFF, 0xFE}
				for _, r := range string(orig) {
					if r > 0xFFFF {
						t.Skip("non-BMP rune")
					}
					out = append(out, byte(r), byte(r>>8))
				}
				return out
			}(),
		}
		if enc, err := charmap.Windows1252.NewEncoder().Bytes(orig); err == nil {
			variants["windows-1252"] = enc
		}
		for name, b := range variants {
			t.Run(s.txt+"/"+name, func(t *testing.T) {
				got := extractBytes(t, b)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("records differ from the UTF-8 original")
				}
			})
		}
	}
}

func extractBytes(t *testing.T, b []byte) []graph.Record {
	t.Helper()
	recs, err := Default().Extract(context.Background(), "seed", bytes.NewReader(b), "")
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		recs[i].Source.Line = 0
	}
	return recs
}

// TestWalkGoesOn checks that a bad file among good ones is reported and
// the others are still read, in name order.
func TestWalkGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", readSeed(t, "000_45cdc837eab6ac5b.txt"))
	write("b.bin", []byte{0, 1, 2, 3})
	write("c.txt", readSeed(t, "004_57d47111400e8318.txt"))
	write(".hidden.txt", readSeed(t, "002_a2b3dbdadc748e54.txt"))
	var paths []string
	var failed []string
	n := 0
	err := Default().Walk(context.Background(), []string{dir, filepath.Join(dir, "missing")}, "", Visitor{
		Record: func(graph.Record) error { n++; return nil },
		Done: func(path string, _ int, err error) error {
			paths = append(paths, filepath.Base(path))
			if err != nil {
				failed = append(failed, filepath.Base(path))
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt", "b.bin", "c.txt", "missing"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("visited %v, want %v", paths, want)
	}
	if want := []string{"b.bin", "missing"}; !reflect.DeepEqual(failed, want) {
		t.Errorf("failed %v, want %v", failed, want)
	}
	if n != 12 {
		t.Errorf("%d records, want 1 + 11", n)
	}
}

func TestWalkCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Default().Walk(ctx, []string{filepath.Join("testdata", "seeds")}, "", Visitor{Record: func(graph.Record) error { return nil }})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestFormatOverride(t *testing.T) {
	_, err := Default().Extract(context.Background(), "x", bytes.NewReader(readSeed(t, "004_57d47111400e8318.txt")), "scite")
	if !errors.Is(err, ErrTruncated) {
		t.Errorf("emerald page read as scite: %v, want a truncated-page error", err)
	}
	_, err = Default().Extract(context.Background(), "x", bytes.NewReader([]byte("a")), "nosuch")
	if !errors.Is(err, ErrUnsupportedFormat) {
		t.Errorf("unknown --format: %v", err)
	}
}
