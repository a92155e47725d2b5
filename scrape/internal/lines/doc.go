// Package lines reads the line-based export formats (scrape/medline,
// scrape/ovid, scrape/proquest, scrape/ris, scrape/wos) line by line:
// any line end ("\n", "\r\n" or a lone "\r"), a byte order mark dropped,
// lines counted from 1 for error messages, and memory bounded by the
// longest line (a line longer than 16 MiB is an error, a *pos.Error at its
// line: the reader kit's positional error, package scrape/internal/pos).
//
// Those readers share one record loop (Loop.Run): each gives its rules as
// a Format (which lines begin, continue and end a record), and the loop
// keeps the rest: cancellation, the record's first line, its size against
// MaxRecord, and the problems found, each a *pos.Error at its line.
//
// Files:
//
//	lines.go  Reader
//	loop.go   Format, Loop, Read: the record loop
//	fields.go Field, Fields: a record's tagged fields with their continuation lines
package lines
