package s2orc

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzExtract: any input, no panic; an error is a *PosError with a
// position, and every statement's refs index the record's references.
func FuzzExtract(f *testing.F) {
	raw, err := os.ReadFile("testdata/s2orc-doc2json_S2-literature-graph_N18-3011.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw[:3000]))
	f.Add(`{"paper_id":"x","body_text":[{"text":"Ärger (M, 2001).","cite_spans":[{"start":6,"end":15,"ref_id":"BIBREF0"},{"start":-3,"end":99,"ref_id":null}],"section":"A","sec_num":"1.2"}],"bib_entries":{"BIBREF0":{"year":"2001a"}}}`)
	f.Add(`{"paper_id":"x","pdf_parse":{"body_text":[],"bib_entries":{}},"year":2001}` + "\n" + `{"paper_id":"y"}`)
	f.Fuzz(func(t *testing.T, s string) {
		err := Format{}.Extract(context.Background(), strings.NewReader(s), func(r graph.Record) error {
			for _, st := range r.Statements {
				for _, i := range st.Refs {
					if i < 0 || i >= len(r.References) {
						t.Fatalf("ref %d of %d", i, len(r.References))
					}
				}
			}
			return nil
		})
		var pe *PosError
		if err != nil && (!errors.As(err, &pe) || pe.Line < 1) {
			t.Fatalf("error without position: %v", err)
		}
	})
}
