// Package graphjson writes the whole analysed citation graph as one JSON
// document: what Build counted (graph.Report), the themes, every work with
// its bibliographic data and the caller's values, and every edge with its
// statements and sources. It is the form for scripts (Python, R, jq) that
// want everything citegraph knows without parsing GraphML or GEXF.
//
// The document is an object:
//
//	format       "citegraph-graph"
//	version      1 (raised only when a key changes meaning; keys may be added)
//	report       graph.Report: records, duplicates, works, how links were made
//	node_columns the caller's node columns: name, title, type (string, int, float, bool)
//	edge_columns the caller's per-citation columns, likewise
//	themes       per theme: theme (from 1), title, label, terms, size, top (keys, most central first)
//	nodes        per work, in node-ID order: id (the node ID), key, kind, label, title,
//	             authors, year, venue, volume, issue, pages, doi, publisher, abstract,
//	             identifiers and mentions as the graph holds them, theme (from 1; 0 for
//	             none), the statements citing it by intent (statements, supporting,
//	             mentioning, contrasting, other_intent), sources, and attrs: the
//	             caller's values by name
//	edges        per edge (citations, then co-citations, then related links, each in the
//	             graph's order): source and target (keys), kind, weight (Edge.N), method,
//	             statements (text, section, intent, confidence, source, and where set
//	             classified_by, function, function_confidence, sentiment,
//	             sentiment_confidence), sources, attrs
//
// Text is cleaned (attr.Clean) and JSON-escaped with <, > and & written as
// \u003c, \u003e and \u0026, so the document is also safe inside an HTML
// <script> element. Floats that JSON cannot hold (NaN, ±Inf) are null.
// Output is the same, byte for byte, for the same graph and Set: object
// keys are sorted by encoding/json or fixed by the structs below.
package graphjson
