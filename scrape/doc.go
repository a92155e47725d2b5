// Package scrape turns sources — saved or fetched web pages, full-text XML
// (JATS, GROBID TEI, S2ORC), bibliographic exports and citation-index
// answers — into records ([]graph.Record), the vocabulary every later
// stage speaks.
//
// What goes in is bytes with a name (a path or URL); what comes out is the
// records the source describes, each with its provenance (graph.Source).
// The kind of a source is detected from its content, never its file name.
// A Registry holds the extractors and picks one; Walk reads many files and
// keeps going when one fails, handing each file's records and error to a
// callback.
//
// Web pages are read as text blocks (Page): a page saved as text is split
// into lines, and a page saved as HTML is parsed with goquery and turned
// into the lines a browser would render, so one extractor reads both and
// an HTML page and its text dump give the same records.
//
// Files:
//
//	registry.go   Registry, PageFormat, Walk, format detection
//	page.go       Page: text and HTML to text blocks, decoding to UTF-8
//	errors.go     Error (path, line, cause) and the sentinel errors
//	report.go     Report: the per-source report of a gathering stage
//	gathering.go  Gathering: the report, errors and progress of one walk
//	edgelists.go  SplitEdgeLists: edge lists apart from the sources a Registry reads
//	scite.go      scite.ai citation reports
//	academia.go   Academia.edu paper pages with related papers
//	emerald.go    Emerald Insight listings
//	proquest.go   ProQuest abstract pages
//
// Subpackages: prose (in-text citations, structured abstracts), shared by
// every extractor.
//
// Extractors never touch the network; they read what they are given.
package scrape
