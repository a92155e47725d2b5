// Command citegraph turns the scholarly literature on a topic into a
// citation graph: it extracts records from saved pages and exports,
// resolves them into one graph, analyses it and draws it with GraphViz.
//
// This package only wires the stages together; see the packages scrape,
// graph, analysis and graph/encoding/... for the work itself.
package main
