// Package encodingtest holds the fixture every writer of graph/encoding is
// tested on: a small corpus whose titles, names, venues, statements and
// theme labels try to break out of every format (quotes, braces, angle
// brackets, markup, newlines, control characters, invalid UTF-8, other
// scripts), with every kind of node and edge, and caller values (a Set)
// made up deterministically from the graph. Writers must carry each text
// through intact (as attr.Clean gives it) and inert.
//
// It also holds the checks by the formats' real consumers that several
// writers share.
//
// Files:
//
//	fixture.go     the hostile corpus (Records, Graph, Large) and the caller's columns (Set)
//	check.go       Golden, Tool, Run, Networkx (networkx readers), WriteTemp
//	citationjs.go  CitationJS, CheckCitationJS: citation-js reads back RIS, BibTeX, CSL-JSON
//	citationjs.js  the node script those run (embedded)
package encodingtest
