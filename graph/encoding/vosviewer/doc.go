// Package vosviewer writes the resolved citation graph as a VOSviewer map
// file and network file ("Create a map based on network data" in
// VOSviewer), the pair VOSviewer and its online app read.
//
// The map file is tab-separated with a header line naming the columns, one
// line per item: id (1 … V), label (the Set's short label), description
// (title, authors, year, venue and DOI as HTML, which VOSviewer shows when
// the pointer rests on an item), url (the DOI's doi.org address), cluster
// (the theme counted from 1; VOSviewer takes 1 … 1000, so themes past the
// 999th share cluster 1000, and works in no theme leave it empty), one
// weight<…> column per chosen numeric column of the Set (weights must not
// be negative: negative values are written as 0) and score<Year> with the
// publication year. Following the manual, a label or description holding a
// comma, semicolon or double quote is enclosed in double quotes, a double
// quote inside doubled.
//
// The network file has no header: one line per pair of items, the two ids
// (smaller first) and the strength of the link, the sum of the weights
// (Edge.N) of the chosen edge kinds between the two works in either
// direction. VOSviewer's links have no direction. Self-links are left out.
//
// WriteNetwork writes the same pair of files for any network the caller
// derives (co-citation, bibliographic coupling, co-authorship, term
// co-occurrence): items of any kind, links with the caller's strengths.
//
// All text is cleaned (attr.Clean: no tabs or line breaks can split a
// line, no bidirectional control reorders it), the description is
// HTML-escaped, so a title with markup shows as text, and a label or
// description that a spreadsheet would run as a formula ("=HYPERLINK(…)",
// "@SUM(A1)", "-2+3") gets a leading single quote (csv.Cell), since the
// files are tab-separated tables that Excel and LibreOffice open too. Output is the same, byte for byte, for the same graph and Set.
package vosviewer
