// Package lines reads the line-based export formats (scrape/medline,
// scrape/ovid, scrape/proquest, scrape/ris, scrape/wos) line by line:
// any line end ("\n", "\r\n" or a lone "\r"), a byte order mark dropped,
// lines counted from 1 for error messages, and memory bounded by the
// longest line (a line longer than 16 MiB is an error, a *pos.Error at its
// line: the reader kit's positional error, package scrape/internal/pos).
//
// Files:
//
//	lines.go  Reader
package lines
