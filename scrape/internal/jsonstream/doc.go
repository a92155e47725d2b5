// Package jsonstream holds what every citation-index answer reader
// (scrape/crossref, scrape/openalex, scrape/opencitations,
// scrape/semanticscholar, scrape/sciteapi) needs to read a JSON answer:
// streaming it in bounded memory with a Decoder that knows lines and
// columns, placing every problem at a line and column (SyntaxError),
// field types for values that answers write loosely (Str, Num, Strs),
// telling answers apart by the shape of their first bytes (ScanShape), and
// collecting the problems of one answer (ErrorList), and the reading of
// one answer that every Decode shares (Answer: values read past fields of
// the wrong type, the caller's emit error and cancellation returned as they
// are, the problems joined at the end).
//
// The readers re-export SyntaxError under their own name (a type alias),
// so callers match *crossref.SyntaxError and the others as before.
//
// Files:
//
//	jsonstream.go  SyntaxError, Decoder, Str/Num/Strs, ScanShape, ErrorList
//	answer.go      Answer (Open, Records, Value, Emit, Halted, Finish)
//	text.go        StripMarkup, SomeKeys
//	lines.go       Lines: the line counter of the JSON readers
package jsonstream
