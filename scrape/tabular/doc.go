// Package tabular reads the CSV exports of bibliographic databases, one
// type per producer: Scopus (old and new column sets), Lens.org, OpenAlex
// (its web interface's CSV) and Embase.com (fields in columns, or fields
// in rows: a line per field, a record from each TITLE). Each implements the
// stream-format interface of package scrape without importing it. Rows
// are read one at a time with encoding/csv, so files of any size stream in
// bounded memory; a malformed row is reported (a *SyntaxError with its
// line) and skipped.
//
// ParseScopusReferences reads Scopus's reference lists (both styles); the
// RIS and BibTeX readers use it for Scopus's exports in those formats.
//
// Files:
//
//	tabular.go    the CSV loop, SyntaxError, shared helpers
//	formats.go    Scopus, Lens, OpenAlex, Embase
//	embaserows.go Embase.com's fields-in-rows layout
//	scopusref.go  ParseScopusReferences, ParseScopusReference
//
// ISSNs and ISBNs are found with scrape/internal/stdnum.
package tabular
