// Package bibtex reads BibTeX and BibLaTeX files as reference managers and
// databases (Zotero, JabRef, Crossref, Scopus, Web of Science, ProQuest,
// Pure) write them, one entry at a time in bounded memory. Reader
// implements the stream-format interface of package scrape without
// importing it.
//
// The parser is our own. github.com/nickng/bibtex, the maintained Go
// BibTeX library, was tried on the five real exports in the test data: it
// failed on three (Web of Science's field names with parentheses, a
// Scopus key with an apostrophe, and the month macro "Aug" of a Crossref
// entry, on which it calls log.Fatalf and ends the program), reads the
// whole file into memory and does not decode LaTeX.
//
// Files:
//
//	parser.go  the streaming parser: Entry, @string, @comment, @preamble,
//	           concatenation, error recovery, SyntaxError
//	latex.go   DecodeLaTeX
//	crossref.go  fields a crossref's child takes from its parent
//	bibtex.go  Reader and the mapping of an Entry to graph.Record (Record,
//	           Types): Web of Science's Cited-References and Scopus's
//	           references become References
//
// ISSNs and ISBNs are found with scrape/internal/stdnum.
package bibtex
