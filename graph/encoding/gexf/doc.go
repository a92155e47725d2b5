// Package gexf writes the resolved citation graph with the caller's values
// as GEXF 1.3 (gexf.net), the format Gephi reads natively.
//
// In go a *graph.Graph and an attr.Set; out comes one directed, dynamic
// graph: every work a <node> whose id is the work's Key and whose label is
// the Set's short label, every edge an <edge> (citations from the citing
// to the cited work; co-citations and "related" links as the graph keeps
// them) with its weight (Edge.N) and its kind ("cites", "cocited",
// "related", GEXF 1.3's edge kind, which Gephi shows as the edge type).
// Typed attributes (string, long, double, boolean) are declared once per
// class: the standard columns of attr.WorkColumns and attr.EdgeColumns,
// then the caller's; a value a row does not have is left out. Time is the
// publication year (timeformat="integer"): a work with a year has a spell
// from that year to the last year of any work in the graph, and an edge a
// spell from the later of its two ends' years to the same end, so that Gephi's timeline grows the
// map year by year. Works without a year have no spell (always present).
// (Spells are closed rather than left open because networkx cannot read
// an open one.)
//
// No viz: elements (colours, sizes, positions) are written: Gephi's
// Appearance panel colours by the "theme" attribute and sizes by any
// centrality in two clicks, and the published 1.3 viz grammar could not be
// checked here (see testdata/README.md). Nor is a lastmodifieddate, so
// the same graph and Set give the same bytes.
//
// All text is cleaned (attr.Clean) and XML-escaped, so any title comes
// through as text. The output validates against the GEXF 1.3 RelaxNG
// grammar (gexf.rng, dynamics.rng).
package gexf
