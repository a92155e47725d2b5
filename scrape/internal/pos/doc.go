// Package pos is the reader kit's one positional error: a problem at a
// line (and column) of a source. The line-based readers (scrape/medline,
// scrape/ovid, scrape/proquest, scrape/ris, scrape/wos) and the JSON
// answer readers (through scrape/internal/jsonstream) re-export Error
// under their own name, SyntaxError, as a type alias, so callers match
// *ris.SyntaxError and the others with errors.As as before.
//
// An Error read alone says where it is ("line 3: record has no ER"); the
// registry's scrape.Error, which names the file and the line itself,
// prints the cause without the position (Trim), so that the position
// appears once.
//
// Files:
//
//	pos.go  Error, Prefix, Trim
package pos
