package gexf

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Namespace is the GEXF 1.3 namespace.
const Namespace = "http://gexf.net/1.3"

var attrTypes = map[attr.Type]string{attr.String: "string", attr.Int: "long", attr.Float: "double", attr.Bool: "boolean"}

// Write writes g with the values of s as GEXF 1.3. It returns an error,
// before writing anything, when s does not fit g (attr.Set.Check) or names
// a column like a standard one, and otherwise the first error of w. Cost is
// O((V + E) · columns).
func Write(w io.Writer, g *graph.Graph, s attr.Set) error {
	t, err := attr.GraphTables(g, &s)
	if err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	nodeCols, edges, edgeCols := t.Nodes, t.Edges, t.EdgeColumns
	works := g.Works()
	last := 0
	for _, wk := range works {
		last = max(last, wk.Year)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<gexf xmlns="` + Namespace + `" version="1.3">` + "\n")
	bw.WriteString("  <meta>\n    <creator>citegraph</creator>\n    <description>Citation graph: " +
		strconv.Itoa(len(works)) + " works, " + strconv.Itoa(len(edges)) + " links</description>\n  </meta>\n")
	bw.WriteString(`  <graph defaultedgetype="directed" mode="dynamic" timeformat="integer" timerepresentation="interval">` + "\n")
	writeAttributes(bw, "node", nodeCols)
	writeAttributes(bw, "edge", edgeCols)

	bw.WriteString(`    <nodes count="` + strconv.Itoa(len(works)) + `">` + "\n")
	for i, wk := range works {
		bw.WriteString(`      <node id="` + attr.EscapeXML(attr.Clean(wk.Key)) + `" label="` + attr.EscapeXML(s.LabelOf(wk)) + `">` + "\n")
		writeValues(bw, nodeCols, i)
		writeSpell(bw, wk.Year, last)
		bw.WriteString("      </node>\n")
	}
	bw.WriteString("    </nodes>\n")

	bw.WriteString(`    <edges count="` + strconv.Itoa(len(edges)) + `">` + "\n")
	for i, e := range edges {
		bw.WriteString(`      <edge id="` + strconv.Itoa(i) + `" source="` + attr.EscapeXML(attr.Clean(e.F.Key)) + `" target="` +
			attr.EscapeXML(attr.Clean(e.T.Key)) + `" weight="` + strconv.Itoa(e.N) + `" kind="` + e.Kind.String() + `">` + "\n")
		writeValues(bw, edgeCols, i)
		year := 0
		if e.F.Year != 0 && e.T.Year != 0 {
			year = max(e.F.Year, e.T.Year)
		}
		writeSpell(bw, year, last)
		bw.WriteString("      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	return nil
}

func writeAttributes(bw *bufio.Writer, class string, cols []attr.Column) {
	bw.WriteString(`    <attributes class="` + class + `">` + "\n")
	for _, c := range cols {
		bw.WriteString(`      <attribute id="` + c.Name + `" title="` + attr.EscapeXML(attr.Clean(c.Heading())) + `" type="` + attrTypes[c.Type] + `"/>` + "\n")
	}
	bw.WriteString("    </attributes>\n")
}

func writeValues(bw *bufio.Writer, cols []attr.Column, i int) {
	bw.WriteString("        <attvalues>\n")
	for _, c := range cols {
		if !c.Has(i) {
			continue
		}
		v := c.Text(i)
		if c.Type == attr.String && v == "" {
			continue
		}
		bw.WriteString(`          <attvalue for="` + c.Name + `" value="` + attr.EscapeXML(v) + `"/>` + "\n")
	}
	bw.WriteString("        </attvalues>\n")
}

func writeSpell(bw *bufio.Writer, year, last int) {
	if year == 0 {
		return
	}
	bw.WriteString(`        <spells><spell start="` + strconv.Itoa(year) + `" end="` + strconv.Itoa(last) + `"/></spells>` + "\n")
}
