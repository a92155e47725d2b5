// Package dot writes the resolved citation graph as a GraphViz DOT map:
// a digraph whose nodes are works, labelled "Family Year", coloured and
// grouped by theme, sized by a score such as PageRank, and whose edges are
// citations (solid arrows), co-citations (dashed) and "related" links
// (dotted).
//
// In go a *graph.Graph and Options (clusters and their labels, scores,
// layout engine) that the caller computed, e.g. with package analysis; out
// comes DOT text for `dot`, `sfdp` and the other GraphViz engines. Write
// writes the map, WriteView and WriteOverview the views below; Label is
// the rule for a work's short label, shared with the other writers;
// ClusterColour gives a theme's colour for legends.
//
// # Why not gonum's encoding/dot
//
// gonum's encoding/dot.Marshal writes any attribute value of the form
// "<…>" unquoted, as a GraphViz HTML-like label, so a title such as
// "<i>Homo sapiens</i>" would change its meaning and "<script>" or an
// unbalanced "<" would break the file; it also writes the edges of a
// subgraph twice. This package quotes every value instead and writes each
// edge once, at the top level.
//
// # What survives
//
// Every text from the data (titles, names, venues, statements, cluster
// labels) is first cleaned: invalid UTF-8 becomes U+FFFD, newlines, carriage
// returns, tabs and other white space become a single space, other control
// characters and the bidirectional controls (U+202E …, which would show
// text reversed) are dropped. It is then escaped for the GraphViz rules that
// apply to it, so that GraphViz shows it literally:
//
//   - inside double quotes, '"' is written \" and '\' as \\ (labels) or
//     \\\\ (tooltips, which GraphViz unescapes twice), so escString
//     sequences such as \N, \G or \L in a title come out as written;
//   - '&' is written "&amp;", because GraphViz decodes HTML entities in
//     labels and tooltips, and U+FFFD as "&#xFFFD;", because gonum's DOT
//     parser rejects it as a raw character;
//   - line breaks (\n) appear only where this package puts them: between
//     the lines of a tooltip;
//   - no value is ever written as an HTML-like <…> string; other scripts
//     (Arabic, Chinese, Cyrillic …) pass through as UTF-8, and the graph
//     says charset="UTF-8";
//   - every string stays within what GraphViz reads (16,384 bytes): a line
//     of a label keeps at most 200 runes, any quoted string at most 16,000
//     bytes after escaping, the longest lines of a tooltip cut on a rune to
//     fit, each with "…"; a DOI URL that would not fit is left out and a
//     Key that would not is written as its start, "…" and a hash.
//
// Node IDs are the works' Keys, quoted (never integers: one DOT writer we
// measured dropped every edge into a node numbered 0); a control character
// or invalid byte in a Key would be written %XX. Numbers are written with
// three decimals. URLs to doi.org are percent-encoded so that the SVG
// GraphViz makes from them stays well-formed.
//
// # Views
//
// WriteView draws part of the graph (View): the Top works by a measure,
// a span of years, some themes, some kinds of edge, the neighbourhood of
// one work (Focus, Depth), or a historiograph — works in rows by year with
// a year axis, oldest at the top, the citations the caller marks (a main
// path) in bold. A legend explains the theme colours, node sizes and edge
// styles. WriteOverview draws one node per theme, sized by its works, with
// arrows weighted by the citations between themes. Large maps default to
// sfdp (see SFDPFrom); a historiograph is always laid out by dot. Larger
// still (PositionFrom), the caller places the nodes itself (Options.Pos)
// and GraphViz's nop2 engine only draws them; Options.Labelled leaves
// all but the largest works as unlabelled dots.
//
// # Gephi
//
// Gephi's DOT importer (ImporterDOT) is a hand-written tokenizer, not a
// DOT parser: it reads every word of a graph attribute statement
// (charset="UTF-8"), a default statement (node [fontname=…]) and a
// subgraph header as a node ID, stops reading a node at the first ']' so
// a second attribute list becomes more stray nodes, takes "#RRGGBB" as a
// fully transparent colour (and throws on "#RRGGBBAA"), and does not
// decode HTML entities. Options.Gephi writes the dialect both read alike:
// node and edge statements only, one attribute list each, colours as HSV
// triples, "&amp;" only where GraphViz would decode an entity, and the
// works' data as node attributes that GraphViz ignores and Gephi imports as
// columns. The tests check it against a model of ImporterDOT written from
// its source.
//
// # Files
//
// dot.go holds Options and Write; views.go View, WriteView, Overview and
// WriteOverview; gephi.go the Gephi dialect; label.go the label and
// tooltip text; prisma.go WritePrisma, the PRISMA 2020 identification
// diagram; escape.go cleaning, quoting and number formatting;
// palette.go the colour-blind-safe palette (Okabe–Ito, then Paul Tol's
// muted scheme).
package dot
