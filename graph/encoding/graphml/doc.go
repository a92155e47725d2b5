// Package graphml writes the resolved citation graph with the caller's
// values as GraphML 1.0 (graphml.graphdrawing.org), the XML graph format
// that yEd, Cytoscape, Gephi, igraph, networkx and most graph libraries
// read.
//
// In go a *graph.Graph and an attr.Set (labels, themes, centralities,
// per-citation values); out comes one <graph edgedefault="directed">
// holding every work as a <node> and every edge as an <edge>, each with
// its kind ("cites", "cocited", "related") as the "kind" attribute.
// Citations run from the citing to the cited work; co-citations and
// "related" links have no direction of their own and run as the graph
// keeps them (see graph.CoCited). They are not marked directed="false":
// GraphML allows mixed graphs, but networkx and igraph refuse to read
// them. Each attribute is declared once as a typed
// <key> (string, long, double or boolean): first the standard columns of
// attr.WorkColumns and attr.EdgeColumns, then the caller's. Values a row
// does not have (a citation column on a co-citation edge) are left out.
//
// Node IDs are "n" and the node ID ("n0", "n1" …) because GraphML IDs are
// XML NMTOKENs, which a DOI ("10.1/x") is not; the work's Key is the "key"
// attribute. Edge IDs are "e" and the edge's place in the file. All text
// is cleaned (attr.Clean: no control characters, invalid UTF-8 shown as
// U+FFFD) and XML-escaped, so any title comes through as text. Output is
// the same, byte for byte, for the same graph and Set. The file validates
// against the GraphML 1.0 XML Schema (graphml.xsd).
package graphml
