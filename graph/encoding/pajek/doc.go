// Package pajek writes the resolved citation graph in Pajek's formats: a
// network (.net), a partition (.clu) of the works into themes and a vector
// (.vec) of a score such as PageRank. Pajek, VOSviewer, igraph, networkx,
// UCINET and CiteSpace's converters read them.
//
// In go a *graph.Graph and an attr.Set. Vertices are numbered 1 … V in
// node-ID order, each labelled with the Set's short label in double
// quotes; citations are *Arcs from the citing to the cited work and
// co-citations *Edges, each with its weight (Edge.N), in the graph's
// order. Pajek has no escape for a double quote inside a label, so a '"'
// in a label is written as '”' (U+201D); labels are otherwise cleaned
// (attr.Clean) and written as UTF-8 without a byte-order mark, with "\n"
// line ends. A line can never start a new section: labels have no line
// breaks. Output is the same, byte for byte, for the same graph and Set.
package pajek
