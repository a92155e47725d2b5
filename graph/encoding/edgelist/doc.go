// Package edgelist reads citation graphs that come as plain edge lists, so
// that citegraph analyses any citation graph, not only the ones it scraped:
//
//   - SNAP edge lists (cit-HepTh, cit-HepPh): "citing cited" per line,
//     separated by a tab or spaces, '#' comment lines, LF or CRLF line ends;
//   - the LINQS pair of Cora and CiteSeer: a .cites file whose lines read
//     "cited citing" (reversed, as the dataset's README says) and a
//     .content file with an ID, binary word features and a class label per
//     line;
//   - SNAP dates files ("paper year" or "paper YYYY-MM-DD", such as
//     cit-HepPh-dates.txt), an optional companion giving each paper's year.
//
// What goes in are files (gzip-compressed or not, told by their first
// bytes); what comes out are the nodes, citations, years and word bags
// added to a graph.CompactBuilder, keyed by the IDs as the files write
// them (decimal IDs without leading zeros). The kind of a file is sniffed
// from its content (Sniff); only the order of an edge list's two IDs
// cannot be, so a name ending in ".cites" means LINQS's "cited citing"
// (OrderFor) unless the caller says otherwise.
//
// Errors name the file and line (*Error). A bad line ends the reading of
// its file; what was read before stays.
//
// Files:
//
//	edgelist.go  Sniff, Open, ReadEdges, ReadContent, ReadDates, Error
//	load.go      Load: several files into one builder
package edgelist
