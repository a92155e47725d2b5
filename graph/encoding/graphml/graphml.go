package graphml

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Namespace is the GraphML namespace.
const Namespace = "http://graphml.graphdrawing.org/xmlns"

// Write writes g with the values of s as GraphML. It returns an error,
// before writing anything, when s does not fit g (attr.Set.Check) or names
// a column like a standard one, and otherwise the first error of w. Cost is
// O((V + E) · columns).
func Write(w io.Writer, g *graph.Graph, s attr.Set) error {
	t, err := attr.GraphTables(g, &s)
	if err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	nodeCols, edges, edgeCols := t.Nodes, t.Edges, t.EdgeColumns
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="` + Namespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="` + Namespace + ` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, c := range nodeCols {
		writeKey(bw, "node", c)
	}
	for _, c := range edgeCols {
		writeKey(bw, "edge", c)
	}
	bw.WriteString(`  <graph id="citegraph" edgedefault="directed">` + "\n")
	for i := range g.Works() {
		bw.WriteString(`    <node id="n` + strconv.Itoa(i) + `">` + "\n")
		writeData(bw, "node", nodeCols, i)
		bw.WriteString("    </node>\n")
	}
	for i, e := range edges {
		bw.WriteString(`    <edge id="e` + strconv.Itoa(i) + `" source="n` + strconv.FormatInt(e.F.ID(), 10) +
			`" target="n` + strconv.FormatInt(e.T.ID(), 10) + `"`)
		bw.WriteString(">\n")
		writeData(bw, "edge", edgeCols, i)
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	return nil
}

// keyTypes maps column types to GraphML's attr.type.
var keyTypes = map[attr.Type]string{attr.String: "string", attr.Int: "long", attr.Float: "double", attr.Bool: "boolean"}

func keyID(domain, name string) string {
	if domain == "node" {
		return "n_" + name
	}
	return "e_" + name
}

func writeKey(bw *bufio.Writer, domain string, c attr.Column) {
	bw.WriteString(`  <key id="` + keyID(domain, c.Name) + `" for="` + domain + `" attr.name="` + c.Name +
		`" attr.type="` + keyTypes[c.Type] + `">`)
	bw.WriteString("<desc>" + attr.EscapeXML(attr.Clean(c.Heading())) + "</desc></key>\n")
}

func writeData(bw *bufio.Writer, domain string, cols []attr.Column, i int) {
	for _, c := range cols {
		if !c.Has(i) {
			continue
		}
		v := c.Text(i)
		if c.Type == attr.String && v == "" {
			continue
		}
		bw.WriteString(`      <data key="` + keyID(domain, c.Name) + `">` + attr.EscapeXML(v) + "</data>\n")
	}
}
