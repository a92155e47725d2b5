// Package xmlread is what the XML readers (scrape/jats, scrape/tei) share:
// a strict token Decoder that knows where it is and checks its context,
// PosError for a failure at a line and column, the text of an element, and
// small subtrees (a header, a reference) read whole into Nodes, and the
// loops both readers are made of: the document loop (Documents, over a
// Document per <article> or <TEI>), the children of an element (Children,
// Within) and the attribute of a start tag (Attr).
//
// The readers re-export PosError under their own name (a type alias), so
// callers match *jats.PosError and *tei.PosError as before.
//
// Files:
//
//	xmlread.go  PosError, Decoder (Token, Skip, Text, Tree, Children, Within,
//	            Truncated), Node, Clean, Attr, Document, Documents
package xmlread
