// Package csljson writes records as CSL-JSON, the citation format of
// Zotero, citeproc, pandoc and ASReview: one JSON array of items. Output
// is deterministic for the same records: items in the order written,
// keys in a fixed order, one item per line.
//
// Each item has id (the record's ID), type (the CSL type; "article-journal"
// when the record has a venue and no type, else "document"), title,
// author ({family, given}), issued ({date-parts}), container-title,
// volume, issue, page, DOI, URL, abstract, keyword (comma-separated, as
// CSL has it), ISSN, ISBN, publisher, language, PMID and PMCID. The other
// identifiers, which CSL has no variables for, go into note as
// "scheme: value" lines (Zotero reads such lines back).
package csljson
