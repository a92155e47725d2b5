package semanticscholar

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzDecode feeds any bytes to Decode, with and without the paper of the
// request: it must not panic, must give the same records twice, must place
// every problem at a line and column, and every statement must point at a
// reference the record has.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > 64<<10 {
			b = readertest.ShrinkJSON(b) // the 2.7 MB paper: its shape in a few KB
		}
		f.Add(b, false)
	}
	f.Add([]byte(`{"data":[{"contexts":["a [1]"],"intents":["x"],"contextsWithIntent":[{"context":"b","intents":null}],"citedPaper":{"paperId":null,"title":"T"}}]}`), true)
	f.Add([]byte(`[null,{"paperId":"649def34f8be52c8b66281af98ae884c09aef38b","citations":[{"title":"C"}],"references":[{}]}]`), false)
	f.Fuzz(func(t *testing.T, data []byte, withPaper bool) {
		if readertest.TooLargeToFuzz(len(data)) {
			return
		}
		var opt Options
		if withPaper {
			opt.Paper = &graph.Reference{DOI: "10.1/p", Identifiers: map[string]string{graph.IDCorpusID: "1"}}
		}
		readertest.CheckDecode(t, data, with(opt), func(r graph.Record) {
			for _, st := range r.Statements {
				for _, i := range st.Refs {
					if i < 0 || i >= len(r.References) {
						t.Fatalf("statement points at reference %d of %d", i, len(r.References))
					}
				}
			}
		})
	})
}

// FuzzPaperRef: any ID gives a reference or ErrBadPaperID, never a panic.
func FuzzPaperRef(f *testing.F) {
	for _, s := range []string{"DOI:10.1/x", "CorpusId:1", "649def34f8be52c8b66281af98ae884c09aef38b", "PMCID:", "%zz", "URL:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		ref, err := PaperRef(id)
		if err != nil && !errors.Is(err, ErrBadPaperID) {
			t.Fatalf("error %v", err)
		}
		if err == nil && ref.DOI == "" && len(ref.Identifiers) != 1 {
			t.Fatalf("reference %+v names nothing", ref)
		}
	})
}
