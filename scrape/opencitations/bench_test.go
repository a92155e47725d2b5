package opencitations

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// rows is a generated COCI dump in CSV: n citing works of 20 references
// each, written on the fly.
type rows struct {
	n, i int
	cur  []byte
	buf  bytes.Buffer
}

func (r *rows) Read(b []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		r.buf.Reset()
		if r.i == 0 {
			r.buf.WriteString("oci,citing,cited,creation,timespan,journal_sc,author_sc\n")
		}
		for j := 0; j < 20; j++ {
			fmt.Fprintf(&r.buf, "0200100%d-0200100%d,10.1000/citing.%d,10.1000/cited.%d.%d,2019-05-12,P%dY%dM,no,no\n", r.i, j, r.i, r.i, j, j, j%12)
		}
		r.cur = r.buf.Bytes()
		r.i++
	}
	n := copy(b, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// BenchmarkCSV streams a generated dump of 10,000 citing works and 200,000
// rows.
func BenchmarkCSV(b *testing.B) {
	const works = 10000
	b.ReportAllocs()
	var size int64
	for b.Loop() {
		r := &rows{n: works}
		cr := &readertest.CountingReader{R: r}
		n := 0
		if err := Decode(context.Background(), cr, func(graph.Record) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != works {
			b.Fatalf("%d records", n)
		}
		size = cr.N
	}
	b.SetBytes(size)
	b.ReportMetric(float64(20*works*b.N)/b.Elapsed().Seconds(), "rows/s")
}
