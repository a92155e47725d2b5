// Package csljson reads CSL-JSON, the citation format of Zotero, Mendeley,
// citeproc and pandoc: an array of items (or one item, or items one per
// line), each with a CSL type, title, author names, an issued date and
// the rest, in the shapes CSL 1.0.2's schema allows: dates as date-parts
// (numbers or strings, ranges), raw or literal text or an EDTF string;
// names with particles and suffixes, or literal; numbers as numbers or
// strings; citeproc-js's rich-text tags dropped from titles. The hybrid Crossref writes for
// "Accept: application/vnd.citationstyles.csl+json" is read too: Crossref
// types ("journal-article") are mapped to CSL's, titles and container
// titles may be arrays, a subtitle is joined to the title, the JATS markup
// of the abstract is dropped, is-referenced-by-count is the global citation
// count and the reference list (reference) becomes References.
//
// Reader implements the stream-format interface of package scrape without
// importing it. Items are decoded one at a time (encoding/json's Decoder),
// so a large array streams in bounded memory. An item that is not a JSON
// object of the expected shape is reported, with its line, and reading
// goes on with the next; JSON that is not well formed ends the reading.
//
// Files: csljson.go (Reader, Item, mapping). ISSNs and ISBNs are found
// with scrape/internal/stdnum.
package csljson
