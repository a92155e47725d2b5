package readertest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// Extractor is a file reader: scrape's stream-format interface without
// Sniff, which the readers satisfy without importing scrape.
type Extractor interface {
	Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error
}

// Read reads data with x and returns its records, each normalised (as the
// registry hands them on), with the error x returns.
func Read(x Extractor, data []byte) ([]graph.Record, error) {
	return Collect(x.Extract, bytes.NewReader(data))
}

// Collect runs decode over r and returns its records, each normalised (as
// the registry hands them on), with the error decode returns.
func Collect(decode Decoder, r io.Reader) ([]graph.Record, error) {
	var recs []graph.Record
	err := decode(context.Background(), r, func(rec graph.Record) error {
		rec.Normalize()
		recs = append(recs, rec)
		return nil
	})
	return recs, err
}

// CollectFile is Collect over the file testdata/name, streamed; t fails
// when the file cannot be opened.
func CollectFile(t testing.TB, decode Decoder, name string) ([]graph.Record, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Collect(decode, f)
}

// ReadFile returns the contents of testdata/name; t fails when the file
// cannot be read.
func ReadFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Counts is what the file tests compare with the counts taken from the
// files by other means (grep, awk, other readers): records, records with
// a DOI, authors, records with a year, references, references with a DOI.
type Counts struct{ Works, DOIs, Authors, Years, Refs, RefDOIs int }

// Count counts recs.
func Count(recs []graph.Record) Counts {
	var c Counts
	c.Works = len(recs)
	for _, r := range recs {
		if r.DOI != "" {
			c.DOIs++
		}
		if r.Year != 0 {
			c.Years++
		}
		c.Authors += len(r.Authors)
		c.Refs += len(r.References)
		for _, ref := range r.References {
			if ref.DOI != "" {
				c.RefDOIs++
			}
		}
	}
	return c
}

// AddSeeds adds to f the start (up to 4 KiB) of every non-empty file
// matching glob.
func AddSeeds(f *testing.F, glob string) {
	files, _ := filepath.Glob(glob)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil || len(b) == 0 {
			continue
		}
		f.Add(b[:min(len(b), 4096)])
	}
}

// CheckExtract is the body of the file readers' FuzzExtract: x must stop
// on its own with no more records than data has bytes, every problem it
// reports as an *E must have a line (line gives it), and the records it
// reads from valid UTF-8 must hold valid UTF-8 once normalised.
func CheckExtract[E any, PE interface {
	*E
	error
}](t *testing.T, x Extractor, data []byte, line func(PE) int) {
	t.Helper()
	n := 0
	err := x.Extract(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
		n++
		r.Normalize()
		if utf8.Valid(data) && (!utf8.ValidString(r.Title) || !utf8.ValidString(r.Abstract)) {
			t.Fatalf("invalid UTF-8 in record %+v", r)
		}
		return nil
	})
	if n > len(data) {
		t.Fatalf("%d records from %d bytes", n, len(data))
	}
	var se PE
	if err != nil && errors.As(err, &se) && line(se) < 1 {
		t.Fatalf("error without a line: %v", err)
	}
}

// CountingReader passes R through, counting the bytes read in N: the
// size of a generated stream that is never held whole.
type CountingReader struct {
	R io.Reader
	N int64
}

// Read reads from R, counting.
func (c *CountingReader) Read(b []byte) (int, error) {
	n, err := c.R.Read(b)
	c.N += int64(n)
	return n, err
}

// PeakHeap runs f and returns the most heap memory in use while it ran
// (objects, garbage not yet collected included) and the most live heap a
// collection found, both sampled every millisecond after a collection
// before f starts.
func PeakHeap(f func()) (heap, live uint64) {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var mu sync.Mutex
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			mu.Lock()
			heap = max(heap, s[0].Value.Uint64())
			live = max(live, s[1].Value.Uint64())
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	return heap, live
}

// Decoder is an answer reader's Decode (with its options bound).
type Decoder func(ctx context.Context, r io.Reader, emit func(graph.Record) error) error

// CheckDecode is the body of the answer readers' FuzzDecode: decode, run
// twice on data, must not panic, must give the same records (normalised,
// as JSON) and succeed or fail alike both times, and must place a
// *jsonstream.SyntaxError at a line and column. check, when not nil, is
// called with every normalised record to look at what is particular to
// the reader.
func CheckDecode(t *testing.T, data []byte, decode Decoder, check func(graph.Record)) {
	t.Helper()
	run := func() ([]byte, error) {
		var out bytes.Buffer
		err := decode(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
			r.Normalize()
			if check != nil {
				check(r)
			}
			b, err := graph.MarshalRecordJSON(&r)
			if err != nil {
				t.Fatal(err)
			}
			out.Write(b)
			return nil
		})
		return out.Bytes(), err
	}
	a, errA := run()
	b, errB := run()
	if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) {
		t.Fatalf("two readings differ")
	}
	var se *jsonstream.SyntaxError
	if errors.As(errA, &se) && (se.Line < 1 || se.Col < 1) {
		t.Fatalf("error at %d:%d: %v", se.Line, se.Col, errA)
	}
}

// AddFiles adds to f every file matching glob, whole; f fails when one
// cannot be read.
func AddFiles(f *testing.F, glob string) {
	files, _ := filepath.Glob(glob)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// BenchDecode runs decode over each of the files of testdata named, as a
// sub-benchmark of b per file: MB/s, allocations, and records emitted per
// second as the metric unit ("works/s", "records/s").
func BenchDecode(b *testing.B, decode Decoder, unit string, names ...string) {
	for _, name := range names {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			recs := 0
			for b.Loop() {
				if err := decode(context.Background(), bytes.NewReader(data), func(graph.Record) error { recs++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(recs)/b.Elapsed().Seconds(), unit)
		})
	}
}
