// Package tei reads the TEI XML that GROBID makes of a PDF into records:
// the paper's header (title, authors, date, venue, identifiers, abstract),
// its bibliography as references, and the sentences of the body that cite
// them as statements, each linked to the references it names.
//
// What goes in is the TEI of one or more papers (a <teiCorpus> or
// <TEI> documents in a row); what comes out is one graph.Record per
// paper, sent to the registry's callback. A failure is a PosError with
// its line and column.
//
// Files:
//
//	tei.go  Format, Extract: header, bibliography and body
//	xml.go  PosError and the XML helpers
package tei
