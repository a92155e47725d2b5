// Package sciteapi reads scite API answers saved as files, or handed over by
// a client as response bodies: tallies (/tallies/{doi}, the batch POST
// /tallies, section tallies) and paper metadata (/papers/{doi}, the batch
// POST /papers, /papers/sources/{doi}).
//
// What goes in is one answer body (an io.Reader); what comes out is one
// graph.Record per work the answer describes, in answer order. A tally
// becomes graph.Tallies on a record that has only the DOI, so graph.Build
// puts the counts on the work the DOI names, whatever source describes it:
//
//	total               citation_statements
//	supporting          supporting
//	contradicting       contrasting (scite's "contrasting" on its pages)
//	mentioning          mentioning
//	unclassified        unclassified
//	citingPublications  citing_publications
//
// Section tallies (introduction, methods, results, discussion, other) count
// the same statements by section; graph.Tallies has no field for them, so
// only their total is kept. A paper gives doi, title, abstract, year,
// authors (in authorSequenceNumber order, with ORCIDs), journal as venue,
// volume, issue, page, publisher, keywords, the first ISSN, and its type
// (Crossref's vocabulary) in CSL's, by crossref.CSLType.
//
// The format is "scite-api"; scite's report pages, saved from a browser,
// are read by package scrape's page extractor "scite".
//
// Files:
//
//	sciteapi.go    Format (scrape.StreamFormat "scite-api"), Options, Sniff, Decode, SyntaxError
//	index.go       Client, the client of scite's tallies (index.Tallier)
//	service.go     Host, Service (registered in scrape/services), the limits
//
// The JSON streaming helpers (and SyntaxError, an alias here) are shared
// with the other answer readers in scrape/internal/jsonstream.
package sciteapi
