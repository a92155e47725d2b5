package jats

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
	raw, err := os.ReadFile("testdata/pmc-nxml_IntJBehavMed_e-health-intervention-characteristics.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw[:4000]))
	f.Add(`<article><front><article-meta><article-id pub-id-type="doi">10.1/x</article-id></article-meta></front><body><sec><title>A</title><p>x <xref ref-type="bibr" rid="r1 r2">[1]</xref>–<xref ref-type="bibr" rid="r3">[3]</xref>. Y.</p></sec></body><back><ref-list><ref id="r1"><label>1</label><mixed-citation>A (2001) T. J 1: 2.</mixed-citation></ref></ref-list></back></article>`)
	f.Add(`<pmc-articleset><article><body><p><xref ref-type="bibr"/></p></body></article></pmc-articleset>`)
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
