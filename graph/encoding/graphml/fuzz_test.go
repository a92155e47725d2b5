package graphml_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/graphml"
)

// FuzzTitles writes a work with any title, name and venue: the GraphML
// must stay well-formed and give the text back as attr.Clean makes it.
func FuzzTitles(f *testing.F) {
	for i, h := range encodingtest.Hostile {
		f.Add(h, encodingtest.Names[i%len(encodingtest.Names)], encodingtest.Hostile[(i+1)%len(encodingtest.Hostile)])
	}
	f.Fuzz(func(t *testing.T, title, family, venue string) {
		r := graph.Record{Title: title, Year: 2001, Venue: venue, Authors: []graph.Author{{Family: family}}}
		g := graph.Build([]graph.Record{r})
		var buf bytes.Buffer
		if err := graphml.Write(&buf, g, attr.Set{Label: dot.Label}); err != nil {
			t.Fatal(err)
		}
		var d doc
		if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, buf.String())
		}
		for i, w := range g.Works() {
			got, _ := value(d.Graph.Nodes[i].Data, "n_title")
			if got != attr.Clean(w.Title) {
				t.Errorf("title %q came back as %q", attr.Clean(w.Title), got)
			}
		}
	})
}
