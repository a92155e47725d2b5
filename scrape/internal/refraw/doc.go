// Package refraw prints a reference that its source gave only as fields
// (GROBID TEI, S2ORC bib entries, citation_reference meta tags) as the
// one-line string graph.Reference.Raw holds, so that the readers of those
// sources (scrape/tei, scrape/s2orc, scrape/htmlmeta) print it the same
// way.
package refraw
