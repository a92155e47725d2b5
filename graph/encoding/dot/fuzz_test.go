package dot_test

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// FuzzLabelEscape writes a graph with the fuzzed text as a title, family
// name, statement, cluster label, graph title and graph name; gonum's DOT
// parser must read the result, with every node and edge, and the node's
// label must read back as Label. GraphViz is not run on fuzzed inputs (a
// render costs more than a thousand parses); TestNastyText renders the
// seeds. The seed corpus is in testdata/fuzz/FuzzLabelEscape.
func FuzzLabelEscape(f *testing.F) {
	f.Fuzz(func(t *testing.T, title string) {
		g, ref := nastyGraph(t, title)
		opt := nastyOptions(g, ref, title)
		p := checkCounts(t, g, opt, write(t, g, opt))
		node := p.nodes[ref.Key]
		if got, want := labelText(node["label"]), dot.Label(ref); got != want {
			t.Errorf("label shows %q, want %q", got, want)
		}
		for _, s := range []string{
			tooltipText(node["tooltip"]), tooltipText(p.edges[0].attrs["tooltip"]),
			labelText(p.graph["label"]), labelText(p.clusters["cluster_0"]["label"]),
		} {
			if strings.Contains(s, subst) {
				t.Errorf("GraphViz would substitute an escString sequence in %q", s)
			}
		}
	})
}
