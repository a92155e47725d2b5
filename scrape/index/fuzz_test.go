package index

import (
	"testing"
)

// FuzzParseID: ParseID never panics, and what it reads, written with
// String, reads back to the same ID (the normalisation is idempotent).
func FuzzParseID(f *testing.F) {
	for _, s := range []string{"10.7717/peerj.4375", "https://doi.org/10.1016/J.JOI.2017.08.007", "W2741809807",
		"https://openalex.org/W2755950973", "pmid:12345", "s2:e945ca4fdcf45b1a118f1462db7afa12629a131f", "doi:", ":", "arxiv:2101.00001v2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseID(s)
		if err != nil {
			return
		}
		again, err := ParseID(id.String())
		if err != nil {
			t.Fatalf("%q read as %v, which does not read back: %v", s, id, err)
		}
		if again != id {
			t.Fatalf("%q read as %v, then %v", s, id, again)
		}
	})
}
