// Package stdnum finds ISSNs and ISBNs in the free text of bibliographic
// fields ("0028-0836 (Print)", "ISBN 0-19-852663-6 (pbk.)"), as the
// file readers (scrape/bibtex, scrape/csljson, scrape/medline,
// scrape/ovid, scrape/proquest, scrape/ris, scrape/tabular, scrape/wos)
// need: the first ISSN as "NNNN-NNNC", the first ISBN as 13 digits; and
// the bare ORCID iD of an author's ORCID URL, as the JSON readers
// (scrape/crossref, scrape/csljson, scrape/openalex, scrape/sciteapi) need.
//
// It looks for the form only and does not check digits: graph.NormalizeID
// validates a whole identifier (and rejects one with text around it or a
// wrong check digit); these functions pick the identifier out of a field
// as the export writes it, leaving validation to graph.
//
// Files:
//
//	stdnum.go  FindISSN, FindISBN, ORCID
package stdnum
