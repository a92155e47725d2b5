package pajek

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Options control which edges Write writes.
type Options struct {
	// Kinds are the edge kinds written: Cites as *Arcs, the others as
	// *Edges. nil means Cites and CoCited.
	Kinds []graph.EdgeKind
}

// Write writes g as a Pajek network: *Vertices, then *Arcs, then *Edges.
// It returns an error, before writing anything, when s does not fit g,
// and otherwise the first error of w.
func Write(w io.Writer, g *graph.Graph, s attr.Set, opt Options) error {
	if err := s.Check(g); err != nil {
		return fmt.Errorf("pajek: %w", err)
	}
	kinds := opt.Kinds
	if kinds == nil {
		kinds = []graph.EdgeKind{graph.Cites, graph.CoCited}
	}
	bw := bufio.NewWriter(w)
	works := g.Works()
	bw.WriteString("*Vertices " + strconv.Itoa(len(works)) + "\n")
	for i, wk := range works {
		bw.WriteString(strconv.Itoa(i+1) + " " + Quote(s.LabelOf(wk)) + "\n")
	}
	if slices.Contains(kinds, graph.Cites) {
		bw.WriteString("*Arcs\n")
		writeLines(bw, g.Edges(graph.Cites))
	}
	var undirected []*graph.Edge
	for _, k := range []graph.EdgeKind{graph.CoCited, graph.Related} {
		if slices.Contains(kinds, k) {
			undirected = append(undirected, g.Edges(k)...)
		}
	}
	if len(undirected) > 0 {
		bw.WriteString("*Edges\n")
		writeLines(bw, undirected)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("pajek: %w", err)
	}
	return nil
}

func writeLines(bw *bufio.Writer, edges []*graph.Edge) {
	for _, e := range edges {
		bw.WriteString(strconv.FormatInt(e.F.ID()+1, 10) + " " + strconv.FormatInt(e.T.ID()+1, 10) + " " + strconv.Itoa(e.N) + "\n")
	}
}

// Quote returns a label in Pajek's double quotes: cleaned, with '"'
// written as '”'.
func Quote(s string) string {
	return `"` + strings.ReplaceAll(attr.Clean(s), `"`, "”") + `"`
}

// WritePartition writes the Set's themes as a Pajek partition (.clu): the
// line "*Vertices V", then one line per vertex with its theme counted from
// 1, or 0 for none.
func WritePartition(w io.Writer, g *graph.Graph, s attr.Set) error {
	if err := s.Check(g); err != nil {
		return fmt.Errorf("pajek: %w", err)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("*Vertices " + strconv.Itoa(g.Len()) + "\n")
	for id := range g.Len() {
		bw.WriteString(strconv.Itoa(s.ThemeOf(int64(id))+1) + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("pajek: %w", err)
	}
	return nil
}

// WriteVector writes a numeric node column as a Pajek vector (.vec): the
// line "*Vertices V", then one value per vertex (attr.FormatFloat).
func WriteVector(w io.Writer, c attr.Column) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("*Vertices " + strconv.Itoa(c.Len()) + "\n")
	for i := range c.Len() {
		x, ok := c.Float(i)
		if !ok {
			return fmt.Errorf("pajek: column %q is not numeric", c.Name)
		}
		bw.WriteString(attr.FormatFloat(x) + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("pajek: %w", err)
	}
	return nil
}
