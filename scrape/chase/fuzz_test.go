package chase

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/scrape"
)

// FuzzReadSeeds: reading any file as seeds never panics, and every seed
// has an identifier.
func FuzzReadSeeds(f *testing.F) {
	f.Add([]byte("# seeds\n10.7717/peerj.4375\nW2741809807\n"))
	f.Add([]byte("10.1/x\nnot an identifier\n"))
	f.Add([]byte("TY  - JOUR\nDO  - 10.1/x\nER  - \n"))
	if b, err := os.ReadFile("testdata/000_45cdc837eab6ac5b.txt"); err == nil {
		f.Add(b)
	}
	reg := scrape.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "seeds")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		seeds, _, err := ReadSeeds(context.Background(), p, reg)
		if err != nil {
			return
		}
		for _, s := range seeds {
			if len(s.IDs) == 0 || s.IDs[0].IsZero() {
				t.Fatalf("a seed without identifier: %+v", s)
			}
		}
	})
}

// FuzzReadReport: reading any bytes as a report never panics; a report
// read writes and reads back to the same JSON.
func FuzzReadReport(f *testing.F) {
	f.Add([]byte(`{"direction":"both","hops":1,"candidates":[{"rank":1,"key":"doi:10.1/x","hop":1,"indexes":["openalex"]}]}`))
	f.Add([]byte(`{"new":[1]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := ReadReport(bytes.NewReader(data))
		if err != nil {
			return
		}
		var a, b bytes.Buffer
		if err := rep.WriteJSON(&a); err != nil {
			t.Fatal(err)
		}
		again, err := ReadReport(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("a written report does not read back: %v", err)
		}
		if err := again.WriteJSON(&b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("report changed on its round trip: %v", err)
		}
	})
}
