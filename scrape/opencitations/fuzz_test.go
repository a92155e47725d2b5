package opencitations

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice, must place every problem at a line and column, and
// every record must have a reference per row it was made of.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`[{"oci":"1-2","citing":"omid:br/1 doi:10.1/a pmid:1","cited":"doi:10.1/b openalex:W1","creation":"2020-02-29","timespan":"-P1Y0M1D"}]`))
	f.Add([]byte("citing,cited,creation,timespan\n10.1/a,10.1/b,2020,P9999Y\n\"10.1/a\",\"10.1/c\nx\",,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		run := func() ([]byte, error) {
			var out bytes.Buffer
			err := Decode(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
				if len(r.References) == 0 {
					t.Fatalf("a record without references: %+v", r)
				}
				r.Normalize()
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
		var se *SyntaxError
		if errors.As(errA, &se) && (se.Line < 1 || se.Col < 1) {
			t.Fatalf("error at %d:%d: %v", se.Line, se.Col, errA)
		}
	})
}

// FuzzCitedYear: any creation and timespan give a year near the creation
// or nothing, never a panic.
func FuzzCitedYear(f *testing.F) {
	f.Add("2003-10-24", "P2Y9M")
	f.Add("2010", "-P1Y")
	f.Add("2008-03-31", "P0Y1M0D")
	f.Fuzz(func(t *testing.T, creation, timespan string) {
		y, ok := CitedYear(creation, timespan)
		c, _, okc := parseDate(creation)
		if ok && (!okc || y < c.y-10001 || y > c.y+10001) {
			t.Fatalf("CitedYear(%q, %q) = %d", creation, timespan, y)
		}
	})
}
