package edgelist

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestLongLine: issue 16, hostile item 4. A gzipped SNAP edge list (two
// IDs a line, SNAP's format) whose fourth line (after a comment and two edges) inflates to 1 GiB of
// "1 1 1 …" was gathered whole and split into 512 million fields: 3.8 GB.
// The line now ends the reading at MaxLine with ErrLineTooLong naming the
// file and line 4; the two citations before it are kept; the heap stays
// under 400 MB. The file is built from one compressed MiB repeated as
// gzip members (RFC 1952 section 2.2), a few MB on disk.
func TestLongLine(t *testing.T) {
	if raceBuild() || testing.Short() {
		t.Skip("inflates up to 1 GiB; too slow under -race or -short")
	}
	member := func(b []byte) []byte {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		return z.Bytes()
	}
	var gz bytes.Buffer
	gz.Write(member([]byte("# SNAP-style edge list\n1\t2\n2\t3\n")))
	mib := member(bytes.Repeat([]byte("1 "), 1<<19))
	for range 1024 {
		gz.Write(mib)
	}
	gz.Write(member([]byte("\n3\t4\n")))
	path := filepath.Join(t.TempDir(), "edges.txt.gz")
	if err := os.WriteFile(path, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b := graph.NewCompactBuilder()
	var got error
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	old := debug.SetGCPercent(20) // collect often, so that TotalAlloc's growth is what matters
	c, err := Load(context.Background(), b, []File{{Path: path, Kind: Edges}}, nil, func(_ string, err error) { got = err })
	debug.SetGCPercent(old)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	var e *Error
	if !errors.Is(got, ErrLineTooLong) || !errors.As(got, &e) || e.Path != path || e.Line != 4 {
		t.Errorf("error %v, want ErrLineTooLong at %s:4", got, path)
	}
	if c.Citations != 2 {
		t.Errorf("%d citations, want the 2 before the long line", c.Citations)
	}
	// Everything allocated while reading: a bound on the peak.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 400<<20 {
		t.Errorf("allocated %d MB reading the file, want under 400 MB", alloc>>20)
	} else {
		t.Logf("allocated %d MB in all", alloc>>20)
	}
}

// raceBuild reports whether the test binary was built with -race.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}
