// Package xmlread is what the XML readers (scrape/jats, scrape/tei) share:
// a strict token Decoder that knows where it is and checks its context,
// PosError for a failure at a line and column, the text of an element, and
// small subtrees (a header, a reference) read whole into Nodes.
//
// The readers re-export PosError under their own name (a type alias), so
// callers match *jats.PosError and *tei.PosError as before.
//
// Files:
//
//	xmlread.go  PosError, Decoder (Token, Skip, Text, Tree), Node, Clean
package xmlread
