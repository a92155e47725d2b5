package tei

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzExtract: any input, no panic; an error is a *PosError with a
// position (line and column, both from 1), and every statement's refs
// index the record's references.
func FuzzExtract(f *testing.F) {
	raw, err := os.ReadFile("testdata/grobid-0.6.1_S2-literature-graph_N18-3011.tei.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw[:4000]))
	f.Add(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body><div><head n="2.1">H</head><p>A <ref type="bibr" target="#b0 #b1">[1]</ref>-<ref type="bibr" target="#b2">[3]</ref>. <ref type="bibr">(X, 2001)</ref></p></div></body><back><listBibl><biblStruct xml:id="b0"/></listBibl></back></text></TEI>`)
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
		if err != nil && (!errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1) {
			t.Fatalf("error without position: %v", err)
		}
	})
}
