// Package biblio computes the descriptive bibliometrics that
// bibliometrix's biblioAnalysis and summary report (issue 14): documents,
// sources and timespan, annual production and growth, the most productive
// authors, sources, affiliations and countries, keyword counts, author and
// source h-, g- and m-indexes, Bradford's zones and Lotka's law, the most
// cited works and references.
//
// What goes in is the resolved citation graph with the records it was
// built from: the documents are the works that at least one record
// describes (duplicates that resolution merged count once), each with the
// fields of its first record (Docs). What comes out is a Summary, a plain
// value whose JSON form is bibliometrics.json. Nothing here reads files or
// prints; the result depends only on the graph, the records and
// Options.ReferenceYear.
//
// Files: docs.go turns works and records into Docs; summary.go the
// summary counts and ranked tables; laws.go h/g/m indexes, Bradford and
// Lotka; countries.go reads countries and institutions out of addresses;
// tables.go writes the summary's tables as text cells (Summary.Tables)
// for the CSV files and the report. The definitions
// and where they differ from bibliometrix's are in docs/BIBLIOMETRICS.md.
package biblio
